import type { SectionSpan } from '../types.js';
import type { Mapped } from './source-map.js';
import { concat, identity, keepGroups, slice, sourceAt, synth, trim } from './source-map.js';
import { TextBuilder } from './text-builder.js';

/**
 * Markdown to plain text: headings (ATX and setext) become heading blocks with their level, list items keep
 * a "- " or "1. " marker on their own line, emphasis/code/link/image markup and HTML tags go, table rows
 * become "cell | cell" lines (separator rows dropped), backslash escapes are resolved. Every character of
 * the result keeps its index in `source` (`src`), so quotes can be taken from the file itself.
 */
export function loadMarkdown(source: string): { text: string; sections: SectionSpan[]; src: Int32Array; links: [number, number][] } {
  const b = new TextBuilder();
  linkSources = [];
  const lines: { m: Mapped; at: number }[] = [];
  for (let at = 0; at <= source.length; ) {
    let nl = source.indexOf('\n', at);
    if (nl < 0) nl = source.length;
    const end = nl > at && source[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ m: identity(source.slice(at, end), at), at });
    at = nl + 1;
  }
  let para: { m: Mapped; at: number }[] = [];
  let inFence = false;
  let paraIsItem = false;
  let lastWasItem = false;
  // Consecutive list items stay on adjacent lines; anything else is a paragraph of its own.
  const flush = () => {
    if (para.length > 0) {
      const joined = concat(para.flatMap((p, i) => (i === 0 ? [p.m] : [synth('\n', p.at), p.m])));
      b.add(joined, { separator: paraIsItem && lastWasItem ? '\n' : '\n\n' });
      lastWasItem = paraIsItem;
    }
    para = [];
    paraIsItem = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const raw = line.m.text;
    if (/^\s*(?:```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(line);
      continue;
    }
    const next = lines[i + 1]?.m.text ?? '';
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/d.exec(raw) as (RegExpExecArray & { indices: [number, number][] }) | null;
    if (atx) {
      flush();
      lastWasItem = false;
      b.add(inline(slice(line.m, atx.indices[2][0], atx.indices[2][1])), { heading: true, level: atx[1].length });
      continue;
    }
    // A paragraph that is one bold line ("**SECTION II – OBLIGATIONS**") is a heading in all but name.
    const bold = para.length === 0 && !next.trim() ? /^\s{0,3}(\*\*|__)([^*_\n]{2,150}?)\1\s*$/d.exec(raw) as (RegExpExecArray & { indices: [number, number][] }) | null : null;
    if (bold && !/[.,;]$/.test(bold[2].trim())) {
      flush();
      lastWasItem = false;
      b.add(inline(slice(line.m, bold.indices[2][0], bold.indices[2][1])), { heading: true, level: 4 });
      continue;
    }
    if (raw.trim() && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(raw) && para.length === 0) {
      b.add(inline(line.m), { heading: true, level: next.trim().startsWith('=') ? 1 : 2 });
      i++;
      continue;
    }
    if (/^\s*(?:[-*_]\s*){3,}$/.test(raw) || /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(raw)) {
      flush();
      continue;
    }
    if (!raw.trim()) {
      flush();
      if (!/^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(next)) lastWasItem = false;
      continue;
    }
    const bullet = /^\s*(?:([-*+])|(\d{1,3})([.)]))\s+(.*)$/d.exec(raw) as (RegExpExecArray & { indices: [number, number][] }) | null;
    if (bullet) {
      flush();
      const marker = bullet[1]
        ? synth('- ', sourceAt(line.m, bullet.indices[1][0]))
        : concat([slice(line.m, bullet.indices[2][0], bullet.indices[2][1]), synth('. ', sourceAt(line.m, bullet.indices[3][0]))]);
      para.push({ m: concat([marker, inline(slice(line.m, bullet.indices[4][0], bullet.indices[4][1]))]), at: line.at });
      paraIsItem = true;
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      flush();
      b.add(tableRow(line.m), { separator: '\n' });
      continue;
    }
    const quote = /^\s*>\s?/.exec(raw);
    para.push({ m: inline(quote ? slice(line.m, quote[0].length) : line.m), at: line.at });
  }
  flush();
  const built = b.build();
  const src = built.src!;
  // Link texts, as ranges of the normalised text (a provider named as a link is a strong sign of a name).
  const links: [number, number][] = [];
  for (const [a, z] of linkSources) {
    const from = lowerBound(src, a);
    const to = lowerBound(src, z);
    if (to > from) links.push([from, to]);
  }
  linkSources = [];
  return { text: built.text, sections: built.sections, src, links };
}

/** First index whose source index is >= x (the map never decreases). */
export function lowerBound(src: Int32Array, x: number): number {
  let lo = 0;
  let hi = src.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Source ranges of link texts seen by `inline` while one document loads (loading is synchronous).
let linkSources: [number, number][] = [];

/** "| a | b |" → "a | b": cells trimmed and stripped of markup, joined at their source pipes. */
function tableRow(row: Mapped): Mapped {
  const t = row.text;
  const first = t.indexOf('|');
  const last = t.lastIndexOf('|');
  const parts: Mapped[] = [];
  let from = first + 1;
  for (let k = from; k <= last; k++) {
    if (t[k] !== '|' || t[k - 1] === '\\') continue;
    const cell = cellText(slice(row, from, k));
    if (parts.length > 0) parts.push(synth(' | ', sourceAt(row, from - 1)));
    parts.push(cell);
    from = k + 1;
  }
  return concat(parts);
}

// A line break inside a cell ("Veriff<br>Zendesk", "like:<br>*   Billing"), with the spaces and an item marker after it.
const CELL_BREAK = /(?:\s*<br\s*\/?>)+\s*(?:[-*+•]\s+)?/gi;

/**
 * One cell, trimmed and stripped of markup. A `<br>` in a cell can end an item the way a new line of a list does:
 * where it ends a sentence ({@link endsSentence}) it becomes ". ", mapped to the `<br>` in the source, so the next
 * line opens a sentence of its own ("… your enquiries<br><br>Zendesk provides …": the name is at a sentence start).
 * Every other break goes as before (the tag removed, the cell's text otherwise as it was), and a cell without a tag
 * costs one `includes`.
 */
function cellText(cell: Mapped): Mapped {
  if (!cell.text.includes('<')) return trim(inline(cell));
  const parts: Mapped[] = [];
  let pieceFrom = 0;
  let lineFrom = 0;
  let prev = '';
  let lineIndex = 0;
  // Each cell line is read once: the line after a break, read to decide that break, is the line before the next one
  // (the same text but for the spaces before that break, which trimming drops). Its link texts are noted again where
  // it was read a second time before, so the document's link list stays as it was.
  let ahead: { from: number; text: string; links: [number, number][] } | undefined;
  CELL_BREAK.lastIndex = 0;
  for (let x = CELL_BREAK.exec(cell.text); x; x = CELL_BREAK.exec(cell.text)) {
    let line: string;
    if (ahead && ahead.from === lineFrom) {
      line = ahead.text;
      for (const l of ahead.links) linkSources.push(l);
    } else line = trim(inline(slice(cell, lineFrom, x.index))).text;
    if (line) {
      prev = line;
      lineIndex++;
    }
    const after = x.index + x[0].length;
    const noted = linkSources.length;
    const next = trim(inline(slice(cell, after, nextBreak(cell.text, after)))).text;
    ahead = { from: after, text: next, links: linkSources.slice(noted) };
    if (prev && next && endsSentence(prev, next, lineIndex)) {
      parts.push(trim(inline(slice(cell, pieceFrom, x.index))), synth('. ', sourceAt(cell, x.index)));
      pieceFrom = after;
    } else if (prev && next && /[.!?]$/.test(prev) && /^[\p{Lu}\d]/u.test(next)) {
      // A line that ends its own sentence before the break: the break is the space after the stop ("… data
      // assistant.<br><br>Zendesk Inc. which …"), or the two sentences would be glued into one word ("assistant.Zendesk").
      parts.push(trim(inline(slice(cell, pieceFrom, x.index))), synth(' ', sourceAt(cell, x.index)));
      pieceFrom = after;
    }
    lineFrom = after;
  }
  parts.push(trim(inline(slice(cell, pieceFrom))));
  return parts.length === 1 ? parts[0] : concat(parts);
}

const BREAK_TAG = /<br\s*\/?>/gi;

/** Where the cell line starting at `from` ends (the next break, or the cell's end): a search from `from`, no copy of the rest. */
function nextBreak(text: string, from: number): number {
  BREAK_TAG.lastIndex = from;
  const m = BREAK_TAG.exec(text);
  return m ? m.index : text.length;
}

/** A cell line of a few words without an end stop: a label, a name, an item of a short list. */
const isShort = (line: string) => line.length <= 40 && !/\s\S+\s\S+\s/.test(line) && !/[.!?,;:]$/.test(line);

/**
 * Whether a break in a cell ends the sentence of the line before it: the next line is a sentence of its own
 * (capitalised, not a short label or name), the line before has no stop of its own, and it is not the title a
 * cell laid out as a card opens with ("Purpose<br><br>Used by …", the column's label). Other breaks read as before.
 */
function endsSentence(prev: string, next: string, lineIndex: number): boolean {
  if (/[.!?:]$/.test(prev) || !/^[A-Z]/.test(next) || isShort(next)) return false;
  return !(lineIndex === 1 && isShort(prev));
}

const LINK_TEXT = /(?<!!)\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/dg;

/** Whether `text` holds one of `chars`. */
const hasAny = (chars: string) => (text: string) => {
  for (const c of chars) if (text.includes(c)) return true;
  return false;
};
const endsInSpace = (text: string) => text.endsWith(' ') || text.endsWith('\t');

// Each markup pattern with a character test that every match needs: most lines hold no markup, and a test of
// `includes` is far cheaper than a pass of the pattern (ten passes per line were most of the loader's time).
const INLINE: [RegExp, number[], (text: string) => boolean][] = [
  [/!\[([^\]]*)\]\([^)]*\)/dg, [1], hasAny('!')],
  [/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/dg, [1], hasAny('[')],
  [/\[([^\]]+)\]\[[^\]]*\]/dg, [1], hasAny('[')],
  [/<\/?[a-z][^>]*>/dgi, [], hasAny('<')],
  [/`([^`]*)`/dg, [1], hasAny('`')],
  [/(\*\*|__)(?=\S)([\s\S]*?\S)\1/dg, [2], hasAny('*_')],
  [/\*\*|__/dg, [], hasAny('*_')],
  [/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/dg, [1, 2], hasAny('*_')],
  [/\\([\\`*_{}[\]()#+\-.!|>~"'])/dg, [1], hasAny('\\')],
  [/[ \t]{2,}$/dg, [], endsInSpace],
];

/** Strips inline markup from one line, keeping the source index of what stays. */
function inline(m: Mapped): Mapped {
  // Note where link texts are before the markup goes.
  LINK_TEXT.lastIndex = 0;
  for (let x = m.text.includes('[') ? LINK_TEXT.exec(m.text) : null; x; x = LINK_TEXT.exec(m.text)) {
    const span = (x as RegExpExecArray & { indices: [number, number][] }).indices[1];
    if (span[1] > span[0]) linkSources.push([sourceAt(m, span[0]), sourceAt(m, span[1] - 1) + 1]);
  }
  let out = m;
  for (const [re, keep, may] of INLINE) if (may(out.text)) out = keepGroups(out, re, keep);
  return out;
}
