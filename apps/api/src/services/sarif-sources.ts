/**
 * The stored text of the documents a SARIF log points into, so the API's SARIF places each contract quote
 * at its real line (as `custody audit --format sarif` does from the files on disk) instead of line 1.
 */
import type { AuditReport } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import type { SarifRenderOptions } from '@custody/reports';

/** PDF, Word and other binary uploads have no lines a code-scanning viewer could show. */
function isText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  return !head.includes(0) && !head.subarray(0, 5).equals(Buffer.from('%PDF-')) && !head.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004'));
}

/**
 * `sourceText` for {@link renderSarif}: the stored bytes (secrets already redacted, line structure kept) of
 * each document that has evidence without a line of its own, read once each.
 */
export async function storedSourceTexts(db: Persistence, workspaceId: string, report: AuditReport): Promise<Pick<SarifRenderOptions, 'sourceText'>> {
  const wanted = new Set(report.findings.flatMap((f) => f.evidence).filter((e) => e.file && e.line === undefined).map((e) => e.file!));
  if (wanted.size === 0) return {};
  const texts = new Map<string, string>();
  for (const doc of await db.documents.list(workspaceId)) {
    if (!wanted.has(doc.fileName) || texts.has(doc.fileName)) continue;
    const bytes = await db.documents.content(doc.sha256);
    if (isText(bytes)) texts.set(doc.fileName, bytes.toString('utf8'));
  }
  return { sourceText: (file) => texts.get(file) };
}
