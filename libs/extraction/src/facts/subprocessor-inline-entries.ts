import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { readTrackerEntry, trackerIntroKind } from './subprocessor-tracker-lists.js';

/**
 * A list of trackers flattened into one paragraph, its bullets kept inline: "We use the following tracking technologies
 * …: - Firebase Crashlytics: Used to detect errors. - Braze: Used to send notifications. …". A page whose line breaks
 * were lost still shows its list by its markers: a dash opening the text right after the intro's colon, then a dash
 * opening the text after each entry's closing stop. Each entry is read as the item of a list with that intro would be
 * (readTrackerEntry): its lead name when it describes a tracker's use. The paragraph's own sentences carry the entries,
 * so a later sentence of it holding "… of the service. - Spotify Confidence - Used for A/B testing" is read too.
 */

// The intro's colon and the first entry's dash ("… through the app: - Firebase …").
const INTRO_THEN_ENTRY = /:\s+-\s+(?=\S)/;
// An entry's dash: at the start of the text or right after a stop, colon or semicolon closing the previous entry.
const ENTRY_DASH = /(?:^|(?<=[.:;!?]))\s*-\s+(?=\S)/g;

/** The intro of a flattened list whose entries reach sentence `s`: the text before its first inline dash, if any. */
function inlineIntro(sentences: Sentence[], s: Sentence): { intro: string; from: number } | undefined {
  for (let i = s.index; i >= 0 && sentences[i].paragraph === s.paragraph; i--) {
    const x = sentences[i];
    if (x.isHeading) return undefined;
    const m = INTRO_THEN_ENTRY.exec(x.view);
    // In `s` itself the entries start at the intro's dash; in a later sentence of the paragraph, anywhere.
    if (m) return { intro: x.view.slice(0, m.index), from: i === s.index ? m.index + 1 : 0 };
  }
  return undefined;
}

/** Reads the entries of a flattened list of trackers that sentence `s` holds (see above). */
export function readInlineTrackerEntries(ctx: FactContext, collector: NameCollector, s: Sentence): void {
  if (!s.view.includes('- ')) return;
  const found = inlineIntro(ctx.sentences, s);
  if (!found) return;
  const kind = trackerIntroKind(s.heading, found.intro);
  // Only entries that describe a tracker's use: a bare name inline cannot be told from the prose around it.
  if (kind === false) return;
  const v = s.view;
  const starts: number[] = [];
  ENTRY_DASH.lastIndex = found.from;
  for (let m = ENTRY_DASH.exec(v); m; m = ENTRY_DASH.exec(v)) starts.push(m.index + m[0].length);
  starts.forEach((at, k) => {
    const end = k + 1 < starts.length ? v.lastIndexOf('-', starts[k + 1] - 1) : v.length;
    readTrackerEntry(ctx, collector, s, v.slice(at, end), at, 'described');
  });
}
