/**
 * Turns evidence (a verbatim quote, with character offsets into the *extracted* text) into a line and
 * column in the *source* file, which is what code scanning shows. Extraction normalises text (Markdown
 * markup, HTML tags, whitespace), so offsets into it are not offsets into the file: the quote is found
 * in the source instead, nearest to where the offsets say it is.
 */
import type { Evidence } from '@custody/domain';
import { LineIndex } from '@custody/integrations';

export interface SourceRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

/** A source text with 1-based line/column look-ups (on the integrations' line index, which configs use). */
export class SourceText {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** 1-based line and column of a character offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lines.lineAt(at);
    return { line, column: at - this.lines.offsetOfLine(line) + 1 };
  }

  /** The region of [start, start + length): SARIF end columns are exclusive. */
  region(start: number, length: number): SourceRegion {
    const s = this.position(start);
    const e = this.position(start + length);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: start, charLength: length };
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a quote matched across any whitespace or inline Markdown/HTML markup the extractor removed. */
function tolerantPattern(quote: string): RegExp | undefined {
  const words = quote.split(/\s+/).filter(Boolean).slice(0, 40);
  if (words.length === 0) return undefined;
  return new RegExp(words.map(escapeRegExp).join('(?:\\s|[*_`>#|]|<[^>]{0,80}>)+'), 'g');
}

/** Of several matches, the one nearest the extracted offset (the quote can recur, e.g. a defined term). */
function nearest(matches: { index: number; length: number }[], hint: number | undefined) {
  if (matches.length === 0) return undefined;
  if (hint === undefined) return matches[0];
  return matches.reduce((best, m) => (Math.abs(m.index - hint) < Math.abs(best.index - hint) ? m : best));
}

/**
 * Where an evidence quote stands in its source file: the exact slice at its offsets when it matches,
 * else the nearest verbatim occurrence, else the nearest whitespace/markup-tolerant match; undefined when
 * the quote is not in the source (e.g. a PDF's text layer).
 */
export function locateEvidence(e: Pick<Evidence, 'quote' | 'start' | 'end'>, source: SourceText): SourceRegion | undefined {
  const text = source.text;
  const quote = e.quote.trim();
  if (!quote) return undefined;
  if (e.start !== undefined && text.startsWith(quote, e.start)) return source.region(e.start, quote.length);
  const verbatim: { index: number; length: number }[] = [];
  for (let i = text.indexOf(quote); i !== -1 && verbatim.length < 1000; i = text.indexOf(quote, i + 1)) verbatim.push({ index: i, length: quote.length });
  let hit = nearest(verbatim, e.start);
  if (!hit) {
    const pattern = tolerantPattern(quote);
    const tolerant = pattern ? [...text.matchAll(pattern)].slice(0, 1000).map((m) => ({ index: m.index!, length: m[0].length })) : [];
    hit = nearest(tolerant, e.start);
  }
  return hit ? source.region(hit.index, hit.length) : undefined;
}
