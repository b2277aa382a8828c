import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, type DocumentAnalysis } from './analyze-document.js';
import { collectFiles } from './audit-files.js';
import { evaluateGraph, projectDocuments, type AnalyzedDocument } from './build-audit.js';
import { ProjectionInputCache } from './projection-cache.js';
import { clipString, PROJECTION_LIMITS, projectionInput, storedProjectionInput } from './projection-input.js';
import { loadAnalyzedDocuments, type WorkspaceRecords } from './workspace-state.js';

const ROOT = process.cwd();
const AS_OF = '2026-06-01T00:00:00.000Z';
const size = (v: unknown) => JSON.stringify(v).length;

describe('projection input', () => {
  let analysed: AnalyzedDocument[] = [];

  beforeAll(async () => {
    const files = [
      ...collectFiles([join(ROOT, 'examples/harborview-counseling')]),
      ...readdirSync(join(ROOT, 'test/fixtures/contracts')).map((f) => join(ROOT, 'test/fixtures/contracts', f)),
      ...readdirSync(join(ROOT, 'test/fixtures/configs')).map((f) => join(ROOT, 'test/fixtures/configs', f)),
    ];
    for (const [i, file] of files.entries()) {
      const bytes = readFileSync(file);
      const name = file.slice(ROOT.length + 1);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      analysed.push({ id: `doc-${i}`, file: name, sha256, receivedAt: new Date(Date.parse(AS_OF) - 1e6 + i).toISOString(), ...(await analyzeDocument(bytes, name)) });
    }
    analysed = analysed.filter((d) => d.analysis);
  }, 120_000);

  it('projects the same graph, findings and score as the full analyses for real documents', () => {
    expect(analysed.length).toBeGreaterThan(40);
    const reduced = analysed.map((d) => ({ ...d, analysis: projectionInput(d.analysis!).analysis }));
    const full = projectDocuments(analysed, { asOf: AS_OF }).graph;
    const fromInputs = projectDocuments(reduced, { asOf: AS_OF }).graph;
    expect(fromInputs).toEqual(full);
    expect(evaluateGraph(fromInputs, { now: new Date(AS_OF) })).toEqual(evaluateGraph(full, { now: new Date(AS_OF) }));
  });

  it('bounds a CSV with one 20 MB line to kilobytes, and the graph still shows the install', async () => {
    const bytes = Buffer.from(`install_id,vendor\n${'x'.repeat(20 * 1024 * 1024)}`);
    const { analysis } = await analyzeDocument(bytes, 'fleet/oneline.csv');
    expect(size(analysis)).toBeGreaterThan(40 * 1024 * 1024);
    const input = projectionInput(analysis!);
    expect(size(input)).toBeLessThan(64 * 1024);
    const { graph } = projectDocuments([{ id: 'd', file: 'fleet/oneline.csv', type: 'fleet_export', status: 'processed', analysis: input.analysis }], { asOf: AS_OF });
    const install = graph.systems.find((s) => s.id.startsWith('install-'));
    expect(install?.name).toMatch(/^Unknown notetaker install x{100}.*\[clipped: 20971546 characters, sha256 [0-9a-f]{16}\]$/);
  }, 60_000);

  it('clips long strings keeping their length and hash, so distinct long values stay distinct; short ones untouched', () => {
    const a = 'a'.repeat(10_000);
    const b = `${'a'.repeat(9_999)}b`;
    expect(clipString('short')).toBe('short');
    expect(clipString(a)).not.toBe(clipString(b));
    expect(clipString(a).length).toBeLessThan(PROJECTION_LIMITS.maxString + 80);
    expect(clipString(a)).toContain('10000 characters');
  });

  it('caps evidence lists, drops what the projection never reads, and is idempotent', () => {
    const evidence = Array.from({ length: 500 }, (_, i) => ({ quote: `line ${i}`, line: i + 1 }));
    const analysis: DocumentAnalysis = {
      type: 'integration_config',
      parse: {
        format: 'n8n', systems: [{ id: 's', name: 'S', role: 'other', evidence }], flows: [], redactions: [],
        unparsed: [{ reason: 'x'.repeat(50_000) }],
      },
    };
    const once = projectionInput(analysis);
    const parse = once.analysis.type === 'integration_config' ? once.analysis.parse : undefined;
    expect(parse!.systems[0].evidence).toHaveLength(PROJECTION_LIMITS.maxEvidence);
    expect(parse!.systems[0].evidence![0]).toEqual({ quote: 'line 0', line: 1 });
    expect(parse!.unparsed).toBeUndefined();
    expect(projectionInput(once.analysis)).toEqual(once);
    expect(storedProjectionInput(once)).toBe(once);
    expect(storedProjectionInput({ v: 0, analysis: once.analysis })).toBeUndefined();
    expect(storedProjectionInput(analysis)).toBeUndefined();
  });
});

describe('ProjectionInputCache', () => {
  const value = (n: number): DocumentAnalysis => ({ type: 'setting_change', change: { system: `s${n}`, settings: {}, at: AS_OF } });

  it('keeps the most recently used entries within its byte budget, and never one over a quarter of it', () => {
    const cache = new ProjectionInputCache(1000);
    const k = (id: string) => ProjectionInputCache.key({ id, sha256: 'h', processedAt: AS_OF });
    cache.set(k('a'), value(1), 200);
    cache.set(k('b'), value(2), 200);
    cache.set(k('c'), value(3), 200);
    expect(cache.get(k('a'))).toEqual(value(1)); // a is now the most recent
    cache.set(k('d'), value(4), 200);
    cache.set(k('e'), value(5), 200);
    cache.set(k('f'), value(6), 200);
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get(k('b'))).toBeUndefined(); // least recently used went first
    expect(cache.get(k('a'))).toEqual(value(1));
    cache.set(k('huge'), value(6), 251);
    expect(cache.get(k('huge'))).toBeUndefined();
    // c, d, e, f and a: the refused entry took no room and pushed nothing out.
    expect(cache.bytes).toBe(1000);
    expect(cache.size).toBe(5);
  });

  it('keys by id, content hash and processing time: a document processed again is a miss', () => {
    const d = { id: 'x', sha256: 'h', processedAt: '2026-01-01T00:00:00.000Z' };
    expect(ProjectionInputCache.key(d)).not.toBe(ProjectionInputCache.key({ ...d, processedAt: '2026-01-02T00:00:00.000Z' }));
    expect(ProjectionInputCache.key(d)).not.toBe(ProjectionInputCache.key({ ...d, sha256: 'g' }));
  });
});

describe('loadAnalyzedDocuments with stored projection inputs', () => {
  const contract = (n: number): DocumentAnalysis => ({ type: 'setting_change', change: { system: `system-${n}`, settings: { n }, at: AS_OF } });
  function records(count: number) {
    const reads: string[][] = [];
    const docs = Array.from({ length: count }, (_, i) => ({
      id: `d${i}`, fileName: `f${i}.json`, sha256: `h${i}`, type: 'integration_config' as const, status: 'processed' as const,
      createdAt: new Date(Date.parse(AS_OF) + i).toISOString(), processedAt: new Date(Date.parse(AS_OF) + i + 1).toISOString(),
    }));
    const db: WorkspaceRecords = {
      documents: {
        list: async (_ws, opts) => {
          if (opts?.analysis !== false) throw new Error('the analysis column was read');
          return docs;
        },
        projectionInputs: async (ids) => {
          reads.push(ids);
          // d0 is a row from before projection inputs: it gives its analysis.
          return new Map(ids.map((id) => {
            const n = Number(id.slice(1));
            return [id, n === 0 ? { analysis: contract(n), bytes: 100 } : { projection: projectionInput(contract(n)), bytes: 100 }];
          }));
        },
      },
      events: { ofType: async () => [] },
    };
    return { db, docs, reads };
  }

  it('reads only documents it has not opened before, never the analysis column, and gives the same documents', async () => {
    const { db, docs, reads } = records(120);
    const cache = new ProjectionInputCache();
    const first = await loadAnalyzedDocuments(db, 'ws', undefined, cache);
    expect(reads.flat()).toHaveLength(120);
    expect(first.map((d) => d.analysis)).toEqual(docs.map((_, i) => contract(i)));
    docs.push({ ...docs[0], id: 'd120', sha256: 'h120', fileName: 'f120.json' });
    reads.length = 0;
    const second = await loadAnalyzedDocuments(db, 'ws', undefined, cache);
    expect(reads).toEqual([['d120']]);
    expect(second.slice(0, 120)).toEqual(first);
    expect(second[120].analysis).toEqual(contract(120));
  });

  it('as of a past time, leaves out what was received after and what was processed after', async () => {
    const { db } = records(3);
    const docs = await loadAnalyzedDocuments(db, 'ws', new Date(Date.parse(AS_OF) + 1));
    expect(docs.map((d) => [d.id, d.status, Boolean(d.analysis)])).toEqual([['d0', 'processed', true], ['d1', 'processing', false]]);
  });
});
