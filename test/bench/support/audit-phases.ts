/**
 * The audit bench's measured phases (test/bench/audit.bench.ts runs each in a child process: `--phase custody`
 * or `--phase reference`): the pure audit timed phase by phase, the minimal reference on the same inputs, and the
 * stopwatch both share (wall and CPU laps, memory per stage, `--heap-snapshots DIR` and `--live-heap`).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { arg, flag } from './args.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const secs = (ms: number) => Number((ms / 1000).toFixed(3));
const mb = (kb: number) => Math.round(kb / 1024);

export interface CaseResult {
  /** Audit core: analyse + project + evaluate + compose (custody); parse + graph + rules (reference). */
  auditSeconds: number;
  /** Including the JSON render. */
  totalSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Peak RSS when the audit core ended, and after the JSON render: which stage set {@link peakRssMb}. */
  peakRssMbByStage?: { audit: number; renderJson: number };
  /** At the end of each phase: peak RSS so far, RSS and V8 heap in use (MB). Where memory is held, and past which stage. */
  memoryMbByStage?: Record<string, { peakRss: number; rss: number; heapUsed: number; heapTotal: number; external: number }>;
  phasesSeconds: Record<string, number>;
  /** CPU seconds per phase: steadier than wall time on a shared machine. */
  phasesCpuSeconds: Record<string, number>;
  /** CPU seconds of the audit core alone. */
  auditCpuSeconds: number;
  systems: number;
  flows: number;
  findings: number;
  findingInstances: number;
  jsonBytes: number;
  /** The same report as `--format ndjson` (evidence written once): its size; its CPU is the `renderNdjson` phase. */
  ndjsonBytes?: number;
  /** Inputs the audit did not read (e.g. over a size limit): the case then measures a different workspace. */
  unprocessed?: string[];
}

/** Phase laps, the audit-core mark and the result's common figures, shared by both implementations. */
function stopwatch() {
  const cpu0 = process.cpuUsage();
  const phases: Record<string, number> = {};
  const phasesCpu: Record<string, number> = {};
  const memory: Record<string, { peakRss: number; rss: number; heapUsed: number; heapTotal: number; external: number }> = {};
  // `--heap-snapshots DIR`: a heap snapshot at the end of each phase (support/heap-top.ts reads it); it
  // costs time and memory, so figures of such a run are not comparable.
  const snapshots = arg('--heap-snapshots');
  const liveHeap = flag('--live-heap');
  if (snapshots) mkdirSync(snapshots, { recursive: true });
  const cpuMs = () => {
    const c = process.cpuUsage(cpu0);
    return (c.user + c.system) / 1000;
  };
  const t0 = performance.now();
  let t = t0;
  let c = 0;
  let auditMs = 0;
  let auditCpuMs = 0;
  return {
    lap(name: string) {
      const x = performance.now();
      const y = cpuMs();
      phases[name] = secs(x - t);
      phasesCpu[name] = secs(y - c);
      // `--live-heap` (with node --expose-gc): collect first, so heapUsed is what the stage leaves alive.
      if (liveHeap) (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      memory[name] = { peakRss: mb(process.resourceUsage().maxRSS), rss: Math.round(m.rss / 1048576), heapUsed: Math.round(m.heapUsed / 1048576), heapTotal: Math.round(m.heapTotal / 1048576), external: Math.round(m.external / 1048576) };
      if (snapshots) writeHeapSnapshot(join(snapshots, `${Object.keys(memory).length}-${name}.heapsnapshot`));
      t = performance.now();
      c = cpuMs();
    },
    /** The audit core ends here; what follows is output. */
    markAudit() {
      auditMs = t - t0;
      auditCpuMs = c;
    },
    figures() {
      return {
        auditSeconds: secs(auditMs), auditCpuSeconds: secs(auditCpuMs), totalSeconds: secs(t - t0), cpuSeconds: secs(cpuMs()), peakRssMb: mb(process.resourceUsage().maxRSS),
        phasesSeconds: phases, phasesCpuSeconds: phasesCpu, memoryMbByStage: memory,
      };
    },
  };
}
export async function runCustody(dir: string): Promise<CaseResult> {
  const { analyseAndProject, analyzeDocument, composeReport, evaluateGraph } = await import('@custody/audit');
  const { defaultLens } = await import('@custody/domain');
  const { jsonChunks, ndjsonChunks } = await import('@custody/reports');
  const { createHash } = await import('node:crypto');
  type Doc = Awaited<ReturnType<typeof analyzeDocument>> & { id: string; sha256: string; file: string };
  const clock = stopwatch();
  // The same calls as auditFiles, split so each phase is timed.
  // One file per call, so its bytes are not kept alive by this frame (as in auditFiles).
  const analyse = async (file: string): Promise<Doc> => {
    const bytes = readFileSync(join(dir, file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The CLI's manifest bound (`--max-manifest-mb`, 64 MB), not the upload one: the manifest shape is ~47 MB at 100k.
    // The declarations budget (default 50,000) is raised as an operator would (CUSTODY_PARSE_MAX_DECLARATIONS):
    // a 100k fleet export declares ~380,000 systems and flows, and failing it too_complex would time nothing.
    return { id: sha256, sha256, file, ...(await analyzeDocument(bytes, file, { maxManifestBytes: 64 * 1024 * 1024, maxDeclarations: 10_000_000 })) };
  };
  // As auditFiles: the parses are dropped once projected, so only the graph and the report's documents stay.
  const { graph, documents: docs } = await analyseAndProject(readdirSync(dir).sort(), analyse, { asOf: NOW.toISOString(), analysed: () => clock.lap('analyse') });
  clock.lap('project');
  const lens = defaultLens(graph.practice);
  const evaluation = evaluateGraph(graph, { lens, now: NOW });
  clock.lap('evaluate');
  const report = composeReport({ workspace: { id: 'local', name: graph.practice.name }, graph, evaluation, documents: docs, lens, generatedAt: NOW.toISOString() });
  clock.lap('compose');
  clock.markAudit();
  const auditPeakRssMb = mb(process.resourceUsage().maxRSS);
  // Streamed as `custody audit --format json` writes it; only the size is kept.
  let jsonBytes = 0;
  for (const chunk of jsonChunks(report)) jsonBytes += Buffer.byteLength(chunk);
  clock.lap('renderJson');
  // Beside it, the NDJSON (`--format ndjson`): timed after the JSON, so totalSeconds above stays the JSON's.
  const jsonFigures = clock.figures();
  let ndjsonBytes = 0;
  for (const chunk of ndjsonChunks(report)) ndjsonBytes += Buffer.byteLength(chunk);
  clock.lap('renderNdjson');
  const { phasesSeconds, phasesCpuSeconds, peakRssMb } = clock.figures();
  return {
    ...jsonFigures, phasesSeconds, phasesCpuSeconds, peakRssMb, peakRssMbByStage: { audit: auditPeakRssMb, renderJson: jsonFigures.peakRssMb }, ndjsonBytes, unprocessed: docs.filter((d) => d.status !== 'processed').map((d) => `${d.file} ${d.status}: ${(d.reason ?? '').replace(/\s*\n\s*/g, ' ')}`), systems: report.systems.length, flows: report.flows.length, findings: report.findings.length,
    findingInstances: report.findings.reduce((s, f) => s + (f.instances?.length ?? 1), 0), jsonBytes,
  };
}
/** The minimal reference: what any tool must at least do with the same inputs. */
export async function runReference(dir: string): Promise<CaseResult> {
  const { parse } = await import('yaml');
  const clock = stopwatch();
  interface Sys { id: string; name: string; role: string; vendor?: string; settings: Record<string, string>; baa: boolean }
  const systems = new Map<string, Sys>();
  const flows: { from: string; to: string; data: string[] }[] = [];
  const baaText: string[] = [];
  let manifest: { systems?: { id: string; name: string; role: string }[]; flows?: { from: string; to: string; data: string[] }[] } = {};
  let csv = '';
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.yaml')) manifest = parse(text) as typeof manifest;
    else if (file.endsWith('.csv')) csv = text;
    else baaText.push(text);
  }
  const csvRows = csv ? csv.trimEnd().split('\n').map((l) => l.split(',')) : [];
  clock.lap('parse');
  systems.set('practice', { id: 'practice', name: 'practice', role: 'practice', settings: {}, baa: true });
  for (const s of manifest.systems ?? []) systems.set(s.id, { id: s.id, name: s.name, role: s.role, settings: {}, baa: false });
  for (const f of manifest.flows ?? []) flows.push({ from: f.from, to: f.to, data: f.data });
  const header = csvRows[0] ?? [];
  for (const row of csvRows.slice(1)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, (row[i] ?? '').trim()]));
    const id = `install-${rec.install_id}`;
    systems.set(id, { id, name: `${rec.vendor} on ${rec.install_id}`, role: 'ai_notetaker', vendor: rec.vendor, settings: rec, baa: false });
    flows.push({ from: 'practice', to: id, data: ['session_audio', 'progress_notes'] });
  }
  // A BAA covers the systems (or the installs of the vendor) it names.
  for (const text of baaText) for (const s of systems.values()) if (text.includes(s.vendor ?? s.name)) s.baa = true;
  const inbound = new Map<string, number>();
  for (const f of flows) inbound.set(f.to, (inbound.get(f.to) ?? 0) + 1);
  clock.lap('graph');
  const findings: { rule: string; subject: string }[] = [];
  for (const s of systems.values()) {
    if (s.role !== 'practice' && s.role !== 'ehr' && !s.baa && inbound.get(s.id)) findings.push({ rule: 'missing-baa', subject: s.id });
    if (s.settings.training === 'allowed' || s.settings.training === 'opt_out') findings.push({ rule: 'vendor-training', subject: s.id });
    if (/^(always)$/i.test(s.settings.recording ?? '') && /^(false|no)$/i.test(s.settings.can_disable ?? '')) findings.push({ rule: 'recording-cannot-be-disabled', subject: s.id });
  }
  clock.lap('rules');
  clock.markAudit();
  const json = JSON.stringify({ systems: [...systems.values()], flows, findings }, null, 2);
  clock.lap('renderJson');
  return {
    ...clock.figures(), systems: systems.size, flows: flows.length, findings: findings.length, findingInstances: findings.length, jsonBytes: Buffer.byteLength(json),
  };
}
