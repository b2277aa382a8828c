/**
 * Public authorities and kinds of parties, as data for the sub-processor reader (issue 7). A tax office, a regulator,
 * a police force or a public health programme is told things because the law says so or because it asks; the OTA
 * labels leave such bodies out of `subprocessors_named` (regulators, mandated recipients, tax and judicial authorities;
 * what an authority may demand is the law-enforcement fact's question). A plural kind of party written in title case
 * ("Sellers", "Couriers") names a category, not an organisation.
 */

/**
 * The head nouns of a public body's name: the last word of "Food and Drug Administration", "Federal Trade Commission",
 * "HM Revenue and Customs", or the first before "of" in "Department of Health", "Office of the Privacy Commissioner".
 * A company that merely contains such a word puts it elsewhere ("Commission Junction", "Agency Analytics") or carries a
 * legal suffix; both are left alone by {@link authoritySpan}.
 */
export const AUTHORITY_HEADS = [
  'Administration', 'Agency', 'Authority', 'Commission', 'Commissioner', 'Department', 'Ministry', 'Police', 'Court', 'Courts',
  'Tribunal', 'Revenue', 'Customs', 'Regulator', 'Government', 'Office', 'Bureau', 'Inspectorate', 'Ombudsman', 'Prosecutor',
  'Constabulary', 'Gendarmerie', 'Parliament', 'Senate', 'Congress',
];

/**
 * Public bodies commonly named by a short name or acronym in privacy policies: tax offices, police and justice
 * co-operation bodies, public health programmes, data-protection and financial regulators. Only names that are nobody
 * else's short name: "CMS" (a content management system), "OCR" (character recognition) or "CRA" (a credit reference
 * agency) are not here.
 */
export const KNOWN_AUTHORITIES = new Set(
  [
    'HMRC', 'IRS', 'Internal Revenue Service', 'FBI', 'CIA', 'NSA', 'DHS', 'DOJ', 'FTC', 'FCC', 'FDA', 'HHS', 'OFAC', 'FinCEN', 'DEA',
    'Secret Service', 'Europol', 'Interpol', 'Eurojust', 'Frontex', 'Medicare', 'Medicaid', 'CNIL', 'EDPB', 'EDPS', 'BaFin', 'FINRA',
    'Ofcom', 'Ofgem', 'Ofwat', 'ACCC', 'ASIC', 'APRA', 'OAIC', 'AUSTRAC', 'FINTRAC', 'CRTC', 'DVLA', 'DWP',
  ].map((n) => n.toLowerCase()),
);

/**
 * The heads that take "of" or "for" after them in a body's name ("Department of Justice", "Office of the Privacy
 * Commissioner", "Commission for Regulation of Utilities"); not "Administration of X", which is an activity.
 */
const OF_HEADS = 'Department|Ministry|Office|Bureau|Court|Commission|Agency|Authority|Inspectorate';
const HEAD = AUTHORITY_HEADS.join('|');
// A capitalised word of a public body's name ("Food", "HM", "U.S."); a possessive only of a public office
// ("Information Commissioner's Office", "His Majesty's"), not of a company ("Google's Legal Department").
const CAP = String.raw`(?:(?:\p{Lu}\.){2,}|(?:Commissioner|Majesty|Government|State|King|Queen)['’]s|[\p{Lu}][\p{L}-]*)`;
// The words before the head: up to three capitalised words, at most one "and"/"&" joining a second group ("Food and
// Drug", "HM Revenue and"). One coordination only, so "Stripe and Food and Drug Administration" keeps Stripe out.
const BEFORE = String.raw`(?:${CAP}\s+){0,3}(?:(?:and|&)\s+(?:${CAP}\s+){0,2})?`;
// After the head: "of [the] X [Y] [and Z]" once or twice ("Department of Health and Human Services", "Office of the
// Privacy Commissioner of Canada").
const OF_PART = String.raw`(?:\s+(?:of|for|on)\s+(?:the\s+)?${CAP}(?:\s+${CAP}){0,3}(?:\s+(?:and|&)\s+${CAP}(?:\s+${CAP}){0,2})?){0,2}`;
// The head must end the capitalised run (not "Commission Junction"), unless "of" follows it; nor may the run follow
// a company's possessive ("Google's Legal Department" is a part of Google).
const END = String.raw`(?![\p{L}\p{N}]|\s+${CAP})`;
const SPAN = new RegExp(String.raw`(?<![\p{L}\p{N}'’]|['’]s\s+)${BEFORE}(?:(?<of>${OF_HEADS})${OF_PART}|(?<head>${HEAD}))${END}`, 'dgu');

/**
 * The public body's name that covers `name`, read at `at` of the sentence `text`, if any: the whole name ("Food and Drug
 * Administration") read before the reader's split at "and" decides its parts, so "Food" and "Drug Administration" are
 * both part of an authority. A known short name ({@link KNOWN_AUTHORITIES}) counts on its own.
 */
export function authoritySpan(text: string, at: number, name: string, isLowerWord: (w: string) => boolean = () => false): string | undefined {
  const length = name.length;
  if (KNOWN_AUTHORITIES.has(name.toLowerCase().replace(/^the\s+/, ''))) return name;
  // Only the stretch of the sentence around the name: a public body's name is short.
  const from = Math.max(0, at - 80);
  const window = text.slice(from, Math.min(text.length, at + length + 120));
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(window); m; m = SPAN.exec(window)) {
    if (m[0].length === 0) {
      SPAN.lastIndex++;
      continue;
    }
    const start = from + m.index;
    const end = start + m[0].trimEnd().length;
    if (start > at || at + length > end) continue;
    const [hs, he] = (m.indices?.groups?.of ?? m.indices?.groups?.head ?? [0, 0]).map((i) => from + i);
    // The name holds the head ("Department of Health" of "… of Health and Human Services", "Drug Administration"): the
    // body's own name, whatever the coordination after it joins.
    if (at <= hs && at + length >= he) return m[0].trim();
    // Before the head: its left side of a coordination must belong to the body ("Food", not "Stripe").
    if (at + length <= hs) {
      if (!beforeCoordination(text, at + length, hs) || joinsBody(name, isLowerWord)) return m[0].trim();
      continue;
    }
    // After the head, on the right of the "and" of its "of" part: "Human Services" of "Department of Health and Human
    // Services" is the body's, but a one-word brand the document never writes in lower case is a party of its own
    // ("Bureau of Fiscal Service and Mailgun" lists two recipients).
    if (!(afterCoordination(text, he, at) && brandAlone(name, isLowerWord))) return m[0].trim();
  }
  return undefined;
}

/** Whether an "and"/"&" comes between the head's end and the name read (the name is the right side of a coordination). */
function afterCoordination(text: string, headEnd: number, at: number): boolean {
  return /\s(?:and|&)\s/.test(text.slice(headEnd, at + 1));
}

/**
 * Whether a name read on the right of a body's "and" stands alone as a brand: one word that the document never writes in
 * lower case, singular or plural ("Mailgun", "Surescripts"), or a word shaped like a brand ("DrFirst", "Claim.MD").
 * Words of a body's own name are ordinary words ("Human Services", "Urban Development", "Pensions" where the text speaks of pensions).
 */
function brandAlone(name: string, isLowerWord: (w: string) => boolean): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => /[\p{Ll}][\p{Lu}]|\.[\p{L}]|[\p{L}][0-9]/u.test(w))) return true;
  if (words.length !== 1) return false;
  const l = name.toLowerCase();
  return ![l, l.replace(/s$/, ''), `${l}s`, l.replace(/ies$/, 'y')].some((x) => isLowerWord(x));
}

/** Whether an "and"/"&" of the body's name comes after the name read (the name is the left side of the coordination). */
function beforeCoordination(text: string, nameEnd: number, spanEnd: number): boolean {
  return /\s(?:and|&)\s/.test(text.slice(nameEnd, spanEnd));
}

/**
 * Whether the left side of a coordination belongs to the body's name: it ends in a head ("HM Revenue" of "HM Revenue and
 * Customs") or is made of words the document also writes in lower case ("Food" of "Food and Drug Administration"). A
 * brand is neither: "Mailgun and Federal Trade Commission" names two parties.
 */
function joinsBody(name: string, isLowerWord: (w: string) => boolean): boolean {
  const words = name.split(/\s+/);
  return AUTHORITY_HEADS.includes(words[words.length - 1]) || words.every((w) => isLowerWord(w.toLowerCase()));
}

/**
 * Kinds of party, in the singular: a one-word name that is the plural of one of these, written in title case ("Sellers",
 * "Couriers", "Banks", "Partners"), is a category of recipients, not an organisation. A brand that happens to be a plural
 * English word names no kind of party ("Pairs", "Notes") and is not here.
 */
export const PARTY_KINDS = new Set(
  (
    'seller buyer courier carrier shipper bank lender insurer partner merchant retailer reseller distributor dealer vendor supplier ' +
    'provider advertiser publisher marketer affiliate subsidiary contractor subcontractor processor subprocessor agent broker agency ' +
    'lawyer attorney accountant auditor consultant adviser advisor driver host operator developer creator sponsor organiser organizer ' +
    'pharmacy hospital doctor physician clinic practice employer landlord restaurant store shop school university institution charity ' +
    'company business organisation organization entity platform network authority regulator government court investor acquirer ' +
    'purchaser successor member user customer client recipient researcher collaborator licensee licensor franchisee payer telco ' +
    'facilitator supporter intermediary'
  ).split(/\s+/),
);

/**
 * Whether a title-case name is the plural of a kind of party ("Couriers", "Pharmacies"), or, given the document's
 * ordinary words, such a plural after ordinary words only ("Selected Commercial Partners", a link to a page listing
 * them): a category, not an organisation. "Vista Equity Partners" is a name: "Vista" is no ordinary word.
 */
export function partyKindPlural(name: string, isLowerWord?: (w: string) => boolean): boolean {
  const words = name.split(/\s+/);
  if (words.length > 1 && isLowerWord !== undefined) {
    return words.length <= 4 && words.slice(0, -1).every((w) => /^[\p{Lu}][\p{Ll}-]+$/u.test(w) && isLowerWord(w.toLowerCase())) && partyKindPlural(words[words.length - 1]);
  }
  if (!/^[\p{Lu}][\p{Ll}]+s$/u.test(name)) return false;
  const l = name.toLowerCase();
  // A singular that ends in "s" ("Business") is not a plural.
  return [l.replace(/ies$/, 'y'), l.replace(/es$/, ''), l.replace(/s$/, '')].some((x) => x !== l && PARTY_KINDS.has(x));
}
