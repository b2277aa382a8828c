/**
 * The audit's front (issue 11), analyse and project, timed in rounds inside one process: each round analyses
 * every file of one workspace as the audit bench does (workspaceDocs) and projects the documents, and prints
 * the CPU ms of each phase. Across processes the machine's noise is ±10–30%; the median of the warm rounds
 * (round 1 pays JIT warm-up and is left out) in one process is what a base/branch comparison should read:
 *
 *   npx tsx test/bench/support/front-rounds.ts --dir /work/ws/fleet10k [--rounds 7] [--json]
 *
 * Each round's results are dropped before the next (one collection forced between rounds when node runs with
 * --expose-gc, so a round does not pay for the previous one's garbage).
 */
import { projectDocuments } from '@custody/audit';
import { PerformanceObserver } from 'node:perf_hooks';
import { arg, flag } from './args.js';
import { median } from './stats.js';
import { workspaceDocs } from './workspace-docs.js';

const dir = arg('--dir');
if (!dir) throw new Error('usage: front-rounds.ts --dir WORKSPACE [--rounds N] [--json]');
const rounds = Number(arg('--rounds') ?? 7);
const NOW = '2026-06-01T00:00:00.000Z';
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const gc = (globalThis as { gc?: () => void }).gc;

// GC pauses (ms) while each phase runs: the garbage a phase makes is paid for there.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((res) => setImmediate(res));

const analyse: number[] = [];
const gcAnalyse: number[] = [];
const gcProject: number[] = [];
const project: number[] = [];
let systems = 0;
for (let r = 0; r < rounds; r++) {
  gc?.();
  await tick();
  gcMs = 0;
  const c0 = process.cpuUsage();
  const docs = await workspaceDocs(dir);
  const a = cpuMs(c0);
  await tick();
  const ga = gcMs;
  gcMs = 0;
  const c1 = process.cpuUsage();
  const { graph } = projectDocuments(docs, { asOf: NOW });
  const p = cpuMs(c1);
  await tick();
  systems = graph.systems.length;
  analyse.push(Math.round(a));
  project.push(Math.round(p));
  gcAnalyse.push(Math.round(ga));
  gcProject.push(Math.round(gcMs));
  if (!flag('--json')) console.log(`round ${r + 1}: analyse ${Math.round(a)} ms (GC ${Math.round(ga)}), project ${Math.round(p)} ms (GC ${Math.round(gcMs)}) CPU`);
}
const warm = (xs: number[]) => (xs.length > 1 ? xs.slice(1) : xs);
const total = analyse.map((a, i) => a + project[i]!);
const out = { dir, rounds, systems, analyseMs: analyse, projectMs: project, gcAnalyseMs: gcAnalyse, gcProjectMs: gcProject, median: { analyse: median(warm(analyse)), project: median(warm(project)), total: median(warm(total)) }, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
console.log(flag('--json') ? JSON.stringify(out) : `warm median: analyse ${out.median.analyse} ms, project ${out.median.project} ms, total ${out.median.total} ms (${systems} systems, peak RSS ${out.peakRssMb} MB)`);
