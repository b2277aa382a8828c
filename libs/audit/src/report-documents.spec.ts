import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { defaultLens } from '@custody/domain';
import { analyzeDocument } from './analyze-document.js';
import { composeReport, evaluateGraph, projectDocuments, reportDocuments, type AnalyzedDocument } from './build-audit.js';

// Jest runs from the repository root.
const EXAMPLE = resolve('examples/harborview-counseling');
const NOW = new Date('2026-06-01T00:00:00Z');

async function exampleDocs(): Promise<AnalyzedDocument[]> {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const docs: AnalyzedDocument[] = [];
  for (const file of files(EXAMPLE).sort()) {
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    docs.push({ id: sha256, sha256, file: file.slice(EXAMPLE.length + 1), ...(await analyzeDocument(bytes, file.slice(EXAMPLE.length + 1))) });
  }
  return docs;
}

describe('reportDocuments', () => {
  it('drops manifest and config parses, keeps contract extractions, and the report is the same', async () => {
    const docs = await exampleDocs();
    expect(docs.some((d) => d.analysis?.type === 'manifest')).toBe(true);
    expect(docs.some((d) => d.analysis?.type === 'contract')).toBe(true);
    const kept = reportDocuments(docs);
    expect(kept.map((d) => d.analysis?.type ?? null)).toEqual(docs.map((d) => (d.analysis?.type === 'contract' ? 'contract' : null)));
    expect(kept.map(({ analysis: _, ...rest }) => rest)).toEqual(docs.map(({ analysis: _, ...rest }) => rest));
    const { graph } = projectDocuments(docs, { asOf: NOW.toISOString() });
    const evaluation = evaluateGraph(graph, { now: NOW });
    const report = (documents: AnalyzedDocument[]) => composeReport({ workspace: { id: 'w', name: 'W' }, graph, evaluation, documents, lens: defaultLens(graph.practice), generatedAt: NOW.toISOString() });
    expect(JSON.stringify(report(kept))).toBe(JSON.stringify(report(docs)));
  });
});
