/**
 * CLI start-up benchmark: `npm run bench:cli` (add `--json` for machine-readable output, `--runs N` for more
 * counted runs). Times whole `custody` processes, as a user starts them, beside a bare `node -e 0` in the same
 * run so a slow or busy machine shows up in the baseline rather than as a regression.
 *
 * Commands (issue 9 targets, judged on the median wall time):
 * - `custody --version` and `custody rules`: < 0.5 s;
 * - `custody extract` of a 10 KB text contract: < 1 s;
 * - `custody audit examples/harborview-counseling --format json`: < 2 s.
 * Each command runs once as a warm-up (file cache) and then `runs` times (default 5), alternating commands
 * round by round so drift on a shared machine spreads over all of them. It runs the built CLI
 * (dist/apps/cli/bundle/main.js, what `bin` installs), building first when the sources are newer (scripts/ensure-built.mjs).
 * The process exit code is 1 when a target is missed or a command fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, flag } from './support/args.js';
import { median } from './support/stats.js';

const asJson = flag('--json');
// Absent or not a number: 5 runs.
const runs = Math.max(1, Number(arg('--runs')) || 5);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist/apps/cli/bundle/main.js');

const built = spawnSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) {
  console.error('cli-startup bench: the build failed');
  process.exit(1);
}

/** A ~10 KB plain-text contract made of the labelled fixture contracts' text (real clauses, not filler). */
function tenKilobyteContract(dir: string): string {
  const src = join(root, 'test/fixtures/contracts');
  const texts = readdirSync(src).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort().map((f) => readFileSync(join(src, f), 'utf8'));
  let body = '';
  for (let i = 0; body.length < 10 * 1024; i++) body += `${texts[i % texts.length]}\n\n`;
  const file = join(dir, 'contract-10k.txt');
  writeFileSync(file, body.slice(0, 10 * 1024));
  return file;
}

interface Case {
  name: string;
  args: string[];
  /** Target for the median wall time, seconds (none for the baseline). */
  target?: number;
}

const work = mkdtempSync(join(tmpdir(), 'custody-cli-bench-'));
const cases: Case[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'custody --version', args: [cli, '--version'], target: 0.5 },
  { name: 'custody rules', args: [cli, 'rules'], target: 0.5 },
  { name: 'custody extract (10 KB text)', args: [cli, 'extract', tenKilobyteContract(work)], target: 1 },
  { name: 'custody audit example --format json', args: [cli, 'audit', join(root, 'examples/harborview-counseling'), '--format', 'json'], target: 2 },
];

/** One whole process, wall seconds; its output is read and dropped (a terminal would slow it unevenly). */
function timeOnce(c: Case): { seconds: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  // A fresh CUSTODY_HOME so no command can find (or lock) a user's embedded database.
  const r = spawnSync(process.execPath, c.args, { cwd: root, env: { ...process.env, CUSTODY_HOME: join(work, 'home') }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { seconds: (performance.now() - t0) / 1000, status: r.status, stderr: String(r.stderr ?? '') };
}

const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const failures: string[] = [];
try {
  for (const c of cases) timeOnce(c);
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const r = timeOnce(c);
      if (r.status !== 0) failures.push(`${c.name}: exit ${r.status} ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
      samples.get(c.name)!.push(r.seconds);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const round = (x: number) => Number(x.toFixed(3));
const rows = cases.map((c) => {
  const xs = samples.get(c.name)!;
  const med = median(xs);
  return { name: c.name, runs: xs.length, min: round(Math.min(...xs)), median: round(med), max: round(Math.max(...xs)), target: c.target, ok: c.target === undefined ? null : med < c.target };
});
const ok = failures.length === 0 && rows.every((r) => r.ok !== false);
if (!ok) process.exitCode = 1;

if (asJson) {
  console.log(JSON.stringify({ ok, runs, commands: rows, failures }, null, 2));
} else {
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'command'.padEnd(w)}  ${'min s'.padStart(6)}  ${'median s'.padStart(8)}  ${'max s'.padStart(6)}  target`);
  for (const r of rows) {
    const verdict = r.ok === null ? '' : `${r.ok ? 'PASS' : 'FAIL'} < ${r.target} s`;
    console.log(`${r.name.padEnd(w)}  ${r.min.toFixed(3).padStart(6)}  ${r.median.toFixed(3).padStart(8)}  ${r.max.toFixed(3).padStart(6)}  ${verdict}`);
  }
  for (const f of failures) console.log(`failed: ${f}`);
}
