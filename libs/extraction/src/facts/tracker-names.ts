import type { SectionSpan } from '../types.js';
import { COLLECTED_BY, COLLECTION_BY, COLLECTOR_AFTER, DENIED_BEFORE, MAKERS_TAG_AFTER, TEXT_MADE_BY, TRACKER_SENTENCE, TRACKERS_FROM, USER_REFUSES_BEFORE, ON_OUR_PAGES, USER_CONNECTS } from '../clauses/recipient-lists.js';
import { mayMatch } from '../text/keyword-gate.js';

/** A name found in prose as the party collecting data, with its offset in the sentence view. */
export interface CollectorMention {
  name: string;
  at: number;
  /** The clause says the party collects on the vendor's own pages ("X will set cookies through our site"), the user not connecting it. */
  onPages?: true;
}

// A verb (or possessive) that may follow a collecting party: where COLLECTOR_AFTER is tried.
const VERB_START = /(?:['’]s?\s|\s(?=(?:(?:also|may|will|then|can|might|could)\s+){0,2}(?:collects?|gathers?|stores?|records?|receives?|tracks?|logs?|uses?|sets?|places?|drops?|deploys?|data\s+collection)[\s,]))/gi;
const BY_START = /\bby\s+/gi;
const FROM_START = /\bfrom\s+/gi;
// The owner of measurement software the vendor's services carry (see collectorMentions); the name is checked in code.
const MEASUREMENT_OWNER = /\b(?:include|includes|feature|features|contain|contains|use|uses|embed|embeds|incorporate|incorporates)\s+((?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*?)(?:['’]s)?\s+(?:proprietary\s+)?(?:audience\s+)?measurement\s+(?:software|technolog(?:y|ies)|tools?|SDKs?)\b/g;
// What may open a subject set off from its verb by a stray comma: the sentence's start, a conjunction, a semicolon or
// colon, or "including" (see collectorMentions).
const STRAY_COMMA_OPENING = /(?:^|\b(?:and|or|including)[;:,]?\s+|[;:]\s+)$/i;
// A tracker phrase that opens its clause, as a cookie's description does ("Tracking cookie from X", "Analysis cookies from X"):
// at most two modifiers before the noun, none of them a verb or preposition of the user's or browser's acting on it.
const TRACKER_PHRASE_OPENS = /^\s*(?:[*_-]+\s*)?(?:(?!(?:for|with|about|of|to|on|in|by|how|help|see|learn|your|you|we|our|any|all|no)\b)[\w-]+\s+){0,2}(?:cookies?|pixels?|tags?|web\s+beacons?|trackers?|tracking\s+technolog(?:y|ies)|sdks?)\s+(?:(?:provided|served|placed|set|delivered|loaded)\s+)?from\s+$/i;
// The clause denying such trackers after the name ("Cookies from X are never set on our pages").
const DENIED_AFTER = /^[^.;:]{0,80}\b(?:not|never|no\s+longer)\b/i;
// A kind of party before the examples of a stray-comma subject (see collectorMentions).
const PARTY_KIND_BEFORE = /\b(?:services?|providers?|partners?|compan(?:y|ies)|vendors?|part(?:y|ies)|networks?|platforms?|tools?|sites?|advertisers?|processors?)\b[^.;:]{0,60}$/i;
const OUR_BEFORE = /(?:^|[^\p{L}])our\s+$/iu;
// The joint before a subject's earlier conjunct: "A, B and C collect …", "A & B set …". Next to the verb's own subject
// it must be "and"/"&" (LAST_JOINT): a bare comma there closes an opening clause ("When you open Acme, Trackwell sets …").
const COORDINATED_BEFORE = /(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)$/;
const LAST_JOINT = /(?:and|&)\s+$/;
const PREPOSITION_BEFORE = /\b(?:of|from|for|to|with|at|in|on|by|about)\s+(?:the\s+)?$/i;

// The name patterns for a token pattern, built once (not for every sentence about trackers).
const PATTERNS = new Map<string, { before: RegExp; after: RegExp }>();
function namePatterns(token: string): { before: RegExp; after: RegExp } {
  let p = PATTERNS.get(token);
  if (!p) {
    p = {
      before: new RegExp(String.raw`(?:^|[^\p{L}\p{N}])((?:${token})(?:\s+(?:${token})){0,3})$`, 'u'),
      after: new RegExp(String.raw`^(${token}(?:\s+${token}){0,3})`, 'u'),
    };
    PATTERNS.set(token, p);
  }
  return p;
}

/**
 * Providers named in prose as the ones that collect data on the vendor's pages, whatever list or heading they
 * stand under: the subject of a collecting verb ("Google Analytics stores information about …", "Stripe uses a
 * cookie", "CloudFlare's cookies") and, in a sentence about cookies or tracking, the agent after "used by" /
 * "set by" ("Used by Hotjar to …"). `token` is the extractor's name-token pattern; `notName` says whether a
 * capitalised word opening the run is a sentence word ("Additionally", "The") rather than part of the name.
 * `underTrackers`: the sentence sits in a section about cookies or tracking ({@link trackerSections}).
 * `owner`: the sentence whose view `view` is, if any (its keyword scan is shared with other readers).
 * The names are candidates: the extractor's filters (the vendor, platforms, ordinary words) still apply.
 */
export function collectorMentions(view: string, underTrackers: boolean, token: string, notName: (word: string) => boolean, owner?: object): CollectorMention[] {
  const out: CollectorMention[] = [];
  // "Our properties may also feature Acme proprietary measurement software, which will allow you to contribute to market
  // research", "the app includes Acme's measurement software": a measurement company's software in the vendor's services
  // collects the user's viewing there for that company, under any heading (no cookie word needed).
  if (/measurement\s+(?:software|technolog|tool|sdk)/i.test(view)) {
    MEASUREMENT_OWNER.lastIndex = 0;
    for (let m = MEASUREMENT_OWNER.exec(view); m; m = MEASUREMENT_OWNER.exec(view)) {
      const n = namePatterns(token).after.exec(m[1]);
      if (n && n[1] === m[1] && !notName(n[1])) out.push({ name: n[1], at: m.index + m[0].indexOf(m[1]) });
    }
  }
  // Only where cookies, tags or tracking are the subject (the sentence, or a section about them): elsewhere "Acme
  // collects data" is mostly the vendor itself under a name the document never aliases as "we".
  if (!underTrackers && !(mayMatch(TRACKER_SENTENCE, view, owner) && TRACKER_SENTENCE.test(view))) return out;
  const { before, after } = namePatterns(token);
  // Whether the verb phrase being read (set per match below) says the collecting happens on the vendor's pages.
  let onPages = false;
  const userConnects = USER_CONNECTS.test(view);
  const nameBefore = (end: number, subject: boolean, depth = 0): void => {
    const m = before.exec(view.slice(Math.max(0, end - 80), end));
    if (!m) return;
    let name = m[1];
    let at = end - name.length;
    // Drop sentence words that open the run: "Additionally Google Analytics" → "Google Analytics".
    for (let w = /^\S+\s+/.exec(name); w && notName(w[0].trim()); w = /^\S+\s+/.exec(name)) {
      name = name.slice(w[0].length);
      at += w[0].length;
    }
    // A verb's name must be its subject: "the sites of Acme Group collect" is about the sites (the vendor's, mostly);
    // "opt out of X data collection" names X as a modifier, after any preposition.
    if (subject && PREPOSITION_BEFORE.test(view.slice(Math.max(0, at - 12), at))) return;
    // "Our Acme Usage Tracker also tracks …": the vendor's possessive makes the subject its own tool, not another company.
    // A tag named for its maker ("Our Meta Pixel tracks …") is still the maker's, run on the vendor's pages.
    if (subject && OUR_BEFORE.test(view.slice(Math.max(0, at - 5), at)) && !MAKERS_TAG_AFTER.test(name)) return;
    if (notName(name)) return;
    out.push({ name, at, ...(onPages ? { onPages } : {}) });
    // Coordinated subjects share the verb: "Pinterest and Olapic set cookies on our site" names both collectors, not
    // only the one next to the verb. Each earlier conjunct is read as a subject the same way (a capital word run).
    const joint = subject ? COORDINATED_BEFORE.exec(view.slice(Math.max(0, at - 8), at)) : null;
    if (joint && (depth > 0 || LAST_JOINT.test(joint[0])) && depth < 4) nameBefore(at - joint[0].length, subject, depth + 1);
  };
  VERB_START.lastIndex = 0;
  for (let m = VERB_START.exec(view); m; m = VERB_START.exec(view)) {
    const rest = view.slice(m.index, m.index + 120);
    if (!COLLECTOR_AFTER.test(rest)) continue;
    onPages = !userConnects && ON_OUR_PAGES.test(rest);
    // A stray comma between the subject and its verb ("…, and Adnova, will collect certain data", "sites including;
    // Fooface, will set cookies"): read only where the subject opens its clause or conjunct, so that a comma closing an
    // opening clause ("When you open Acme, Trackwell sets …") still names the verb's own subject alone. The comma closing
    // examples set off in commas ("Some services, such as A, B, and C, may place cookies") has the same subject.
    if (view[m.index - 1] === ',') {
      const n = before.exec(view.slice(Math.max(0, m.index - 81), m.index - 1));
      const lead = view.slice(0, m.index - 1 - (n ? n[1].length : 0));
      // Examples set off in commas are parties only when their kind is ("services … such as A, B, and C, may place
      // cookies"), not "features, such as Live Chat, and Saved Carts, may use cookies".
      const examples = /\b(?:such\s+as|including|like|e\.g\.)[;:,]?\s[^.;:]*$/i.exec(lead);
      if (examples && !PARTY_KIND_BEFORE.test(lead.slice(Math.max(0, examples.index - 70), examples.index))) continue;
      if (n && STRAY_COMMA_OPENING.test(view.slice(Math.max(0, m.index - 1 - n[1].length - 20), m.index - 1 - n[1].length))) nameBefore(m.index - 1, true);
      continue;
    }
    nameBefore(m.index, !/^\s+data\s+collection\b/i.test(rest));
  }
  onPages = false;
  {
    BY_START.lastIndex = 0;
    for (let m = BY_START.exec(view); m; m = BY_START.exec(view)) {
      const end = m.index + m[0].length;
      const leadStart = Math.max(0, end - 60);
      const lead = view.slice(leadStart, end);
      if (TEXT_MADE_BY.test(lead)) continue;
      if (!COLLECTED_BY.test(lead.slice(-30))) {
        const noun = COLLECTION_BY.exec(lead);
        const nounAt = leadStart + (noun?.index ?? 0);
        if (!noun || DENIED_BEFORE.test(view.slice(Math.max(0, nounAt - 100), nounAt))) continue;
      }
      const n = after.exec(view.slice(end));
      if (n && !notName(n[1])) out.push({ name: n[1], at: end });
    }
  }
  // "advertisements or tracking technologies from Adnova": the tracker's own party (see TRACKERS_FROM).
  if (/\bfrom\s/i.test(view)) {
    FROM_START.lastIndex = 0;
    for (let m = FROM_START.exec(view); m; m = FROM_START.exec(view)) {
      const end = m.index + m[0].length;
      const lead = view.slice(Math.max(0, end - 60), end);
      if (!TRACKERS_FROM.test(lead)) continue;
      const preceding = view.slice(Math.max(0, end - 100), end);
      if (USER_REFUSES_BEFORE.test(preceding) || DENIED_BEFORE.test(preceding)) continue;
      // Only where the clause puts the trackers on the vendor's pages ("Some of our Services may include … tracking
      // technologies from X") or the phrase is the clause's (or table cell's) own description of a cookie ("Tracking cookie from X" in a
      // table row): "help with cookies from Google Chrome", "Safari prevents cookies from X", "turn off cookies from X"
      // name a browser or what the user acts on, not a party collecting on the vendor's pages.
      const clause = view.slice(clauseStart(view, end), end);
      const onOurPages = !userConnects && ON_OUR_PAGES.test(clause);
      if (!onOurPages && !(TRACKER_PHRASE_OPENS.test(clause.slice(clause.lastIndexOf('|') + 1)) && !DENIED_AFTER.test(view.slice(end, end + 100)))) continue;
      const n = after.exec(view.slice(end));
      if (n && !notName(n[1])) out.push({ name: n[1], at: end, ...(onOurPages ? { onPages: true as const } : {}) });
    }
  }
  return out;
}

/** Where the clause holding position `end` of `view` starts (after the last stop, semicolon or colon before it). */
function clauseStart(view: string, end: number): number {
  return Math.max(view.lastIndexOf('.', end - 1), view.lastIndexOf(';', end - 1), view.lastIndexOf(':', end - 1)) + 1;
}

/**
 * Ranges of the text under a heading about cookies, tags or tracking, with its subsections ("## Cookies" and its
 * "### Paddle", "### Plausible"), down to the next heading of the same or a higher level.
 */
export function trackerSections(sections: SectionSpan[], textLength: number): [number, number][] {
  const out: [number, number][] = [];
  let level = 0;
  let start = -1;
  for (const sec of sections) {
    const l = sec.level ?? 9;
    if (start >= 0 && l <= level) {
      out.push([start, sec.start]);
      start = -1;
    }
    if (start < 0 && sec.heading.length < 120 && TRACKER_SENTENCE.test(sec.heading)) {
      start = sec.start;
      level = l;
    }
  }
  if (start >= 0) out.push([start, textLength]);
  return out;
}

/** Whether `at` lies in one of the (sorted, disjoint) ranges. */
export function inRanges(ranges: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= at) lo = mid + 1;
    else if (ranges[mid][0] > at) hi = mid - 1;
    else return true;
  }
  return false;
}
