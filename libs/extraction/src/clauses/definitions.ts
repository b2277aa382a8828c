import type { Sentence } from '../text/sentences.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import type { DocumentTerms } from './lexicon.js';
import { Lexicon, tokenize } from './lexicon.js';
import { capitalisedWords } from '../text/capitalised-words.js';
import { DOCUMENT_TITLE, GENERIC, mayBeBrand, PROVIDER_ALIAS, QUOTED, WE } from './alias-words.js';
import { customerNamesOf, selfSubject } from './party-names.js';

/** Who "we" are in this document, and which of its defined terms name the customer's data. */
export interface Definitions {
  /** The vendor's names: legal names and brands defined as "we" (or found in the title), most specific first. */
  vendorNames: string[];
  /** Defined terms that name the customer's or users' data ("Customer Data", "Your Stuff", "Client Content"). */
  dataTerms: string[];
  /** Every term the document defines in quotes ("Controller", "End Users", "Session Summaries"): terms, not names. */
  definedTerms: Set<string>;
  /** Names the document gives the customer ('between you ("you" or "Streamer")', '"Contracting Party" means a User who …'). */
  customerNames: string[];
  /** Brands whose entities are all "us" ('the TikTok entities listed below (together "TikTok")'). */
  groupBrands: string[];
  /** The phrases to add to the vocabulary for this document. */
  terms: DocumentTerms;
}

const CUSTOMER_ALIAS = /^(?:you|your|customer|client|user|users|subscriber|licensee|controller|covered entity|member|members|participant|participants|services?|site|website|platform|app|agreement|terms|policy|notice)$/i;
// A name for data, not a party: "Information", "Personal Data", "User Content".
const DATA_ALIAS = /^(?:(?:personal|non-personal|customer|user|your|account|usage)\s+)?(?:information|data|content|materials?|records?|details|files?)$/i;
const LEGAL = 'Inc|LLC|Ltd|GmbH|S\\.A|SAS|B\\.V|AG|plc|Limited|Corp|Corporation|UC|Oy|AB|SE|SARL|Pte|S\\.A\\.S|N\\.V|S\\.p\\.A|S\\.r\\.l|KK|LLP|PBC|ASA|A\\/S|UAB|OÜ|Kft|UG';
// A name read up to the end of its clause ends at its legal suffix: 'Acme Operations OÜ a private limited company …'.
const UP_TO_SUFFIX = new RegExp(String.raw`^(.*?(?:^|\s)(?:${LEGAL})\.?)(?=\s+[\p{Ll}]).*$`, 'u');
const NAME_BEFORE = /((?:[\p{Lu}0-9][\p{L}\p{N}&'.+-]*(?:,? (?:Inc|LLC|Ltd|GmbH|S\.A|SAS|B\.V|AG|plc|Limited|Corp|Corporation|UC|Oy|AB|SE|SARL|Pte)\.?)?[ ,]+(?:(?:and|of|&|de|d\/b\/a|du|la|le)\s+)?){0,7}[\p{Lu}0-9][\p{L}\p{N}&'.+-]*(?:,? (?:Inc|LLC|Ltd|GmbH|S\.A|SAS|B\.V|AG|plc|Limited|Corp|Corporation|UC|Oy|AB|SE|SARL|Pte)\.?)?)\s*(?:\([^()]{0,60}\)\s*)?,?\s*$/u;
// "the terms "we" or "us" refer to either Acme, Inc. or Acme GmbH": "either" opens the list of names, whose
// legal suffixes keep their period and comma.
const REFERS = /"(?:we|us|our)"[^.;]{0,60}?\b(?:refers? to|refer to|means?|is|are|designates?|shall mean|stands? for)\s+(?:either\s+)?((?:the\s+)?[\p{Lu}](?:[^.;:()"]|(?<=\b(?:Inc|Ltd|Corp|Co))\.){1,100})/giu;
const REFERRED_AS = new RegExp(String.raw`\b(?:[Ww]e|[Tt]his\s+(?:[Aa]greement|[Pp]olicy|[Nn]otice))\s+refers?\s+to\s+((?:the\s+)?[\p{Lu}](?:[^.;:()"]|(?<=\b(?:Inc|Ltd|Corp|Co))\.){1,200}?)\s+(?:collectively\s+|together\s+|jointly\s+)?as\s+((?:"[^"]{1,40}"\s*,?\s*(?:or\s+|and\s+)?){1,5})`, 'gu');
// 'In this Policy, we use "SPE," or "we," "us," and "our" to collectively refer to Sony Pictures Entertainment Inc.': the
// aliases come before the names they stand for.
const ALIASES_REFER = new RegExp(String.raw`\b(?:use|uses|call)\s+((?:(?:the\s+terms?\s+)?"[^"]{1,40}"\s*,?\s*(?:or\s+|and\s+)?){1,6})\s*(?:to\s+)?(?:collectively\s+|together\s+|jointly\s+)?(?:to\s+)?refer\s+to\s+((?:the\s+)?[\p{Lu}](?:[^.;:()"]|(?<=\b(?:Inc|Ltd|Corp|Co))\.){1,200})`, 'gu');
// 'the terms "Acme," "us," "we," the "Company", and "our" shall refer to Acme Holdings LLC': every quoted alias listed
// together with "we" names the vendor, the brand ("Acme") as much as the entity it stands for (REFERS reads only the
// names after the verb, so a brand listed first was lost, and "Acme may disclose …" read as someone else's act).
// "is (further|hereinafter|collectively) referred to as "We", "Us" or "Acme"": the aliases given in the passive.
const REFERRED_TO_AS = /\b(?:is|are|will be|shall be)\s+(?:further\s+|hereinafter\s+|hereafter\s+|also\s+|collectively\s+|jointly\s+)?referred\s+to\s+(?:below\s+|herein\s+)?as\s+((?:"[^"\n]{1,40}"\s*,?\s*(?:(?:and\/or|and|or)\s+)?){2,6})/g;
const ALIAS_LIST_REFERS = /((?:(?:the\s+)?"[^"\n]{1,40}"\s*,?\s*(?:(?:and\/or|and|or)\s+)?){2,8})(?:shall\s+|will\s+|each\s+|collectively\s+|together\s+)*(?:refers?\s+to|means?|designates?|stands?\s+for)\b/g;
const TITLE_BRAND = /^(.{2,60}?)\s+(?:\S+\s+)?(?:privacy|terms|law enforcement|data (?:processing|protection|controller|processor)|cookie|acceptable use|user agreement|community|developer|commercial|business|service agreement|eula|legal)/i;
const CAP_WORDS = String.raw`(?:[\p{Lu}][\p{L}\p{N}&'-]* ){0,3}[\p{Lu}][\p{L}\p{N}&'-]*(?:\.[\p{Ll}]{2,4}\b)?`;
// Each a global pattern; the third starts at its sentence's start or after "and"/"with"/"by" (a heading above is
// another sentence, so it does not join the name).
// With the literal text every match holds (the patterns are case-sensitive): a sentence holding none of it is not run
// through the pattern (four Unicode patterns over every sentence of a document's start were most of this reader's time).
export const SELF_INTRODUCTION: { re: RegExp; needs: string[] }[] = [
  { re: new RegExp(String.raw`\b[Ww]e at (${CAP_WORDS})`, 'gu'), needs: ['e at '] },
  { re: new RegExp(String.raw`\bAt (${CAP_WORDS}),`, 'gu'), needs: ['At '] },
  {
    re: new RegExp(String.raw`(?:^(?:[-*•]\s+)?|\b(?:and|with|by)\s+)(${CAP_WORDS}(?:,?\s+(?:${LEGAL})\.?)?),?\s+(?:the|as)\s+(?:owner|operator|provider|publisher|controller)\b[^.,;]{0,30}\s+of\s+(?:this|the)\s+(?:[Ww]ebsite|[Ss]ite|[Aa]pp|[Aa]pplication|[Pp]latform|[Ss]ervices?)\b`, 'gu'),
    needs: ['owner', 'operator', 'provider', 'publisher', 'controller'],
  },
  // Not "services on the Services, such as those offered by A": "those" stands for other services, not the document's.
  { re: new RegExp(String.raw`\b(?:websites?|apps?|services|platform|site)\b[^.;]{0,60}\b(?<!\bthose\s+)(?:operated|owned|offered) by (${CAP_WORDS}(?:,?\s+(?:${LEGAL})\.?)?)`, 'gu'), needs: ['operated by ', 'owned by ', 'offered by '] },
  // "Savetz Publishing takes online privacy very seriously.", "The Reach Group GmbH takes the protection of your data
  // very seriously.": the subject opening a sentence that vows to protect privacy is the author (only the author vows
  // for its own practices; a provider it uses is described, not speaking).
  {
    re: new RegExp(String.raw`^(?:[-*•]\s+)?(${CAP_WORDS}(?:,?\s+(?:${LEGAL})\.?)?)\s+takes\s+(?:[\p{L}-]+\s+){0,3}(?:privacy|protection\s+of\s+(?:your\s+)?(?:personal\s+)?(?:data|information|privacy))\s+(?:very\s+|extremely\s+|most\s+)?seriously\b`, 'gu'),
    needs: ['seriously'],
  },
  // "HAPPN is very concerned about respecting your privacy and invites you to read …", "Acme is committed to protecting
  // your privacy": the same vow, opening the document.
  {
    re: new RegExp(String.raw`^(?:[-*•]\s+)?(${CAP_WORDS}(?:,?\s+(?:${LEGAL})\.?)?)\s+(?:is|are)\s+(?:very\s+|deeply\s+|strongly\s+|fully\s+)?(?:concerned\s+(?:about|with)|committed\s+to)\s+(?:(?:respecting|protecting|safeguarding|preserving)\s+)?(?:your|the|its\s+users['’]?|users['’]?)\s+(?:personal\s+)?(?:privacy|data|information)\b`, 'gu'),
    needs: ['concerned', 'committed'],
  },
];

/**
 * Reads the document's definitions: names given the aliases "we"/"us" (`Acme, Inc. ("Acme", "we")`,
 * `"we" refers to Acme GmbH`), the brand in the title ("Acme Privacy Policy"), and defined terms for the
 * customer's data. `known` are names the party finder already found for the vendor.
 */
export function readDefinitions(view: string, title: string | undefined, sentences: Sentence[], known: string[]): Definitions {
  const names: string[] = [...known];
  const groupBrands: string[] = [];
  const definedTerms = new Set<string>();
  // Quoted terms defined anywhere: '("Controller")', '"End Users" means', '(each a "Submission")'.
  for (const m of view.slice(0, 200_000).matchAll(/(?:\((?:[^()"]{0,40})?|\b(?:the terms?|term)\s+|^|\n)"([^"\n]{2,50})"(?=\s*(?:[),]|means|shall mean|refers|has the meaning|includes|or\s+"|and\s+"))/g)) {
    definedTerms.add(m[1].trim().replace(/[,;.]+$/, '').toLowerCase());
  }
  const head = view.slice(0, 60_000);
  aliasedNames(head, names, groupBrands);
  referredNames(head, names);
  introducedNames(head, title, sentences, names);
  // The brand the document is about: a capitalised word that heads far more capitalised phrases than any other.
  // It is only a guess: a document that names its own legal entity ('Wuit Pty Ltd ("we")') is about that entity,
  // and a frequent brand it does not share (Google, in a policy listing Google Analytics and Google Ads) is a
  // third party whose products must stay readable as recipients.
  const brand = dominantBrand(view);
  if (brand && !ownEntityElsewhere(names, brand) && !ownSiteElsewhere(view, brand)) pushName(names, brand);
  const speaker = selfSubject(sentences, definedTerms);
  if (speaker) pushName(names, speaker);
  const vendorNames = [...new Set(names.map((n) => n.trim().replace(/[\s,;:]+$/, '')).filter((n) => n.length >= 2 && !GENERIC.test(n)))];
  const dataTerms = dataTermsOf(sentences);
  const customerNames = customerNamesOf(head, sentences, vendorNames);
  const add: DocumentTerms['add'] = [];
  for (const n of vendorNames) add.push({ phrase: n, cat: 'actor', kind: 'vendor' });
  for (const n of customerNames) add.push({ phrase: n, cat: 'actor', kind: 'customer' });
  for (const t of dataTerms) add.push({ phrase: t, cat: 'object', kind: 'content' });
  add.push(...abbreviations(head));
  return { vendorNames, dataTerms, customerNames, definedTerms, groupBrands, terms: { add } };
}

// The readings of readDefinitions are functions of their own, not one long body: V8 recompiles a function whole each
// time one of its assumptions fails, and new documents keep failing some (this was among the most recompiled).

/** Names given "we" as an alias in a parenthesis of the head, and the group brands such a parenthesis names. */
function aliasedNames(head: string, names: string[], groupBrands: string[]): void {
  // 'Acme Inc. and its affiliates ("Acme", "we", "us")': the name before a parenthesis that aliases "we".
  for (let open = head.indexOf('('); open >= 0; open = head.indexOf('(', open + 1)) {
    const close = head.indexOf(')', open);
    if (close < 0 || close - open > 160) continue;
    // Everything below needs a quoted alias inside: a parenthesis without a '"' (most are links and asides) is passed
    // over without slicing and matching it, and none after the last '"' of the head can have one.
    const quote = head.indexOf('"', open + 1);
    if (quote < 0) break;
    if (quote > close) continue;
    const inside = head.slice(open + 1, close);
    const aliases = [...inside.matchAll(QUOTED)].map((m) => m[1].trim().replace(/[,;.]+$/, ''));
    // 'Acme Inc., Acme Europe UC and other Acme affiliates (collectively "Acme")' names the vendor too.
    // Not a collective name of data ('personal information and non-personal information (collectively "Information")').
    // "(hereinafter "the Website")", "(hereinafter, "User Details")" define terms, not the vendor: after "hereinafter" an
    // alias names the vendor only as a short form of a name written just before it ('Acme Software Ltd (hereinafter "Acme")').
    const hereinafter = /^\s*(?:hereinafter|hereafter)\b/i.test(inside);
    const collective = open < 8000 && /^\s*(?:collectively|together|jointly|hereinafter|hereafter|individually and collectively|each and collectively)\b/i.test(inside) && aliases.length > 0 && !aliases.some((a) => CUSTOMER_ALIAS.test(a) || PROVIDER_ALIAS.test(a) || DATA_ALIAS.test(a)) &&
      (!hereinafter || !aliases.some((a) => hereinafterTerm(inside, a, head)));
    // (A parenthesis without a quoted alias names no group: most are not read further.)
    const groupText = aliases.length > 0 ? head.slice(Math.max(0, open - 200), open) : '';
    for (const g of groupText.matchAll(/\b([\p{Lu}][\p{L}\p{N}]+)\s+(?:entities|affiliates|group companies|companies|group)\b/gu)) {
      if (aliases.some((a) => a.toLowerCase() === g[1].toLowerCase()) || (collective && aliases.some((a) => a.toLowerCase().startsWith(g[1].toLowerCase())))) groupBrands.push(g[1]);
    }
    if (!aliases.some((a) => WE.test(a)) && !collective) continue;
    for (const a of aliases) if (!WE.test(a) && !GENERIC.test(a)) names.push(a);
    // 'Bolt (also referred to as "we", "our" or "us") - Bolt Operations OÜ a private limited company': the legal entity
    // the alias stands for may follow the parenthesis after a dash.
    const after = new RegExp(String.raw`^\s*[-:]\s*((?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){1,5}(?:${LEGAL})\.?)(?![\p{L}])`, 'u').exec(head.slice(close + 1, close + 120));
    if (after) pushName(names, after[1]);
    const before = head.slice(Math.max(0, open - 200), open).split(/\n|[.;:](?=\s)/).pop() ?? '';
    const nm = NAME_BEFORE.exec(before);
    if (nm) for (const part of nm[1].split(/\s*,\s*(?![A-Z][a-z]{0,3}\.?$)|\s+and\s+/)) pushName(names, part);
    // Every corporate name listed before a collective alias is one of "us".
    if (collective) {
      const span = head.slice(Math.max(0, open - 400), open);
      for (const m of span.matchAll(new RegExp(String.raw`(?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){1,5}(?:${LEGAL})\.?(?![\p{L}])`, 'gu'))) pushName(names, m[0]);
    }
  }
}

/**
 * Whether a "hereinafter" parenthesis defines `alias` as a term rather than a name of the vendor: the term takes an article
 * ('(hereinafter the "Ratio")', '(hereinafter "the Website")'), or every word of it is an ordinary word the text also writes
 * in lower case ('(hereinafter, "User Details")'). A brand ('(hereafter "Brevo")') is written in lower case only in its
 * web address, if at all. "we"/"our" aliases are the vendor's.
 */
function hereinafterTerm(inside: string, alias: string, head: string): boolean {
  if (/^(?:we|us|our)(?:\s*[/,]\s*(?:we|us|our))*$/i.test(alias)) return false;
  if (/^\s*(?:hereinafter|hereafter),?\s+(?:referred\s+to\s+as\s+)?(?:the|a|an)\s+["“]/i.test(inside) || /^(?:the|a|an|this|these|our|your)\s/i.test(alias)) return true;
  const words = alias.split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
  return words.length > 0 && words.every((w) => new RegExp(String.raw`(?<![\p{L}\p{N}./@-])${w.toLowerCase()}(?![\p{L}\p{N}.-])`, 'u').test(head));
}

/** Names a "refers to" or "referred to as" definition gives "we". */
function referredNames(head: string, names: string[]): void {
  const splitNames = (list: string) => list.split(new RegExp(String.raw`\s*,(?!\s*(?:${LEGAL})\b)\s*|\s+and\s+|\s+or\s+`));
  for (const m of head.matchAll(REFERS)) for (const part of splitNames(m[1])) pushName(names, part.replace(/^the\s+/i, '').replace(UP_TO_SUFFIX, '$1'));
  for (const m of head.includes('"') ? head.matchAll(ALIAS_LIST_REFERS) : []) {
    const aliases = [...m[1].matchAll(QUOTED)].map((a) => a[1].trim().replace(/[,;.]+$/, ''));
    if (!aliases.some((a) => WE.test(a))) continue;
    // 'In these "Terms of Use", "we" means …': a quoted document title before the definition names no one.
    for (const a of aliases) if (!WE.test(a) && !GENERIC.test(a) && !CUSTOMER_ALIAS.test(a) && !PROVIDER_ALIAS.test(a) && !DOCUMENT_TITLE.test(a)) pushName(names, a);
  }
  // 'The operator is further referred to as "We", "Us" or "Acme"': aliases of "we" given to a role named before (the
  // name itself in the sentence before it), so the other aliases are the vendor's names.
  for (const m of head.includes('referred to as') ? head.matchAll(REFERRED_TO_AS) : []) {
    const aliases = [...m[1].matchAll(QUOTED)].map((a) => a[1].trim().replace(/[,;.]+$/, ''));
    if (!aliases.some((a) => WE.test(a))) continue;
    for (const a of aliases) if (!WE.test(a) && !GENERIC.test(a) && !CUSTOMER_ALIAS.test(a) && !PROVIDER_ALIAS.test(a) && !DOCUMENT_TITLE.test(a)) pushName(names, a);
  }
  // 'We refer to Acme Inc. and Acme Ireland Ltd. collectively as "Acme," "us," or "we"': the names before the aliases.
  // Both patterns need the word "refer" (case-sensitive, no `i` flag): most heads have none, and each pass over the head costs.
  const refers = head.includes('refer');
  for (const m of refers ? head.matchAll(REFERRED_AS) : []) {
    if (!/"(?:we|us|our),?"/i.test(m[2])) continue;
    for (const part of splitNames(m[1])) pushName(names, part);
    for (const a of m[2].matchAll(QUOTED)) {
      const alias = a[1].trim().replace(/[,;.]+$/, '');
      if (!WE.test(alias) && !GENERIC.test(alias)) pushName(names, alias);
    }
  }
  for (const m of refers ? head.matchAll(ALIASES_REFER) : []) {
    if (!/"(?:we|us|our),?"/i.test(m[1])) continue;
    for (const a of m[1].matchAll(QUOTED)) {
      const alias = a[1].trim().replace(/[,;.]+$/, '');
      if (!WE.test(alias) && !GENERIC.test(alias)) pushName(names, alias);
    }
    // The names end where the definition's clause does ("… and/or certain of its subsidiaries who …").
    for (const part of splitNames(m[2].replace(/\s+(?:and\/or|who|which|that)\b.*$/, ''))) pushName(names, part);
  }
}

/** Names the title, the agreement's parties and the author's introduction of itself give the vendor. */
function introducedNames(head: string, title: string | undefined, sentences: Sentence[], names: string[]): void {
  if (title) {
    const t = TITLE_BRAND.exec(title.trim());
    if (t && !/[,&]/.test(t[1]) && t[1].split(/\s+/).length <= 3) pushName(names, t[1].replace(/['’]s$/, ''));
  }
  // "The Agreement between Acme and Customer": the party facing the customer is the vendor.
  for (const m of head.slice(0, 6000).matchAll(/\bbetween\s+((?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){0,4}[\p{Lu}][\p{L}\p{N}&.'-]*(?:,?\s+(?:Inc|LLC|Ltd|GmbH|Limited|Corp)\.?)?)\s+(?:\([^()]{0,60}\)\s+)?and\s+(?:the\s+)?(?:Customer|you|Client|Licensee|Subscriber|Covered Entity|Controller|User)\b/gu)) pushName(names, m[1]);
  // "This Agreement … is entered into by and between PubMatic and the Publisher listed on such Service Order": the party
  // an agreement is made with the publisher, advertiser, merchant, developer or seller it is written for is the vendor
  // (only where the sentence makes the agreement: "payments between Stripe and the Merchant's bank" names no party).
  for (const m of head.slice(0, 6000).matchAll(/\b(?:This|These|The)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:Agreement|Terms|Addendum|Contract)\b[^.;]{0,120}?\b(?:entered\s+into|made|concluded)\s+(?:by\s+and\s+)?between\s+((?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){0,4}[\p{Lu}][\p{L}\p{N}&.'-]*(?:,?\s+(?:Inc|LLC|Ltd|GmbH|Limited|Corp)\.?)?)\s+(?:\([^()]{0,60}\)\s+)?and\s+(?:the|each|any)\s+(?:Publisher|Advertiser|Merchant|Developer|Seller|Partner)s?\b/gu)) pushName(names, m[1]);
  // The author introducing itself at the start: "We at Acme take …", "At Acme, your privacy …", "Acme Ltd, the owner
  // and provider of this Website", "services operated by Acme". A document names its author before anyone else.
  // Read sentence by sentence (a heading above the name is another sentence).
  for (const st of sentences) {
    if (st.start >= 3000) break;
    for (const { re, needs } of SELF_INTRODUCTION) {
      if (!needs.some((w) => st.view.includes(w))) continue;
      if ((needs[0] === 'seriously' || needs[0] === 'concerned') && sentences.filter((x) => !x.isHeading && x.start < st.start).length >= 2) continue;
      for (const m of st.view.matchAll(re)) pushName(names, m[1]);
    }
  }
  // "Who is responsible for processing your data? Acme GmbH, Street 1 …": the controller named under such a heading.
  for (const s of sentences.slice(0, 400)) {
    if (!s.isHeading || !/\b(?:responsible|controller|who we are|about us|data protection officer|contact us|operator|provider of (?:the|this))\b/i.test(s.view)) continue;
    const next = sentences[s.index + 1];
    const m = next && new RegExp(String.raw`^(?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){0,5}?(?:${LEGAL})\b\.?`, 'u').exec(next.view);
    if (m) pushName(names, m[0]);
  }
}

/** Defined terms for the customer's data (`"Customer Data" means data … submitted by Customer`). */
function dataTermsOf(sentences: Sentence[]): string[] {
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
  return dataTerms;
}

/**
 * The brand a policy is about: among capitalised words that start phrases, one that occurs at least eight
 * times and at least three times as often as the next ("Discord", "Scaleway"). Common sentence openers and
 * legal words are not brands.
 */
function dominantBrand(view: string): string | undefined {
  // The most frequent word that can be a brand (the first written, of equal counts) and the next count. A word is
  // judged only when its count could change either: most capitalised words occur once or twice and never are.
  let top: string | undefined;
  let n = 0;
  let second = 0;
  for (const [w, c] of capitalisedWords(view)) {
    if (c <= second || !mayBeBrand(w)) continue;
    if (top === undefined || c > n) {
      second = n;
      top = w;
      n = c;
    } else second = c;
  }
  return top !== undefined && n >= 8 && n >= 1.8 * second ? top : undefined;
}


const LEGAL_END = new RegExp(String.raw`(?:^|\s)(?:${LEGAL})\.?$`);

/**
 * Whether the names already read from the document's parties and definitions include a legal entity ("Hygraph
 * GmbH", "Wuit Pty Ltd") and none of them shares the brand's first letters: then the brand is someone else's.
 */
export function ownEntityElsewhere(names: string[], brand: string): boolean {
  const stem = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const b = stem(brand).slice(0, 4);
  if (b.length < 3) return false;
  const shares = (n: string) => {
    const s = stem(n);
    return s.includes(b) || (s.length >= 4 && stem(brand).includes(s.slice(0, 4)));
  };
  return names.some((n) => LEGAL_END.test(n.trim()) && !shares(n)) && !names.some(shares);
}

/**
 * Whether the document names itself by a web site whose domain does not hold the brand ("By continuing to use this website
 * (wideanglesoftware.com) …", "wideanglesoftware.com puts small files onto your computer"), and writes the name that domain
 * spells ("How Cookies are used by Wide Angle Software"): then a frequent brand ("Google", in a cookie policy listing Google
 * Analytics and Google's cookies) is a third party's, not the author's. A domain that spells no name of the text
 * ("this website (bfnotes.com)" in Brightfield's policy) is only the vendor's address, which says nothing of its brand.
 */
export function ownSiteElsewhere(text: string, brand: string): boolean {
  const b = brand.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (b.length < 3) return false;
  const head = text.slice(0, 60_000);
  for (const m of head.matchAll(OWN_SITE_DOMAIN)) {
    const domain = (m[1] ?? m[2]).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (!domain.includes(b) && spellsName(head, domain)) return true;
  }
  return false;
}
/** Whether the text writes a capitalised name, in words or one word, whose letters are the domain's ("Wide Angle Software"). */
function spellsName(text: string, domain: string): boolean {
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}.@/-])${[...domain].map((c) => escapeRegExp(c)).join(String.raw`[\s&'-]?`)}(?![\p{L}\p{N}]|\.[a-z]{2,4}\b)`, 'giu');
  for (const m of text.matchAll(re)) if (/^\p{Lu}/u.test(m[0])) return true;
  return false;
}
// The document's own site written as its domain: in apposition to "this website", or as the subject opening a sentence.
const OWN_SITE_DOMAIN = /\b(?:this|our)\s+(?:web\s?)?site\s*[(,]\s*(?:https?:\/\/)?(?:www\.)?([a-z0-9][a-z0-9-]{2,})\.[a-z]{2,4}\b|(?:^|\n)[ \t]*(?:www\.)?([a-z0-9][a-z0-9-]{2,})\.(?:com|net|org|io|co)\s+(?:puts|uses|collects|places|sets|stores|is|respects|may|will|does)\b/g;

function pushName(names: string[], raw: string): void {
  const n = raw.replace(/\s+/g, ' ').replace(/^(?:and|or|by|the|this|these)\s+/i, '').replace(/[\s,]+$/, '').trim();
  if (n.length < 2 || n.length > 80 || GENERIC.test(n) || !/^[\p{Lu}0-9]/u.test(n)) return;
  // A question opening a title or heading ("How Cookies are used by Acme", "What We Collect") names no one.
  if (/^(?:This|These|The|In|For|By|If|When|Please|Our|Your|How|What|Why|Where|Who|Which|Use|Usage|About)\b/.test(n)) return;
  names.push(n);
}

// "non-Personal Information (non-PI)": a short form in capitals, defined in parentheses right after the words it stands
// for. Found by the parenthesis first (a pattern that starts at the words would be tried at every word of the text).
const ABBREVIATION = /\(\s*"?((?:non-)?[\p{Lu}][\p{L}]{0,3}[\p{Lu}]{1,5}|(?:non-)?[\p{Lu}]{2,6})"?\s*\)/gu;
// The (at most four) words just before it.
const WORDS_BEFORE = /((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)\s+$/u;
let baseLexicon: Lexicon | undefined;

/**
 * The document's short forms for de-identified data, read as the words they stand for: "non-PI" where the document
 * defines it as "non-Personal Information (non-PI)". Only a short form whose words hold a de-identification word
 * becomes a term; "(GDPR)", "(DPO)", "(PI)" are left to the vocabulary.
 */
export function abbreviations(view: string): DocumentTerms['add'] {
  const out: DocumentTerms['add'] = [];
  const seen = new Set<string>();
  for (const m of view.matchAll(ABBREVIATION)) {
    const short = m[1];
    // Two letters are words too ("AI", "AD", "ID", "IT", "US"): read as terms, every "we use AI" would become
    // de-identified data. A short form counts with three letters or more, or with its "non-".
    if (!short.startsWith('non-') && short.length < 3) continue;
    const base = (baseLexicon ??= new Lexicon());
    // A short form the vocabulary knows ("PHI", "PII") keeps its meanings there. (Asked before the words before it are
    // read: that pattern, tried at each of 80 positions, costs more, and either answer passes the short form over.)
    if (seen.has(short.toLowerCase()) || base.find(tokenize(short)).length > 0) continue;
    const before = WORDS_BEFORE.exec(view.slice(Math.max(0, m.index - 80), m.index));
    if (!before) continue;
    const words = tokenize(before[1]);
    const hits = base.find(words);
    // Only de-identified data: a short form for personal data ("CPNI", "UGC") read as data let clauses about other
    // parties' duties or warranties pass as the vendor's (read over the 740 OTA documents), for no answer gained.
    if (!hits.some((h) => h.cat === 'action' && h.kind === 'deidentify')) continue;
    seen.add(short.toLowerCase());
    out.push({ phrase: short, cat: 'action', kind: 'deidentify' });
  }
  return out;
}
