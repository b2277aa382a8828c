import type { Sentence } from '../text/sentences.js';
import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';

/**
 * The sentences where a document says who "we" are: a quoted "we" or "us" given as an alias ('Badoo Trading Limited and
 * Bumble Trading LLC are joint controllers … (referred to in this Policy as "we" and "us")', 'When we use the terms
 * "Zillow Group," "we," "us," … we are referring to the Zillow Group affiliates, subsidiaries, and brands … including
 * Trulia, StreetEasy, and HotPads'). Every organisation named there is one of "us", not a recipient (README: "includes
 * affiliates outside the document's own definition of 'we'"), wherever else the document names it.
 */
// A quoted "we" or "us" (straight or curly quotes, a comma or stop inside the quotes as American style puts it).
const WE_ALIAS = /["“‘'](?:we|us)[,.]?["”’']/i;
// A sentence that also passes data on is about sharing, not only about who "we" are ('Acme ("we") shares data with
// Stripe'): its names are left to the other readings.
// So is one where "we" use or engage someone ('Orbital Ltd ("we") uses Stripe to take payments'), though not "we use the
// terms …" of a definition nor the noun ("the collection, use, and retention of personal information").
// "provides access to several websites" is what the vendor offers, not data it passes on.
const PASSES_ON = /\b(?:shares?|shared|sharing|disclos\w*|transfer\w*|sells?|sold|sends?|sent|forward\w*|made\s+available|provides?\s+(?!access\s+to\b)(?:\w+\s+){0,3}to)\b/i;
// The verb's subject is "we", a name or the parenthesis of aliases (case-sensitive: "and use" is not it).
const WE_USE = /(?:\)|\b[Ww]e|\b\p{Lu}[\p{L}\p{N}.-]*)\s+(?:also\s+|may\s+)?(?:uses?|used|utili[sz]es?|engag(?:e|es|ed)|rel(?:y|ies)\s+on|works?\s+with|partners?\s+with)\b(?!\s+(?:the\s+)?(?:terms?|words?)\b)/u;
// Only the head of a document defines "we" (the first 200 sentences); a quoted "we" later is a quotation.
const HEAD_SENTENCES = 200;

// The verbs of what a policy covers, passing on the last of a series ("how your Personal Information is collected, use, and
// shared", "collects, uses and discloses"), with no party it goes to: the policy's scope, not a passing on. Not when the
// data then goes "with" or "to" someone ("collect, use and share your data with Stripe").
const SCOPE_SERIES = /\b(?:collect\w*|us(?:e|es|ed|ing)|process\w*|stor\w*|handl\w*|protect\w*)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:[\w-]+(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){0,3}(?:shar\w*|disclos\w*|transfer\w*)\b(?!,?\s+(?:[\w-]+\s+){0,4}?(?:with|to)\b)/gi;

const WE_ALIASES = new RegExp(WE_ALIAS.source, 'gi');

/** Where the last quoted "we"/"us" alias of a sentence ends, with the rest of its parenthesis ('("Heartline", "we", or "our")'). */
function aliasesEnd(v: string): number {
  let end = 0;
  for (const m of v.matchAll(WE_ALIASES)) end = m.index + m[0].length;
  const close = /^[^()]{0,60}\)/.exec(v.slice(end));
  return end + (close ? close[0].length : 0);
}

export function weDefinitionSentences(sentences: Sentence[]): string[] {
  const out: string[] = [];
  for (const s of sentences.slice(0, HEAD_SENTENCES)) {
    const v = s.view;
    if (!(v.includes('we') || v.includes('us') || v.includes('We') || v.includes('Us'))) continue;
    if (!WE_ALIAS.test(v) || WE_USE.test(v)) continue;
    if (!PASSES_ON.test(v)) out.push(v.toLowerCase());
    // A scope sentence defines "we" by its aliases; a name after them is where the data goes ('Acme, Inc. ("we") collects,
    // uses and discloses personal information, including to service providers such as Paystride, Inc.'), not one of "us".
    else if (!PASSES_ON.test(v.replace(SCOPE_SERIES, ''))) out.push(v.slice(0, aliasesEnd(v)).toLowerCase());
  }
  return out;
}

// A definition of "we" also names other organisations the vendor stands in a relation to: its parent ("LinkedIn
// Corporation ("we") is a subsidiary of Microsoft Corporation"), its host ("the platform hosted by Amazon Web Services"),
// a partner ("together with our hosting partner Nimbus Cloud, Inc."). A name right after such a preposition or partner
// noun, with the alias before it, is not one of "us" (lower case: the definitions are kept lower-cased).
const OTHER_PARTY_BEFORE = /(?:\b(?:of|by|with|from|via|through|on)\s+(?:the\s+)?|\b(?:partner|provider|processor|vendor|supplier|contractor)s?,?\s+)$/;

// A definition of "we" that takes in the vendor's subsidiaries or affiliates ('NextWave, Inc. and its subsidiaries and
// affiliates, including the Rollwave brand (collectively, "we")') covers their companies too: a legal name whose brand the
// definition writes ("Rollwave Limited") is one of "us", not an affiliate outside "we".
const GROUP_IN_US = /\b(?:its|our|their)\s+(?:[\w-]+\s+){0,2}(?:subsidiaries|affiliates|affiliated\s+(?:companies|entities)|group\s+companies)\b/;

/** Whether `n` (lower case) is written in `d` as a whole name, as one of "us". */
function writtenAsUs(d: string, n: string): boolean {
  for (let i = d.indexOf(n); i >= 0; i = d.indexOf(n, i + 1)) {
    if (/[\p{L}\p{N}]/u.test(d[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(d[i + n.length] ?? ' ')) continue;
    // The entity the alias then names is "us" whatever word comes before it ('Overleaf is operated by Digital Science UK
    // Ltd (…) ("DS UK" or "we")'); a name after the alias, in a relation to the vendor, is another party.
    if (!OTHER_PARTY_BEFORE.test(d.slice(Math.max(0, i - 40), i)) || WE_ALIAS.test(d.slice(i + n.length))) return true;
  }
  return false;
}

/** Whether `name` is written, as a whole name, in one of the sentences that define "we", as one of "us" (or is a company of a brand a definition that takes in the group writes). */
export function namedAsUs(definitions: string[], name: string): boolean {
  const n = name.toLowerCase();
  const brand = TRAILING_LEGAL_SUFFIX.test(n) ? n.replace(TRAILING_LEGAL_SUFFIX, '').trim() : undefined;
  for (const d of definitions) {
    if (writtenAsUs(d, n)) return true;
    if (brand && brand.length >= 3 && GROUP_IN_US.test(d) && writtenAsUs(d, brand)) return true;
  }
  return false;
}
