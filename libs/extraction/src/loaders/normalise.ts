import type { Mapped } from './source-map.js';
import { identity, sourceAt, Writer } from './source-map.js';

/** Zero-width characters, soft hyphen, BOM and C0 controls other than whitespace: dropped. */
function invisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad || c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f;
}
/** Tabs and exotic spaces: a space. */
function space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A visible character copied as it is: printable ASCII, or a non-ASCII character that is neither invisible nor a space nor a line break. */
function plain(c: number): boolean {
  if (c < 0x7f) return c > 0x20;
  return c >= 0xa1 && c !== 0xad && !(c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff));
}

/**
 * One whitespace normalisation for every format, so evidence offsets mean the same thing whatever the
 * source: LF line ends, no tabs or exotic spaces, single spaces inside lines, no indentation, at most one
 * blank line between paragraphs. Invisible characters (zero-width, soft hyphen, BOM, C0 controls) go.
 */
export function normaliseWhitespace(input: string): string {
  return normaliseMapped(identity(input)).text;
}

/**
 * {@link normaliseWhitespace} that keeps each output character's source index (see source-map.ts). Visible
 * characters are copied in runs; a space standing for a tab or an exotic space, and the "\n" / "\n\n" line
 * separators, are inserted at the index of the character they replace.
 */
export function normaliseMapped(m: Mapped): Mapped {
  const text = m.text;
  const w = new Writer();
  let runStart = -1; // start of the pending run of input characters copied as they are
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) w.copy(m, runStart, runEnd);
    runStart = -1;
  };
  const keep = (i: number) => {
    if (runStart >= 0 && runEnd === i) runEnd = i + 1;
    else {
      flush();
      runStart = i;
      runEnd = i + 1;
    }
  };
  let blank = 0;
  let breakAt = -1; // input index of the first line break of the pending separator
  let pendingSpace = -1; // input index of a space to emit before the next visible character on this line
  let lineHasText = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) continue; // the LF that follows carries the line break
      code = 0x0a;
    } else if (code === 0x2028 || code === 0x2029) code = 0x0a;
    if (code === 0x0a) {
      if (lineHasText) {
        lineHasText = false;
        blank = 0;
        breakAt = i;
      } else if (any) {
        blank++;
        if (breakAt < 0) breakAt = i;
      }
      pendingSpace = -1;
      continue;
    }
    if (invisible(code)) continue;
    if (space(code)) {
      if (lineHasText && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (!lineHasText) {
      if (any) {
        if (blank === 0 && text.charCodeAt(breakAt) === 0x0a) keep(breakAt);
        else {
          flush();
          w.synth(blank > 0 ? '\n\n' : '\n', sourceAt(m, breakAt));
        }
      }
      lineHasText = true;
      any = true;
      blank = 0;
      breakAt = -1;
    } else if (pendingSpace >= 0) {
      if (text.charCodeAt(pendingSpace) === 0x20) keep(pendingSpace);
      else {
        flush();
        w.synth(' ', sourceAt(m, pendingSpace));
      }
    }
    pendingSpace = -1;
    keep(i);
    // The rest of a run of plain visible characters extends the same copied run: skip it without the
    // per-character checks (most of the text; this loop was the loaders' largest cost).
    // A single ASCII space between two such characters joins the run as well: the loop above would keep it as the
    // pending space of the next character, in the same copied run (most spaces are such single spaces).
    const n = text.length;
    let j = i + 1;
    for (;;) {
      if (j < n && plain(text.charCodeAt(j))) j++;
      else if (j + 1 < n && text.charCodeAt(j) === 0x20 && plain(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    if (j > i + 1) {
      runEnd = j;
      i = j - 1;
    }
  }
  flush();
  return w.done();
}
