import type { SectionSpan } from '../types.js';
import { normaliseMapped } from './normalise.js';
import type { Mapped } from './source-map.js';
import { concat, identity, synth, toIndex } from './source-map.js';

/**
 * Builds a normalised text from blocks (paragraphs, headings, list items) and remembers where headings
 * are, so loaders of structured formats (HTML, DOCX, Markdown) agree on offsets and sections. Blocks given
 * as {@link Mapped} keep their source positions (Markdown, plain text); `build` then returns the map.
 */
export class TextBuilder {
  private parts: Mapped[] = [];
  private length = 0;
  private headings: { heading: string; start: number; level?: number }[] = [];
  private mapped = true;

  /** Appends a paragraph-like block; `separator` is '\n\n' between paragraphs or '\n' inside a list. */
  add(block: string | Mapped, opts: { heading?: boolean; level?: number; separator?: '\n' | '\n\n' } = {}): void {
    if (typeof block === 'string') this.mapped = false;
    const m = normaliseMapped(typeof block === 'string' ? identity(block) : block);
    if (!m.text) return;
    if (this.length > 0) {
      const sep = opts.heading ? '\n\n' : (opts.separator ?? '\n\n');
      // The separator stands where the block starts in the source (its first character's index).
      this.parts.push(synth(sep, m.runs[1]));
      this.length += sep.length;
    }
    if (opts.heading) this.headings.push({ heading: m.text.replace(/\s+/g, ' '), start: this.length, ...(opts.level ? { level: opts.level } : {}) });
    this.parts.push(m);
    this.length += m.text.length;
  }

  /** The text, its sections (each heading's range runs to the next heading or the end) and, when every block was mapped, the source index of each character. */
  build(): { text: string; sections: SectionSpan[]; src?: Int32Array } {
    const all = concat(this.parts);
    const text = all.text;
    const sections = this.headings.map((h, i) => ({
      heading: h.heading,
      start: h.start,
      end: i + 1 < this.headings.length ? this.headings[i + 1].start : text.length,
      ...(h.level ? { level: h.level } : {}),
    }));
    return { text, sections, ...(this.mapped ? { src: toIndex(all) } : {}) };
  }
}
