/**
 * What replacing sandbox processes costs per document (issue 11): `--docs N` bench BAAs (4 KB) read through a
 * SandboxPool of two (plus a spare, as the worker's), in batches of 13 on two lanes as the worker's extraction
 * jobs send them, with `--max-runs` documents per process before it is replaced. CPU of the sandbox children,
 * replaced ones included (a reaped child's time is in this process's cutime/cstime), per document overall and
 * per window of 312 documents; the children's resident memory at the end.
 *
 *   npm run build && npx tsx test/bench/support/sandbox-recycle.ts --docs 1560 --max-runs 500
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sandbox from '../../../libs/pipeline/src/sandbox/parse-sandbox.js';
import { writeBaaCorpus } from '../../support/corpus-generator.js';
import { arg } from './args.js';
import { ownCpuMs, treeCpuMs } from './custody-service.js';

// The built code, as production runs it (sandbox children in plain JS, not under tsx).
const dist = '../../../dist/libs';
const { SandboxPool } = await import(`${dist}/pipeline/src/sandbox/parse-sandbox.js`) as typeof Sandbox;
const total = Number(arg('--docs') ?? 1560);
const maxRuns = arg('--max-runs') ? Number(arg('--max-runs')) : undefined;
const WINDOW = 312;
const dir = mkdtempSync(join(tmpdir(), 'sbx-recycle-'));
const files = writeBaaCorpus(dir, 119, 4).map((f) => ({ fileName: f, bytes: readFileSync(join(dir, f)) }));
const children = () => [...treeCpuMs(process.pid).values()].reduce((a, b) => a + b, 0) - ownCpuMs(process.pid);
const pool = new SandboxPool({ poolSize: 2, spare: 1, timeoutMs: 30_000, heapMb: 512, rssMb: 1024, maxInflatedBytes: 50e6, maxPages: 500, warmUp: true, maxRunsPerProcess: maxRuns });
try {
  await pool.warm();
  await new Promise((r) => setTimeout(r, 500));
  const k0 = children();
  let sent = 0;
  let mark = k0;
  const windows: string[] = [];
  const pids = new Set<number>();
  await Promise.all([0, 1].map(async () => {
    while (sent < total) {
      const batch = files.slice(sent % files.length, sent % files.length + 13).slice(0, total - sent);
      sent += batch.length;
      for (const r of await pool.analyzeMany(batch)) pids.add(r.sandbox.pid!);
      if (sent % WINDOW < 13) { const k = children(); windows.push(((k - mark) / WINDOW).toFixed(1)); mark = k; }
    }
  }));
  // A replaced process's CPU is counted once it has been reaped.
  await new Promise((r) => setTimeout(r, 1500));
  const rss = [...pids].map((pid) => { try { return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024); } catch { return undefined; } }).filter((x) => x !== undefined);
  console.log(`max-runs ${maxRuns ?? 'default'}: children ${((children() - k0) / sent).toFixed(2)} ms CPU/doc over ${sent} docs (processes spawned ${pool.stats.spawned}); per ${WINDOW}: ${windows.join(' ')}; live children RSS ${rss.join(', ')} MB`);
} finally {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
}
