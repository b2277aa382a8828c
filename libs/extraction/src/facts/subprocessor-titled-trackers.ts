import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { NAME_AT } from './subprocessor-names.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { PROVIDER_NOUN } from '../clauses/vocabulary.js';

/**
 * A tracker's provider written as the title of its own paragraph in a section about cookies ("**Akamai**  ⏎ These are
 * performance cookies which …", "**Youtube**  ⏎ YouTube collects user data through videos …"): the paragraph describes
 * that provider's cookies, so the provider collects the visitors' data on the vendor's pages, as a provider cell of a
 * cookie table or the lead of an entry of a tracker list does (readTrackerItem). The loaded text keeps the title's line
 * break but not its emphasis, and the sentence view joins the two ("Akamai These are …"): the title is read as the
 * paragraph's first line. A title run into the sentence ("**Optimizely** The Optimizely cookies allow …") is read when
 * the sentence names it again right away.
 *
 * Only a title that is one name as a whole (at most four words, no sentence punctuation), opening the paragraph, whose
 * first sentence after it speaks of cookies or tracking or names the title again: a title of a kind ("Performance
 * cookies") is set aside by the collector's filters (kinds of tracker in title case, ordinary words). A paragraph saying
 * its cookies hold no personal data ("No personal data is obtained or processed") names the provider as one without
 * access (README conventions), with that reason.
 *
 * The title may also open its line closed by a colon, run into its description or alone on the line before it ("**Awin
 * :** Performance cookies that …", "**Criteo :**" then "Criteo lets us show you ads …"), several such lines in one
 * paragraph (see colonTitle): the same title of a provider, with the same checks.
 */
export type TitledTracker = { name: string; at: number; none?: string };

const ABOUT_TRACKERS = /\b(?:cookies?|pixels?|tags?|trackers?|tracking|beacons?|sdks?)\b/i;
// A browser titling the paragraph that tells how to control cookies in it ("**Firefox** ⏎ To block cookies in Firefox, …"):
// where the visitor controls cookies, never a provider setting them.
const BROWSER = /^(?:(?:google|mozilla|microsoft|apple|samsung)\s+)?(?:chrome|chromium|firefox|safari|edge|internet\s+explorer|opera|brave|vivaldi|internet)$/i;
// A paragraph that tells the reader how to manage cookies ("To delete cookies in …", "You can block …", "… lets you …")
// is instructions under its title, not a description of the title's cookies.
const INSTRUCTIONS = /^(?:to\s+(?:delete|block|disable|manage|clear|remove|control|refuse|reject|allow|enable|change|adjust|view|opt[\s-]out)\b|you\s+(?:can|may|could)\b)|\b(?:lets?|allows?|enables?)\s+you\s+to\b/i;
// A paragraph whose subject is one cookie ("This cookie stores your consent"): its title is the cookie's name
// ("CookieConsent"), not its provider's; a provider's paragraph speaks of its cookies ("These cookies", "The X cookies")
// or says what kind its cookie is ("**Salesforce** ⏎ This is a targeting cookie …").
const ONE_COOKIE = /^(?:this|the)\s+(?:[\w-]+\s+){0,2}?cookie\b(?!s)(?!\s+(?:is\s+)?(?:set|placed|served|provided|operated)\s+by\b)/i;
const NO_PERSONAL_DATA = /\bno\s+personal(?:ly\s+identifiable)?\s+(?:information|data)\b|\bdoes\s+not\s+(?:collect|store|contain|process)\s+(?:any\s+)?personal(?:ly\s+identifiable)?\s+(?:information|data)\b/i;
// A sentence opener after a title run into it, naming the title again within its first words ("The Optimizely cookies").
const RUN_IN_TITLE = /^([\p{Lu}][^\s.:;,|]*(?:\s+[^\s.:;,|]+){0,3}?)\s+(?:The|These|This|Its|Our)\s+\1(?![\p{L}\p{N}])/u;

/**
 * The provider titling paragraph-opening sentence `s` (see above), with its offset in `s.view`, or undefined.
 * `text` is the document's text, `sentences` its sentences, `underTrackers` whether `s` sits in a section about cookies.
 */
export function titledTracker(text: string, sentences: Sentence[], s: Sentence, underTrackers: boolean): TitledTracker | undefined {
  if (!underTrackers || s.isHeading) return undefined;
  const prev = sentences[s.index - 1];
  // A title closed by a colon opens its line ("**Awin :** Performance cookies …", "**Criteo:**" then "Criteo lets us …"):
  // a run of such lines may share one paragraph.
  const colon = colonTitle(text, sentences, s);
  if (colon === undefined && prev !== undefined && prev.paragraph === s.paragraph) return undefined;
  const raw = text.slice(s.start, s.end);
  const br = raw.indexOf('\n');
  const line = br > 0 ? raw.slice(0, br).trim() : undefined;
  let title: string | undefined;
  if (colon !== undefined) title = colon.title;
  else if (line !== undefined && s.view.startsWith(line) && /^\s*[\p{Lu}]/u.test(raw.slice(br + 1))) title = line;
  else {
    // "Optimizely The Optimizely cookies …": a name, an opener, the name again.
    const m = RUN_IN_TITLE.exec(s.view);
    if (m) title = m[1];
  }
  if (title === undefined) return undefined;
  const n = NAME_AT.exec(title);
  if (!n || n[1] !== title || n[0].trim() !== title || title.split(/\s+/).length > 4 || /[.:;,!?|]/.test(title)) return undefined;
  const first = colon !== undefined ? colon.first : s.view.slice(title.length).trim();
  if (first === '' || !(ABOUT_TRACKERS.test(first) || first.toLowerCase().includes(title.toLowerCase()))) return undefined;
  if (BROWSER.test(title) || INSTRUCTIONS.test(first) || ONE_COOKIE.test(first)) return undefined;
  // The vendor's own product titling the paragraph ("**Skyline** ⏎ Skyline is our booking engine; its cookies …",
  // "… let our own Wayfinder planner remember …"): the vendor's cookies, no provider's. "Statwise, our analytics
  // provider" is someone else's service all the same, and so is "our Statwise account" (the vendor's use of it).
  const t = escapeRegExp(title);
  const ownRe = new RegExp(`\\bour\\s+own\\s+${t}(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])${t}(?:\\s*,|\\s+is)\\s+our\\s+([^.;,]{0,40})`, 'iu');
  const own = (words: string): boolean => {
    const m = ownRe.exec(words);
    return m !== null && (m[1] === undefined || !PROVIDER_NOUN.test(m[1]));
  };
  // The paragraph's own words on what its cookies hold, and whose they are (up to four sentences).
  let none: string | undefined;
  for (let k = s.index; k < sentences.length && k <= s.index + 4 && sentences[k].paragraph === s.paragraph; k++) {
    const words = k === s.index ? first : sentences[k].view;
    if (own(words)) return undefined;
    none ??= NO_PERSONAL_DATA.exec(words)?.[0];
  }
  return { name: title, at: 0, ...(none !== undefined ? { none } : {}) };
}

// A line's title closed by a colon, and what follows it on the line ("Awin : Cookies de performance …", "Criteo:").
const COLON_TITLE = /^([^:]{1,60}?)\s*:\s*(.*)$/su;
// Only markup or spacing between the start of a line and the sentence: the sentence opens its line.
const LINE_OPENING = /(?:^|\n)[\s*_#>]*$/;

/**
 * The title of a line that opens with a name closed by a colon, in a section about cookies: "Awin : Performance cookies
 * that let us measure our audience.", or "Criteo :" alone on its line with the next sentence describing it ("Criteo lets
 * us show you ads …"). `first` is the description the checks of titledTracker read: the rest of the line, else the next
 * sentence when it names the title again.
 */
function colonTitle(text: string, sentences: Sentence[], s: Sentence): { title: string; first: string } | undefined {
  if (!LINE_OPENING.test(text.slice(Math.max(0, s.start - 12), s.start))) return undefined;
  // The line, not the sentence: a sentence without a stop runs on into the next line ("Duration: 24 hours ⏎ Analytics …").
  const raw = text.slice(s.start, s.end);
  const br = raw.indexOf('\n');
  const m = COLON_TITLE.exec((br >= 0 ? raw.slice(0, br) : raw).replace(/[*_]/g, '').trim());
  if (!m || !s.view.startsWith(m[1].trim())) return undefined;
  const title = m[1].trim();
  const rest = m[2].trim();
  // "General Browsing: We use cookies that …": the vendor's own cookies, titled by what they are for, not by a provider.
  if (/^(?:we|our|us)\b/i.test(rest)) return undefined;
  if (rest !== '') return { title, first: rest };
  // Alone on its line: the description is the next line, in this sentence or the next one, and names the title again.
  const next = br >= 0 ? raw.slice(br + 1).replace(/[*_]/g, '').trim() : sentences[s.index + 1]?.isHeading === false ? sentences[s.index + 1].view : '';
  return next.toLowerCase().startsWith(title.toLowerCase()) ? { title, first: next } : undefined;
}

/** Reads `s` as a titled tracker paragraph into the collector: a recipient, or set aside when it holds no personal data. */
export function readTitledTracker(ctx: FactContext, { add, rejected }: NameCollector, s: Sentence, underTrackers: boolean): void {
  const t = titledTracker(ctx.text, ctx.sentences, s, underTrackers);
  if (t === undefined) return;
  if (t.none !== undefined) rejected.push({ name: t.name, ev: evidenceAt(ctx, s, t.at, t.at + t.name.length), reason: `the paragraph says this provider's cookies hold no personal data ("${t.none}")` });
  else add(t.name, s, t.at, true, false, undefined, true);
}
