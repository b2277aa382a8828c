import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, type projectDocuments } from '@custody/audit';

type Doc = Parameters<typeof projectDocuments>[0][number];

/**
 * Every file of a bench workspace analysed as the audit bench does: the CLI's manifest bound (64 MB, not the
 * upload one) and the declarations budget raised as an operator would (a 100k fleet export declares ~380,000
 * systems and flows, and failing it too_complex would time nothing).
 */
export async function workspaceDocs(dir: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const file of readdirSync(dir).sort()) docs.push(await workspaceDoc(dir, file));
  return docs;
}

/** One file of a bench workspace analysed as {@link workspaceDocs} does (for analyseAndProject, as auditFiles runs). */
export async function workspaceDoc(dir: string, file: string): Promise<Doc> {
  const bytes = readFileSync(join(dir, file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: sha256, sha256, file, ...(await analyzeDocument(bytes, file, { maxManifestBytes: 64 * 1024 * 1024, maxDeclarations: 10_000_000 })) };
}
