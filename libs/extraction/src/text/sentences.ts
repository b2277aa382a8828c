import type { SectionSpan } from '../types.js';

/** One sentence (or list item / heading line) of the normalised text. */
export interface Sentence {
  start: number;
  end: number;
  /**
   * `text.slice(start, end)` with line breaks as spaces, curly quotes straightened and dashes as '-':
   * the same length as the slice, so a match at index i of `view` is at `start + i` of the text.
   */
  view: string;
  /** Heading of the section the sentence sits in, if any. */
  heading?: string;
  isHeading: boolean;
  /** Defines a term (`"Sale" means …`): never a permission or a prohibition. */
  isDefinition: boolean;
  /** Part of a bracketed drafting note (`[The parties may wish to add …]`): not operative text. */
  isDraftingNote: boolean;
  /** Index of the paragraph (blank-line separated block) the sentence is in. */
  paragraph: number;
  /** Position of the sentence in `AnalysedText.sentences`. */
  index: number;
}

/** The text with its sentences and sections. */
export interface AnalysedText {
  text: string;
  sentences: Sentence[];
  sections: SectionSpan[];
  /** {@link toView} of the whole text, made once: a view of a prefix is this view's prefix. */
  view?: string;
}

/** The view of the first `n` characters of an analysed text (the same as `toView(a.text.slice(0, n))`). */
export function viewPrefix(a: AnalysedText, n: number): string {
  return a.view !== undefined ? a.view.slice(0, n) : toView(a.text.slice(0, n));
}

/**
 * Same-length view of a text for pattern matching (see {@link Sentence.view}): line breaks as spaces, curly quotes
 * straight, dashes ('–', '—', '‑') as '-', '×' as 'x'. A scan of character codes copying the runs between (a replace
 * with a callback per character, as before, was three times slower over the OTA documents; the output is the same).
 */
export function toView(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r: string;
    if (c === 10) r = ' ';
    else if (c < 0xd7) continue;
    else if (c === 0x2018 || c === 0x2019) r = "'";
    else if (c === 0x201c || c === 0x201d) r = '"';
    else if (c === 0x2013 || c === 0x2014 || c === 0x2011) r = '-';
    else if (c === 0xd7) r = 'x';
    else continue;
    out += text.slice(last, i) + r;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

// A line that opens a list item or numbered clause: "- ", "• ", "(a) ", "a. ", "1. ", "1.2 ", "iv) ".
const LIST_MARKER = /^(?:[-*•·▪◦]\s|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,5})[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|§)/i;
// Words whose trailing period does not end a sentence.
const ABBREV = new Set([
  'inc', 'ltd', 'co', 'corp', 'llc', 'no', 'nos', 'sec', 'secs', 'art', 'arts', 'para', 'e.g', 'i.e', 'u.s', 'u.k',
  'st', 'str', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'vs', 'v', 'cf', 'seq', 'al', 'approx', 'dept', 'fig', 'pp', 'vol',
  'ch', 'l.l.c', 'l.p', 'p.c', 'n.a', 's.a', 'b.v', 'u.s.a', 'ave', 'blvd', 'rd', 'ste', 'viz', 'resp', 'incl',
  // Private-company suffixes that are always followed by "Ltd.": "Pvt. Ltd." (India), "Pte. Ltd." (Singapore), "Pty. Ltd." (Australia), "Sdn. Bhd." (Malaysia).
  'pvt', 'pte', 'pty', 'sdn',
]);
const MAX_SENTENCE = 2000;

const DEFINITION = new RegExp(
  String.raw`^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:for (?:the )?purposes? of [^,"]{1,60},?\s*)?(?:the\s+terms?\s+)?"[^"]{1,80}"\s*(?:\([^)]{0,80}\)\s*)?` +
    String.raw`(?:,?\s*(?:as used (?:herein|in this \w+)|for (?:the )?purposes? of [^,]{1,60}),?\s*)?` +
    String.raw`(?:shall\s+(?:generally\s+)?|will\s+|also\s+|is\s+)?(?:means?|has the (?:same )?meaning|have the (?:same )?meaning|refers? to|is defined|defined as|includes?|shall include)\b`,
  'i',
);
const DEFINITION_BY = /^(?:by|the term)\s+"[^"]{1,80}"\s*,?\s*(?:we|the parties)\s+mean/i;
const CATCH_ALL_DEFINITION = /\bterms? used (?:in this \w+|herein)[^.]{0,60}\b(?:shall )?have the (?:same )?meaning/i;

/**
 * Splits a normalised text into sentences: paragraphs, then list items and clause lines, then sentence
 * ends (not after abbreviations like "Inc." or initials like "F."). Marks headings, definitions and
 * bracketed drafting notes, and attaches each sentence to its section heading.
 */
export function analyseText(text: string, sections?: SectionSpan[]): AnalysedText {
  const view = toView(text);
  const sentences: Sentence[] = [];
  const headingStarts = new Set((sections ?? []).map((s) => s.start));
  const guessedSections: SectionSpan[] = [];

  let pStart = 0;
  let paragraph = 0;
  const wrapped = hardWrapped(text);
  while (pStart < text.length) {
    let pEnd = text.indexOf('\n\n', pStart);
    if (pEnd < 0) pEnd = text.length;
    // A sentence broken by a blank line (text converted from PDF: "… relating to Personal Data\n\nprocessed
    // hereunder, to inform …") continues: the block ends without a full stop and the next starts in lower case.
    // In a text wrapped at a fixed width throughout ("You retain all right, … in any Business Connect\n\nContent
    // submitted by You"), a full-width line without a full stop continues into a capitalised next line too.
    let lineStart = pStart;
    while (pEnd < text.length && /[\p{L}\p{N},)\-]/u.test(text[pEnd - 1]) && (/[a-z(]/.test(text[pEnd + 2] ?? '') || (wrapped && pEnd - lineStart >= WRAPPED_LINE && /[A-Z]/.test(text[pEnd + 2] ?? '') && !LIST_MARKER.test(text.slice(pEnd + 2, pEnd + 10)))) && !headingStarts.has(pEnd + 2)) {
      lineStart = pEnd + 2;
      const next = text.indexOf('\n\n', pEnd + 2);
      pEnd = next < 0 ? text.length : next;
    }
    const para = text.slice(pStart, pEnd);
    const drafting = /^\[[\s\S]*\]$/.test(para.trim());
    const lines = splitLines(para, pStart);
    const segments = joinLines(lines, text);
    for (const [s, e] of segments) {
      const isWholeParagraph = s === pStart && e === pEnd;
      const isHeading = headingStarts.has(s) || (!sections && looksLikeHeading(view.slice(s, e), isWholeParagraph));
      if (isHeading) {
        push(sentences, view, s, e, true, drafting, paragraph);
        if (!sections) guessedSections.push({ heading: view.slice(s, e), start: s, end: text.length });
        continue;
      }
      for (const [a, b] of splitSentences(view, s, e)) push(sentences, view, a, b, false, drafting, paragraph);
    }
    pStart = pEnd + 2;
    paragraph++;
  }

  const secs = sections ?? guessedSections.map((g, i, all) => ({ ...g, end: i + 1 < all.length ? all[i + 1].start : text.length }));
  let si = -1;
  let underDefinitions = false;
  for (const sentence of sentences) {
    while (si + 1 < secs.length && secs[si + 1].start <= sentence.start) {
      si++;
      underDefinitions = /\bdefinitions?\b/i.test(secs[si].heading) && secs[si].heading.length < 60;
    }
    if (si >= 0 && !sentence.isHeading) sentence.heading = secs[si].heading;
    if (underDefinitions && !sentence.isHeading && /\bmeans?\b|\bmeaning\b|\brefers? to\b/i.test(sentence.view)) sentence.isDefinition = true;
  }
  return { text, sentences, sections: secs, view };
}

// A wrapped line is at least this long: headings and the last lines of paragraphs are mostly shorter.
const WRAPPED_LINE = 55;

/**
 * Whether the text was hard-wrapped at a fixed width with a blank line after every line (converted from PDF): most of
 * its blocks are single lines of 55-110 characters that end without a full stop, and its paragraphs end with one. Only
 * then does a line continue into a capitalised next line; elsewhere a block without a full stop is mostly a heading or a
 * list entry.
 */
function hardWrapped(text: string): boolean {
  let blocks = 0;
  let lines = 0;
  let ends = 0;
  let afterLine = false;
  for (let a = 0; a < text.length; ) {
    let b = text.indexOf('\n\n', a);
    if (b < 0) b = text.length;
    const block = text.slice(a, b).trim();
    a = b + 2;
    if (block.length === 0) continue;
    blocks++;
    const line = block.length >= WRAPPED_LINE && block.length <= 110 && !block.includes('\n') && /[\p{L}\p{N},]$/u.test(block);
    if (line) lines++;
    else if (afterLine && PARAGRAPH_END.test(block)) ends++;
    afterLine = line;
  }
  // Wrapped prose ends its paragraphs: a punctuated last line after wrapped ones, one for every few lines (2-7 in the
  // PDF conversions of the OTA corpus). A list or flattened table of unpunctuated entries, one a line ("Twilio Inc. -
  // SMS notifications - United States"), has lines of the same kind but no such ends: its entries stay apart.
  return blocks >= 20 && lines * 2 >= blocks && ends * LINES_PER_END >= lines;
}

// A block that ends a sentence ("… of the Services.", "… as follows:").
const PARAGRAPH_END = /[.!?:;]["')\]\u2019\u201d]*$/;
// At most this many wrapped lines for each paragraph end, on average, in a wrapped text.
const LINES_PER_END = 10;

function push(out: Sentence[], view: string, s: number, e: number, isHeading: boolean, drafting: boolean, paragraph: number): void {
  // Character codes, not one-character strings (this runs for every sentence of every document).
  while (s < e && view.charCodeAt(s) === 32) s++;
  while (e > s && view.charCodeAt(e - 1) === 32) e--;
  if (e <= s) return;
  const v = view.slice(s, e);
  // Cheap gate first: every definition form has a quote or the word "mean(ing)".
  let isDefinition = false;
  if (!isHeading && /"|\bmean/i.test(v)) {
    const body = v.replace(/^(?:[-*•]\s+|\(?[a-z0-9]{1,4}[.)]\s+)+/i, '');
    isDefinition = DEFINITION.test(body) || DEFINITION_BY.test(body) || CATCH_ALL_DEFINITION.test(body);
  }
  out.push({ start: s, end: e, view: v, isHeading, isDefinition, isDraftingNote: drafting || /^\[[^\]]*\]$/.test(v), paragraph, index: out.length });
}

function splitLines(para: string, offset: number): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (;;) {
    const nl = para.indexOf('\n', s);
    const e = nl < 0 ? para.length : nl;
    out.push([offset + s, offset + e]);
    if (nl < 0) return out;
    s = nl + 1;
  }
}

/** Joins wrapped lines into segments; a list marker or a line after ".;:!?" starts a new one. */
function joinLines(lines: [number, number][], text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of lines) {
    const line = text.slice(s, e);
    const prev = out[out.length - 1];
    if (prev) {
      const prevLast = text[prev[1] - 1];
      const prevLine = text.slice(text.lastIndexOf('\n', prev[1] - 1) + 1, prev[1]);
      const startsNew = LIST_MARKER.test(line) || /[.;:!?|]$/.test(prevLast) || /^\|| \| /.test(line) || / \| /.test(prevLine) || looksLikeHeading(prevLine, false);
      if (!startsNew) {
        prev[1] = e;
        continue;
      }
    }
    out.push([s, e]);
  }
  return out;
}

function looksLikeHeading(line: string, wholeParagraph: boolean): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (/[.;,:]$/.test(t) && !/^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.)\s+[A-Z][^.]{0,60}\.$/.test(t)) return false;
  if (!/^[A-Z0-9§(]/.test(t)) return false;
  const words = t.split(/\s+/).length;
  // "4. Suspension", "Article 3 - Authorities": a number and a few title-case words, not a short clause.
  if (/^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.|article\s+\w+|section\s+\d+)\s/i.test(t) && words <= 8 && titleCase(t)) return true;
  if (/[.]$/.test(t)) return false;
  if (t === t.toUpperCase() && /[A-Z]{3}/.test(t) && words <= 12) return true;
  return wholeParagraph && words <= 14 && !/[.!]$/.test(t) && (titleCase(t) || /\?$/.test(t) || words <= 4);
}

/** Every word of four letters or more starts with a capital (headings, not clauses). */
function titleCase(t: string): boolean {
  return t.split(/\s+/).every((w) => w.replace(/[^A-Za-z]/g, '').length < 4 || /^[^a-z]*[A-Z]/.test(w));
}

function splitSentences(view: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  // Match on the segment alone (small strings keep the regex cheap on huge documents).
  const seg = view.slice(s, e);
  let start = 0;
  // A capital opens the next sentence, accented ones too ("conservées. À compter de …", "… supprimées. Élément").
  const re = /[.!?]["')\]]*(?=\s+["'(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg)) !== null) {
    const dot = m.index;
    if (seg[dot] === '.' && isAbbreviation(seg, dot, start)) continue;
    const end = dot + m[0].length;
    pushCapped(out, view, s + start, s + end);
    start = end;
  }
  pushCapped(out, view, s + start, e);
  return out;
}

function pushCapped(out: [number, number][], view: string, s: number, e: number): void {
  while (e - s > MAX_SENTENCE) {
    let cut = view.lastIndexOf(' ', s + MAX_SENTENCE);
    if (cut <= s) cut = s + MAX_SENTENCE;
    out.push([s, cut]);
    s = cut;
  }
  if (e > s) out.push([s, e]);
}

function isAbbreviation(view: string, dot: number, floor: number): boolean {
  let i = dot;
  while (i > floor && abbreviationChar(view.charCodeAt(i - 1))) i--;
  // The run stops at a letter outside ASCII: "enregistrés. Les" ends in the word "enregistrés", not an initial "s".
  if (i > 0 && NON_ASCII_LETTER.test(view[i - 1])) return false;
  const word = view.slice(i, dot).toLowerCase();
  if (word.length === 1) return true; // an initial ("John F. Kennedy") or a list letter
  return ABBREV.has(word) || ABBREV.has(word.replace(/^\./, ''));
}

// A letter outside ASCII (an accented one: the ASCII letters are the run's own).
const NON_ASCII_LETTER = /^(?![\x00-\x7f])\p{L}$/u;

/** `[A-Za-z.]` by character code (tested at every full stop of every document). */
function abbreviationChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}
