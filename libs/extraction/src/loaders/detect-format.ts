import type { DocumentFormat } from '../types.js';

/** Whether the bytes start like a PDF ("%PDF-", allowing some leading junk as readers do). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Whether the bytes are a ZIP archive (local file header "PK\x03\x04" or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Format of a decoded text by its content, the file name only breaking ties: an HTML document or
 * fragment with block tags is html; ATX/setext headings, markdown lists or links make markdown.
 */
export function detectTextFormat(text: string, fileName?: string): Exclude<DocumentFormat, 'pdf' | 'docx'> {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)\b/.test(head)) return 'html';
  const tags = (text.slice(0, 20_000).match(/<\/?(?:p|div|h[1-6]|li|ul|ol|table|span|section|article|br|script|style)\b[^>]*>/gi) ?? []).length;
  if (tags >= 3 && /^</.test(head)) return 'html';
  const ext = (fileName ?? '').toLowerCase().split('.').pop() ?? '';
  if ((ext === 'html' || ext === 'htm') && tags > 0) return 'html';
  // A Markdown file name settles it (the counts below only decide for other names).
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const sample = text.slice(0, 50_000);
  const mdHeadings = (sample.match(/^\s{0,3}#{1,6}\s+\S/gm) ?? []).length + (sample.match(/^\S.*\n\s{0,3}(?:={3,}|-{3,})\s*$/gm) ?? []).length;
  const mdInline = (sample.match(/\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]+\)/g) ?? []).length;
  if (mdHeadings >= 1 || mdInline >= 3) return 'markdown';
  return 'text';
}
