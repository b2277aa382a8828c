/**
 * Self time by source line of a `--cpu-prof` profile taken on an esbuild bundle (profile-top.ts labels functions by
 * line:column, but tsx emits each module on one line, so a function's samples cannot be told apart by statement). Bundled
 * without minifying, every module keeps its lines, headed by esbuild's `// path.ts` comment, and V8's positionTicks give
 * each sampled line of the bundle. A pattern's own matching is a `RegExp:` frame of its own (see profile-top.ts); what a
 * line shows is the JavaScript around it, a pattern's compile on first exec included (a pattern built per call shows here).
 *
 *   npx esbuild test/bench/support/extraction-phases.ts --bundle --platform=node --format=esm --packages=external \
 *     --tsconfig=tsconfig.json --outfile=/tmp/p/test/bench/support/phases.mjs
 *   (the bundle reads the corpus relative to its own place: /tmp/p/node_modules → node_modules, /tmp/shared → ../shared)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/p/test/bench/support/phases.mjs
 *   npx tsx test/bench/support/profile-lines.ts /tmp/prof/<largest>.cpuprofile /tmp/p/test/bench/support/phases.mjs 40 [--under NAME[,NAME…]]
 *
 * `--under` counts only samples with a function of one of those names on the stack (the bundle may rename a function
 * that two modules define: `add2`). Seconds are the profile's sample intervals (wall time; see profile-top.ts).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[]; positionTicks?: { line: number; ticks: number }[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number }

const argv = process.argv.slice(2);
const underAt = argv.indexOf('--under');
const under = new Set(underAt >= 0 ? (argv.splice(underAt, 2)[1] ?? '').split(',').filter(Boolean) : []);
const [file, bundle, topArg] = argv;
if (!file || !bundle) throw new Error('usage: profile-lines.ts FILE.cpuprofile BUNDLE.mjs [N] [--under NAME[,NAME…]]');
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const lines = readFileSync(bundle, 'utf8').split('\n');
// The module each bundle line comes from: the last `// path.ts` header above it.
const moduleOf: string[] = [];
let current = '';
lines.forEach((l, i) => {
  const m = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(l);
  if (m) current = m[1];
  moduleOf[i + 1] = current;
});
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counted = (id: number): boolean => {
  if (under.size === 0) return true;
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (under.has(byId.get(at)!.callFrame.functionName)) return true;
  return false;
};
const name = bundle.split('/').pop()!;
const interval = (p.endTime - p.startTime) / p.samples.length / 1e6;
const ticks = new Map<number, number>();
for (const n of p.nodes) {
  if (!n.callFrame.url.endsWith(name) || !counted(n.id)) continue;
  for (const t of n.positionTicks ?? []) ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
}
const total = [...ticks.values()].reduce((a, b) => a + b, 0);
console.log(`${(total * interval).toFixed(2)} s on bundle lines${under.size ? ` under ${[...under].join(',')}` : ''}`);
for (const [line, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 40))) {
  console.log(`${(t * interval).toFixed(2).padStart(6)} s  ${moduleOf[line]}:${line}  ${lines[line - 1].trim().slice(0, 140)}`);
}
