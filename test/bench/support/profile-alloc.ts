/**
 * Where an audit allocates, garbage included: V8's sampling heap profiler with the objects later collected kept
 * in the profile, so what a phase allocates and drops (the garbage that lets the heap, and the peak RSS, grow
 * well past what is live: issue 11's manifest of 100,000 systems) shows beside what it keeps. A heap snapshot
 * (heap-top.ts) only shows what is live. Prints, per phase, the top N allocation sites by bytes sampled:
 *
 *   npx tsx test/bench/audit.bench.ts --write manifest --size 20000 --dir /tmp/ws
 *   node --import tsx test/bench/support/profile-alloc.ts /tmp/ws 25
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { analyseAndProject, analyzeDocument, evaluateGraph } from '@custody/audit';
import { defaultLens } from '@custody/domain';

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

const [dir, topArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-alloc.ts WORKSPACE_DIR [N]');
const top = Number(topArg ?? 25);
const session = new Session();
session.connect();
const start = () => session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const stop = async (phase: string) => {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const bySite = new Map<string, number>();
  let total = 0;
  const label = (f: Node['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(libs|apps|test|node_modules)\//, '$1/')}`;
  // A builtin (no url: an iterator's next, Map#set, Array#push) is named with its caller, which says whose it is.
  const walk = (n: Node, caller = '') => {
    const f = n.callFrame;
    const site = f.url ? label(f) : `${label(f)} < ${caller}`;
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    total += n.selfSize;
    for (const c of n.children) walk(c, f.url ? label(f) : caller);
  };
  walk(profile.head as unknown as Node);
  console.log(`\n${phase}: ${(total / 1048576).toFixed(0)} MB allocated (sampled)`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(bytes / 1048576).toFixed(1).padStart(8)}  ${site}`);
};

const NOW = new Date('2026-06-01T00:00:00Z');
await start();
let projectStarted = false;
const { graph } = await analyseAndProject(readdirSync(dir).sort(), async (file) => {
  const bytes = readFileSync(join(dir, file));
  return { id: file, sha256: file, file, ...(await analyzeDocument(bytes, file, { maxManifestBytes: 64 * 1024 * 1024, maxDeclarations: 10_000_000 })) };
}, {
  asOf: NOW.toISOString(),
  analysed: () => {
    projectStarted = true;
    // Stopped and restarted synchronously is not possible here (the callback is sync): the analysis profile is
    // reported with the projection's, one list; each site names its module (manifest/, safe-yaml-* are the
    // analysis, projection/ the projection), which is what tells the two phases apart.
  },
});
await stop(projectStarted ? 'analyse + project' : 'analyse');
await start();
evaluateGraph(graph, { lens: defaultLens(graph.practice), now: NOW });
await stop('evaluate');
session.disconnect();
