/**
 * Where a document's time goes around the parsing sandbox (issue 11): the same 4 KB BAAs read in this
 * process (analyzeDocument + what the sandbox child adds: JSON, projection input) and through a warm
 * SandboxPool, one document a request, so the sandbox's own cost per document (IPC, data pipe, structured
 * clone, memory watch) is the difference. CPU of this process and of the sandbox children (from /proc).
 *
 *   npx tsx test/bench/support/sandbox-overhead.ts --docs 120 [--rounds 3] [--dist]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Audit from '@custody/audit';
import type * as Sandbox from '../../../libs/pipeline/src/sandbox/parse-sandbox.js';
import { writeBaaCorpus } from '../../support/corpus-generator.js';
import { arg, flag } from './args.js';
import { treeCpuMs } from './custody-service.js';

// `--dist`: the built code (as production runs it: sandbox children in plain JS, not under tsx).
const from = flag('--dist') ? '../../../dist/libs' : '../../../libs';
const { analyzeDocument, projectionInput } = await import(`${from}/audit/src/index.js`) as typeof Audit;
const { SandboxPool } = await import(`${from}/pipeline/src/sandbox/parse-sandbox.js`) as typeof Sandbox;
const docs = Number(arg('--docs') ?? 120);
const rounds = Number(arg('--rounds') ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'sbx-over-'));
const files = writeBaaCorpus(dir, docs - 1, 4).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const kids = () => { const m = treeCpuMs(process.pid); m.delete(process.pid); return [...m.values()].reduce((a, b) => a + b, 0); };

async function inProcess() {
  const c0 = cpu();
  const t0 = performance.now();
  for (const f of files) {
    const r = await analyzeDocument(f.bytes, f.name, {});
    if (r.analysis) { Buffer.from(JSON.stringify(r.analysis)); projectionInput(r.analysis); }
  }
  return { wallMs: (performance.now() - t0) / files.length, cpuMs: (cpu() - c0) / files.length };
}

async function pooled(pool: Sandbox.SandboxPool) {
  const c0 = cpu(); const k0 = kids();
  const t0 = performance.now();
  await Promise.all([0, 1].map(async (lane) => {
    for (let i = lane; i < files.length; i += 2) await pool.analyze(files[i]!.bytes, files[i]!.name, {});
  }));
  return { wallMs: (performance.now() - t0) / files.length, parentCpuMs: (cpu() - c0) / files.length, sandboxCpuMs: (kids() - k0) / files.length };
}

const pool = new SandboxPool({ poolSize: 2, spare: 1, timeoutMs: 30_000, heapMb: 512, rssMb: 1024, maxInflatedBytes: 50e6, maxPages: 500, warmUp: true });
try {
  await pool.warm();
  for (let r = 0; r < rounds; r++) {
    const a = await inProcess();
    const b = await pooled(pool);
    console.log(`round ${r + 1}: in process ${a.cpuMs.toFixed(2)} ms CPU/doc (${a.wallMs.toFixed(2)} wall); sandbox pool: parent ${b.parentCpuMs.toFixed(2)} + children ${b.sandboxCpuMs.toFixed(2)} ms CPU/doc (${b.wallMs.toFixed(2)} wall, 2 lanes)`);
  }
} finally {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
}
