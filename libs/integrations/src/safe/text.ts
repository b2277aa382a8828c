import { InvalidInputError, slugify } from '@custody/domain';
import { DEFAULT_MAX_BYTES } from '../types.js';
import { binaryContainer, decodeText } from './decode.js';

/**
 * Decodes user bytes after the size check, in any encoding `decodeText` reads (UTF-8, UTF-16 with or
 * without BOM, stray NULs dropped). Content that is not text in a known encoding is `binary` (the caller
 * reports the file as unparsed); `reason` says why.
 */
export function decodeInput(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): { text: string; binary: boolean; reason?: string } {
  if (!(bytes instanceof Uint8Array)) throw new InvalidInputError('input must be bytes (Uint8Array)');
  if (bytes.byteLength > maxBytes) {
    throw new InvalidInputError(`input is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`, {
      size: bytes.byteLength,
      limit: maxBytes,
    });
  }
  if (binaryContainer(bytes)) return { text: '', binary: true, reason: 'binary container (PDF, ZIP or OLE)' };
  const decoded = decodeText(bytes);
  return decoded.ok ? { text: decoded.text, binary: false } : { text: '', binary: true, reason: decoded.reason };
}

/** Maps character offsets to 1-based lines, and finds the first line holding a needle. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Text of a 1-based line, without its newline. */
  line(n: number): string {
    const start = this.starts[n - 1] ?? 0;
    const end = n < this.starts.length ? this.starts[n] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  offsetOfLine(n: number): number {
    return this.starts[Math.max(0, Math.min(n - 1, this.starts.length - 1))];
  }

  /** Offset of the first occurrence of `needle` at or after `from`, or -1. */
  find(needle: string, from = 0): number {
    if (!needle) return -1;
    return this.text.indexOf(needle, from);
  }

  /** Line of the first occurrence of any needle (tried in order) after `from`; undefined if none. */
  locate(needles: (string | undefined)[], from = 0): number | undefined {
    for (const n of needles) {
      if (!n) continue;
      const at = this.text.indexOf(n, from);
      if (at >= 0) return this.lineAt(at);
    }
    return undefined;
  }
}

/** The domain's slug for config ids; a template reference `${name}` counts as its name. */
export function slug(s: string): string {
  // A slug already but for its case (a fleet's 100,000 install ids, `INST-00042`): what the patterns below leave of it.
  if (s.length <= SLUG_MAX && SLUG_SHAPED.test(s)) return s.toLowerCase();
  // Only the head can reach the slug; the cap bounds the pattern below.
  return slugify(s.slice(0, 1024).replace(/\$\{([^}]*)\}/g, '$1'));
}

/** Letters and digits in runs joined by single hyphens, at most slugify's default length: slugify only lower-cases it. */
const SLUG_SHAPED = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const SLUG_MAX = 60;

/** Decodes the XML predefined entities and numeric references (no DTD entities are ever expanded). */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}
