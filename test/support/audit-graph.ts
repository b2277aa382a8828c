import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Graph } from '@custody/domain';
import { analyzeDocument, collectFiles, projectDocuments, type AnalyzedDocument } from '@custody/audit';

/** The projected graph of a folder, as `custody audit` builds it: for what-if tests that need the graph itself. */
export async function graphOfFolder(dir: string, now: Date, skip: (file: string) => boolean = () => false): Promise<Graph> {
  const docs: AnalyzedDocument[] = [];
  for (const file of collectFiles([dir]).filter((f) => !skip(f))) {
    const bytes = readFileSync(file);
    docs.push({ id: createHash('sha256').update(bytes).digest('hex'), file: relative(dir, file), ...(await analyzeDocument(bytes, relative(dir, file))) });
  }
  return projectDocuments(docs, { asOf: now.toISOString() }).graph;
}
