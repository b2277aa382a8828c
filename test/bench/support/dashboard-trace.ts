/**
 * Where the dashboard's first view spends its time (issue 11): records a Chromium performance trace (CDP
 * Tracing, with V8's sampling profiler) of one page load, up to the first useful render as the dashboard bench
 * defines it (READY, then a painted frame), and prints the renderer main thread's time by kind of work (script
 * evaluation and compilation, the dashboard's JS by module, style, layout, paint, GC, HTML parse) between the
 * page's own steps (the `custody:*` marks), the tasks over 50 ms, and what each API read cost (bytes, start,
 * end). On a loaded machine the wall times move run to run; the bytes, elements and the per-kind split are the
 * figures to compare.
 *
 * Serve the bench's workload first, then trace its URL:
 *   npx tsx test/bench/dashboard.bench.ts --serve &        # prints the Custody URL
 *   npx tsx test/bench/support/dashboard-trace.ts URL [--out trace.json] [--json]
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { arg, flag } from './args.js';
import { BENCH_CHROMIUM_ARGS, FIRST_PAINT_PROBE } from './dashboard-ready.js';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, any>; id?: string }

const url = process.argv.slice(2).find((a) => a.startsWith('http'));
if (!url) throw new Error('usage: dashboard-trace.ts URL [--out trace.json] [--json]');

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'loading', 'v8', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler', 'toplevel', 'blink', 'netlog', 'disabled-by-default-devtools.timeline.stack'];

async function record(): Promise<{ events: TraceEvent[]; marks: Record<string, number>; painted: number; api: { path: string; bytes: number; start: number; end: number }[]; drawn: { nodes: number; edges: number }; navigationStart: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BENCH_CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(FIRST_PAINT_PROBE);
    const cdp = await browser.newBrowserCDPSession();
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' } as never);
    await page.goto(url!);
    await page.waitForFunction(`window.__firstPaint !== null`, null, { timeout: 300_000, polling: 50 });
    const info = await page.evaluate(`(() => {
      const marks = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('custody:')) marks[m.name.slice(8)] = m.startTime;
      const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && !r.name.includes('/events'))
        .map((r) => ({ path: new URL(r.name).pathname.replace(/^\\/api\\/workspaces\\/[^/]+/, '') + new URL(r.name).search, bytes: r.encodedBodySize, start: r.startTime, end: r.responseEnd }));
      const cy = window.__custody.cy;
      return { marks, painted: window.__firstPaint, api, drawn: { nodes: cy.nodes().length, edges: cy.edges().length }, navigationStart: performance.timeOrigin };
    })()`) as { marks: Record<string, number>; painted: number; api: { path: string; bytes: number; start: number; end: number }[]; drawn: { nodes: number; edges: number }; navigationStart: number };
    await cdp.send('Tracing.end');
    await done;
    return { events, ...info };
  } finally {
    await browser.close();
  }
}

const ms = (us: number) => Math.round(us / 100) / 10;

/** What kind of work a trace event is, for the split (null: not counted on its own, its children are). */
function kind(e: TraceEvent): string | null {
  switch (e.name) {
    case 'ParseHTML': return 'html parse';
    case 'UpdateLayoutTree': case 'RecalculateStyles': case 'ScheduleStyleRecalculation': return 'style';
    case 'Layout': return 'layout';
    case 'Paint': case 'PaintImage': case 'PrePaint': case 'Layerize': case 'UpdateLayer': case 'CompositeLayers': case 'Commit': return 'paint';
    case 'MajorGC': case 'MinorGC': case 'V8.GC_SCAVENGER': case 'V8.GCScavenger': case 'V8.GC_MARK_COMPACTOR': case 'BlinkGC.AtomicPhase': return 'gc';
    case 'v8.compile': case 'v8.compileModule': case 'V8.CompileCode': case 'v8.produceModuleCache': case 'v8.parseOnBackground': return 'compile';
    case 'ResourceReceivedData': case 'ResourceFinish': case 'ResourceReceiveResponse': return 'network events';
    default: return null;
  }
}

/**
 * Thread CPU of each process between navigation and the first useful render (the top-level events of each thread,
 * nested ones not counted twice): what else the browser ran beside the page. On a 2-core machine all of it competes
 * with the page — this is how a window's omnibox popup, loaded beside each measured page, was found (BENCH_CHROMIUM_ARGS).
 */
function processCpu(events: TraceEvent[], from: number, to: number, pagePid: number): Record<string, number> {
  const names = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, String(e.args?.name ?? e.pid)]));
  const ends = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const e of events.filter((x) => x.ph === 'X' && x.ts >= from && x.ts <= to).sort((a, b) => a.ts - b.ts)) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(thread) ?? 0)) continue;
    ends.set(thread, e.ts + (e.dur ?? 0));
    const name = e.pid === pagePid ? 'page renderer' : `${names.get(e.pid) ?? 'process'} ${e.pid}`;
    cpu.set(name, (cpu.get(name) ?? 0) + (e.tdur ?? 0));
  }
  return Object.fromEntries([...cpu].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 1000).map(([k, v]) => [k, ms(v)]));
}

async function main(): Promise<void> {
  const t = await record();
  if (arg('--out')) await writeFile(arg('--out')!, JSON.stringify({ traceEvents: t.events }));
  // The page's renderer main thread: the one that ran the custody marks.
  const mark = t.events.find((e) => e.name === 'custody:code' || e.name.startsWith('custody:'));
  const main = mark ? { pid: mark.pid, tid: mark.tid } : (() => {
    const n = t.events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && t.events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'))!;
    return { pid: n.pid, tid: n.tid };
  })();
  const nav = t.events.find((e) => e.name === 'navigationStart' && e.pid === main.pid && e.args?.data?.isLoadingMainFrame) ?? t.events.find((e) => e.name === 'navigationStart' && e.pid === main.pid)!;
  const t0 = nav.ts;
  const end = t0 + t.painted * 1000;
  const onMain = t.events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0 && e.ts <= end);
  // Top-level tasks: a task's RunTask nests inside the scheduler's, so overlapping ones are merged.
  const tasks: TraceEvent[] = [];
  for (const e of onMain.filter((x) => x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  const busy = tasks.reduce((n, e) => n + (e.dur ?? 0), 0);
  const byProcess = processCpu(t.events, t0, end, main.pid);
  // Thread time (tdur): the CPU the main thread got. On a loaded machine wall durations stretch with the wait
  // for a core; thread time does not, so tasks over 50 ms are counted by it too.
  const cpu = tasks.reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0);
  const long = tasks.filter((e) => (e.dur ?? 0) > 50_000);
  const longCpu = tasks.filter((e) => (e.tdur ?? 0) > 50_000);

  // The time of each kind of work, counted once (nested events of one kind are not added twice): self time.
  const byKind = new Map<string, number>();
  const kinded = onMain.filter((e) => kind(e) !== null).sort((a, b) => a.ts - b.ts);
  let coveredTo = 0;
  for (const e of kinded) {
    const from = Math.max(e.ts, coveredTo);
    const to = e.ts + (e.dur ?? 0);
    // Thread time of the part not already counted (a nested event's share of its parent's thread time).
    const share = (e.tdur ?? e.dur ?? 0) / Math.max(1, e.dur ?? 0);
    if (to > from) byKind.set(kind(e)!, (byKind.get(kind(e)!) ?? 0) + (to - from) * share);
    coveredTo = Math.max(coveredTo, to);
  }

  // JavaScript by module and function: V8's samples on the main thread (ProfileChunk events).
  const nodes = new Map<number, { url: string; fn: string; line: number; parent?: number }>();
  const samples: { node: number; ts: number }[] = [];
  // The main thread's profile (its chunks are posted from V8's profiler thread under the profile's id).
  const profile = t.events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  let clock = 0;
  for (const e of t.events.filter((x) => x.name === 'Profile' || x.name === 'ProfileChunk')) {
    if (e.pid !== main.pid || e.id !== profile?.id) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const n of cpu?.nodes ?? []) nodes.set(n.id, { url: n.callFrame.url ?? '', fn: n.callFrame.functionName || '(anonymous)', line: n.callFrame.lineNumber ?? 0, parent: n.parent });
    if (e.args?.data?.startTime !== undefined) clock = e.args.data.startTime;
    const deltas: number[] = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((s: number, i: number) => { clock += deltas[i] ?? 0; samples.push({ node: s, ts: clock }); });
  }
  // Inclusive time by named function (a build with CUSTODY_DASHBOARD_MINIFY=0 keeps the names): which of the
  // dashboard's steps (and Cytoscape's entry points) the samples were under.
  const inclusive = new Map<string, number>();
  for (let i = 0; i < samples.length - 1; i++) {
    const s = samples[i]!;
    if (s.ts < t0 || s.ts > end) continue;
    const seen = new Set<string>();
    for (let n = nodes.get(s.node); n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) if (n.url && n.fn !== '(anonymous)') seen.add(n.fn);
    for (const f of seen) inclusive.set(f, (inclusive.get(f) ?? 0) + samples[i + 1]!.ts - s.ts);
  }
  const jsBy = new Map<string, number>();
  const fnBy = new Map<string, number>();
  for (let i = 0; i < samples.length - 1; i++) {
    const s = samples[i]!;
    if (s.ts < t0 || s.ts > end) continue;
    const n = nodes.get(s.node);
    if (!n) continue;
    const dt = samples[i + 1]!.ts - s.ts;
    if (n.fn === '(idle)') continue;
    const file = n.url ? n.url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*/, '') || '(page)' : n.fn;
    jsBy.set(file, (jsBy.get(file) ?? 0) + dt);
    if (n.url) fnBy.set(`${n.fn} (${file}:${n.line})`, (fnBy.get(`${n.fn} (${file}:${n.line})`) ?? 0) + dt);
  }

  // Main-thread busy time between the page's own steps.
  const steps = Object.entries({ ...t.marks, painted: t.painted }).sort((a, b) => a[1] - b[1]);
  const windows: { from: string; to: string; wallMs: number; busyMs: number; cpuMs: number; top: string }[] = [];
  /** The JS functions that took most of a window (self time, V8 samples). */
  const topIn = (a: number, b: number): string => {
    const by = new Map<string, number>();
    for (let i = 0; i < samples.length - 1; i++) {
      const s = samples[i]!;
      const n = nodes.get(s.node);
      if (s.ts < a || s.ts >= b || !n || n.fn === '(idle)') continue;
      const k = n.url ? `${n.fn}@${n.url.replace(/^.*\//, '')}:${n.line}` : n.fn;
      by.set(k, (by.get(k) ?? 0) + samples[i + 1]!.ts - s.ts);
    }
    return [...by].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${ms(v)}`).join('; ');
  };
  let prev = { name: 'navigation', at: 0 };
  for (const [name, at] of steps) {
    const a = t0 + prev.at * 1000;
    const b = t0 + at * 1000;
    const inside = tasks.reduce((n, e) => n + Math.max(0, Math.min(b, e.ts + (e.dur ?? 0)) - Math.max(a, e.ts)), 0);
    const insideCpu = tasks.reduce((n, e) => n + Math.max(0, Math.min(b, e.ts + (e.dur ?? 0)) - Math.max(a, e.ts)) * (e.tdur ?? e.dur ?? 0) / Math.max(1, e.dur ?? 0), 0);
    windows.push({ from: prev.name, to: name, wallMs: Math.round(at - prev.at), busyMs: ms(inside), cpuMs: ms(insideCpu), top: topIn(a, b) });
    prev = { name, at };
  }

  const result = {
    paintedMs: Math.round(t.painted), drawn: t.drawn,
    api: t.api.map((r) => ({ ...r, start: Math.round(r.start), end: Math.round(r.end) })),
    apiBytes: t.api.reduce((n, r) => n + r.bytes, 0),
    cpuByProcessMs: byProcess,
    mainThread: { busyMs: ms(busy), cpuMs: ms(cpu), tasks: tasks.length, longTasks: long.length, longTaskMs: long.map((e) => ms(e.dur ?? 0)), longTasksByCpu: longCpu.length, longTaskCpuMs: longCpu.map((e) => ms(e.tdur ?? 0)), byKindMs: Object.fromEntries([...byKind].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)])) },
    jsByFileMs: Object.fromEntries([...jsBy].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k, ms(v)])),
    inclusiveMs: Object.fromEntries([...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => [k, ms(v)])),
    topFunctionsMs: Object.fromEntries([...fnBy].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, ms(v)])),
    steps: windows,
  };
  if (flag('--json')) { console.log(JSON.stringify(result, null, 2)); return; }
  console.log(`first useful render painted at ${result.paintedMs} ms; ${t.drawn.nodes} nodes / ${t.drawn.edges} edges drawn; ${result.apiBytes} bytes from the API`);
  for (const r of result.api) console.log(`  api ${r.path}: ${r.bytes} B, ${r.start}–${r.end} ms`);
  console.log(`CPU until then by process (every thread's top-level tasks): ${Object.entries(result.cpuByProcessMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`main thread until then: ${result.mainThread.busyMs} ms busy (wall), ${result.mainThread.cpuMs} ms thread CPU, in ${result.mainThread.tasks} tasks; over 50 ms: ${result.mainThread.longTasks} by wall (${result.mainThread.longTaskMs.join(', ')}), ${result.mainThread.longTasksByCpu} by CPU (${result.mainThread.longTaskCpuMs.join(', ')})`);
  console.log(`  by kind (self, thread CPU): ${Object.entries(result.mainThread.byKindMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  JS samples by file: ${Object.entries(result.jsByFileMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  inclusive (wall samples): ${Object.entries(result.inclusiveMs).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  console.log(`  top functions: ${Object.entries(result.topFunctionsMs).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  for (const w of result.steps) console.log(`  ${w.from} → ${w.to}: ${w.wallMs} ms wall, ${w.busyMs} ms main-thread busy, ${w.cpuMs} ms its CPU\n      ${w.top}`);
  for (const e of long) console.log(`  long task at ${ms(e.ts - t0)} ms, ${ms(e.dur ?? 0)} ms (CPU ${ms(e.tdur ?? 0)}): ${topIn(e.ts, e.ts + (e.dur ?? 0))}`);
}

await main();
