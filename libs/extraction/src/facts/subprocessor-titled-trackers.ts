import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { NAME_AT } from './subprocessor-names.js';

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
 */
export type TitledTracker = { name: string; at: number; none?: string };

const ABOUT_TRACKERS = /\b(?:cookies?|pixels?|tags?|trackers?|tracking|beacons?|sdks?)\b/i;
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
  if (prev !== undefined && prev.paragraph === s.paragraph) return undefined;
  const raw = text.slice(s.start, s.end);
  const br = raw.indexOf('\n');
  const line = br > 0 ? raw.slice(0, br).trim() : undefined;
  let title: string | undefined;
  if (line !== undefined && s.view.startsWith(line) && /^\s*[\p{Lu}]/u.test(raw.slice(br + 1))) title = line;
  else {
    // "Optimizely The Optimizely cookies …": a name, an opener, the name again.
    const m = RUN_IN_TITLE.exec(s.view);
    if (m) title = m[1];
  }
  if (title === undefined) return undefined;
  const n = NAME_AT.exec(title);
  if (!n || n[1] !== title || n[0].trim() !== title || title.split(/\s+/).length > 4 || /[.:;,!?|]/.test(title)) return undefined;
  const first = s.view.slice(title.length).trim();
  if (first === '' || !(ABOUT_TRACKERS.test(first) || first.toLowerCase().includes(title.toLowerCase()))) return undefined;
  // The paragraph's own words on what its cookies hold (up to four sentences).
  let none: string | undefined;
  for (let k = s.index; k < sentences.length && k <= s.index + 4 && sentences[k].paragraph === s.paragraph && none === undefined; k++) {
    none = NO_PERSONAL_DATA.exec(k === s.index ? first : sentences[k].view)?.[0];
  }
  return { name: title, at: 0, ...(none !== undefined ? { none } : {}) };
}

/** Reads `s` as a titled tracker paragraph into the collector: a recipient, or set aside when it holds no personal data. */
export function readTitledTracker(ctx: FactContext, { add, rejected }: NameCollector, s: Sentence, underTrackers: boolean): void {
  const t = titledTracker(ctx.text, ctx.sentences, s, underTrackers);
  if (t === undefined) return;
  if (t.none !== undefined) rejected.push({ name: t.name, ev: evidenceAt(ctx, s, t.at, t.at + t.name.length), reason: `the paragraph says this provider's cookies hold no personal data ("${t.none}")` });
  else add(t.name, s, t.at, true, false, undefined, true);
}
