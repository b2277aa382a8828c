/**
 * Runs every bench in sequence and prints the key numbers against their targets: `npm run bench`
 * (add `--json` for one JSON object). Exit code 1 when a target is missed or a bench fails to run.
 *
 * Each bench runs as its own child (`npx tsx test/bench/<name>.bench.ts --json`), so one bench's memory
 * and JIT state cannot flatter or slow another, and peak-RSS figures stay per bench.
 *
 * Targets (issues 3 and 4):
 * - extraction: the targets the extraction bench reports (see its header): precision/recall per gated corpus
 *   (the project's and the shared corpus at or above their baseline; the OTA check and fresh sets ≥ 0.95 /
 *   ≥ 0.85), evidence verbatim against the source everywhere, the 740 OTA documents without error or hang,
 *   throughput ≥ 5 MB/s per core (CPU time).
 * - integrations, on the shared corpus: every file parsed or reported unparsed (0 crashed), recall of the
 *   labelled flows ≥ 0.9, 0 secret values leaked into output; a 10,000-row fleet file parsed "in seconds"
 *   (judged as < 10 s).
 * - fleet: 10,000 installs audited end to end in memory and through the service, each < 60 s, with the
 *   same systems and findings both ways.
 * - dashboard (issue 11): 5,000 systems / ~20,000 flows, first useful render ≤ 1.5 s and ≥ 3× faster than
 *   plain Cytoscape on the same graph in the same Chromium run; pan frames ≤ 50 ms.
 * - audit (issue 11): the pure audit core at 1k/10k/100k systems, fleet and manifest shapes, beside a minimal
 *   reference in the same run: 100k under 5 s of audit time and under 1.5 GB, 10k under 1 s.
 * - cli-startup: whole `custody` processes, median wall time: `--version` and `rules` < 0.5 s, `extract` of a
 *   10 KB text < 1 s, the example's audit < 2 s (issue 9), each printed beside a bare `node -e 0`.
 * - outages (issue 12): 200 documents through Redis stopped 20 s, PostgreSQL restarted and the worker SIGKILLed:
 *   0 lost, 0 duplicated, final graph, findings and score identical to an undisturbed audit.
 * - pipeline (issue 11): documents/s from upload to scored ≥ 0.3× raw BullMQ no-op jobs/s on the same backend
 *   (Redis; BullMQ's PostgreSQL backend), production mode with 1 and 2 workers; a second worker raises it.
 * - api (issue 11): p99 < 200 ms for health, the grouped graph and a findings page while a 10,000-install fleet
 *   is scored, embedded and production.
 * When the shared corpus is absent, its targets are reported as skipped, not passed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const asJson = process.argv.includes('--json');
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface Check {
  bench: string;
  what: string;
  value: string;
  target: string;
  /** `null`: could not be judged (input missing). */
  ok: boolean | null;
}

interface BenchRun {
  name: string;
  exitCode: number | null;
  seconds: number;
  result?: Record<string, unknown>;
  error?: string;
}

function runBench(name: string): Promise<BenchRun> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', join(here, `${name}.bench.ts`), '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      // Progress and warnings stay visible in the human-readable mode.
      if (!asJson) process.stderr.write(d);
    });
    child.on('exit', (code) => {
      const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
      // The bench's JSON is the last top-level object on stdout.
      const start = out.search(/^\{/m);
      try {
        if (start < 0) throw new Error('no JSON on stdout');
        resolve({ name, exitCode: code, seconds, result: JSON.parse(out.slice(start)) as Record<string, unknown> });
      } catch (e) {
        resolve({ name, exitCode: code, seconds, error: `${(e as Error).message}; stderr: ${err.trim().split('\n').slice(-5).join(' | ')}` });
      }
    });
  });
}

const fmt = (x: unknown, digits = 3) => (typeof x === 'number' ? String(Number(x.toFixed(digits))) : String(x));

function extractionChecks(r: Record<string, unknown>): Check[] {
  // The extraction bench judges its own targets (per corpus, the 740 OTA documents, throughput); see its header.
  const targets = (r.targets ?? []) as { what: string; value: string; target: string; ok: boolean }[];
  const checks: Check[] = targets.map((t) => ({ bench: 'extraction', what: t.what, value: t.value, target: t.target, ok: t.ok }));
  const corpora = (r.corpora ?? []) as { name: string }[];
  if (!corpora.some((c) => c.name === 'shared')) checks.push({ bench: 'extraction (shared)', what: 'shared corpus', value: 'absent', target: 'present', ok: null });
  if (!corpora.some((c) => c.name === 'ota-check')) checks.push({ bench: 'extraction (ota)', what: 'OTA corpus', value: 'absent', target: 'present', ok: null });
  return checks;
}

function integrationsChecks(r: Record<string, unknown>): Check[] {
  const checks: Check[] = [];
  const overall = r.overall as { files: number; parsed: number; unparsed: number; crashed: number; recall: number | null; leaked: number; found: number; labelledFlows: number; extraFlows: number } | undefined;
  const b = 'integrations';
  if (r.corpus && overall && overall.files > 0) {
    checks.push({ bench: b, what: 'files crashed', value: `${overall.crashed} of ${overall.files} (${overall.parsed} parsed, ${overall.unparsed} unparsed)`, target: '0', ok: overall.crashed === 0 });
    checks.push({ bench: b, what: 'flow recall', value: `${fmt(overall.recall)} (${overall.found}/${overall.labelledFlows}; ${overall.extraFlows} unlabelled)`, target: '≥ 0.9', ok: overall.recall !== null && overall.recall >= 0.9 });
    checks.push({ bench: b, what: 'secret values leaked', value: String(overall.leaked), target: '0', ok: overall.leaked === 0 });
  } else {
    checks.push({ bench: b, what: 'shared config corpus', value: 'absent', target: 'present', ok: null });
  }
  const fleet = r.fleet as { rows: number; ms: number; rowsPerSecond: number } | undefined;
  if (fleet) checks.push({ bench: b, what: `fleet parse, ${fleet.rows} rows`, value: `${fmt(fleet.ms / 1000, 2)} s (${fleet.rowsPerSecond} rows/s)`, target: '< 10 s', ok: fleet.ms < 10_000 });
  return checks;
}

function fleetChecks(r: Record<string, unknown>): Check[] {
  const m = r.inMemory as { seconds: number; rowsPerSecond: number; peakRssMb: number; systems: number; findings: number } | undefined;
  const s = r.service as { mode: string; seconds: number; rowsPerSecond: number; peakRssMb: number; systems: number; findings: number; error?: string } | undefined;
  const rows = (r.corpus as { rows?: number } | undefined)?.rows ?? 0;
  const checks: Check[] = [];
  if (m) checks.push({ bench: `fleet (${rows} installs)`, what: 'in memory end to end', value: `${m.seconds} s, ${m.rowsPerSecond} rows/s, peak RSS ${m.peakRssMb} MB; ${m.systems} systems, ${m.findings} findings`, target: '< 60 s', ok: m.seconds < 60 });
  if (s) {
    checks.push({ bench: `fleet (${rows} installs)`, what: `service end to end (${s.mode})`, value: s.error ? `error: ${s.error}` : `${s.seconds} s, ${s.rowsPerSecond} rows/s, peak RSS ${s.peakRssMb} MB; ${s.systems} systems, ${s.findings} findings`, target: '< 60 s', ok: !s.error && s.seconds < 60 });
    if (m) checks.push({ bench: `fleet (${rows} installs)`, what: 'service result = in-memory result', value: `${s.systems}/${m.systems} systems, ${s.findings}/${m.findings} findings`, target: 'equal', ok: !s.error && s.systems === m.systems && s.findings === m.findings });
  }
  return checks;
}

function dashboardChecks(r: Record<string, unknown>): Check[] {
  const w = r.workload as { systems: number; flows: number };
  const c = r.custody as { readyMs: number; panMedianMs: number; panP90Ms: number };
  const p = r.plain as { readyMs: number };
  const b = `dashboard (${w.systems} systems, ${w.flows} flows)`;
  return [
    { bench: b, what: 'first useful render', value: `${c.readyMs} ms (plain Cytoscape ${p.readyMs} ms, ${fmt(r.ratio as number, 1)}× faster)`, target: '≤ 1500 ms and ≥ 3×', ok: c.readyMs <= 1500 && (r.ratio as number) >= 3 },
    { bench: b, what: 'pan frame median / p90', value: `${c.panMedianMs} / ${c.panP90Ms} ms`, target: '≤ 50 ms', ok: c.panMedianMs <= 50 && c.panP90Ms <= 50 },
  ];
}

function cliChecks(r: Record<string, unknown>): Check[] {
  const rows = (r.commands ?? []) as { name: string; min: number; median: number; target?: number; ok: boolean | null }[];
  const baseline = rows.find((c) => c.target === undefined);
  const checks = rows.filter((c) => c.target !== undefined).map((c): Check => ({
    bench: 'cli start-up', what: c.name, value: `median ${fmt(c.median)} s, min ${fmt(c.min)} s${baseline ? ` (node -e 0: ${fmt(baseline.median)} s)` : ''}`, target: `< ${c.target} s`, ok: c.ok,
  }));
  for (const f of (r.failures ?? []) as string[]) checks.push({ bench: 'cli start-up', what: 'command ran', value: f, target: 'exit 0', ok: false });
  return checks;
}

function outageChecks(r: Record<string, unknown>): Check[] {
  const o = r as { documents: number; lost: number; duplicated: number; sameGraphAndFindings: boolean; score: number; referenceScore: number };
  return [
    { bench: 'outages', what: `documents lost / duplicated of ${o.documents}`, value: `${o.lost} / ${o.duplicated}`, target: '0 / 0', ok: o.lost === 0 && o.duplicated === 0 },
    { bench: 'outages', what: 'final graph, findings and score vs undisturbed', value: `${o.sameGraphAndFindings ? 'same' : 'different'}, ${o.score} vs ${o.referenceScore}`, target: 'identical', ok: o.sameGraphAndFindings && o.score === o.referenceScore },
  ];
}

/** Benches that judge their own goals (`goals: { what, value, target, ok }[]` in their JSON). */
const ownGoals = (bench: string) => (r: Record<string, unknown>): Check[] =>
  ((r.goals ?? []) as { what: string; value: string; target: string; ok: boolean | null }[]).map((g) => ({ bench, what: g.what, value: g.value, target: g.target, ok: g.ok }));

const BENCHES: { name: string; checks: (r: Record<string, unknown>) => Check[] }[] = [
  { name: 'extraction', checks: extractionChecks },
  { name: 'integrations', checks: integrationsChecks },
  { name: 'fleet', checks: fleetChecks },
  { name: 'dashboard', checks: dashboardChecks },
  { name: 'audit', checks: ownGoals('audit') },
  { name: 'cli-startup', checks: cliChecks },
  { name: 'outages', checks: outageChecks },
  { name: 'pipeline', checks: ownGoals('pipeline') },
  { name: 'api', checks: ownGoals('api') },
];

const runs: BenchRun[] = [];
const checks: Check[] = [];
for (const b of BENCHES) {
  if (!asJson) console.error(`== ${b.name} bench …`);
  const run = await runBench(b.name);
  runs.push(run);
  if (!run.result) {
    checks.push({ bench: b.name, what: 'bench ran', value: run.error ?? `exit ${run.exitCode}`, target: 'JSON result', ok: false });
    continue;
  }
  checks.push(...b.checks(run.result));
}

const failed = checks.filter((c) => c.ok === false);
const skipped = checks.filter((c) => c.ok === null);
if (failed.length) process.exitCode = 1;

if (asJson) {
  console.log(JSON.stringify({
    ok: failed.length === 0,
    checks,
    benches: runs.map(({ name, exitCode, seconds, error, result }) => ({ name, exitCode, seconds, ...(error ? { error } : {}), result })),
  }, null, 2));
} else {
  const w = [
    Math.max(5, ...checks.map((c) => c.bench.length)),
    Math.max(4, ...checks.map((c) => c.what.length)),
    Math.max(5, ...checks.map((c) => c.value.length)),
    Math.max(6, ...checks.map((c) => c.target.length)),
  ];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i])).join('  ');
  console.log('');
  console.log(`${'     '}  ${line(['bench', 'what', 'value', 'target'])}`);
  for (const c of checks) console.log(`${c.ok === null ? 'SKIP ' : c.ok ? 'PASS ' : 'FAIL '}  ${line([c.bench, c.what, c.value, c.target])}`);
  console.log('');
  console.log(`benches: ${runs.map((r) => `${r.name} ${r.seconds} s${r.exitCode ? ` (exit ${r.exitCode})` : ''}`).join(', ')}`);
  console.log(`${checks.length - failed.length - skipped.length} passed, ${failed.length} failed, ${skipped.length} skipped`);
}
