import type { SectionSpan } from '../types.js';
import { normaliseWhitespace } from './normalise.js';

/**
 * Builds a normalised text from blocks (paragraphs, headings, list items) and remembers where headings
 * are, so loaders of structured formats (HTML, DOCX, Markdown) agree on offsets and sections.
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private headings: { heading: string; start: number }[] = [];

  /** Appends a paragraph-like block; `separator` is '\n\n' between paragraphs or '\n' inside a list. */
  add(block: string, opts: { heading?: boolean; separator?: '\n' | '\n\n' } = {}): void {
    const text = normaliseWhitespace(block);
    if (!text) return;
    if (this.length > 0) {
      const sep = opts.heading ? '\n\n' : (opts.separator ?? '\n\n');
      this.parts.push(sep);
      this.length += sep.length;
    }
    if (opts.heading) this.headings.push({ heading: text.replace(/\s+/g, ' '), start: this.length });
    this.parts.push(text);
    this.length += text.length;
  }

  /** The text and its sections (each heading's range runs to the next heading or the end). */
  build(): { text: string; sections: SectionSpan[] } {
    const text = this.parts.join('');
    const sections = this.headings.map((h, i) => ({
      heading: h.heading,
      start: h.start,
      end: i + 1 < this.headings.length ? this.headings[i + 1].start : text.length,
    }));
    return { text, sections };
  }
}
