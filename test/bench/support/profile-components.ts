/**
 * A `--cpu-prof` profile's busy time by component (issue 11, "where do a document's milliseconds go"): each
 * sample goes to the component of the nearest frame on its stack that belongs to one (a pg serializer called
 * from the outcome recording counts as the database driver; a JSON.stringify in the sandbox child as the
 * analysis it serialises). Idle samples are left out. Several profiles (a worker and its sandbox children)
 * add up into one table, so a share is of the whole tree's sampled main-thread time.
 *
 *   npx tsx test/bench/support/profile-components.ts [--last SECONDS] FILE.cpuprofile…
 */
import { readFileSync } from 'node:fs';
import { arg } from './args.js';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** First match wins, frame by frame from the leaf up: specific before general. */
const COMPONENTS: [string, (url: string, fn: string) => boolean][] = [
  ['sandbox IPC (structured clone, pipe)', (u) => /child_process\/serialization|internal\/child_process/.test(u) || /sandbox-process/.test(u)],
  ['extraction (libs/extraction)', (u) => u.includes('libs/extraction/')],
  ['analysis around extraction (libs/audit analyse, JSON, projection input)', (u, f) => /sandbox-child/.test(u) || (u.includes('libs/audit/') && /analy[sz]e|projectionInput|detect|decode/i.test(f))],
  ['sealing (libs/persistence crypto)', (u) => u.includes('libs/persistence/src/crypto')],
  ['pg driver', (u) => /node_modules\/(pg|pg-protocol|pg-pool)\//.test(u)],
  ['TypeORM', (u) => u.includes('node_modules/typeorm/')],
  ['persistence (repositories)', (u) => u.includes('libs/persistence/')],
  ['BullMQ / ioredis', (u) => /node_modules\/(bullmq|ioredis|@ioredis|msgpackr)\//.test(u)],
  ['projection (graph)', (u) => u.includes('libs/graph/') || u.includes('project-graph.command')],
  ['scoring (rules, audit, report)', (u) => /libs\/(rules|reports)\//.test(u) || u.includes('score-workspace.command') || u.includes('libs/audit/')],
  ['pipeline (jobs, commands, follow-ups)', (u) => u.includes('libs/pipeline/')],
  ['Nest / CQRS / rxjs', (u) => /node_modules\/(@nestjs|rxjs)\//.test(u)],
  ['garbage collector', (_, f) => f === '(garbage collector)'],
];

const lastUs = arg('--last') ? Number(arg('--last')) * 1e6 : Infinity;
const files = process.argv.slice(2).filter((a, i, all) => a.endsWith('.cpuprofile') && all[i - 1] !== '--last');
if (!files.length) throw new Error('usage: profile-components.ts [--last SECONDS] FILE.cpuprofile…');
const byComponent = new Map<string, number>();
let busy = 0;
for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const componentOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const hit = COMPONENTS.find(([, test]) => test(n.callFrame.url, n.callFrame.functionName))?.[0];
    const up = parent.get(id);
    const c = hit ?? (up === undefined ? 'other (node internals, idle-time timers)' : componentOf(up));
    memo.set(id, c);
    return c;
  };
  const span = p.timeDeltas.reduce((a, b) => a + b, 0);
  let clock = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    clock += us;
    if (span - clock > lastUs || byId.get(id)!.callFrame.functionName === '(idle)') return;
    busy += us;
    const c = componentOf(id);
    byComponent.set(c, (byComponent.get(c) ?? 0) + us);
  });
}
console.log(`busy ${(busy / 1000).toFixed(0)} ms sampled over ${files.length} profile(s)`);
for (const [c, us] of [...byComponent].sort((a, b) => b[1] - a[1])) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${(100 * us / busy).toFixed(1).padStart(5)} %  ${c}`);
