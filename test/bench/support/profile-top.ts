/**
 * The functions a `node --cpu-prof` profile spent its time in: self time (where the samples landed) and
 * inclusive time (samples with the function anywhere on the stack), top N of each. For "profile before
 * optimising" (issue 11):
 *
 *   npx tsx test/bench/audit.bench.ts --write fleet --size 10000 --dir /tmp/ws
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/audit.bench.ts --phase custody --dir /tmp/ws
 *   npx tsx test/bench/support/profile-top.ts /tmp/prof/<largest>.cpuprofile 40
 *
 * `--under NAME[,NAME…]` counts only the samples with a function of one of those names on the stack, e.g.
 * `--under analyseAndProject,evaluateGraph,composeReport` for the audit core without the render and start-up
 * (the collector's samples sit at the root, so they drop out: read them from the unscoped run; so does work an
 * awaited promise resumed, rooted apart: add its entry, e.g. extractDocument for a contract's extraction). Functions are
 * labelled by line and column: tsx emits each module on one line, and its closures were otherwise one row.
 * Sample times are wall time: on a loaded machine a sample also carries the time its thread waited, so check a
 * small function's figure with CPU time (process.cpuUsage) before acting on it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const argv = process.argv.slice(2);
const underAt = argv.indexOf('--under');
/** Function names whose samples alone are counted (empty: all). */
const under = new Set(underAt >= 0 ? (argv.splice(underAt, 2)[1] ?? '').split(',').filter(Boolean) : []);
const [file, topArg, lastArg] = argv;
if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N] [LAST_SECONDS] [--under NAME[,NAME…]]');
const top = Number(topArg ?? 30);
/** Only the profile's last LAST_SECONDS (e.g. the ingest run after a process's start-up and idle wait). */
const lastUs = lastArg ? Number(lastArg) * 1e6 : Infinity;
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(libs|apps|test|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

/** Whether a function named in `under` is on the sample's stack. */
const onStack = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (under.has(byId.get(at)!.callFrame.functionName)) return true;
  return false;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const span = p.timeDeltas.reduce((a, b) => a + b, 0);
let clock = 0;
p.samples.forEach((id, i) => {
  const us = p.timeDeltas[i] ?? 0;
  clock += us;
  if (span - clock > lastUs) return;
  if (under.size > 0 && !onStack(id)) return;
  total += us;
  const leaf = byId.get(id)!;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + us);
  // Each function once per sample, however often it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
});
const show = (title: string, m: Map<string, number>) => {
  console.log(`--- ${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1e6).toFixed(2).padStart(8)} s  ${k}`);
};
console.log(`sampled ${(total / 1e6).toFixed(2)} s${under.size ? ` under ${[...under].join(', ')}` : ''}`);
show('self', self);
show('inclusive', inclusive);
