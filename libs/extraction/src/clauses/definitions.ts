import type { Sentence } from '../text/sentences.js';
import type { DocumentTerms } from './lexicon.js';

/** Who "we" are in this document, and which of its defined terms name the customer's data. */
export interface Definitions {
  /** The vendor's names: legal names and brands defined as "we" (or found in the title), most specific first. */
  vendorNames: string[];
  /** Defined terms that name the customer's or users' data ("Customer Data", "Your Stuff", "Client Content"). */
  dataTerms: string[];
  /** The phrases to add to the vocabulary for this document. */
  terms: DocumentTerms;
}

const WE = /^(?:we|us|our|ours)$/i;
const QUOTED = /"([^"]{1,60})"/g;
const NAME_BEFORE = /((?:[\p{Lu}0-9][\p{L}\p{N}&'.+-]*(?:,? (?:Inc|LLC|Ltd|GmbH|S\.A|SAS|B\.V|AG|plc|Limited|Corp|Corporation|UC|Oy|AB|SE|SARL|Pte)\.?)?[ ,]+(?:(?:and|of|&|de|d\/b\/a|du|la|le)\s+)?){0,7}[\p{Lu}0-9][\p{L}\p{N}&'.+-]*(?:,? (?:Inc|LLC|Ltd|GmbH|S\.A|SAS|B\.V|AG|plc|Limited|Corp|Corporation|UC|Oy|AB|SE|SARL|Pte)\.?)?)\s*(?:\([^()]{0,60}\)\s*)?,?\s*$/u;
const REFERS = /"(?:we|us|our)"[^.;]{0,60}?\b(?:refers? to|refer to|means?|is|are|designates?|shall mean|stands? for)\s+((?:the\s+)?[\p{Lu}][^.;:()"]{1,100})/giu;
const TITLE_BRAND = /^(.{2,60}?)\s+(?:\S+\s+)?(?:privacy|terms|law enforcement|data (?:processing|protection|controller|processor)|cookie|acceptable use|user agreement|community|developer|commercial|business|service agreement|eula|legal)/i;
const GENERIC = /^(?:the|this|these|our|your|a|an|privacy|terms|policy|notice|services?|website|site|app|platform|agreement|company|customer|user|you|we|us|data|personal data|content|affiliates?|parties|party|document)$/i;

/**
 * Reads the document's definitions: names given the aliases "we"/"us" (`Acme, Inc. ("Acme", "we")`,
 * `"we" refers to Acme GmbH`), the brand in the title ("Acme Privacy Policy"), and defined terms for the
 * customer's data. `known` are names the party finder already found for the vendor.
 */
export function readDefinitions(view: string, title: string | undefined, sentences: Sentence[], known: string[]): Definitions {
  const names: string[] = [...known];
  const head = view.slice(0, 60_000);
  // 'Acme Inc. and its affiliates ("Acme", "we", "us")': the name before a parenthesis that aliases "we".
  for (let open = head.indexOf('('); open >= 0; open = head.indexOf('(', open + 1)) {
    const close = head.indexOf(')', open);
    if (close < 0 || close - open > 160) continue;
    const inside = head.slice(open + 1, close);
    const aliases = [...inside.matchAll(QUOTED)].map((m) => m[1].trim());
    if (!aliases.some((a) => WE.test(a))) continue;
    for (const a of aliases) if (!WE.test(a) && !GENERIC.test(a)) names.push(a);
    const before = head.slice(Math.max(0, open - 200), open).split(/\n|[.;:](?=\s)/).pop() ?? '';
    const nm = NAME_BEFORE.exec(before);
    if (nm) for (const part of nm[1].split(/\s*,\s*(?![A-Z][a-z]{0,3}\.?$)|\s+and\s+/)) pushName(names, part);
  }
  for (const m of head.matchAll(REFERS)) {
    for (const part of m[1].split(/\s*,\s*|\s+and\s+|\s+or\s+/)) pushName(names, part.replace(/^the\s+/i, ''));
  }
  if (title) {
    const t = TITLE_BRAND.exec(title.trim());
    if (t) pushName(names, t[1].replace(/['’]s$/, ''));
  }
  const vendorNames = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2 && !GENERIC.test(n)))];
  const dataTerms: string[] = [];
  for (const s of sentences) {
    if (!s.isDefinition) continue;
    const m = /^(?:[-*•]\s+|\(?[a-z0-9]{1,4}[.)]\s+)*(?:the\s+terms?\s+)?"([^"]{2,40})"/i.exec(s.view);
    if (!m) continue;
    const rest = s.view.slice(m[0].length, m[0].length + 300);
    if (/\b(?:data|content|information|files?|materials?|records?|recordings?|messages?|submissions?|inputs?)\b/i.test(rest) && /\b(?:customer|client|you|user|subscriber|licensee|covered entity|controller|submitted|uploaded|provided by|on behalf of)\b/i.test(rest)) {
      dataTerms.push(m[1]);
    }
  }
  const add: DocumentTerms['add'] = [];
  for (const n of vendorNames) add.push({ phrase: n, cat: 'actor', kind: 'vendor' });
  for (const t of dataTerms) add.push({ phrase: t, cat: 'object', kind: 'content' });
  return { vendorNames, dataTerms, terms: { add } };
}

function pushName(names: string[], raw: string): void {
  const n = raw.replace(/\s+/g, ' ').replace(/^(?:and|or|by|the|this|these)\s+/i, '').replace(/[\s,]+$/, '').trim();
  if (n.length < 2 || n.length > 80 || GENERIC.test(n) || !/^[\p{Lu}0-9]/u.test(n)) return;
  if (/^(?:This|These|The|In|For|By|If|When|Please|Our|Your)\b/.test(n)) return;
  names.push(n);
}
