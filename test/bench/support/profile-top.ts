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
 *
 * `--tree NAME[:DEPTH]` prints instead where the time below a function went: its calls merged over every stack
 * it is outermost on, as a tree DEPTH levels deep (default 4), each line inclusive time (self time in brackets),
 * lines under 1% of its total left out; e.g. `--tree classDrafts:5` for a fleet's class run. A flat profile (the
 * audit core's is) shows its big costs there: a function of little self time that calls many small ones.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const argv = process.argv.slice(2);
const underAt = argv.indexOf('--under');
/** Function names whose samples alone are counted (empty: all). */
const under = new Set(underAt >= 0 ? (argv.splice(underAt, 2)[1] ?? '').split(',').filter(Boolean) : []);
const treeAt = argv.indexOf('--tree');
/** `--tree NAME[:DEPTH]`: the function whose calls are shown as a tree, and how deep. */
const [treeName, treeDepth] = treeAt >= 0 ? (argv.splice(treeAt, 2)[1] ?? '').split(':') : [];
const [file, topArg, lastArg] = argv;
if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N] [LAST_SECONDS] [--under NAME[,NAME…]] [--tree NAME[:DEPTH]]');
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
if (treeName) printTree(treeName, Number(treeDepth || 4));
else {
  console.log(`sampled ${(total / 1e6).toFixed(2)} s${under.size ? ` under ${[...under].join(', ')}` : ''}`);
  show('self', self);
  show('inclusive', inclusive);
}

/** The calls below every outermost frame of `name`, merged by label into one tree (see --tree in the header). */
function printTree(name: string, depth: number): void {
  interface Merged { us: number; selfUs: number; kids: Map<string, Merged> }
  const nodeSelf = new Map<number, number>();
  p.samples.forEach((id, i) => nodeSelf.set(id, (nodeSelf.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const inclusiveOf = new Map<number, number>();
  const timeOf = (n: ProfileNode): number => {
    let us = inclusiveOf.get(n.id);
    if (us !== undefined) return us;
    us = nodeSelf.get(n.id) ?? 0;
    for (const c of n.children ?? []) us += timeOf(byId.get(c)!);
    inclusiveOf.set(n.id, us);
    return us;
  };
  const root: Merged = { us: 0, selfUs: 0, kids: new Map() };
  const merge = (into: Merged, n: ProfileNode, levels: number) => {
    into.us += timeOf(n);
    into.selfUs += nodeSelf.get(n.id) ?? 0;
    if (levels === 0) return;
    for (const c of n.children ?? []) {
      const child = byId.get(c)!;
      const key = label(child);
      let m = into.kids.get(key);
      if (!m) into.kids.set(key, (m = { us: 0, selfUs: 0, kids: new Map() }));
      merge(m, child, levels - 1);
    }
  };
  // Outermost frames only: a recursive function's inner frames are already in its outer one's time.
  const walk = (n: ProfileNode, inside: boolean) => {
    const hit = !inside && n.callFrame.functionName === name;
    if (hit) merge(root, n, depth);
    for (const c of n.children ?? []) walk(byId.get(c)!, inside || hit);
  };
  walk(p.nodes[0]!, false);
  const secs = (us: number) => (us / 1e6).toFixed(2);
  console.log(`${name}: ${secs(root.us)} s inclusive, ${secs(root.selfUs)} s self`);
  const print = (m: Merged, indent: string) => {
    for (const [key, kid] of [...m.kids].sort((a, b) => b[1].us - a[1].us)) {
      if (kid.us < root.us / 100) continue;
      console.log(`${secs(kid.us).padStart(8)} s (${secs(kid.selfUs)})${indent} ${key}`);
      print(kid, `${indent}  `);
    }
  };
  print(root, '');
}
