import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from './analyze-document.js';
import { evaluateGraph, projectDocuments, type AnalyzedDocument } from './build-audit.js';
import { collectFiles } from './audit-files.js';

/**
 * Determinism (issue 12): the same documents must give the same graph, findings and score whatever order
 * they arrive in and whatever ids the server gives them. Two ingests of the same 200 documents ended with
 * 203 vs 202 findings because contracts were ordered by their random UUIDs. Property: for many random
 * arrival orders, with fresh random ids each time, the outcome is identical.
 */
const ROOT = process.cwd();
const AS_OF = '2026-06-01T00:00:00.000Z';

/** A deterministic shuffle (mulberry32), so a failure names a seed that reproduces it. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What must not change: finding ids, severities, points and the score, systems with their contracts' files. */
function outcome(docs: AnalyzedDocument[]) {
  const { graph } = projectDocuments(docs, { asOf: AS_OF });
  const evaluation = evaluateGraph(graph, { now: new Date(AS_OF) });
  const files = new Map(docs.map((d) => [d.id, d.file]));
  return {
    score: evaluation.score.total,
    findings: evaluation.findings.map((f) => `${f.id} ${f.severity} ${f.contribution ?? ''}`).sort(),
    systems: graph.systems.map((s) => `${s.id}: ${s.contracts.map((c) => files.get(c.documentId)).join(', ')}`).sort(),
    flows: graph.flows.map((f) => `${f.from}->${f.to} ${f.data.join('+')}`).sort(),
  };
}

describe('the audit does not depend on arrival order', () => {
  let analysed: Omit<AnalyzedDocument, 'id'>[] = [];

  beforeAll(async () => {
    const files = [
      ...collectFiles([join(ROOT, 'examples/harborview-counseling')]),
      ...readdirSync(join(ROOT, 'test/fixtures/contracts')).map((f) => join(ROOT, 'test/fixtures/contracts', f)),
      ...readdirSync(join(ROOT, 'test/fixtures/configs')).map((f) => join(ROOT, 'test/fixtures/configs', f)),
    ];
    for (const file of files) {
      const bytes = readFileSync(file);
      const name = file.slice(ROOT.length + 1);
      const { createHash } = await import('node:crypto');
      analysed.push({ file: name, sha256: createHash('sha256').update(bytes).digest('hex'), ...(await analyzeDocument(bytes, name)) });
    }
    analysed = analysed.filter((d) => d.analysis);
  }, 120_000);

  it('gives the same findings, score and graph for 12 random arrival orders with fresh random ids', () => {
    expect(analysed.length).toBeGreaterThan(40);
    const arrive = (seed: number) =>
      shuffle(analysed, seed).map((d, i) => ({ ...d, id: randomUUID(), receivedAt: new Date(Date.parse(AS_OF) - 1e6 + i).toISOString() }));
    const first = outcome(arrive(1));
    expect(first.findings.length).toBeGreaterThan(10);
    for (let seed = 2; seed <= 12; seed++) expect({ seed, ...outcome(arrive(seed)) }).toEqual({ seed, ...first });
  });

  it('lets the newest manifest win, and its change shows in the graph', () => {
    const manifest = analysed.find((d) => d.analysis?.type === 'manifest')!;
    expect(manifest).toBeDefined();
    const older = { ...manifest, id: randomUUID(), receivedAt: '2026-01-01T00:00:00.000Z' };
    const base = manifest.analysis!.type === 'manifest' ? manifest.analysis!.manifest : undefined;
    const renamed = { ...base!, practice: { ...base!.practice, name: 'Harborview Counseling (renamed)' } };
    const newer = { ...manifest, id: randomUUID(), sha256: 'f'.repeat(64), receivedAt: '2026-02-01T00:00:00.000Z', analysis: { type: 'manifest' as const, manifest: renamed } };
    for (const order of [[older, newer], [newer, older]]) {
      const { graph } = projectDocuments(order, { asOf: AS_OF });
      expect(graph.practice.name).toBe('Harborview Counseling (renamed)');
    }
  });
});
