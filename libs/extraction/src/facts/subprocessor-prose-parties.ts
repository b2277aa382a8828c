import { negatedBefore } from '../clauses/negation.js';

/**
 * Parties named in running prose by the sentence around them rather than by a provider noun or a relation verb before
 * the name (read by subprocessors.extractor.ts): examples whose kind is the sentence before ("These third parties may set
 * cookies on your device. Examples include A."), and the platform a social button on the vendor's pages is named by.
 */
/**
 * The position after "Examples include" opening a sentence whose examples are of the parties the sentence before
 * describes, when that sentence says they collect, receive or are given the visitor's data ("These third parties may set
 * and access cookies on your device … Examples include Quantcast and Criteo."; "These cookies collect information about
 * how people use the Sites … Examples include Google Analytics."): the examples are those parties. Not when the sentence
 * before is about data, rights or the vendor's own acts without a third party or tracker ("We collect contact data.
 * Examples include your name …" names no capitalised party; "integrations offered by our partners. Examples include
 * Lenses" gives no collection).
 */
export function examplesOfPrevious(v: string, prev: string | undefined, before?: string): number | undefined {
  if (prev === undefined) return undefined;
  const m = EXAMPLES_OPEN.exec(v);
  if (!m || !/^\p{Lu}/u.test(v.slice(m[0].length))) return undefined;
  // A sentence between that goes on about the same parties ("These cookies provide analytical information …") leaves
  // the examples to the one before it, where those parties' collection is said.
  // Not when it names another kind of thing that has named examples ("These cookies can be blocked in most browsers.
  // Examples include …": browsers).
  if (before !== undefined && !PARTY_COLLECTS.test(prev) && SAME_SUBJECT.test(prev) && !OTHER_KIND.test(prev) && !NOT_GIVEN.test(prev) && !USER_REACHES.test(prev)) prev = before;
  const c = PARTY_COLLECTS.exec(prev);
  if (!c || USER_REACHES.test(prev) || NOT_GIVEN.test(prev)) return undefined;
  // The examples are of the sentence's subject: the party noun opens it ("These third parties may set …", "Our advertising
  // partners collect …"), not a noun further on ("Some browsers let you control how sites use cookies to collect your
  // data. Examples include A": browsers); and its verb is not denied ("partners may not collect your data").
  if (!/^\s*(?:[\w-]+\s+){0,3}$/.test(prev.slice(0, c.index))) return undefined;
  return negatedBefore(prev, c.index + c[0].length - c[1].length - c[2].length, 60) ? undefined : m[0].length;
}
const EXAMPLES_OPEN = /^\s*(?:examples?\s+(?:of\s+(?:these|such|them)(?:\s+[\w-]+){0,3}\s+)?(?:include|includes|are)|these\s+include)\s+(?:but\s+are\s+not\s+limited\s+to:?\s+)?/i;
// The sentence before names third parties or trackers that get the data.
// The data is the user's or visitor's ("on your device", "your browsing"): a definition of companies that "process
// Personal Information in accordance with their own terms" describes them, it does not say the vendor's visitors' data
// goes to them.
const PARTY_COLLECTS = /\b(?:third[- ]part(?:y|ies)|partners|providers|vendors|companies|networks|advertisers|cookies|pixels|tags|tools|technologies|services)\b[^.]{0,80}\b(collect|collects|receive|receives|access|process|processes|set|sets|place|places|use|uses|track|tracks)\b([^.]{0,60}\b(?:your|users?['’]?|visitors?['’]?)\s+(?:[\w-]+\s+){0,2}?(?:information|data|device|ip\s+address|activity|usage|browsing|visits?)\b|\s+information\s+about\s+how\s+(?:people|visitors|users|you)\s+(?:use|interact|browse|navigate)\b)/i;
// A sentence that continues with the parties of the one before as its subject ("These cookies …", "They …").
const SAME_SUBJECT = /^\s*(?:these|such|they|those)\b/i;
// Things other than the collecting parties whose examples are named products (not sites: "how the Sites are performing"
// is mostly the vendor's own).
const OTHER_KIND = /\b(?:browsers?|apps?|applications?|devices?|platforms?|operating\s+systems?|extensions?|plug-?ins?|add-?ons?|programs?|software)\b/i;

// Parties the user reaches on their own are not the vendor's recipients (README: sign-in providers, parties the user
// connects to): "If you connect third-party services, they may access your account data. Examples include A",
// "Third-party sites we link to may collect your information. Examples include B", "Sign-in providers may receive your
// login data. Examples include C". Not "cookies on the sites you visit" (an ad network follows the visit: its recipient).
// Apps the user installs are the user's own; parties trying to break in get no data from the vendor.
const NOT_GIVEN = /\byou\s+(?:may\s+|can\s+|choose\s+to\s+)?(?:install|download|add)\b|\bunauthori[sz]ed\b|\bwithout\s+(?:your\s+)?(?:permission|authori[sz]ation)\b|\b(?:try|tries|attempt|attempts)\s+to\b|\b(?:malicious|criminals?|criminal|hackers?|fraudsters?)\b/i;
const USER_REACHES = /\b(?:you|users?)\s+(?:(?:may|can|choose\s+to|decide\s+to)\s+)?(?:connect|link|integrate|authori[sz]e)\b|\b(?:we|you)\s+(?:may\s+)?link\s+to\b|\blinked\s+(?:(?:third[- ]party|external|other)\s+)?(?:web)?sites?\b|\b(?:web)?sites?\s+(?:that\s+)?(?:are\s+)?linked\b|\bconnected\s+(?:apps?|accounts?|services?)\b|\b(?:sign|log)[- ]?(?:in|on)\s+(?:providers?|services?)\b|\bsingle\s+sign[- ]on\b/i;

/**
 * The platform a social button on the vendor's pages is named by ("social media features, such as the Facebook Like
 * button", "widgets … such as the Twitter "tweet" button or Facebook "like" button"), when the sentence or the next one
 * says these features collect the visitor's data ("These features may collect your IP address …"): the button loads
 * from the platform, which gets the visit, as a social plug-in's owner does (pluginOwners). Not a button the sentence
 * only describes without any collection ("click the Google Sign-In button"), nor one the user uses to leave.
 */
export function buttonOwners(v: string, next: string | undefined): { name: string; at: number }[] {
  if (!/utton/.test(v) || !FEATURES.test(v) || !(BUTTON_COLLECTS.test(v) || (next !== undefined && FEATURES_COLLECT_NEXT.test(next)))) return [];
  const out: { name: string; at: number }[] = [];
  BUTTON_OWNER.lastIndex = 0;
  for (let m = BUTTON_OWNER.exec(v); m; m = BUTTON_OWNER.exec(v)) {
    // A capital starts the name (checked here: the pattern is case-insensitive, so "the like button" matches it too).
    if (/^\p{Lu}/u.test(m[1]) && !/^(?:The|This|Our|Your|A|An)$/.test(m[1])) out.push({ name: m[1], at: m.index + m[0].lastIndexOf(m[1], m[0].length - 1) });
  }
  return out;
}
// The sentence speaks of embedded features: social media features, widgets, plug-ins.
const FEATURES = /\b(?:social\s+(?:media|network(?:ing)?)\s+features?|widgets?|plug-?ins?)\b/i;
// The features collect the visit: "may collect your IP address", "may set a cookie", "collect information about your visit".
const BUTTON_COLLECTS = /\b(?:collect|collects|receive|receives|record|records)\b[^.]{0,40}\b(?:ip\s+address|information|data|visit)|\bset\s+(?:a\s+)?cookies?\b/i;
// The next sentence's collection is the features' (or the platform's), not the vendor's own: "These features may collect
// your IP address" counts, "We collect information about your visit" (the vendor's analytics) does not.
const FEATURES_COLLECT_NEXT = new RegExp(String.raw`^\s*(?:(?:these|those|such|the|our)\s+)?(?:(?:social(?:\s+media)?|embedded|third[- ]party)\s+)?(?:features?|widgets?|plug-?ins?|buttons?|platforms?|networks?|providers?|companies|they|it|each)\b[^.]{0,60}?(?:${BUTTON_COLLECTS.source})`, 'i');
// A capitalised platform name, then the button's kind in optional quotes: 'Facebook "like" button', 'Twitter “tweet” button'.
// "like the Fooface Like Button" gives its example as "such as" does (the button's kind after the name keeps it from a comparison).
// The kind may be any one word after the platform ("the Facebook Link button", "the Fooface Recommend button"), not a
// sign-in ("the Google Sign-In button", "the Apple Login button": a data source, README).
const BUTTON_OWNER = /(?:\b(?:such\s+as|like)\s+(?:the\s+)?|\bor\s+(?:the\s+)?|\band\s+(?:the\s+)?|,\s*(?:the\s+)?)([A-Z][A-Za-z]+)\s+["“']?(?:like|tweet|share|follow|\+1|pin\s+it|(?!(?:sign|log)[- ]?(?:in|on|up)\b|login\b|connect\b|pay\b|buy\b|download\b|install\b)[A-Za-z]+)["”']?\s+buttons?\b/gi;

/**
 * The recipient a sentence fronts before its clause ("To 46elks AB, we provide the civil registration number …", "To
 * Acme Ltd we disclose your name and address"): the vendor hands the data named after the verb to that party, the
 * clause's to-whom written first. The names as written (one or a few, "A and B") with their positions in `v`. Only when the vendor is the subject
 * and the object is data ("number", "name", "information", …), so "To Acme customers, we provide free shipping" is not
 * read, nor a purpose ("To improve the Services, we share …": no capital after "To").
 */
export function frontedRecipients(v: string): { name: string; at: number }[] {
  const m = FRONTED_TO.exec(v);
  if (!m || !DATA_OBJECT.test(v.slice(m[0].length, m[0].length + 160)) || PEOPLE_KIND.test(m[1])) return [];
  // Split on "and" only: a name may hold another language's "och" or "de" ("AB Trav och Galopp").
  const from = m[0].indexOf(m[1]);
  return [...m[1].matchAll(/(?:^|\s+(?:and|&)\s+)([^&]+?)(?=\s+(?:and|&)\s+|$)/g)].map((p) => ({ name: p[1], at: from + p.index + p[0].length - p[1].length }));
}
const FRONTED_TO = /^\s*To\s+((?:[\p{Lu}\d][\p{L}\d.&-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d.&-]*|och|and|of|&|de)){0,6}),?\s+we\s+(?:also\s+|may\s+|will\s+|only\s+)*(?:provide|disclose|give|send|transfer|pass\s+on|forward|share|transmit|supply)\s+/u;
// "To California Residents, we provide …", "To Account Holders, we send a statement of their data": people the
// data is about or the notice is for (the user), not an organisation receiving it; the fronted name's last word says so.
const PEOPLE_KIND = /\b(?:users?|customers?|clients?|members?|residents?|citizens?|consumers?|parents?|guardians?|children|child|holders?|subjects?|individuals?|persons?|people|visitors?|employees?|staff|applicants?|candidates?|patients?|subscribers?|participants?|students?|players?|buyers?|sellers?|guests?|travell?ers?|owners?|you)$/i;
const DATA_OBJECT = /\b(?:data|information|numbers?|names?|surnames?|address(?:es)?|e-?mails?|details|identifiers?|pictures?|photos?|records?)\b/i;
