/**
 * Outage bench (issue 12): the outage scenario of test/e2e/outages.e2e-spec.ts (test/support/outage-scenario.ts)
 * at the size — 200 documents uploaded in three batches while (1) Redis is stopped for 20 s (without
 * persistence, so every job is lost), (2) PostgreSQL is stopped for 10 s and started again, (3) the worker is
 * killed with SIGKILL — on a PostgreSQL and a Redis the bench starts itself on free ports.
 *
 * Run: `npm run bench:outages` (needs the build, `redis-server` and PostgreSQL's server binaries; add `--json`
 * for one JSON object, `--documents N`, `--outage-ms N`, `--postgres-queue` to run the queue on PostgreSQL).
 *
 * Figures: documents lost (not processed) and duplicated (a second receipt or outcome), whether the final
 * graph, findings and score equal an undisturbed in-memory audit of the same files, how long health took to
 * answer during each outage, and the time to settle after the worker restart. Goal: 0 lost, 0 duplicated,
 * identical final state; exit code 1 otherwise.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runOutageScenario } from '../support/outage-scenario.js';
import { arg, flag } from './support/args.js';

const documents = Number(arg('--documents') ?? 199); // + custody.yaml = 200
const outageMs = Number(arg('--outage-ms') ?? 20_000);
const queueOnRedis = !flag('--postgres-queue');

const started = Date.now();
const r = await runOutageScenario({ documents, kb: 60, outageMs, queueOnRedis });
const names = r.docs.map((d) => d.fileName);
const result = {
  queue: queueOnRedis ? 'redis' : 'postgres',
  documents: r.files.length,
  lost: r.files.filter((f) => !r.docs.some((d) => d.fileName === f && d.status === 'processed')).length,
  // A file stored twice, a second receipt, or a second outcome for one document.
  duplicated: (names.length - new Set(names).size) + Math.max(0, r.receipts - r.files.length) + (r.outcomes.length - new Set(r.outcomes).size),
  finishedAtFault2: r.atFault2,
  finishedAtKill: r.atKill,
  healthDuringOutagesMs: [r.during1.health.ms, r.during2.health.ms],
  healthStatusDuringOutages: [r.during1.health.status, r.during2.health.status],
  settleMsAfterWorkerRestart: r.settleMs,
  // Deep equality, not JSON text: PostgreSQL's jsonb orders object keys its own way.
  sameGraphAndFindings: isDeepStrictEqual(r.served, r.reference),
  score: r.score,
  referenceScore: r.referenceScore,
  deadProcesses: r.deadProcesses,
  totalSeconds: Math.round((Date.now() - started) / 1000),
};
if (!result.sameGraphAndFindings) {
  // Kept for a look at what differs (normalised: no document ids or times).
  const dir = mkdtempSync(join(tmpdir(), 'custody-outage-diff-'));
  writeFileSync(join(dir, 'served.json'), JSON.stringify(r.served, null, 1));
  writeFileSync(join(dir, 'reference.json'), JSON.stringify(r.reference, null, 1));
  console.error(`final states differ: diff ${dir}/served.json ${dir}/reference.json`);
}
const ok = result.lost === 0 && result.duplicated === 0 && result.sameGraphAndFindings && result.score === result.referenceScore && result.deadProcesses.length === 0;
if (flag('--json')) console.log(JSON.stringify({ ...result, ok }));
else {
  console.log(`outages, queue on ${result.queue}: ${result.documents} documents`);
  console.log(`  lost ${result.lost}, duplicated ${result.duplicated}; final graph/findings ${result.sameGraphAndFindings ? 'identical' : 'DIFFERENT'}; score ${result.score} vs ${result.referenceScore}`);
  console.log(`  faults hit with ${result.finishedAtFault2} and ${result.finishedAtKill} documents finished; health answered in ${result.healthDuringOutagesMs.join(' / ')} ms (${result.healthStatusDuringOutages.join(' / ')})`);
  console.log(`  settled ${result.settleMsAfterWorkerRestart} ms after the worker restart; ${result.totalSeconds} s in all — ${ok ? 'PASS' : 'FAIL'}`);
}
process.exit(ok ? 0 : 1);
