import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import type { LoadOptions, LoadedDocument } from '../types.js';
import { detectTextFormat, isPdf, isZip } from './detect-format.js';
import { loadDocx } from './docx-loader.js';
import { loadHtml } from './html-loader.js';
import { loadMarkdown } from './markdown-loader.js';
import { normaliseMapped } from './normalise.js';
import { loadPdf } from './pdf-loader.js';
import { identity, toIndex } from './source-map.js';

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Turns a contract, BAA or policy file into one normalised text with pages and sections (and, for Markdown
 * and plain text, the file's text and where each normalised character sits in it). The format is
 * detected from the bytes (%PDF, a ZIP holding word/document.xml, HTML tags, markdown headings), the
 * file name only breaking ties. Bad input throws InvalidInputError with the reason: empty, too large,
 * binary, not valid UTF-8, a scanned or encrypted PDF, a corrupt DOCX, an HTML page with no text.
 */
export async function loadDocument(bytes: Uint8Array, fileName?: string, opts: LoadOptions = {}): Promise<LoadedDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const details = fileName ? { file: fileName } : {};
  if (!(bytes instanceof Uint8Array)) throw new InvalidInputError('input is not a byte array', details);
  if (bytes.length === 0) throw new InvalidInputError('empty file', details);
  if (bytes.length > maxBytes) {
    throw new BudgetExceededError('too_large', `file too large: ${bytes.length} bytes, limit ${maxBytes}`, { ...details, size: bytes.length, limit: maxBytes });
  }
  if (isPdf(bytes)) {
    const { text, pages } = await withTimeout(loadPdf(bytes, opts.maxPages), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'PDF');
    return { text, format: 'pdf', pages, sections: [] };
  }
  if (isZip(bytes)) {
    const { text, sections } = await withTimeout(loadDocx(bytes, opts.maxInflatedBytes), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'DOCX');
    if (!text) throw new InvalidInputError('DOCX has no text', details);
    return { text, format: 'docx', sections };
  }
  const { text: decoded, warnings } = decode(bytes, details);
  if (!decoded.trim()) throw new InvalidInputError('empty file (only whitespace)', details);
  const format = detectTextFormat(decoded, fileName);
  if (format === 'html') {
    const { text, sections } = loadHtml(decoded);
    if (!text) throw new InvalidInputError('HTML page has no readable text (only scripts, styles or navigation)', details);
    return { text, format, sections, ...(warnings.length ? { warnings } : {}) };
  }
  if (format === 'markdown') {
    const { text, sections, src, links } = loadMarkdown(decoded);
    if (!text) throw new InvalidInputError('markdown file has no text', details);
    return { text, format, sections, source: decoded, sourceIndex: src, links, ...(warnings.length ? { warnings } : {}) };
  }
  const normalised = normaliseMapped(identity(decoded));
  const text = normalised.text;
  return { text, format: 'text', sections: [], source: decoded, sourceIndex: toIndex(normalised), ...(warnings.length ? { warnings } : {}) };
}

/** Decodes UTF-8 (or UTF-16 with a BOM); rejects binary data and text that is mostly undecodable. */
function decode(bytes: Uint8Array, details: Record<string, unknown>): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), warnings };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // A control byte is one ASCII byte, decoded to the same code unit: a text without a control character has none in
  // its bytes, and is not counted byte by byte (one regex pass over the decoded text is a fraction of that loop).
  if (CONTROL.test(text)) {
    const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
    let controls = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample[i];
      if (c < 9 || (c > 13 && c < 32 && c !== 27)) controls++;
    }
    if (controls / sample.length > 0.02) throw new InvalidInputError('binary file: not a PDF, DOCX, HTML, Markdown or text document', details);
  }
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
  if (bad > 0) {
    if (bad / Math.max(1, text.length) > 0.1) throw new InvalidInputError('not valid UTF-8 text: most bytes cannot be decoded', { ...details, invalid: bad });
    warnings.push(`${bad} invalid UTF-8 sequence(s) replaced with U+FFFD`);
  }
  return { text, warnings };
}

// The bytes `decode` counts as binary: below 32, except tab, line feed, vertical tab, form feed, carriage return and escape.
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceededError('timeout', `${what} took longer than ${ms} ms to read`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
