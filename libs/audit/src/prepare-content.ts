import { createHash } from 'node:crypto';
import type { Redaction } from '@custody/domain';
import { binaryContainer, decodeText, redactSecrets } from '@custody/integrations';

/** What `prepareForStorage` decided for an upload. */
export interface PreparedContent {
  sha256: string;
  content: Buffer;
  redacted: boolean;
  redactions: number;
  records: Redaction[];
  /** Set when the content could not be scanned for secrets: it is not stored, and the document fails with this reason. */
  unscannable?: string;
}

/**
 * What is stored for an upload: the content hash of the original bytes (so the same file dedupes) and, for
 * anything that is text in any encoding (UTF-8, UTF-16 with or without BOM, stray NULs), the text with
 * secrets redacted — secrets never reach the database, the logs or the API. `records` says what was
 * redacted (kind, key path, line; never the value): the stored text no longer holds the secrets, so analysis
 * of it needs them to still report each one as a finding.
 *
 * This runs inside the upload request, so it does no format detection or parsing: a magic-number check for
 * binary containers (PDF, ZIP/DOCX, OLE), one linear decode and the linear-time redaction patterns. It fails
 * closed: content that is neither a known container nor decodable text is not stored (`unscannable`).
 */
export function prepareForStorage(bytes: Uint8Array, fileName: string): PreparedContent {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const original = Buffer.from(bytes);
  const kept = { sha256, content: original, redacted: false, redactions: 0, records: [] };
  if (bytes.length === 0 || binaryContainer(bytes)) return kept;
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { ...kept, content: Buffer.alloc(0), unscannable: `${fileName}: not stored, the content could not be scanned for secrets (${decoded.reason})` };
  }
  const { text, redactions } = redactSecrets(decoded.text);
  return redactions.length
    ? { sha256, content: Buffer.from(text, 'utf8'), redacted: true, redactions: redactions.length, records: redactions }
    : kept;
}
