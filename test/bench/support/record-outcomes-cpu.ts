/**
 * CPU of recording extraction outcomes (issue 11): the worker's database step per document, alone, so two
 * versions can be compared on a loaded machine without the rest of the pipeline's noise. The bench BAAs are
 * analysed in this process (as the sandbox child stores them: analysis JSON, projection input, facts), ingested,
 * and their outcomes recorded in batches of `--batch` (an extraction job's size) with
 * `documents.recordOutcomes`; this process's CPU during the recording only, per document.
 *
 *   DATABASE_URL=… npx tsx test/bench/support/record-outcomes-cpu.ts [--docs 160] [--batch 16] [--rounds 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument, projectionInput } from '@custody/audit';
import type { AnalysisOutcome } from '@custody/persistence';
import { writeBaaCorpus } from '../../support/corpus-generator.js';
import { freshPersistence, storedContent } from '../../support/database.js';
import { arg } from './args.js';

const docs = Number(arg('--docs') ?? 160);
const batch = Number(arg('--batch') ?? 16);
const rounds = Number(arg('--rounds') ?? 3);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const dir = mkdtempSync(join(tmpdir(), 'record-cpu-'));
const store = await freshPersistence();
try {
  const files = writeBaaCorpus(dir, docs, 4).filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
  const outcomes: { text: string; outcome: AnalysisOutcome }[] = [];
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    const { analysis, ...r } = await analyzeDocument(bytes, f, {});
    outcomes.push({
      text: bytes.toString('utf8'),
      outcome: {
        ...r,
        ...(analysis ? { analysisJson: Buffer.from(JSON.stringify(analysis), 'utf8'), projection: projectionInput(analysis) } : {}),
        ...(analysis?.type === 'contract' ? { facts: analysis.extraction.facts } : {}),
      } as AnalysisOutcome,
    });
  }
  const p = store.persistence;
  for (let round = 1; round <= rounds; round++) {
    const { workspace } = await p.workspaces.ensure(`Record ${round}`);
    const ids: string[] = [];
    // The same texts each round, in a workspace of its own: a new document each (its sha256 differs by round).
    for (const { text } of outcomes) ids.push((await p.documents.ingest({ workspaceId: workspace.id, fileName: `doc-${ids.length}.txt`, ...storedContent(`${text}\n${round}`) })).document.id);
    let ms = 0;
    let wall = 0;
    for (let i = 0; i < ids.length; i += batch) {
      const items = ids.slice(i, i + batch).map((id, k) => ({ id, outcome: outcomes[i + k]!.outcome }));
      const c0 = cpu();
      const t0 = performance.now();
      const recorded = await p.documents.recordOutcomes(items);
      ms += cpu() - c0;
      wall += performance.now() - t0;
      if ([...recorded.values()].some((r) => !r.recorded)) throw new Error('an outcome was not recorded');
    }
    console.log(`round ${round}: ${ids.length} documents in batches of ${batch}: ${(ms / ids.length).toFixed(2)} ms CPU/doc (${(wall / ids.length).toFixed(2)} ms wall/doc)`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
