import type { Sentence } from '../text/sentences.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';
import { partyKindPlural } from '../clauses/authorities.js';
import { NOT_A_NAME, SUFFIX_NAME_ALL } from './subprocessor-names.js';
import { RELATION_VERB, VOCABULARY } from '../clauses/vocabulary.js';

/**
 * Patterns of the sub-processor reader (subprocessors.extractor.ts), kept apart so the reader stays readable: the
 * headings and list leads that announce providers, the words that make a candidate a category, an institution, a
 * platform or the vendor's affiliate, and the relations that pass data on.
 */
// A heading about providers or sharing: names under it are read from provider clauses.
export const HEADING = /sub-?processors?|subcontractors?|service providers|third[- ]part(?:y|ies)|vendors|who (?:we|receives)|recipients|data sharing|processors|partners|providers/i;
// "We engage the following sub-processors: A, B and C", "Feature Tool Providers List: Kanvas Labs Inc, which …".
export const LIST_LEAD = /(?:\b(?:following|these|our|current|approved)\b[^:]{0,60}\b(?:sub-?processors?|subcontractors?|service providers?|vendors?|providers?|processors?|third parties|partners)\b|\b(?:sub-?processors?|subcontractors?|providers?|vendors?|processors?|partners?)\s+list\b)[^:]{0,40}:\s*(.+)$/i;
// Plural role nouns that end a category of recipients in title case ("Reward Fulfilment and Logistics Service Providers").
// A category described by its role: a plural kind of party then lower-case words ("Partners allowing us to fight fraud").
export const CATEGORY_HEAD = /^(?:partners|providers|vendors|suppliers|advertisers|publishers|processors|affiliates|companies|platforms|agencies|authorities|businesses|parties|organi[sz]ations|entities|services)$/;
export const categoryHead = (name: string): boolean => {
  const [first, second] = name.split(/\s+/);
  return second !== undefined && CATEGORY_HEAD.test(first.toLowerCase()) && /^[\p{Ll}]/u.test(second);
};
// Words that end a phrase before a name rather than belong to it ("provided by Acme, Inc.", "such as Acme LLC").
export const FUNCTION_WORD = /^(?:and|or|by|with|of|the|to|from|for|as|at|in|on|including|includes|include|such|like|via|between|is|are|was|were|be|our|its|their|your|a|an|named|called|namely|e\.g|i\.e)$/;
// The legal suffix at a name's end, with the comma before it ("Communications, LLC" → "Communications").
export const SUFFIX_TAIL = /,?\s+\S+\.?$/;
export const CATEGORY_TAIL = /\b(?:providers|vendors|suppliers|advertisers|publishers|processors|sub-?processors|affiliates|subsidiaries|agencies|authorities|insurers|contractors|entities|organi[sz]ations|businesses|parties|developers|merchants|sellers|users)$/i;
// Corporate names count in a provider sentence only when it passes data on or has it processed ("the user agrees
// by using this site" is a relation, not a transfer).
export const DATA_RELATION = /\b(?:deliver\w*|handl\w+|share[sd]?|sharing|disclos\w+|transferr?\w*|transmit\w*|sen[dt]s?|sending|provid\w+\s+(?:to|with)|provid\w+\s+(?:by|services)|host\w*|stor\w+|process\w*|receiv\w+|access\w*|engage[sd]?|engaging|sub-?contract\w*|outsourc\w+|powered\s+by|operated\s+by|on\s+(?:our|its|their)\s+behalf|made\s+available\s+to|communicat\w+\s+to|forward\w*)\b/i;
/** A capitalised word that opens a sentence or a title rather than a name ("Additionally", "We", "How"). */
export const notSentenceName = (w: string): boolean => NOT_A_NAME.test(w) || /^(?:We|You|It|They|This|That|These|Those|Our|Your|Its|Their|How|What|Why|When|Where|Which|Who|Whether|Learn|See|Does|Do|Did|Is|Are|Can|Could|Will|Would|Should|May|Might|Must|Has|Have)$/.test(w);
export const USER_ITEMS = /\b(?:when|if|where|once|whenever|after)\s+(?:you|users?)\s*(?:may|can|might|do)?\s*:\s*$/i;
export const SHOUTING = /[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z]{3,}/;

// A heading that announces a list of sub-processors (its items are names), not any heading about sharing.
export const STRICT_HEADING = /sub-?processors?|subcontractors?|(?:list of|our) (?:service )?providers|vendors? list|third[- ]party (?:service )?providers/i;
// Words before a brand-named legal entity that make it an affiliate recipient rather than the vendor itself.
export const AFFILIATE_CONTEXT = /\b(?:affiliates?|affiliated|subsidiar(?:y|ies)|group|sister compan|related compan|parent compan|corporate family|family of companies)\b[^.]{0,80}$/i;
// A name given as an example or list entry of the vendor's group companies, in the same clause: "other organisations in the
// Acme Group where those companies share operations with us (such as Acme IT AB, …)", "other Acme affiliated companies …:
// Acme Dealer Services, …". Such a name shares the vendor's brand yet is an affiliate outside "we" (README).
export const AFFILIATE_EXAMPLES = /\b(?:affiliates?|affiliated|subsidiar(?:y|ies)|group|sister compan\w+|related compan\w+|parent compan\w+|corporate family|family of companies)\b[^.;]{0,160}?(?:\bsuch\s+as|\bfor\s+(?:instance|example)|\be\.g\.|\bincluding|\bnamely|:)[^.;]{0,160}$/i;
// The group as the source of the data: "information we receive from our affiliates, such as …".
// A sentence that is the enumeration of the group itself: "These related group companies include A (…), B (…) and, to …, C".
export const GROUP_INCLUDES = /^\s*(?:these|our|the|such|its)\s+(?:[\w-]+\s+){0,2}?(?:affiliates|subsidiaries|group\s+companies|compan(?:y|ies)\s+(?:of|in)\s+(?:our|the|its)\s+group)\s+(?:include|includes|are|comprise)\b/i;
export const FROM_AFFILIATES = /\bfrom\s+(?:[\w-]+\s+){0,4}?(?:affiliat\w*|subsidiar\w*|group|sister\s+compan\w*|parent\s+compan\w*)\b[^.;]*$/i;

// What follows a big platform's name when the text names its provider service ("Microsoft's ad network", "Google Cloud").
export const BIG_TECH_SERVICE = /^(?:['’]s)?\s+(?:ad(?:vertising)?\s+(?:network|platform|exchange)|ads\b|analytics\b|cloud\b)/i;
// "we use Google to serve ads on our sites": the vendor's own use of the platform for a service it renders on the data.
export const USED_FOR_SERVICE = { before: /\b(?:we|us)\s+(?:also\s+|may\s+|currently\s+)?(?:use|engage|employ|rely\s+on)\s+$/i, after: /^\s+to\s+(?:help\s+(?:us\s+)?)?(?:serve|show|deliver|display|target|measure|analy[sz]e|host|store|process|send)\b/i };
// The user's data as the subject of a passive verb of passing it to the name that follows ("any information provided by you
// via the app may be shared with Google"), in the same clause. Not a tool's transmission ("usage data … is transmitted to
// Google", "sent to Google" when a module loads): that describes the tool the document names, not another recipient.
export const DATA_SHARED_WITH_BEFORE = /\b(?:information|data|details|content)\b[^.;:]{0,140}\b(?:is|are|be|been|being)\s+(?:\w+ly\s+)?(?:shared|disclosed|passed\s+on|made\s+available)\s+(?:directly\s+)?(?:with|to)\s+$/i;
// A provider role the vendor gives the name right after it: "Facebook as our Marketing Service Provider", "Google, our analytics
// provider". Not a description of the company ("Google, a provider of search services").
export const PROVIDER_ROLE_AFTER = /^\s*(?:,\s*our|\s+as\s+(?:our|an?))\s+(?:[\w-]+\s+){0,3}?(?:(?:service\s+)?providers?|sub-?processors?|processors?|vendors?)\b/i;
// The user's own doing later in the clause ("… if you connect your account", "when you sign in"): the platform is then
// one the user reaches, not the vendor's recipient (README: parties the user connects to).
const USER_DOING_AFTER = /^[^.;]{0,120}\b(?:if|when|once|where|whenever)\s+you\s+(?:(?:choose|decide|elect)\s+to\s+)?(?:connect|link|sign|log|use|access|visit|click|share|post)\b/i;
/**
 * Whether the platform named at `end` of `v` is the vendor's recipient by the role the text gives it right after ("Where we
 * share data with Facebook as our Marketing Service Provider"), in a clause not about a platform the user reaches. The
 * active "we share data with Google" alone was not enough: read so, it added a wrong name on the validation sets (sums only).
 */
export function providerRoleAfter(v: string, end: number): boolean {
  const after = v.slice(end, end + 160);
  return PROVIDER_ROLE_AFTER.test(after) && !USER_DOING_AFTER.test(after);
}
export const BIG_TECH = /^(?:google|apple|microsoft|amazon|meta|facebook|samsung|huawei|yahoo|bing)$/i;
// A platform's plug-in or button embedded in the vendor's pages ("This website integrates plugins from LinkedIn", "uses the
// buttons of the Twitter service"): the visitor's browser connects to the platform, which receives the visit (README:
// ubuntu.com precedent for pixels and plug-ins), unlike a page the vendor keeps on the platform.
export const EMBEDDED_PLUGIN = /\b(?:social\s+)?plug-?ins?\b|\b(?:like|share|tweet|follow)[\s-]+buttons?\b|\bbuttons\s+of\b/i;
// The vendor's own presence on a platform (a fan page, a profile, a channel): the platform is where the page is.
export const OWN_PRESENCE = /\bfan\s?pages?\b|\bonline\s+presences?\b|\bour\s+(?:[\w-]+\s+)?(?:pages?|profiles?|channels?|accounts?)\s+(?:on|at)\b/i;
export const SOCIAL_HEADING = /^x(?: \(formerly twitter\))?$|\bsocial (?:media|networks?|plug-?ins?)|\bonline presences?|\bfan ?pages?|\b(?:facebook|instagram|linkedin|twitter|youtube|mastodon|tiktok|xing|pinterest)\b/i;
// Public institutions and generic organisational words are not providers.
// Plurals too: "Federal and State Agencies" are authorities.
export const INSTITUTION = /\b(?:commissions?|authority|authorities|courts?|governments?|ministry|ministries|departments?|parliaments?|councils?|agency|agencies|police|regulations?|directives?|act|law|offices?|bureaus?|center|centre|institutes?|university|universities|union)$/i;

// A country or region named alone ("send your personal data to Ireland", "disclosed to Canada and India") is where the
// data goes, not an organisation receiving it: the places of the vocabulary (the offshore reader's), with or without "the".
const PLACE_NAMES = new Set(
  (['foreign', 'us', 'eu'] as const).flatMap((k) => VOCABULARY.place[k].exact ?? []).flatMap((p) => [p, p.replace(/^the\s+/, '')]),
);
export const placeName = (name: string): boolean => PLACE_NAMES.has(name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim());

// Lower-case words inside a foreign company name ("Bank der oesterreichischen Sparkassen", "Caisse des Dépôts").
const FOREIGN_CONNECTOR = /^(?:der|des|die|das|den|von|van|de|di|du|la|le|del|della|für|und|et|y)$/;
const NAME_START = /(?:^|[(\[:;]\s*)((?:[\p{Lu}][\p{L}.&-]*\s+){1,4}(?:[\p{Ll}][\p{L}-]*\s+){1,2})$/u;

/**
 * The start of a corporate name that a legal-suffix match cut off at lower-case words ("Erste Bank der oesterreichischen
 * " before "Sparkassen AG"), when the name opens a bracket, a colon's list or the clause: one of the lower-case words
 * is a connector of another language ("der", "des", "von"), none an English function word.
 */
export function nameStart(before: string): string | undefined {
  const m = NAME_START.exec(before);
  if (!m) return undefined;
  const lower = m[1].trim().split(/\s+/).filter((w) => /^[\p{Ll}]/u.test(w));
  return lower.some((w) => FOREIGN_CONNECTOR.test(w)) && lower.every((w) => !FUNCTION_WORD.test(w)) ? m[1] : undefined;
}

// Wording of data that no longer identifies anyone.
export const ANONYMOUS_DATA = /\b(?:aggregated?|anonymi[sz]ed|anonymous|de-?identified|non-?identifiable|(?:does|do)\s*(?:not|n['’]t)\s+identify)\b/i;

/** Whether a legal name comes right after "provided by" and shares its first word with a product named earlier in `before`. */
export function ownerOfNamedProduct(name: string, before: string): boolean {
  if (!/\b(?:provided|offered|operated|developed|run|made\s+available)\s+by\s+(?:the\s+)?$/i.test(before)) return false;
  const first = name.split(/\s+/)[0].replace(/[^\p{L}\p{N}]/gu, '');
  if (first.length < 3) return false;
  // The product: the owner's first word followed by a capitalised word ("Google Analytics", "Google Ads"); found with
  // indexOf, this runs for every legal name read.
  for (let i = before.indexOf(first); i >= 0; i = before.indexOf(first, i + 1)) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(before[i - 1])) continue;
    if (/^\s+\p{Lu}/u.test(before.slice(i + first.length, i + first.length + 8))) return true;
  }
  return false;
}

// Right after a name: a kind of product in lower case ("the Connatix video player", "the Awin network"), so "the" before
// the name belongs to the product, and the name is its maker's brand rather than a term the document defines.
// "the Facebook Like button": a social network's button, the network's as its plug-in is.
// A button's kind after the platform, in any one word ("Like", "Link", "Recommend") other than a sign-in's.
export const SOCIAL_BUTTON_AFTER = /^\s+["'“]?(?:[Ll]ike|[Tt]weet|[Ss]hare|[Ff]ollow|\+1|[Pp]in\s+[Ii]t|(?!(?:[Ss]ign|[Ll]og)[- ]?(?:[Ii]n|[Oo]n|[Uu]p)\b|[Ll]ogin\b)[A-Z][a-z]+)["'”]?\s+[Bb]uttons?\b/;
export const BRAND_PRODUCT_AFTER = new RegExp(String.raw`^\s+(?:[a-z-]+\s+){0,2}?(?:player|network|service|platform|tool|plug-?in|pixel|sdk|api|software|solution|widget|technology|app|application|chat|chatbot|tag|script)s?\b|${SOCIAL_BUTTON_AFTER.source}`);
// After "the vendor's X": what the vendor holds with another company's product ("Acme's Salesforce instance", "Acme's
// AWS account", "Acme's Google Workspace tenant"), so X is that company's service, not a product of the vendor's own.
export const HELD_SERVICE_AFTER = /^\s+(?:instances?|accounts?|environments?|tenants?|tenancy|workspaces?|subscriptions?|buckets?|databases?|org(?:ani[sz]ation)?s?)\b/i;
export const PROVIDED_BY = /\b(?:provided|offered|operated|developed|run)\s+by\s+(?:the\s+)?[\p{Lu}]/u;
// A cell's label before its names: "Our advertising Partner: ", "Processors: " (a few words, no name of its own).
export const CELL_LABEL = /^(?:our\s+)?(?:[\p{L}-]+\s+){0,3}[\p{L}-]+\s*:\s*/iu;

/**
 * The words of the paragraph a name was read in that give it only anonymous or aggregated data ("Playwire LLC may collect
 * and use certain aggregated and anonymized data", "It processes aggregated data only"): the name itself (not its first
 * word: "Amazon" is not "Amazon Web Services") as the subject of collecting, receiving or using such data, said to be all
 * it gets: "only", "solely", "exclusively", or data made anonymous (not merely aggregated), with no other data joined to
 * it ("aggregated usage information and device identifiers") and no "also"; and no word of personal data in the
 * paragraph (identifiers and account records are personal data). Undefined otherwise.
 */
export function anonymousOnly(sentences: Sentence[], s: Sentence, name: string): string | undefined {
  const para = anonymousParagraph(sentences, s);
  if (!para) return undefined;
  const re = anonymousSubject(name);
  for (const x of para) {
    const m = re.exec(x.view);
    if (!m) continue;
    const rest = x.view.slice(m.index + m[0].length);
    // "aggregated usage information and device identifiers": other data besides.
    if (/^\s*,?\s*(?:and|as\s+well\s+as|along\s+with|plus|together\s+with|or)\s+(?!(?:other\s+)?(?:aggregated?|anonymi[sz]ed|anonymous|de-?identified|non-?personal)\b)/i.test(rest)) continue;
    if (/\b(?:also|additionally|as\s+well|in\s+addition|too)\b/i.test(m[0])) continue;
    const only = /\b(?:only|solely|exclusively)\b/i.test(m[0]) || /^[^.;]{0,40}?\b(?:only|solely|exclusively)\b/i.test(rest);
    if (only || /\b(?:anonymi[sz]ed|anonymous|de-?identified|non-?personal)\b/i.test(m[0])) return m[0];
  }
  return undefined;
}
// Asked of every name kept, often many in one paragraph (a table of hundreds of rows): the paragraph's answer is kept.
const PARAGRAPHS = new WeakMap<Sentence[], Map<number, Sentence[] | null>>();
// The words the subject pattern requires: a paragraph without any cannot say a name gets only anonymous data.
const ANONYMOUS_WORD = /\b(?:aggregated?|anonymi[sz]ed|anonymous|de-?identified|non-?personal)\b/i;

/** The sentences around `s` in its paragraph, when one of them speaks of anonymous data and none of personal data; else null. */
function anonymousParagraph(sentences: Sentence[], s: Sentence): Sentence[] | null {
  let memo = PARAGRAPHS.get(sentences);
  if (!memo) PARAGRAPHS.set(sentences, (memo = new Map()));
  let para = memo.get(s.index);
  if (para === undefined) {
    const around = sentences.slice(Math.max(0, s.index - 4), s.index + 5).filter((x) => x.paragraph === s.paragraph);
    para = around.some((x) => ANONYMOUS_WORD.test(x.view)) && !around.some((x) => PERSONAL_DATA.test(x.view)) ? around : null;
    memo.set(s.index, para);
  }
  return para;
}
const SUBJECTS = new Map<string, RegExp>();
/** The pattern of `name` as the subject of getting anonymous or aggregated data, built once per name. */
function anonymousSubject(name: string): RegExp {
  let re = SUBJECTS.get(name);
  if (!re) {
    // The name as written, or without its legal suffix ("Adsmith" for "Adsmith LLC"), never one word of a longer name.
    const bare = name.replace(TRAILING_LEGAL_SUFFIX, '');
    const subject = [name, bare].filter((n, i, all) => n.length >= 2 && all.indexOf(n) === i).map(escapeRegExp).join('|');
    re = new RegExp(String.raw`(?<![\w-])(?:${subject})(?![\w-])[^.;]{0,40}?\b(?:may\s+|will\s+|can\s+)?(?:collects?|receives?|uses?|process(?:es)?|obtains?|gets?)\b[^.;]{0,60}?\b(?:aggregated?|anonymi[sz]ed|anonymous|de-?identified|non-?personal)\b[^.;]{0,30}?\b(?:data|information|statistics)\b`, 'i');
    SUBJECTS.set(name, re);
  }
  return re;
}
const PERSONAL_DATA = /\bpersonal(?:ly\s+identifiable)?\s+(?:data|information)\b|\b(?:ip\s+address|e-?mail\s+address|identif(?:y|ies)\s+you)\b|\b(?:device|advertising|unique|online|user)\s+(?:identifiers?|ids?)\b|\baccount\s+(?:records?|data|information|details)\b|\bcontact\s+(?:details|information)\b/i;
// The vendor's verb of using a provider, right before a name.
export const USE_VERB_BEFORE = /\b(?:use[sd]?|using|engage[sd]?|works?\s+with|rel(?:y|ies)\s+on|utili[sz]e[sd]?|partners?\s+with)\s+(?:the\s+)?$/i;

/**
 * Roles a practice's vendors are named by (data, extend here): "our clearinghouse, Office Ally," names Office Ally as the
 * practice's clearinghouse. Only roles of an engaged party: "our office", "our Privacy Officer" name a place or a person.
 */
export const ROLE_NOUNS = [
  'clearinghouse', 'claims clearinghouse', 'EHR vendor', 'EHR provider', 'EHR', 'EMR vendor', 'EMR provider', 'electronic health record vendor',
  'practice management system', 'billing service', 'billing company', 'billing provider', 'payment processor', 'card processor',
  'hosting provider', 'cloud provider', 'cloud host', 'e-prescribing partner', 'e-prescribing vendor', 'e-prescribing provider',
  'email provider', 'email service provider', 'fax provider', 'fax service', 'telehealth platform', 'telehealth provider',
  'video provider', 'scheduling provider', 'reminder service', 'texting provider', 'SMS provider', 'lab partner', 'laboratory partner',
  'transcription service', 'answering service', 'analytics provider', 'backup provider', 'IT provider', 'IT vendor',
];
// "our clearinghouse, " right before a name: the appositive names the party in that role (see readProse).
export const ROLE_APPOSITIVE = new RegExp(String.raw`\bour\s+(?:${ROLE_NOUNS.map((n) => n.replace(/[-]/g, '[- ]?').replace(/\s+/g, '\\s+')).join('|')}),\s+(?=[\p{Lu}0-9])`, 'giu');
/**
 * Whether the sentence's relation word stands outside its corporate names: "emedia Communications, LLC" holds a word
 * of communicating, but a company's name is not the sentence's verb ("A, LLC and its subsidiaries B, Inc. and emedia
 * Communications, LLC participate in …" passes nothing to anyone).
 */
export function relationOutsideNames(v: string): boolean {
  return RELATION_VERB.test(v.replace(SUFFIX_NAME_ALL, (m: string) => ' '.repeat(m.length)));
}

/**
 * Whether the word after a name (at `end`) is a kind of party in the plural, in lower case: the name only qualifies that
 * kind ("share your personal data with Swedish authorities", "with Acme partners"), so the recipients are the kind's
 * members, unnamed, not the name's bearer.
 */
export function qualifiesKind(v: string, end: number): boolean {
  // The kind closes its phrase (a stop, a conjunction, a preposition, a relative pronoun): "Hetzner stores the data" has
  // a verb there, whose object follows.
  const w = /^\s+(\p{Ll}[\p{Ll}-]+)(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|in|of|for|to|with|when|where|that|who|which|as|if|under|on|at|from|by)\b)/u.exec(v.slice(end, end + 60))?.[1];
  return w !== undefined && partyKindPlural(w[0].toUpperCase() + w.slice(1));
}

// Nouns of a technique or feature rather than an organisation, after a name: "Optical Character Recognition technology".
const TECHNIQUE_NOUNS = String.raw`technolog(?:y|ies)|techniques?|methods?|features?|functionalit(?:y|ies)|capabilit(?:y|ies)`;
const TECHNIQUE_AFTER = new RegExp(String.raw`^\s+(?:${TECHNIQUE_NOUNS}|algorithms?)\b`, 'i');
// A noun right after a quoted name that makes it a technique, feature or setting rather than a provider.
export const QUOTED_KIND_AFTER = new RegExp(String.raw`^\s+(?:${TECHNIQUE_NOUNS}|cookies?|tags?|mode|settings?|options?|process(?:es|ing)?)\b`, 'i');
// The name's own alias in quotes and parentheses between it and the kind: 'Optical Character Recognition ("OCR") technology'.
const ALIAS_AFTER = /^\s*\(\s*["“'‘][^"”'’()]{1,20}["”'’]\s*\)/;

/**
 * Whether the name ending at `end` of `v` names a technique rather than an organisation: after its own alias in parentheses
 * comes a kind of technique ('We use Optical Character Recognition ("OCR") technology'). Without the alias, "Cloudflare
 * technology" is a company's.
 */
export function namesTechnique(v: string, end: number): boolean {
  const rest = v.slice(end, end + 60);
  const alias = ALIAS_AFTER.exec(rest);
  return alias !== null && TECHNIQUE_AFTER.test(rest.slice(alias[0].length));
}
