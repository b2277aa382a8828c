import type { Sentence } from '../text/sentences.js';
import type { Block } from './structure.js';
import { isListItem, isTableRow, newBlock } from './structure.js';

/** Paragraphs opened by run-in titles ("**Cloudflare.** As you browse, …"), read as the rows of a list. */

// A run-in title: a few words closed by '.' or ':' ("Cloudflare.", "Payment processing:"), bold in the source.
const RUN_IN_TITLE = /^[\p{Lu}0-9][^.:;!?|]{0,58}[\p{L}\p{N})][.:]$/u;

/**
 * Whether a sentence is the run-in title of its paragraph: the paragraph's first sentence, a few words closed by
 * '.' or ':' ("**Cloudflare.** As you browse, … send it to Cloudflare."), with more of the paragraph after it.
 * Policies write a list of recipients this way as often as with bullets.
 */
export function isRunInTitle(sentences: Sentence[], s: Sentence): boolean {
  if (s.isHeading || s.view.length > 60 || !RUN_IN_TITLE.test(s.view) || isListItem(s) || isTableRow(s)) return false;
  const prev = sentences[s.index - 1];
  const next = sentences[s.index + 1];
  return (prev === undefined || prev.paragraph !== s.paragraph) && next !== undefined && (next.paragraph === s.paragraph || isTitleParagraph(sentences, s)) && !next.isHeading && s.view.split(/\s+/).length <= 6;
}

/**
 * Whether a run-in title stands as a paragraph of its own, closed by ':' ("Stripe:", then a paragraph "Their Privacy
 * Policy can be viewed at …"): text converted from PDF sets each title apart from the text it introduces.
 */
export function isTitleParagraph(sentences: Sentence[], s: Sentence): boolean {
  const prev = sentences[s.index - 1];
  const next = sentences[s.index + 1];
  return s.view.endsWith(':') && (prev === undefined || prev.paragraph !== s.paragraph) && next !== undefined && next.paragraph !== s.paragraph && !next.isHeading;
}

/**
 * The run of paragraphs with run-in titles that a title belongs to, as a block whose rows are the titles: its intro
 * is the last sentence before the run under the same heading ("Here's who we use:"), so the list context reads it
 * like a bulleted list. `memo` (keyed by the run's first title) keeps one block per run.
 */
export function runInBlock(sentences: Sentence[], s: Sentence, memo: Map<number, Block>): Block {
  // The first title of the run: walk back over paragraphs that open with a run-in title, under the same heading.
  let first = s;
  for (let i = s.index - 1, seen = 0; i >= 0 && seen < 80; i--, seen++) {
    const p = sentences[i];
    if (p.isHeading || p.heading !== s.heading) break;
    let k = i;
    while (k > 0 && i - k < 40 && sentences[k - 1].paragraph === p.paragraph) k--;
    let head = sentences[k];
    // Titles set apart as paragraphs alternate with the paragraphs they introduce: one body paragraph back is the title.
    const before = sentences[k - 1];
    if (!isRunInTitle(sentences, head) && before !== undefined && !before.isHeading && before.heading === s.heading && isTitleParagraph(sentences, before) && isRunInTitle(sentences, before)) head = before;
    if (!isRunInTitle(sentences, head)) break;
    first = head;
    i = head.index;
  }
  let block = memo.get(first.index);
  if (!block) {
    const before = sentences[first.index - 1];
    const intro = before && (before.isHeading || before.heading === s.heading) ? before : undefined;
    block = newBlock('list', sentences, first, () => intro);
    memo.set(first.index, block);
  }
  block.rows.push({ start: s.start, end: s.end, view: s.view, sentence: s });
  block.members.push(s.index);
  return block;
}
