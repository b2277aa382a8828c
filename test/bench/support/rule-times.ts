/**
 * Where evaluate's time goes, rule by rule (issue 11): analyses and projects one workspace once, then evaluates
 * every rule `--rounds` times (default 2: the first pays JIT warm-up, later ones are warm) inside one run memo,
 * CPU ms per rule, and finally the whole runAudit the bench times. For deciding what to optimise, not a gate:
 *
 *   npx tsx test/bench/support/rule-times.ts --dir /tmp/ws/fleet10k [--rounds 3] [--audit-rounds N] [--runner]
 *
 * Each rule's figure is its evaluate() over every vendor, and the number of drafts. With --runner, each rule is
 * timed as the runner runs it instead (runRules with that rule alone: once per class of installs where the rule
 * declares classReads, its drafts grouped), and the number is its findings: what a rule costs inside runAudit.
 *
 * Each runAudit line gives its CPU and wall ms, the GC pauses during it by kind (minor = scavenges: at 100k most
 * of the audit's time) and the heap after it. With MARK=1 it prints when each runAudit starts (ms since start,
 * as `node --trace-gc` stamps its lines), to pick out the audit's collections from a trace.
 */
import { projectDocuments } from '@custody/audit';
import { defaultLens } from '@custody/domain';
import { DEFAULT_RULE_SETTINGS, REGISTRY, runAudit, runRules } from '@custody/rules';
import { inRun } from '../../../libs/rules/src/run-memo.js';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { arg } from './args.js';
import { workspaceDocs } from './workspace-docs.js';

const dir = arg('--dir');
if (!dir) throw new Error('usage: rule-times.ts --dir WORKSPACE [--rounds N]');
const rounds = Number(arg('--rounds') ?? 2);
const runner = process.argv.includes('--runner');
const NOW = new Date('2026-06-01T00:00:00Z');
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

const docs = await workspaceDocs(dir);
const { graph } = projectDocuments(docs, { asOf: NOW.toISOString() });
const ctx = { graph, lens: defaultLens(graph.practice), settings: DEFAULT_RULE_SETTINGS, now: NOW };
const table: Record<string, (number | string)[]> = {};
for (let r = 0; r < rounds; r++) {
  inRun(graph, NOW, () => {
    for (const rule of REGISTRY) {
      const c0 = process.cpuUsage();
      const n = runner ? runRules(ctx, [rule]).findings.length : rule.evaluate(ctx).length;
      (table[rule.id] ??= []).push(Math.round(cpuMs(c0)), n);
    }
  });
}
const rows = Object.entries(table).sort((a, b) => Number(b[1][0]) - Number(a[1][0]));
for (const [id, v] of rows) console.log(`${id.padEnd(38)} ${v.join('  ')}`);
// GC pauses during each runAudit, by kind (minor = scavenge, major = mark-compact): promoted drafts show as major.
let gc: Record<string, number> = {};
const KINDS: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = KINDS[(e as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
    gc[kind] = (gc[kind] ?? 0) + e.duration;
  }
}).observe({ entryTypes: ['gc'] });
const auditRounds = Number(arg('--audit-rounds') ?? rounds);
for (let r = 0; r < auditRounds; r++) {
  gc = {};
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  if (process.env.MARK) console.log(`start ${Math.round(w0)}`);
  const run = runAudit(ctx);
  const cpu = Math.round(cpuMs(c0));
  const wall = Math.round(performance.now() - w0);
  await new Promise((res) => setTimeout(res, 50));
  const gcMs = Object.fromEntries(Object.entries(gc).map(([k, v]) => [k, Math.round(v)]));
  console.log(`runAudit round ${r + 1}: ${cpu} ms CPU, ${wall} ms wall, GC ms ${JSON.stringify(gcMs)}, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, ${run.findings.length} findings`);
}
