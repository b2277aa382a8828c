import type { FactContext } from './fact-context.js';
import { introOf } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import { core, NAME_AT } from './subprocessor-names.js';
import { LEGAL_SUFFIX } from '../text/legal-suffixes.js';

/**
 * The vendor itself under names the definitions do not give it (README: the vendor is not its own sub-processor).
 * A policy names the entity behind it in a few set ways, and that entity is then found again in the text as if it
 * were a recipient ("… may be disclosed to Teads Holding Co.", a contact address):
 * - the entity the document applies to or the product is provided by: "This Privacy Policy applies to Teads Holding
 *   Co.", "the release version of Thunderbird distributed by MZLA Technologies Corporation", "Thunderbird is a
 *   project of MZLA Technologies Corporation" (the subject is the document, the vendor's name, "we" or "our
 *   services");
 * - a renamed vendor: "Teads Holding Co. (formerly Outbrain Inc.)";
 * - the names in a sentence that defines the vendor's collective name: "WordPress.org websites (collectively
 *   “WordPress.org”) refer to sites hosted on WordCamp.org, BuddyPress.org …";
 * - a short form of the vendor's name: its initials and the rest ("GM U.S." for "General Motors U.S.").
 */
export interface SelfNames {
  /** Whether a candidate name is the vendor itself. */
  has(name: string): boolean;
}

// A verb phrase whose object is the entity behind the document or the product.
const BEHIND = /\b(?:applies\s+to|(?:is|are)\s+(?:provided|operated|owned(?:\s+and\s+operated)?|run|published|offered|controlled)\s+by|(?:developed\s+and\s+)?distributed\s+by|(?:is|are)\s+(?:a|the)\s+(?:project|product|service|brand|trading\s+name)\s+of)\s+/gi;
// Whose it is: the document, the vendor ("we"), its services, or the vendor's name (checked in code).
// Not "this service" (a third party's service just described: "This service is provided by Google LLC"), nor a parent
// company ("a subsidiary of Mozilla Foundation": an affiliate outside "we", possibly a recipient).
const SUBJECT = /\b(?:this|these)\s+(?:(?:privacy|cookie|data\s+protection)\s+)?(?:policy|policies|notice|statement|terms|website|websites|site|sites)\b|\bour\s+(?:website|websites|site|sites|app|apps|platform|services)\b/gi;
// Between the subject and the verb: no relative clause or list that could bring in another subject.
const ANOTHER_SUBJECT = /\b(?:which|who|that|whose|uses?|using)\b|[,;]/i;
// What may stand before the subject: the clause's start (a sentence, "that", "and"), "the", or the version of a named
// product ("the release version of Thunderbird distributed by …").
const WHOLE_SUBJECT = /(?:^|[.;:!?]\s|\b(?:that|and|but|so)\s)[\s*#"“'‘(-]*(?:(?:the|this)\s+)?(?:(?:[\w-]+\s+){0,2}(?:versions?|editions?|builds?|releases?)\s+of\s+)?$/i;
const FORMERLY = /\(\s*(?:formerly|previously)\s+(?:known\s+as\s+)?([^)]{2,60})\)/gi;
const COLLECTIVE = /\(\s*(?:together|collectively|hereinafter)[^)"“'‘]{0,20}["“'‘]([^"”'’]{1,40})["”'’]/i;
// A name token anywhere in a sentence (for the collective definition: every name there is the vendor's own).
const NAME_ANYWHERE = /(?<![\p{L}\p{N}.])(?:[\p{Lu}][\p{L}\p{N}&.-]*[\p{L}\p{N}]|[\p{Ll}]+[\p{Lu}][\p{L}\p{N}.-]*)(?:\s+[\p{Lu}][\p{L}\p{N}&.-]*[\p{L}\p{N}])*/gu;

export function selfNames(ctx: FactContext): SelfNames {
  const keys = new Set<string>();
  const vendorCores = ctx.vendorNames.map(core).filter((k) => k.length >= 3);
  const isVendor = (x: string) => {
    const k = core(x);
    return k.length >= 3 && vendorCores.some((v) => v === k || v.startsWith(k) || k.startsWith(v));
  };
  const vendorWords = ctx.vendorNames.map((n) => n.toLowerCase());
  // The subject nearest the verb is the document, the vendor's site or the vendor's name, with nothing between them
  // that could start another clause ("the Google Maps API, which is provided by Google LLC").
  // The subject must be the whole (document, site, vendor): at the clause's start or after "the"; a noun before it
  // ("The chat feature of our app", "Video visits on our platform") makes a part of it the subject, which another
  // company may well provide.
  const namesVendor = (before: string) => {
    let at = -1;
    let from = -1;
    SUBJECT.lastIndex = 0;
    for (let m = SUBJECT.exec(before); m; m = SUBJECT.exec(before)) [from, at] = [m.index, m.index + m[0].length];
    const lower = before.toLowerCase();
    for (const w of vendorWords) {
      const i = w.length >= 3 ? lower.lastIndexOf(w) : -1;
      if (i >= 0 && i + w.length > at) [from, at] = [i, i + w.length];
    }
    return at >= 0 && before.length - at <= 120 && !ANOTHER_SUBJECT.test(before.slice(at)) && WHOLE_SUBJECT.test(before.slice(0, from));
  };
  const addKey = (name: string) => {
    const k = selfKey(name);
    if (k.length >= 3 && !vendorCores.includes(core(name))) keys.add(k);
  };
  for (const s of ctx.sentences) {
    const v = s.view;
    if (v.includes(' by ') || v.includes(' to ') || v.includes(' of ')) {
      BEHIND.lastIndex = 0;
      for (let m = BEHIND.exec(v); m; m = BEHIND.exec(v)) {
        if (!namesVendor(v.slice(0, m.index))) continue;
        const n = NAME_AT.exec(v.slice(m.index + m[0].length));
        if (n) addKey(n[1]);
      }
    }
    if (v.includes('(')) {
      FORMERLY.lastIndex = 0;
      for (let m = FORMERLY.exec(v); m; m = FORMERLY.exec(v)) {
        if (!isVendor(m[1])) continue;
        // The name just before the parenthesis: the last run of name words.
        const before = v.slice(0, m.index).trimEnd();
        const last = /((?:[\p{Lu}][\p{L}\p{N}&.,-]*\s+){0,4}[\p{Lu}][\p{L}\p{N}&.-]*)$/u.exec(before);
        if (last) addKey(last[1]);
      }
      const c = COLLECTIVE.exec(v);
      if (c && (isVendor(c[1]) || /^(?:we|us|our)$/i.test(c[1]))) for (const n of v.matchAll(NAME_ANYWHERE)) if (/[.\p{Lu}]/u.test(n[0].slice(1)) || /\./.test(n[0])) addKey(n[0]);
    }
  }
  // "If you reside in the EEA or UK, Taboola.com Ltd. will be the controller of your Personal Data": the entity a
  // residence-based designation makes the controller of the reader's data is the vendor for those readers.
  // So is the one the section saying who "we" are makes the controller of the reader's data ("These brands are all trading
  // styles of Acme Ltd. which is the controller of your personal data", under "Who we are"): a relative pronoun stands for it.
  for (const s of ctx.sentences) {
    const v = s.view;
    // The word first: most sentences have none, and the residence pattern was run on every sentence before it.
    if (!v.includes('controller')) continue;
    const residence = RESIDENCE.test(v);
    if (!(residence || WHO_WE_ARE.test(s.heading ?? ''))) continue;
    CONTROLLER_OF_YOURS.lastIndex = 0;
    for (let m = CONTROLLER_OF_YOURS.exec(v); m; m = CONTROLLER_OF_YOURS.exec(v)) {
      // Under "who we are", only the controller of all of the reader's data is "we": a host or payment firm named there as
      // the controller of "your server logs" or "your payment details" is another controller, a recipient.
      if (!residence && !WHOLE_DATA.test(v.slice(m.index + m[0].length))) continue;
      const last = LAST_NAME_BEFORE.exec(v.slice(0, m.index).trimEnd().replace(/,?\s+(?:which|who)$/i, ''));
      if (last) addKey(last[1]);
    }
  }
  // "If you are a user located in the EEA …: Acme Europe B.V., a Dutch company, located at …, will be your data controller":
  // the company named after the residence clause's colon, whatever appositive follows it, is "we" for those readers.
  for (const s of ctx.sentences) {
    const v = s.view;
    if (!v.includes('controller') || !RESIDENCE.test(v)) continue;
    const m = YOUR_CONTROLLER.exec(v);
    const colon = m ? v.lastIndexOf(':', m.index) : -1;
    const n = colon >= 0 ? SUFFIXED_NAME_AT.exec(v.slice(colon + 1, m!.index).replace(/[*_]/g, ' ')) : null;
    if (n) addKey(n[1]);
  }
  for (const s of ctx.sentences) for (const n of operatorsOf(s.view, vendorWords)) addKey(n);
  // "… processing activities related to Services provided by Acme Ireland Ltd": where the document defines "Services" as its
  // own offerings, the entity that provides them is the vendor under one of its names (a residence-based controller).
  if (DEFINES_SERVICES.test(ctx.text)) {
    for (const s of ctx.sentences) {
      if (!s.view.includes(' by ')) continue;
      for (const m of s.view.matchAll(DEFINED_SERVICES_BY)) {
        // "Payment processing for the Services is provided by Stripe": a finite verb's subject may be another thing than the
        // Services, which then only ends a prepositional phrase; the Services must open the clause themselves.
        if (m[2] && !m[1] && !SERVICES_OPEN_CLAUSE.test(s.view.slice(0, m.index))) continue;
        const n = NAME_AT.exec(s.view.slice(m.index + m[0].length));
        if (n) addKey(n[1]);
      }
    }
  }
  // "… bound by at least the same data protection standards as The Reach Group GmbH itself": the party its providers are
  // held to the standard of is the vendor, when it is the party the document's first sentence names ("Due to its business
  // purpose, The Reach Group GmbH deals extensively with …"). A provider named later may be compared with itself too ("Mailchimp
  // requires its sub-processors to meet the same standards as Mailchimp itself"): still a provider.
  let opening: string | undefined;
  for (const s of ctx.sentences) {
    if (!s.view.includes(' itself')) continue;
    opening ??= core(ctx.sentences.find((x) => !x.isHeading)?.view ?? '');
    for (const m of s.view.matchAll(AS_ITSELF)) {
      const k = selfKey(m[1]);
      if (k.length >= 3 && opening.includes(k)) addKey(m[1]);
    }
  }
  // "This Policy does not apply to the non-Xfinity products, services, websites …": what a policy leaves out as "non-W"
  // offerings is everyone's but W's, so W is the brand the policy speaks for.
  for (const s of ctx.sentences) {
    if (!s.view.includes('non-') || !NOT_COVERED.test(s.view)) continue;
    for (const m of s.view.matchAll(NON_BRAND)) addKey(m[1]);
  }
  for (const s of ctx.sentences) for (const n of ownOfferingsIn(ctx.sentences, s)) addKey(n);
  const abbreviations = ctx.vendorNames.map(initialsOf).filter((x): x is string => x !== undefined);
  return {
    has: (name) => {
      const k = selfKey(name);
      return keys.has(k) || abbreviations.includes(core(name));
    },
  };
}

// The document's defined term for its own offerings: "(collectively, “Services”)", "(the \"Service\")".
const DEFINES_SERVICES = /[“"]Services?[.,]?[”"]/;
// The defined term itself (a capital, not the last word of a product's name such as "Amazon Web Services") and who runs it.
const DEFINED_SERVICES_BY = /(?<![\p{Lu}][\p{L}&.-]*\s)(?<![\p{L}])Services?\s+(?:(that\s+)?(is|are)\s+)?(?:provided|operated|offered)\s+by\s+/gu;
// What may stand before the Services as the subject of "is/are provided by": the clause's start and a determiner only.
const SERVICES_OPEN_CLAUSE = /(?:^|[.;:!?]\s|\b(?:that|and|but|so|while|where|when)\s)[\s*#"“'‘(-]*(?:(?:the|our|these|this)\s+)?$/i;
// The policy's own subject saying what it does not cover.
const NOT_COVERED = /\b(?:this|our)\s+(?:(?:privacy|cookie|data\s+protection)\s+)?(?:policy|statement|notice)\s+(?:also\s+)?(?:does\s+not|doesn['’]t|will\s+not)\s+(?:apply|cover)\b/i;
// "non-W" before a kind of offering: "non-Xfinity products", "non-Acme websites".
const NON_BRAND = /\bnon-([\p{Lu}][\p{L}\p{N}&.]*[\p{L}\p{N}])\s+(?:[\w-]+\s+)?(?:products?|services?|websites?|sites?|apps?|applications?|offerings?|platforms?|brands?)\b/gu;
// "your personal data", "your information": the whole of the reader's data, not a part of it.
const WHOLE_DATA = /^\s+(?:personal\s+)?(?:data|information)\b/i;
// A heading of the section that says who the vendor is.
const WHO_WE_ARE = /\bwho\s+(?:we\s+are|are\s+we|is\s+responsible)\b|\babout\s+us\b/i;
// "At Acme, accessible from https://acme.example, operated by Acme Operations Ltd": the participle set off after the vendor's
// name (and an appositive giving its address) names the entity that runs it, the vendor itself.
const OPERATED_AFTER = /,\s*(?:(?:owned\s+and\s+)?operated|run|owned|published)\s+by\s+/gi;
const ADDRESS_APPOSITIVE = /,\s*(?:accessible|available|reachable|located|found)\s+(?:from|at|on|via|through)\s+\S+$/i;
// The vendor's name must open its clause ("Acme, …", "At Acme, …", "Welcome to Acme, …"), not end a longer subject.
const OPENS_CLAUSE = /(?:^|[.;:!?]\s)[\s*#"“'‘(-]*(?:(?:at|on|welcome\s+to|the)\s+)?$/i;

/** The entities `v` says run the vendor's site or service in a participle after its name ({@link OPERATED_AFTER}). */
function operatorsOf(v: string, vendorWords: string[]): string[] {
  if (!v.includes(' by ')) return [];
  const out: string[] = [];
  OPERATED_AFTER.lastIndex = 0;
  for (let m = OPERATED_AFTER.exec(v); m; m = OPERATED_AFTER.exec(v)) {
    const subject = v.slice(0, m.index).replace(ADDRESS_APPOSITIVE, '');
    const lower = subject.toLowerCase();
    const own = vendorWords.some((w) => w.length >= 3 && lower.endsWith(w) && OPENS_CLAUSE.test(subject.slice(0, subject.length - w.length)));
    const n = own ? NAME_AT.exec(v.slice(m.index + m[0].length)) : null;
    if (n) out.push(n[1]);
  }
  return out;
}
// Where the reader lives decides which entity is "we": "If you reside in the EEA", "for users located in Japan".
const RESIDENCE = /\b(?:reside|resident|residents|live|located|based)\s+(?:in|outside)\b|\bfor\s+(?:users|individuals|residents|people|customers)\s+(?:in|of|from|outside)\b/i;
// "… will be the controller of your Personal Data", "… is the data controller responsible for your information".
const CONTROLLER_OF_YOURS = /\s(?:will\s+be|is|shall\s+be|acts\s+as)\s+the\s+(?:data\s+)?controller\s+(?:of|for|responsible\s+for)\s+your\b/gi;
// "… will be your data controller", "… is your controller".
const YOUR_CONTROLLER = /\s(?:will\s+be|is|shall\s+be|acts\s+as)\s+your\s+(?:data\s+)?controller\b/i;
// A company's name with its legal suffix opening the text (after spaces): the entity a residence clause designates.
const SUFFIXED_NAME_AT = new RegExp(String.raw`^\s*((?:[\p{Lu}][\p{L}\p{N}&'-]*\s+){1,6}${LEGAL_SUFFIX})`, 'u');
// The run of name words (and their legal suffix) ending just before it.
// Up to five capitalised name words: the shape of a company's name in running text.
const NAME_RUN = String.raw`(?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){0,4}[\p{Lu}][\p{L}\p{N}&.'-]*`;
const LAST_NAME_BEFORE = new RegExp(String.raw`(${NAME_RUN}(?:,\s+(?:Inc|LLC|Ltd|Limited|GmbH|Corp)\.?)?)$`, 'u');

const AS_ITSELF = new RegExp(String.raw`\b(?:same|equivalent|comparable|similar)\b[^.;]{0,80}?\bas\s+(${NAME_RUN}(?:,?\s+(?:Inc|LLC|Ltd|Limited|GmbH|Corp)\.?)?)\s+itself\b`, 'gu');
// A name's key without its legal suffix, however it was cut ("Quillon Holding Co" read before "Co." lost its period).
const selfKey = (name: string) => core(name.replace(/[.,\s]+$/, '')).replace(/(?:inc|llc|ltd|co|corp|corporation|gmbh|limited|plc|ag|bv|sas|sarl)$/, '');

/**
 * The short form of a vendor name of three or more words: the initials of its first words and the rest as written
 * ("General Motors U.S." → "gmus", compared as a key), or undefined.
 */
function initialsOf(vendor: string): string | undefined {
  const words = vendor.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  if (words.length < 3) return undefined;
  const head = words.slice(0, 2).map((w) => w[0]).join('');
  return core(head + ' ' + words.slice(2).join(' '));
}

// The list that says what the policy covers: "This Privacy Policy applies to information … when you use:".
const SCOPE_INTRO = /\b(?:this|these)\s+(?:(?:privacy|cookie|data\s+protection)\s+)?(?:policy|policies|notice|statement)\s+(?:also\s+)?appl(?:y|ies)\s+to\b/i;
// An entry of that list that is the vendor's own ("- Our websites (including …)", "- Our other products (for example, …)").
const OWN_ENTRY = /^[\s*•·–-]*(?:\d+[.)]\s*)?[*_]*our\b/i;
// An entry for the vendor's dealings with others' offerings ("Our integrations with other platforms (for example, Slack)",
// "Our partners' apps"): the examples there are the others'.
const OTHERS_IN_ENTRY = /\b(?:third[- ]part(?:y|ies)|partners?|integrat\w*|connect\w*)\b/i;
const DOMAIN = /^([a-z0-9][a-z0-9-]*)\.[a-z]{2,}(?:\.[a-z]{2,})?$/i;

/**
 * The names of the vendor's own offerings in the list of what its policy covers: "- Our websites (including acme.com,
 * longreads.com)", "- Our other products (for example, Jetpack CRM, Happy Tools)". Each example that is a name as a whole
 * (or a web domain, by its name) is the vendor's; a feature described around another's name ("the Pay with PayPal block")
 * is not a whole name and names nobody here.
 */
function ownOfferingsIn(sentences: Sentence[], s: Sentence): string[] {
  if (!OWN_ENTRY.test(s.view) || !s.view.includes('(') || OTHERS_IN_ENTRY.test(s.view.slice(0, s.view.indexOf('(')))) return [];
  const intro = introOf(sentences, s, true);
  if (!intro || !SCOPE_INTRO.test(intro.view)) return [];
  const out: string[] = [];
  for (const m of s.view.matchAll(/\(([^()]+)\)/g)) {
    const entries = m[1].replace(/^\s*(?:including|for\s+example|e\.g\.|such\s+as)[,:]?\s*/i, '').split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
    for (const e of entries.map((x) => x.trim())) {
      const d = DOMAIN.exec(e);
      if (d) out.push(d[1]);
      else if (NAME_AT.exec(e)?.[1] === e) out.push(e);
    }
  }
  return out;
}
