/**
 * Profiles only the incremental re-audit (issue 11: "profile before optimising"): loads a bench workspace,
 * runs the first full audit unprofiled, then profiles `reaudit` for the bench's two events (one setting
 * change, one new document) with node:inspector and writes one .cpuprofile per event.
 *
 *   npx tsx test/bench/audit.bench.ts --write fleet --size 10000 --dir /tmp/ws
 *   npx tsx test/bench/support/profile-incremental.ts /tmp/ws /tmp/prof
 *   npx tsx test/bench/support/profile-top.ts /tmp/prof/incremental-0.cpuprofile 40
 *
 * `--second` profiles the second change of each kind too (incremental-2, -3: code compiled by the first two).
 * `--bench-order` replays the bench's own sequence (incremental-case.ts) and profiles only its first re-audits.
 * Each profiled step starts as the bench's timed steps do, once the process is idle (settle): Profiler.start
 * itself walks the heap, finishing the sweep of the last collection, so without that the profile of a
 * re-audit lacks the sweep the bench's clock was charged.
 * `--score` profiles the score job alone (graph projected from the memo first); `--projection` times the
 * projection alone, from scratch and from the memo, and profiles the latter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { loadIncrementalCase, settle } from './incremental-case.js';

const [dir, out = '/tmp/prof'] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-incremental.ts WORKSPACE_DIR [OUT_DIR]');
const { auditState, projectInputs, reaudit } = await import('@custody/audit');
const { now: NOW, docs, events: cases } = await loadIncrementalCase(dir, process.cwd());
// `--second`: also the second change of each kind (another install's setting, another config), after the first
// ones: the re-audit of a worker whose incremental code is compiled already.
const events = [...cases.map((e) => e.doc), ...(process.argv.includes('--second') ? cases.map((e) => e.second.doc) : [])];
let state = auditState({ documents: docs, asOf: NOW.toISOString(), now: NOW });
if (process.argv.includes('--projection')) {
  // Projection alone, CPU seconds: from scratch vs from the previous memo, per event (no profiler attached).
  const cpu = (fn: () => unknown) => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return ((c.user + c.system) / 1e6).toFixed(3);
  };
  mkdirSync(out, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  for (const [i, doc] of events.entries()) {
    const next = { ...state.inputs, documents: [...state.inputs.documents, doc] };
    console.log(`event ${i}: projection from scratch ${cpu(() => projectInputs(next))} s, from the memo ${cpu(() => projectInputs(next, state.memo))} s`);
    await session.post('Profiler.start');
    projectInputs(next, state.memo);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(out, `projection-${i}.cpuprofile`), JSON.stringify(profile));
    state = reaudit(state, next);
  }
  process.exit(0);
}
mkdirSync(out, { recursive: true });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
/** The re-audit profiled, under a name of its own (a whole-process profile, `node --cpu-prof`, can single it out). */
async function profiled<T>(name: string, fn: () => T): Promise<T> {
  await settle();
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
  console.log(`${name}: ${((c.user + c.system) / 1e6).toFixed(3)} CPU s (user ${(c.user / 1e3).toFixed(1)} ms, system ${(c.system / 1e3).toFixed(1)} ms)`);
  return value;
}
if (process.argv.includes('--bench-order')) {
  // The bench's sequence: per event the first re-audit (profiled), its warm repeat, the full audit, the score
  // job, the second change's re-audit and the full audit of its state.
  for (const [i, e] of cases.entries()) {
    const next = { ...state.inputs, documents: [...state.inputs.documents, e.doc] };
    const inc = await profiled(`incremental-${i}`, () => firstReaudit(state, next));
    console.log(`  ${inc.stats.mode}, CPU ms ${JSON.stringify(inc.stats.cpuMs)}`);
    reaudit(state, next);
    auditState(next, projectInputs(next).graph);
    reaudit(state, next, projectInputs(next, state.memo));
    const after = { ...inc.inputs, documents: [...inc.inputs.documents, e.second.doc] };
    reaudit(inc, after);
    auditState(after, projectInputs(after).graph);
    state = inc;
  }
  process.exit(0);
}
function firstReaudit(prev: typeof state, next: typeof state.inputs) {
  return reaudit(prev, next);
}
for (const [i, doc] of events.entries()) {
  const next = { ...state.inputs, documents: [...state.inputs.documents, doc] };
  // `--score`: the score job alone (the graph projected from the memo beforehand, as the worker's projection job does).
  const projected = process.argv.includes('--score') ? projectInputs(next, state.memo) : undefined;
  const prev = state;
  state = await profiled(`incremental-${i}`, () => reaudit(prev, next, projected));
  console.log(`  ${state.stats.mode}, steps ${JSON.stringify(state.stats.ms)}`);
}
session.disconnect();
