import { BLANK_NAME as BLANK, isBlankName, type DocumentKind } from '@custody/domain';
import type { AnalysedText } from './sentences.js';
import { viewPrefix } from './sentences.js';
import { LEGAL_SUFFIX } from './legal-suffixes.js';

/**
 * The vendor's name where the party finder (document-info.ts: a name before an alias in parentheses) found none: the
 * places a careful reader looks next for who the document binds, each a form of words that says so on its own.
 *
 * 1. A definition of the vendor's role or of "we": `"Business Associate" … shall mean Acme, Inc.`, `"Company", "we"
 *    means Acme LLC`. A definition whose name is a blank to fill (`[Insert Name of Business Associate]`, `_____`) names
 *    no one: {@link PartyOfRecord.blank} says so, so a template is not taken for an unnamed vendor's terms.
 * 2. The opening that makes the agreement: `This Agreement is between … with Acme, Inc., a Delaware corporation (each,
 *    "Acme") and the organization agreeing to these terms ("Customer")`: the company given a brand alias there.
 * 3. The signature block: `BUSINESS ASSOCIATE: Acme Health, Inc.` over `By:` in the closing lines.
 * 4. A role the text gives a name in an agreement (BAA, DPA, contract): `Acme is the Processor in the meaning of Art. 4
 *    (8) GDPR`, `Acme acts as a business associate`; the name must recur (a party, not a passing mention).
 * 5. The opening sentence of a policy, whose subject provides the services it defines: `Acme utilizes … to provide
 *    private messaging … to users worldwide ("Services")`, or opens with its legal name given an alias: `Acme, Inc.
 *    ("Acme") respects your right to privacy`.
 *
 * Each reading asks for a capitalised name (a legal suffix where the form allows any subject), never a role word
 * ("the Processor", "Customer"). Only what the document says: no brand is guessed from how often a word occurs.
 */
export interface PartyOfRecord {
  name?: string;
  /** The vendor's role is defined with a blank to fill in: the defined term ("Business Associate") and the blank. */
  blank?: { term: string; text: string };
}

const Q = `["\u201c\u201d]`;
const NQ = `[^"\u201c\u201d]`;
// A name: capitalised words (a digit, '&', '.', '×' or '+' inside: "8×8", "Ask.fm"), with a legal suffix if it has one.
const WORD = String.raw`[\p{Lu}0-9][\p{L}\p{N}&'.×+-]*`;
const NAME = String.raw`(?:${WORD}\s+(?:(?:of|and|&|de)\s+)?){0,5}${WORD}(?:,?\s+${LEGAL_SUFFIX})?`;
const LEGAL_NAME = String.raw`(?:${WORD}\s+(?:(?:of|and|&|de)\s+)?){0,5}${WORD},?\s+${LEGAL_SUFFIX}`;
/** Words that name a role or a thing, never a party ("the Processor is …", "Customer means …"). */
const ROLE_WORD = /^(?:the\s+)?(?:business associate|covered entity|company|vendor|provider|service provider|processor|sub-?processor|controller|customer|client|user|supplier|contractor|licensor|licensee|party|parties|we|us|our|you|this|that|it|such|each|any|all|agreement|services?)$/i;
// Either case at each word's start ("Business Associate", "business associate"): the pattern has no `i` flag, which would
// let a name's capitals match any word ("Wargaming Group Limited and the term").
const VENDOR_TERM = ['business associate', 'company', 'vendor', 'provider', 'service provider', 'processor', 'data processor', 'supplier', 'contractor', 'licensor', 'we', 'us']
  .map((t) => t.replace(/\b\w/g, (c) => `[${c}${c.toUpperCase()}]`)).join('|');
const DEFINED = new RegExp(String.raw`${Q}(${VENDOR_TERM})${Q}(?:\s*(?:,|or|and)\s*${Q}(?:${VENDOR_TERM}|[Oo]ur)${Q})*${NQ}{0,200}?\b(?:shall\s+mean|means|refers?\s+to|shall\s+refer\s+to)\s+(?:the\s+)?(${BLANK}|${NAME})`, 'gdu');
const AGREEMENT_OPENING = /\b(?:This|These)\b[^.;]{0,120}?\b(?:is|are)\s+(?:(?:made|entered\s+into)\s+)?(?:by\s+and\s+)?between\b/u;
const ALIASED_LEGAL_NAME = new RegExp(String.raw`(${LEGAL_NAME})(?:,\s*an?\s+[\w\s-]{1,50}?(?:corporation|company|partnership|entity))?\s*\(\s*(?:each|collectively|together|hereinafter)?,?\s*(?:the\s+)?${Q}(${NQ}{1,40})${Q}`, 'gdu');
// The same opening with the vendor's name left blank: `… and [Insert Name of Business Associate] ("Business Associate")`.
const ALIASED_BLANK = new RegExp(String.raw`(${BLANK})\s*\(\s*(?:each|collectively|together|hereinafter)?,?\s*(?:the\s+)?${Q}(${VENDOR_TERM})${Q}`, 'gdu');
const CUSTOMER_ALIAS = /^(?:customer|client|you|covered entity|controller|licensee|subscriber|user|organization)$/i;
const SIGNATURE = new RegExp(String.raw`(?:^|\n)[ \t*_#]*(?:BUSINESS ASSOCIATE|VENDOR|PROVIDER|SERVICE PROVIDER|PROCESSOR|CONTRACTOR|SUPPLIER)[ \t*_]*:?[ \t*_]*\n?[ \t*_]*(${LEGAL_NAME})[ \t*_]*\n(?:[^\n]*\n){0,3}?[ \t*_]*(?:By|Signature|Signed)\s*:`, 'gu');
const ROLE_DECLARED = new RegExp(String.raw`(?:^|[.;:]\s+|,\s+)(${NAME})\s+(?:is|acts\s+as|shall\s+act\s+as|will\s+act\s+as|is\s+acting\s+as)\s+(?:the|a|an)\s+(?:[Dd]ata\s+)?(?:[Pp]rocessor|[Bb]usiness\s+[Aa]ssociate)\b`, 'gdu');
const OPENING_PROVIDER = new RegExp(String.raw`^(${NAME})\s+(?:[\p{Ll}-]+\s+){1,12}?(?:to\s+)?(?:provide|provides|offer|offers|operate|operates)\b${NQ}{0,240}?\(\s*${Q}(?:the\s+)?(?:Services?|Platform|Apps?)${Q}\s*\)`, 'du');
const OPENING_ALIASED = new RegExp(String.raw`^(${LEGAL_NAME})\s*\(\s*${Q}${NQ}{1,40}${Q}[^)]{0,60}\)\s+[\p{Ll}]`, 'du');
const AGREEMENT_KINDS: ReadonlySet<DocumentKind> = new Set(['baa', 'dpa', 'contract']);

// "between You and Revcontent, LLC (…)": the customer's word joined to the name by "and" is the other party, not part of it.
// A sentence's end inside the match ("refer to Crowdmade. Crowdmade offers …") ends the name, unless the period is an
// abbreviation's ("Acme Co. Ltd", "Acme Inc. Europe").
const SENTENCE_END = /^(.+?(?<!\b(?:Inc|Co|Corp|Ltd|St|Jr|S\.A|N\.V|B\.V|[A-Z])))\.\s+\p{Lu}.*$/su;
const tidy = (name: string) => name.replace(SENTENCE_END, '$1').replace(/\s+/g, ' ').replace(/^(?:the|The)\s+/, '').replace(/^(?:You|Customer|Client|User|Licensee|Subscriber)\s+and\s+/, '').replace(/[\s,;:]+$/, '');
// A possessive ("Customer's supplier") is whose the party is, never the party's name.
const party = (name: string) => !ROLE_WORD.test(tidy(name)) && !/['\u2019]s$/u.test(tidy(name)) && /\p{Lu}|\d/u.test(name[0] ?? '');
/**
 * In a BAA, "Provider" and "Company" are as often the covered entity (a health care provider, the practice) as the
 * vendor: only the business associate's own term, "we" or a vendor's word defines the vendor there.
 */
const EITHER_SIDE_IN_BAA = /^(?:company|provider)$/i;

export function partyOfRecord(a: AnalysedText, kind: DocumentKind): PartyOfRecord {
  const head = viewPrefix(a, 20_000);
  // A name as the text writes it ("8×8, Inc."), at the offsets of its match in the view (of the same length).
  const written = (m: RegExpExecArray | RegExpMatchArray, group: number, base = 0) => a.text.slice(base + m.indices![group]![0], base + m.indices![group]![1]);
  // 1. The vendor's role or "we" defined.
  for (const m of head.matchAll(DEFINED)) {
    if (kind === 'baa' && EITHER_SIDE_IN_BAA.test(m[1]!)) continue;
    const value = written(m, 2).trim();
    if (isBlankName(value)) return { blank: { term: tidy(m[1]!).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()), text: value } };
    if (party(value)) return { name: tidy(value) };
  }
  // 2. The opening that makes the agreement, and the company it gives a brand alias (not the customer's). A blank given
  // the vendor's role there (a template's opening) names no one: kept, and said only if no later reading names a party.
  let blank: PartyOfRecord['blank'];
  for (const s of a.sentences.slice(0, 40)) {
    if (s.start > 6000) break;
    if (!AGREEMENT_OPENING.test(s.view)) continue;
    for (const m of s.view.matchAll(ALIASED_LEGAL_NAME)) if (!CUSTOMER_ALIAS.test(m[2]!.trim()) && party(m[1]!)) return { name: tidy(written(m, 1, s.start)) };
    for (const m of s.view.matchAll(ALIASED_BLANK)) {
      if (blank || (kind === 'baa' && EITHER_SIDE_IN_BAA.test(m[2]!))) continue;
      blank = { term: tidy(m[2]!).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()), text: written(m, 1, s.start).trim() };
    }
  }
  // 3. The signature block of the vendor's side.
  const tail = a.text.slice(-4000);
  for (const m of tail.matchAll(SIGNATURE)) if (party(m[1]!)) return { name: tidy(m[1]!) };
  // 4. A role given a recurring name, in an agreement.
  if (AGREEMENT_KINDS.has(kind)) {
    for (const m of head.matchAll(ROLE_DECLARED)) {
      const name = tidy(written(m, 1));
      if (party(name) && recurs(a.text, name)) return { name };
    }
  }
  // 5. The opening sentence of the text (its title aside).
  const first = a.sentences.slice(0, 6).find((s) => !s.isHeading && s.view.trim().length > 40);
  if (first) {
    const lead = first.view.length - first.view.trimStart().length;
    const v = first.view.slice(lead);
    const m = OPENING_PROVIDER.exec(v) ?? OPENING_ALIASED.exec(v);
    const name = m ? tidy(written(m, 1, first.start + lead)) : '';
    if (m && party(name) && recurs(a.text, name.replace(new RegExp(String.raw`,?\s+${LEGAL_SUFFIX}$`, 'u'), ''))) return { name };
  }
  return blank ? { blank } : {};
}

/** The name (or its stem without a legal suffix) occurs at least three times: a party the text keeps naming. */
function recurs(text: string, name: string): boolean {
  let n = 0;
  for (let i = text.indexOf(name); i >= 0 && n < 3; i = text.indexOf(name, i + name.length)) n++;
  return n >= 3;
}
