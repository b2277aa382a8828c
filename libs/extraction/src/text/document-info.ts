import type { DocumentKind, DocumentParty } from '@custody/domain';
import { DATE, toIsoDate } from './dates.js';
import type { AnalysedText } from './sentences.js';
import { viewPrefix } from './sentences.js';
import { LEGAL_SUFFIX } from './legal-suffixes.js';
import { partyOfRecord } from './party-of-record.js';
import { firstMatchInText } from './keyword-gate.js';
import { type HeadingVotes, headingKind, headingVotes, termsDespiteProcessing } from './heading-kind.js';

/** What the document is and who it is between, as far as its text says. */
export interface DocumentIdentity {
  kind: DocumentKind;
  title?: string;
  parties: DocumentParty[];
  vendor?: string;
  /** Party names and their short aliases ("Zoom" for "Zoom Video Communications, Inc."). */
  partyNames: string[];
  /** The vendor's name and aliases. */
  vendorNames: string[];
  effective?: string;
  expires?: string;
  /** Where the sentence stating the expiry date sits in the text: the clause an expired-BAA finding quotes. */
  expiresAt?: { start: number; end: number };
}

const GENERIC_ALIAS = /^(?:agreement|baa|dpa|addendum|services?|service agreement|privacy (?:policy|statement|notice)|policy|terms|website|site|app|application|platform|software|effective date|data|customer data|phi|hipaa(?: rules)?|affiliates?|parties|party|schedule|exhibit|term|you|your|users?|end users?|order form|documentation|content|north america|beta services)$/i;
const CUSTOMER_ALIAS = /covered entity|customer|client|practice|subscriber|controller|licensee|you\b/i;
const VENDOR_ALIAS = /business associate|vendor|provider|company|processor|supplier|contractor|licensor|\bwe\b|\bus\b/i;
// A party's legal suffix as written (the case counts: a party's name is written as registered).
const SUFFIX = new RegExp(String.raw`(?:,?\s+${LEGAL_SUFFIX})$`);

/**
 * Guesses the document's kind from its title and vocabulary, its parties from alias definitions
 * (`Acme, Inc. ("Business Associate")`, `… ("Acme", "we")`), and its effective/expiry dates when stated.
 */
export function identifyDocument(a: AnalysedText): DocumentIdentity {
  const head = viewPrefix(a, 4000);
  const title = findTitle(a);
  const kind = classify(a.text, head, title, headingVotes(a));
  const { parties, partyNames, vendorNames } = findParties(a.text, head);
  let vendorParty = parties.find((p) => p.role === 'business_associate' || p.role === 'vendor');
  // None named before an alias: the definitions, the opening, the signature block or a declared role may name it
  // (party-of-record.ts). Only the document's vendor and parties change: the names the fact readers take for the
  // vendor (vendorNames) stay the party finder's and the definitions reader's.
  if (!vendorParty) {
    const record = partyOfRecord(a, kind);
    if (record.name) parties.push((vendorParty = { name: record.name, role: 'vendor' }));
    // A template's blank: its party is listed as written ("[Insert Name of Business Associate]"), and no vendor is named.
    else if (record.blank) parties.push({ name: record.blank.text, role: /business associate/i.test(record.blank.term) ? 'business_associate' : 'vendor' });
  }
  const effective = dateAfter(head, EFFECTIVE_LEAD);
  const expiry = datedAt(viewPrefix(a, 200_000), EXPIRY_LEAD);
  const expires = expiry ? toIsoDate(expiry[1]) : undefined;
  const sentence = expires ? a.sentences.find((x) => x.end > expiry!.index) : undefined;
  const expiresAt = sentence ? { start: sentence.start, end: sentence.end } : undefined;
  return { kind, title, parties, vendor: vendorParty?.name, partyNames, vendorNames, effective, expires, ...(expiresAt ? { expiresAt } : {}) };
}

/**
 * A line above the title that says when the text was published or changed ("Published: 30 July 2025", "Last
 * modified on 03/26/2024", "Version 3"): the document's metadata, never its name.
 */
export const METADATA_LINE = /^(?:(?:last\s+)?(?:updated|modified|revised|changed|reviewed)|effective|posted|published|dated?|version|release date)\b/i;
/**
 * A line of the page around the document that a web capture keeps above it: navigation and print links, a table
 * of contents' heading, a logo's or icon's alt text, a page counter ("1/18") or a bare number. A reader skips it.
 */
export const PAGE_CHROME_LINE = /^(?:(?:table of )?contents|print(?: this page)?|menu|home|[-–|>\s]*home|skip to\b.*|(?:log|sign) ?in(?: or sign up)?|sign up|.{1,40}\s(?:logo|icon)|[\d\s/.,-]+)$/i;

function findTitle(a: AnalysedText): string | undefined {
  for (const s of a.sentences.slice(0, 8)) {
    const t = s.view.trim();
    if (t.length > 0 && t.length <= 120 && !METADATA_LINE.test(t) && !PAGE_CHROME_LINE.test(t) && !WHOLE_DATE.test(t)) {
      if (s.isHeading || (s === a.sentences[0] && !/[.;:]$/.test(t))) return a.text.slice(s.start, s.end).replace(/\s+/g, ' ');
    }
  }
  return undefined;
}

/** Titles of a privacy notice, in the words services use for it (English and French). */
const PRIVACY_TITLE = /privacy (?:(?:and|&) [\w ]{1,30})?(?:policy|policies|statement|notice|supplement)|notice of privacy practices|politique de confidentialit/i;
/**
 * Privacy titles that do not say "privacy" ("Data Policy", "Personal Data Protection", "Protection des données
 * personnelles"): a data processing agreement's page can carry the same words, so they are read only after the
 * text's controller/processor vocabulary has had its say.
 */
const DATA_PROTECTION_TITLE = /\bdata policy\b|^(?:personal )?data protection(?: (?:policy|notice|statement))?$|protection des donn[ée]es personnelles/i;
/** Titles of the terms a user accepts: terms/conditions of use, service or sale, in their common spellings. */
const TERMS_TITLE = /terms (?:of (?:service|use|sale)|(?:and|&) conditions)|\b(?:service|customer|user|general) terms\b|conditions (?:of (?:use|service|sale)|g[ée]n[ée]rales)|general conditions|user agreement|acceptable use|license agreement|\bEULA\b/i;
/**
 * A title that names a BAA's or DPA's subject ("HIPAA Service Terms", "Acme Service Terms: Data Processing Addendum",
 * "General Conditions – Business Associates"): its terms or privacy wording does not make it terms or a privacy
 * notice; the text's vocabulary decides. HIPAA counts only against terms wording: "HIPAA Notice of Privacy
 * Practices" is a privacy notice.
 */
const BAA_DPA_SUBJECT = /business associates?\b|data process|\b(?:sub-?)?processors?\b|\bBAA\b|\bDPA\b/i;
/** The document naming itself: "this Privacy Policy", "these Terms of Service", "these Terms and Conditions". */
const SELF_NAMING = /\b(?:this|these)\s+(privacy (?:policy|statement|notice)|terms(?! of the\b)(?: (?:of (?:service|use)|(?:and|&) conditions))?|conditions of (?:use|service)|user agreement)\b/i;

/** A policy that says it explains how the service handles personal information: a privacy notice by its purpose. */
const PRIVACY_PURPOSE = /\b(?:this|our) (?:policy|notice|statement) (?:explains|describes|sets out|tells you|informs you)\b[^.]{0,60}\b(?:personal (?:information|data)|your (?:information|data))\b/i;

function classify(text: string, head: string, title = '', votes: HeadingVotes = { privacy: 0, terms: 0, processing: 0 }): DocumentKind {
  const byHeadings = headingKind(votes);
  // The title decides first; then the opening lines; then the vocabulary of the whole text.
  if (/business associate (?:agreement|addendum|contract|amendment)|\bBAA\b/i.test(title)) return 'baa';
  if (/data process(?:ing|or) (?:agreement|addendum|terms)|\bDPA\b/.test(title)) return 'dpa';
  if (PRIVACY_TITLE.test(title) && !BAA_DPA_SUBJECT.test(title)) return 'privacy_policy';
  if (TERMS_TITLE.test(title) && !BAA_DPA_SUBJECT.test(title) && !/\bHIPAA\b/i.test(title)) return 'terms';
  // Opening lines that read as titles (no sentence punctuation), e.g. "ACME CLOUD\nBUSINESS ASSOCIATE AGREEMENT".
  const t = title + ' ' + head.slice(0, 300).split(/\s{2,}|(?<=[.;:])\s/)[0].replace(/^.*[.;:]$/, '');
  if (/business associate (?:agreement|addendum|contract|amendment)|\bBAA\b/i.test(t)) return 'baa';
  if (/data process(?:ing|or) (?:agreement|addendum|terms)|\bDPA\b/.test(t)) return 'dpa';
  // An opening that declares the document to be the BAA ("This Addendum constitutes the business associate agreement …").
  if (/\bthis\s+(?:[\w-]+\s+){0,3}?(?:constitutes|serves as|shall (?:constitute|serve as))\s+(?:a |an |the )?business associate (?:agreement|addendum|contract)/i.test(head.slice(0, 1500))) return 'baa';
  const count = (re: RegExp) => (text.slice(0, 300_000).match(re) ?? []).length;
  if (count(/business associate/gi) >= 4 && count(/covered entity/gi) >= 2) return 'baa';
  // A privacy notice under the GDPR speaks of controllers and processors and may point at a data processing
  // agreement; one that names itself a privacy notice in its opening ("This Privacy Notice applies to …", "This
  // Policy explains how we process your personal information") is one, whatever its vocabulary.
  const self = SELF_NAMING.exec(head.slice(0, 3000));
  if ((self && /privacy/i.test(self[1])) || PRIVACY_PURPOSE.test(head.slice(0, 3000))) return 'privacy_policy';
  // Terms of service may carry a data processing section or point at their DPA; when the document's own headings are
  // a terms document's (termination, liability, fees …) and name at most one processing section, that vocabulary is
  // one part of it, not what it is. A DPA has liability, termination and law sections too, beside its own
  // (sub-processors, audits, incidents …): those keep it a DPA.
  const dpaVocabulary = count(/\bDPA\b|data processing (?:agreement|addendum)/gi) >= 2 || (count(/\bcontroller\b/gi) >= 4 && count(/\bprocessor\b/gi) >= 4);
  if (dpaVocabulary && !termsDespiteProcessing(votes)) return 'dpa';
  if (DATA_PROTECTION_TITLE.test(title)) return 'privacy_policy';
  // Parties sign a contract; a user accepts terms. A titled agreement that closes with the parties' signatures ("IN
  // WITNESS WHEREOF …") or is accepted "by signing below" is a contract, even when it mentions the vendor's privacy
  // policy, calls itself "these terms" or also allows acceptance by use ("By signing below or by using the Services").
  // Signing an order form that points at the terms is not this: it signs another document.
  const signed = /\bin witness whereof\b/i.test(text.slice(-5000)) || /\bby (?:signing|executing) (?:below|this (?:agreement|addendum|contract))\b/i.test(head);
  if (signed && /\bagreement\b|\bcontract\b|\baddendum\b/i.test(t)) return 'contract';
  // Terms mention "our Privacy Policy" in their opening and a policy may mention "our Terms"; the document names
  // itself with "this"/"these" ("these Terms govern …", "This Privacy Notice explains …"): the first such naming decides.
  // "These terms" alone only settles that choice: an agreement that never mentions a privacy policy is read below.
  // A mention of the other document in the opening ("read our Terms", "see our Privacy Policy") yields to what the
  // document's own sections are about when its headings settle it (heading-kind.ts).
  const mentionsPrivacy = /privacy (?:policy|statement|notice)/i.test(head.slice(0, 1500));
  const mentionsTerms = /terms (?:of (?:service|use)|and conditions)/i.test(head.slice(0, 1500));
  if ((mentionsPrivacy || mentionsTerms) && byHeadings) return byHeadings;
  if (mentionsPrivacy) return self ? 'terms' : 'privacy_policy';
  // Accepted by clicking, using the service or opening an account (either order: "by using … you agree", "you accept
  // these Terms by creating an account"): terms a user accepts, not a contract the parties sign.
  const clickThrough = /\bby (?:clicking|using|accessing|signing up)\b[^.]{0,80}\b(?:agree|accept)|\b(?:agree to|accept) (?:these|this)\b[^.]{0,40}\bby (?:clicking|using|accessing|signing up|creating|registering|opening)\b/i.test(head);
  if (mentionsTerms) return 'terms';
  if (/\bagreement\b|\bcontract\b|\baddendum\b/i.test(t)) return clickThrough ? 'terms' : 'contract';
  if (/\bin witness whereof\b/i.test(text.slice(-5000))) return 'contract';
  // No title, self-naming or opening says what it is: its sections may still (a captured page whose title is the
  // site's banner, "Welcome to …", "Who are we?").
  return byHeadings ?? 'other';
}

// "our payment processor, ", "our parent company, ": "our", up to three lower-case words and a noun for an organisation,
// then the appositive's comma. Only such a noun: "When you use our services, Lumen Inc. ("Lumen") collects …" ends a clause
// at its comma, and the name after it is the clause's subject.
const OUR_ROLE_BEFORE = /\bour\s+(?:[a-z][\w-]*\s+){0,3}(?:(?:sub-?)?processors?|providers?|partners?|licensors?|affiliates?|parent|compan(?:y|ies)|subsidiar(?:y|ies)|vendors?|suppliers?|(?:sub)?contractors?|agents?|banks?|carriers?|insurers?|operators?|distributors?|resellers?|controllers?),\s*$/;
// "an agreement with", "contracting with", "enter into these Terms with": what binds the company named after "with" to the text.
const AGREEMENT_WITH = /\b(?:agreements?|contracts?|contracting|contracted|terms|enter(?:s|ed|ing)?\s+into)\b[^.;:]{0,40}\bwith\s*$/i;

function findParties(text: string, head: string): { parties: DocumentParty[]; partyNames: string[]; vendorNames: string[] } {
  const parties: DocumentParty[] = [];
  const partyNames: string[] = [];
  const aliasesOf = new Map<string, string[]>();
  const re = /\(\s*(?:each|collectively|together|individually|hereinafter(?: referred to as)?|sometimes referred to as|referred to as)?,?\s*(?:the\s+)?"([^"]{1,40})"([^)]{0,80})\)/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const aliases = [m[1], ...[...m[2].matchAll(/"([^"]{1,40})"/g)].map((x) => x[1])];
    const window = head.slice(Math.max(0, m.index - 160), m.index);
    const paraBreak = text.slice(Math.max(0, m.index - 160), m.index).lastIndexOf('\n\n');
    const before = (paraBreak >= 0 ? ' '.repeat(paraBreak + 2) + window.slice(paraBreak + 2) : window).replace(/,\s*an?\s+[\w\s-]{1,50}?(?:corporation|company|partnership|entity|organization)\s*$/i, '');
    const nm = /((?:[\p{Lu}0-9][\p{L}\p{N}&'.x-]*,?\s+(?:(?:of|and|&|d\/b\/a|de)\s+)?){0,6}[\p{Lu}0-9][\p{L}\p{N}&'.x-]*)\s*$/u.exec(before);
    if (!nm) continue;
    const lead = before.slice(0, nm.index);
    // "identified in the Order Form", "subscribes to Acme": a reference, not the party's name.
    if (/\b(?:in|to|of|for|under|on|from|through|via|the)\s*$/i.test(lead)) continue;
    // The company the text defines as "we" is the vendor, whatever words precede its name ("using our app, Lumen ("we")").
    const definesWe = aliases.some((x) => /^(?:we|us|our)$/i.test(x));
    // "processed by our payment processor, Quillpay, Inc. ("Quillpay")": a name set off as the appositive of "our <role>"
    // is a party the vendor names (its processor, licensor, affiliate), never a party to the document itself.
    if (!definesWe && OUR_ROLE_BEFORE.test(lead)) continue;
    const start = Math.max(0, m.index - 160) + nm.index;
    let name = text.slice(start, start + nm[1].length).replace(/\s+/g, ' ').trim();
    name = name.replace(/^(?:This|The|By|And|Between|With|Offered|Directly)\s+/, '');
    if (/\[|\]/.test(name) || /^(?:This|The|A|An|Our|Your)$/i.test(name) || GENERIC_ALIAS.test(name)) continue;
    const alias = aliases.find((x) => !GENERIC_ALIAS.test(x.trim()));
    if (!alias) continue;
    const brand = aliases.some((x) => name.toLowerCase().startsWith(x.toLowerCase().replace(/[^\w ]/g, '').slice(0, 3)) && x.length >= 2);
    let role: DocumentParty['role'] = 'other';
    if (/covered entity/i.test(alias)) role = 'covered_entity';
    else if (CUSTOMER_ALIAS.test(alias)) role = 'customer';
    else if (/business associate/i.test(alias)) role = 'business_associate';
    else if (VENDOR_ALIAS.test(alias) || definesWe) role = 'vendor';
    // "we process your data as joint controllers with Coupa Deals Limited ("Coupa")": a company the vendor acts with, defined
    // by its brand alone (no alias of a role or of "we"), is a third party the document names, not a party to it; the
    // company an agreement or contract is made with ("you enter into an agreement with Lumen Ltd ("Lumen")") is one.
    else if (brand && !definesWe && /\bwith\s*$/i.test(lead) && !AGREEMENT_WITH.test(lead)) continue;
    else if (brand && (SUFFIX.test(name) || definesWe)) role = 'vendor';
    if (role === 'other' && !brand) continue;
    if (parties.some((p) => p.name === name)) continue;
    parties.push({ name, role });
    aliasesOf.set(name, aliases.filter((x) => !GENERIC_ALIAS.test(x) && !/^(?:we|us|our)$/i.test(x) && !CUSTOMER_ALIAS.test(x) && !VENDOR_ALIAS.test(x)));
    partyNames.push(name, ...aliases.filter((x) => !GENERIC_ALIAS.test(x) && !/^(?:we|us|our)$/i.test(x)));
  }
  // "Acme (sometimes referred to as "we" "us")": the quoted aliases without a leading name pattern above.
  const we = /([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})\s*\((?:sometimes\s+)?referred to as\s+"we"/.exec(head);
  if (we && !parties.some((p) => p.role === 'vendor' || p.role === 'business_associate')) {
    parties.push({ name: we[1], role: 'vendor' });
    partyNames.push(we[1]);
  }
  // With a customer identified and a brand-named party left as "other", the brand is the vendor.
  if (!parties.some((p) => p.role === 'vendor' || p.role === 'business_associate')) {
    const other = parties.find((p) => p.role === 'other');
    if (other) other.role = 'vendor';
  }
  const vendor = parties.find((p) => p.role === 'vendor' || p.role === 'business_associate');
  const vendorNames = vendor ? [vendor.name, vendor.name.replace(SUFFIX, ''), ...(aliasesOf.get(vendor.name) ?? [])] : [];
  return { parties, partyNames, vendorNames };
}

/** A line that is only a date. */
const WHOLE_DATE = new RegExp(`^${DATE}$`, 'i');
/** dateAfter's patterns by their lead's source: built once per process, not per document. */
const DATE_AFTER = new Map<string, RegExp>();

/** What precedes a document's effective date ("effective as of", "entered into on"); exported for its spec. */
export const EFFECTIVE_LEAD = /\b(?:effective(?: date)?(?: as of| on|:)?|is effective|(?:made|entered into) (?:and effective )?(?:as of|on))\s*:?\s*/i;
/** What precedes its expiry date ("expires", "shall terminate on", "remain in effect until"). */
export const EXPIRY_LEAD = /\b(?:expires?|expiration date|shall (?:terminate|expire|end) on|will (?:terminate|expire|end) on|remain in (?:full force and )?effect (?:until|through)|continue in effect (?:until|through))\s*:?\s*(?:on\s+)?/i;

/** The pattern dateAfter runs for `lead`: the lead, then a date as group 1 (built once per lead). */
export function datePatternAfter(lead: RegExp): RegExp {
  let re = DATE_AFTER.get(lead.source);
  if (!re) DATE_AFTER.set(lead.source, (re = new RegExp(lead.source + `(${DATE})`, 'i')));
  return re;
}

function dateAfter(view: string, lead: RegExp): string | undefined {
  const m = datedAt(view, lead);
  return m ? toIsoDate(m[1]) : undefined;
}

/** The first match of a date after `lead` (the date as group 1), with its index in `view`. */
function datedAt(view: string, lead: RegExp): RegExpExecArray | null {
  // Over up to 200,000 characters: the pattern is tried only where its lead words start (same first match).
  return firstMatchInText(datePatternAfter(lead), view);
}
