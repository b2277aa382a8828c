/**
 * CPU seconds per audit phase (analyse, project, evaluate, compose), cold and warm, in one process (issue 11):
 * the audit bench times one cold run per child, where JIT warm-up is a large share of evaluate; this runs the
 * same calls `--rounds` times (default 4) on one workspace and prints round 1 (cold) and the median of the
 * others (warm). Run it on two checkouts in turn (A B A B …) to compare a change with its base:
 *
 *   npx tsx test/bench/support/phase-rounds.ts --dir /tmp/ws/fleet10k [--rounds 4] [--json]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/support/phase-rounds.ts --dir … (profile)
 */
import { readdirSync } from 'node:fs';
import { arg, flag } from './args.js';
import { median } from './stats.js';
import { workspaceDoc } from './workspace-docs.js';

const dir = arg('--dir');
if (!dir) throw new Error('usage: phase-rounds.ts --dir WORKSPACE [--rounds N] [--json]');
const rounds = Number(arg('--rounds') ?? 4);
const NOW = new Date('2026-06-01T00:00:00Z');
const { analyseAndProject, composeReport, evaluateGraph } = await import('@custody/audit');
const { defaultLens } = await import('@custody/domain');
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

const PHASES = ['analyse', 'project', 'evaluate', 'compose'] as const;
const laps: Record<string, number>[] = [];
for (let r = 0; r < rounds; r++) {
  const lap: Record<string, number> = {};
  let t = cpu();
  const mark = (name: string) => {
    const now = cpu();
    lap[name] = now - t;
    t = now;
  };
  // As auditFiles and the audit bench: the parses are dropped once projected (a manifest's would otherwise stay
  // alive, and be marked by every collection, through evaluate), and the report gets the documents it reads.
  const { graph, documents: docs } = await analyseAndProject(readdirSync(dir).sort(), (file: string) => workspaceDoc(dir, file), { asOf: NOW.toISOString(), analysed: () => mark('analyse') });
  mark('project');
  const lens = defaultLens(graph.practice);
  const evaluation = evaluateGraph(graph, { lens, now: NOW });
  mark('evaluate');
  composeReport({ workspace: { id: 'local', name: graph.practice.name }, graph, evaluation, documents: docs, lens, generatedAt: NOW.toISOString() });
  mark('compose');
  laps.push(lap);
}
const fix = (n: number) => Number(n.toFixed(3));
const total = (l: Record<string, number>) => PHASES.reduce((s, p) => s + l[p]!, 0);
const cold = Object.fromEntries([...PHASES.map((p) => [p, fix(laps[0]![p]!)]), ['total', fix(total(laps[0]!))]]);
const rest = laps.slice(1);
const warm = rest.length ? Object.fromEntries([...PHASES.map((p) => [p, fix(median(rest.map((l) => l[p]!)))]), ['total', fix(median(rest.map(total)))]]) : undefined;
if (flag('--json')) console.log(JSON.stringify({ dir, cold, warm }));
else console.log(`${dir}\n  cold ${JSON.stringify(cold)}\n  warm ${JSON.stringify(warm)}`);
