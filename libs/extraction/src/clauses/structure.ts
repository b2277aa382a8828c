import type { Sentence } from '../text/sentences.js';
import { opensTableLine } from './table-lines.js';
import { toView } from '../text/sentences.js';
import { afterBareMarker, isBareMarker, isItem, isListItem, itemContinues } from './list-items.js';

export { isBareMarker, isItem, isListItem, ITEM_MARKER } from './list-items.js';

/** Whether a sentence is a table row ("cell | cell"). */
export function isTableRow(s: Sentence): boolean {
  // Asked of most sentences many times over (list intros look back up to 60 sentences): no regex for the first character.
  return s.view.includes(' | ') || s.view.charCodeAt(0) === 124;
}

/**
 * The sentence that introduces a list item or table row: the nearest sentence before the list that is not
 * itself an item or a row (usually ending with ':' — "We share your information with:"), within a few
 * sentences and under the same heading. Items inherit its actor and action ("- to comply with legal process").
 * `bareMarkers` also takes the text after a marker split off as its own sentence ("1." then the item) as an item:
 * used where the intro can only take an assertion away (a list of what the user must not do), since a stray
 * number could otherwise lend an item an intro that is not its own.
 */
export function introOf(sentences: Sentence[], s: Sentence, bareMarkers = false): Sentence | undefined {
  if (!isListItem(s) && !isTableRow(s) && !(bareMarkers && afterBareMarker(sentences, s))) return undefined;
  for (let i = s.index - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
    const p = sentences[i];
    if (p.isHeading) return p;
    if (p.heading !== s.heading) return undefined;
    // An item's own later sentence is part of the item ("- With providers. We give them only the following:").
    const item = isListItem(p) || afterBareMarker(sentences, p) || itemContinues(sentences, p);
    // An item that ends with ':' leads the nested items after it ("3. Don't allow humans to read the data, unless:").
    if (item && /:\s*$/.test(p.view)) return p;
    if (item || isTableRow(p) || isBareMarker(p)) continue;
    // The paragraph before the list: its sentence that announces a list ("… for the following purposes.",
    // "We share your information with:"), or a short title line ("Other instances where we share data").
    for (let k = i; k >= 0 && sentences[k].paragraph === p.paragraph && i - k < 6; k--) {
      const q = sentences[k];
      if (/[:,-]\s*$/.test(q.view) || /\b(?:following|below|as follows)\b/i.test(q.view)) return q;
    }
    return p.view.length <= 160 && !/[.!?]["')]?\s*$/.test(p.view) ? p : undefined;
  }
  return undefined;
}

/** The intros of a nested list item, innermost first (at most three levels), bare markers included (see introOf). */
export function introChain(sentences: Sentence[], s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  for (let cur = introOf(sentences, s, true); cur && out.length < 3 && !out.includes(cur); cur = introOf(sentences, cur, true)) out.push(cur);
  return out;
}

/** The cells of a table row. */
export function cellsOf(s: Sentence): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  const v = s.view;
  for (let k = 0; k <= v.length; k++) {
    if (k < v.length && v[k] !== '|') continue;
    const raw = v.slice(from, k);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), start: from + lead });
    from = k + 1;
  }
  return out;
}

/** One cell of a table row, with its offset in the row's view; empty cells keep their place (column alignment). */
export interface Cell {
  text: string;
  /** Offset of the trimmed cell text in the row's view. */
  at: number;
}

/** A row of a block: a table line or the first sentence of a list item, as a sentence-like span of the text. */
export interface Row {
  start: number;
  end: number;
  view: string;
  /** The sentence the row starts in (its heading, paragraph and index). */
  sentence: Sentence;
  /** Table cells in column order (tables only). */
  cells?: Cell[];
}

/**
 * A run of consecutive list items or table rows under one heading: the unit whose context (heading, intro
 * sentence, header row) says whether its entries are recipients of data, products, data categories or links.
 */
export interface Block {
  kind: 'list' | 'table';
  rows: Row[];
  /** A table's header cells (its first row, when that row reads as column titles). */
  header?: Cell[];
  /** The sentence that introduces the block (see {@link introOf}), possibly its heading. */
  readonly intro?: Sentence;
  heading?: string;
  /** Up to two sentences before the intro in its paragraph ("… with third-party services. We use:"). */
  readonly lead?: string;
  /** Indices of the sentences of its items and rows (header included; not a list item's further sentences). */
  members: number[];
}

/**
 * The cell of `row` under the header's column `column`. A row with fewer cells than the header is missing its leading
 * cells, spanned from a row above (a table rendered from rowspans: "| Google | NID | … |" under "Category | Third
 * party | Cookie | Purpose"): its cells align with the header's last columns, and a spanned column has no cell here.
 */
export function cellUnder(block: Block, row: Row, column: number): Cell | undefined {
  const cells = row.cells ?? [];
  const missing = block.header !== undefined && row !== block.rows[0] ? block.header.length - cells.length : 0;
  return missing > 0 ? (column - missing >= 0 ? cells[column - missing] : undefined) : cells[column];
}

/** The cells of a "cell | cell" row in column order, empty ones included. */
export function tableCells(view: string): Cell[] {
  const out: Cell[] = [];
  let from = 0;
  for (let k = 0; k <= view.length; k++) {
    if (k < view.length && view[k] !== '|') continue;
    const raw = view.slice(from, k);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), at: from + lead });
    from = k + 1;
  }
  // A row written with outer pipes ("| a | b |", plain text) has an empty cell at both ends that is not a column;
  // the loaders drop outer pipes, so there a leading pipe alone is an empty first cell ("| Foo" = "", "Foo").
  if (out.length > 2 && out[0].text === '' && out[out.length - 1].text === '' && /^\s*\|/.test(view) && /\|\s*$/.test(view)) {
    out.shift();
    out.pop();
  }
  return out;
}

/**
 * Groups the list items and table rows of a text into blocks. A list item's continuation sentences (same
 * paragraph, not items) stay in its block; a table is read line by line (a row whose cell holds "Inc. Foo" is
 * one row even when the sentence splitter cut it). `isHeaderRow` decides whether a table's first row holds
 * column titles. Blocks are returned in text order; each sentence belongs to at most one block.
 */
export function blocksOf(text: string, sentences: Sentence[], isHeaderRow: (cells: Cell[]) => boolean): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  let lastLine = -1;
  for (const s of sentences) {
    const table = !s.isHeading && (isTableRow(s) || (cur?.kind === 'table' && s.heading === cur.heading && opensTableLine(text, s)));
    const item = !s.isHeading && !table && isItem(sentences, s);
    const continues = cur !== undefined && s.heading === cur.heading && !s.isHeading;
    // A bare marker ("2.") between split items keeps the list open; its item is the next sentence.
    if (!s.isHeading && !table && cur !== undefined && cur.kind === 'list' && continues && isBareMarker(s)) continue;
    if (table) {
      if (!cur || cur.kind !== 'table' || !continues) {
        cur = newBlock('table', sentences, s, () => introOf(sentences, s));
        blocks.push(cur);
      }
      cur.members.push(s.index);
      const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
      if (lineStart === lastLine) continue;
      lastLine = lineStart;
      let lineEnd = text.indexOf('\n', s.start);
      if (lineEnd < 0) lineEnd = text.length;
      const view = toView(text.slice(lineStart, lineEnd));
      cur.rows.push({ start: lineStart, end: lineEnd, view, sentence: s, cells: tableCells(view) });
      continue;
    }
    if (item) {
      // An item that ends with ':' ("Metrics: … We use:") introduces the items after it (a nested list).
      const prev = sentences[s.index - 1];
      const subIntro = cur !== undefined && cur.kind === 'list' && continues && prev !== undefined && /:\s*$/.test(prev.view) && cur.rows.length > 0 ? prev : undefined;
      if (!cur || cur.kind !== 'list' || !continues || subIntro) {
        cur = newBlock('list', sentences, s, () => subIntro ?? introOf(sentences, s, true));
        blocks.push(cur);
      }
      cur.members.push(s.index);
      cur.rows.push({ start: s.start, end: s.end, view: s.view, sentence: s });
      continue;
    }
    // A table line the sentence splitter cut ("Payments. Card data |…") stays in its row.
    const last = cur?.rows[cur.rows.length - 1];
    if (cur && cur.kind === 'table' && last && s.start < last.end) {
      cur.members.push(s.index);
      continue;
    }
    // A list item's further sentences keep the list open; anything else closes the block.
    if (cur && cur.kind === 'list' && continues && last && s.paragraph === last.sentence.paragraph) continue;
    cur = undefined;
  }
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    // Rows of empty cells or rules ("| | |", "| --- |", as converted pages often have above the real header) are not rows.
    b.rows = b.rows.filter((r) => r.cells!.some((c) => c.text !== '' && !/^:?-{2,}:?$/.test(c.text)));
    if (b.rows.length > 0 && isHeaderRow(b.rows[0].cells!)) {
      b.header = b.rows[0].cells!;
      b.rows = b.rows.slice(1);
    }
  }
  return blocks;
}

/** A block starting at `s`; its intro and lead are found when first read (most blocks are never asked). */
export function newBlock(kind: 'list' | 'table', sentences: Sentence[], s: Sentence, findIntro: () => Sentence | undefined): Block {
  let intro: { v: Sentence | undefined } | undefined;
  let lead: { v: string | undefined } | undefined;
  const introNow = () => (intro ??= { v: findIntro() }).v;
  return {
    kind,
    rows: [],
    heading: s.heading,
    members: [],
    get intro() {
      return introNow();
    },
    get lead() {
      return (lead ??= { v: leadOf(sentences, introNow()) }).v;
    },
  };
}

// An intro that goes on from what came before: "we …" alone or after a connective ("In particular, we use:"); one with
// words of its own ("To secure our offices, we use:") starts its own subject, and the paragraph before does not lead it.
const CONTINUING_INTRO = /^(?:(?:in\s+particular|specifically|namely|for\s+(?:example|instance)|currently|also|in\s+addition|additionally|for\s+(?:this|these|that)\s+(?:purposes?|reasons?)|to\s+(?:do\s+so|this\s+end))\s*,?\s+)?we\b/i;

/**
 * The sentences before an intro in its paragraph (at most two), as one string. An intro that is a paragraph of its own
 * ("In particular, we use:" after a paragraph on the third parties serving ads) continues the paragraph just before it,
 * under the same heading: that paragraph's first and last sentences are the lead (not a list's or table's, not a heading).
 */
function leadOf(sentences: Sentence[], intro: Sentence | undefined): string | undefined {
  if (!intro || intro.isHeading) return undefined;
  const parts: string[] = [];
  const prev = sentences[intro.index - 1];
  if (prev !== undefined && prev.paragraph !== intro.paragraph && prev.heading === intro.heading && !prev.isHeading && !isListItem(prev) && !isTableRow(prev) && CONTINUING_INTRO.test(intro.view)) {
    // The paragraph before says what the list is about in its opening sentence, as often as in its last.
    let first = prev.index;
    while (first > 0 && sentences[first - 1].paragraph === prev.paragraph && !sentences[first - 1].isHeading) first--;
    return first === prev.index ? prev.view : `${sentences[first].view} ${prev.view}`;
  }
  for (let i = intro.index - 1; i >= 0 && parts.length < 2 && sentences[i].paragraph === intro.paragraph && !sentences[i].isHeading; i--) parts.unshift(sentences[i].view);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
