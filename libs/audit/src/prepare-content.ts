import { createHash } from 'node:crypto';
import type { Redaction } from '@custody/domain';
import { detectFormat, redactSecrets } from '@custody/integrations';

const CONFIG_LIKE = new Set(['unknown', 'pdf', 'docx', 'html', 'markdown', 'text']);

/**
 * What is stored for an upload: the content hash of the original bytes (so the same file dedupes) and,
 * for configs, the text with secrets redacted — secrets never reach the database, the logs or the API.
 * `records` says what was redacted (kind, key path, line; never the value): the stored text no longer holds
 * the secrets, so analysis of it needs them to still report each one as a finding.
 */
export function prepareForStorage(bytes: Uint8Array, fileName: string): { sha256: string; content: Buffer; redacted: boolean; redactions: number; records: Redaction[] } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const original = Buffer.from(bytes);
  let format = 'unknown';
  try {
    format = detectFormat(bytes, fileName);
  } catch {
    // Unknown or hostile input is stored as is and reported by extraction with its reason.
  }
  if (CONFIG_LIKE.has(format) || isBinary(original)) return { sha256, content: original, redacted: false, redactions: 0, records: [] };
  const { text, redactions } = redactSecrets(original.toString('utf8'));
  return redactions.length
    ? { sha256, content: Buffer.from(text, 'utf8'), redacted: true, redactions: redactions.length, records: redactions }
    : { sha256, content: original, redacted: false, redactions: 0, records: [] };
}

function isBinary(b: Buffer): boolean {
  return b.subarray(0, 8000).includes(0);
}
