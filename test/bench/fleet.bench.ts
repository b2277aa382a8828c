/**
 * Fleet bench (issue 4): a 10,000-install AI-notetaker fleet export is ingested and audited end to end in
 * under 60 s on this machine.
 *
 * Run: `npx tsx test/bench/fleet.bench.ts` (add `--json` for one JSON object, `--rows N` for another size).
 *
 * 1. Generates a fleet CSV (columns of product.md; 3 vendors, 40 sites, some drift — see
 *    support/fleet-corpus.ts) and a small custody.yaml into a temp folder.
 * 2. In memory: `auditFiles` on that folder (parse → project → rules → score) plus the JSON render, in this
 *    process; wall time and the process's peak RSS. A second, warm pass times each phase separately, so a
 *    regression points at its library.
 * 3. Through the service: a child process (Node with @swc/core hooks, because Nest's dependency injection
 *    needs decorator metadata that tsx cannot emit) runs `startTestApp()` — embedded PGlite by default,
 *    real PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set — uploads both files over HTTP and
 *    polls until every document is processed, the latest graph (GraphChanged in the audit log) has every
 *    system, `/score` is for that graph version, and `/audit` returns all systems. Timed from the first
 *    upload to that moment; app start-up is reported separately.
 *
 * Target: each of the two end-to-end times under 60 s, and the service's graph has the same systems
 * and findings as the in-memory audit (otherwise the timing would be of a different result). The exit
 * code is 1 when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '@custody/domain';
import { analyzeDocument, auditFiles, composeReport, evaluateGraph, projectDocuments, type AnalyzedDocument } from '@custody/audit';
import { renderReport } from '@custody/reports';
import { writeFleetCorpus, type FleetCorpus } from './support/fleet-corpus.js';
import { arg, flag } from './support/args.js';

const TARGET_SECONDS = 60;
const asJson = flag('--json');
const rows = Number(arg('--rows') ?? 10_000);
const NOW = new Date('2026-06-01T00:00:00Z');
const here = fileURLToPath(import.meta.url);
const mb = (kb: number) => Math.round(kb / 1024);
const secs = (ms: number) => Number((ms / 1000).toFixed(2));

interface InMemoryResult {
  seconds: number;
  rowsPerSecond: number;
  systems: number;
  flows: number;
  findings: number;
  score: number;
  jsonBytes: number;
  peakRssMb: number;
  baselineRssMb: number;
  phasesSeconds: Record<string, number>;
}

interface ServiceResult {
  mode: 'postgres' | 'embedded';
  startSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  uploadSeconds: number;
  auditCallSeconds: number;
  systems: number;
  flows: number;
  findings: number;
  score: number | null;
  graphVersion: number;
  documents: { fileName: string; status: string; reason?: string }[];
  peakRssMb: number;
  /** Pipeline events (from the audit log) in seconds after the first upload: where the time went. */
  timeline: string[];
  error?: string;
}

async function inMemory(corpus: FleetCorpus): Promise<InMemoryResult> {
  const baseline = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const report = await auditFiles([corpus.dir], { now: NOW });
  const json = renderReport(report, 'json');
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS;

  // Second, warm pass, phase by phase (the same calls auditFiles makes).
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const n = performance.now();
    phases[name] = secs(n - t);
    t = n;
  };
  const docs: AnalyzedDocument[] = [];
  for (const file of corpus.files) {
    const bytes = readFileSync(join(corpus.dir, file));
    docs.push({ id: file, file, ...(await analyzeDocument(bytes, file)) });
  }
  lap('parse');
  const { graph } = projectDocuments(docs, { asOf: NOW.toISOString() });
  lap('project');
  const evaluation = evaluateGraph(graph, { now: NOW });
  lap('rulesAndScore');
  const again = composeReport({ workspace: { id: 'local', name: graph.practice.name }, graph, evaluation, documents: docs, lens: graph.practice.lenses[0] ?? 'default', generatedAt: NOW.toISOString() });
  lap('compose');
  renderReport(again, 'json');
  lap('renderJson');

  return {
    seconds: secs(ms),
    rowsPerSecond: Math.round(corpus.rows / (ms / 1000)),
    systems: report.systems.length,
    flows: report.flows.length,
    findings: report.findings.length,
    score: report.score.total,
    jsonBytes: Buffer.byteLength(json),
    peakRssMb: mb(peak),
    baselineRssMb: mb(baseline),
    phasesSeconds: phases,
  };
}

/** Runs the service phase in a child process and returns its JSON line. */
function serviceInChild(dir: string, expectSystems: number): Promise<ServiceResult> {
  const hooks = join(here, '..', 'support', 'swc-register.mjs');
  const child = spawn(process.execPath, ['--import', hooks, here, '--phase', 'service', '--dir', dir, '--expect-systems', String(expectSystems), '--rows', String(rows)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ServiceResult);
      } catch {
        reject(new Error(`service phase exited ${code} without a result:\n${out}`));
      }
    });
  });
}

/** The service phase itself (child process). */
async function servicePhase(dir: string, expectSystems: number): Promise<ServiceResult> {
  const { startTestApp } = await import('../support/app.js');
  const s0 = performance.now();
  const t = await startTestApp();
  const startMs = performance.now() - s0;
  const result: ServiceResult = {
    mode: t.mode, startSeconds: secs(startMs), seconds: 0, rowsPerSecond: 0, uploadSeconds: 0, auditCallSeconds: 0,
    systems: 0, flows: 0, findings: 0, score: null, graphVersion: 0, documents: [], peakRssMb: 0, timeline: [],
  };
  try {
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Central Valley Behavioral Health');
    const key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
    const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      const res = await fetch(`${t.base}/api/workspaces/${workspace.slug}${path}`, { ...init, headers: { 'x-api-key': key, 'content-type': 'application/json' } });
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const t0 = performance.now();
    const wall0 = Date.now();
    for (const fileName of ['custody.yaml', 'fleet.csv']) {
      await api('/documents', { method: 'POST', body: JSON.stringify({ fileName, contentBase64: readFileSync(join(dir, fileName)).toString('base64') }) });
    }
    result.uploadSeconds = secs(performance.now() - t0);
    const deadline = Date.now() + 10 * 60_000;
    let audit: AuditReport | undefined;
    let progress = 'nothing yet';
    for (;;) {
      if (Date.now() > deadline) {
        const { JobQueue } = await import('@custody/pipeline');
        const failed = await t.app.get(JobQueue).failed();
        throw new Error(`timed out after 10 minutes waiting for the fleet to be processed and scored; last seen: ${progress}; failed jobs: ${JSON.stringify(failed).slice(0, 2000)}`);
      }
      const docs = await api<{ fileName: string; status: string; reason?: string }[]>('/documents');
      result.documents = docs.map(({ fileName, status, reason }) => ({ fileName, status, reason }));
      progress = `documents ${docs.map((d) => `${d.fileName} ${d.status}`).join(', ')}`;
      const bad = docs.find((d) => d.status === 'failed' || d.status === 'unparsed');
      if (bad) throw new Error(`${bad.fileName} ${bad.status}: ${bad.reason}`);
      if (docs.every((d) => d.status === 'processed')) {
        const log = await api<{ type: string; payload: { version?: number; systems?: number } }[]>('/audit-log?limit=5000');
        const latest = log.filter((e) => e.type === 'GraphChanged').pop();
        const score = await api<{ graphVersion?: number }>('/score');
        progress = `documents processed, latest graph v${latest?.payload.version} with ${latest?.payload.systems} systems, score for v${score.graphVersion}`;
        if (latest?.payload.systems === expectSystems && score.graphVersion === latest.payload.version) {
          const a0 = performance.now();
          audit = await api<AuditReport>('/audit');
          result.auditCallSeconds = secs(performance.now() - a0);
          if (audit.systems.length === expectSystems) {
            result.graphVersion = score.graphVersion ?? 0;
            break;
          }
        }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const ms = performance.now() - t0;
    const log = await api<{ type: string; at: string; payload: { file?: string; version?: number; systems?: number; findings?: number } }[]>('/audit-log?limit=5000');
    result.timeline = log
      .filter((e) => e.type !== 'EvidenceRead')
      .map((e) => `${((new Date(e.at).getTime() - wall0) / 1000).toFixed(1)}s ${e.type}${e.payload.file ? ` ${e.payload.file}` : ''}${e.payload.version ? ` v${e.payload.version}` : ''}${e.payload.systems !== undefined ? ` (${e.payload.systems} systems)` : ''}${e.payload.findings !== undefined ? ` (${e.payload.findings} findings)` : ''}`);
    Object.assign(result, {
      seconds: secs(ms), rowsPerSecond: Math.round(rows / (ms / 1000)),
      systems: audit.systems.length, flows: audit.flows.length, findings: audit.findings.length, score: audit.score.total,
    });
  } catch (err) {
    result.error = (err as Error).message;
  } finally {
    result.peakRssMb = mb(process.resourceUsage().maxRSS);
    await t.close();
  }
  return result;
}

if (arg('--phase') === 'service') {
  const r = await servicePhase(arg('--dir')!, Number(arg('--expect-systems')));
  console.log(JSON.stringify(r));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'custody-fleet-bench-'));
try {
  const corpus = writeFleetCorpus(dir, rows);
  if (!asJson) console.log(`fleet: ${corpus.rows} installs (${corpus.vendors.join(', ')}; ${corpus.sites} sites; ${corpus.driftedRows} drifted), ${(corpus.bytes / 1024).toFixed(0)} KB, in ${dir}`);
  const memory = await inMemory(corpus);
  if (!asJson) console.log(`in memory: ${memory.seconds} s`);
  const service = await serviceInChild(dir, memory.systems);
  const targets = [
    { what: `in memory auditFiles + JSON render < ${TARGET_SECONDS} s`, ok: memory.seconds < TARGET_SECONDS },
    { what: `service end to end (${service.mode}) < ${TARGET_SECONDS} s`, ok: !service.error && service.seconds < TARGET_SECONDS },
    { what: 'service audit has the in-memory systems and findings', ok: !service.error && service.systems === memory.systems && service.findings === memory.findings },
  ];
  if (targets.some((x) => !x.ok)) process.exitCode = 1;
  const { dir: _dir, ...corpusInfo } = corpus;
  if (asJson) {
    console.log(JSON.stringify({ corpus: corpusInfo, inMemory: memory, service, targets }, null, 2));
  } else {
    console.log(`in memory: ${memory.seconds} s (${memory.rowsPerSecond} rows/s), peak RSS ${memory.peakRssMb} MB (baseline ${memory.baselineRssMb} MB); ${memory.systems} systems, ${memory.flows} flows, ${memory.findings} findings, score ${memory.score}, JSON ${(memory.jsonBytes / 1048576).toFixed(1)} MB`);
    console.log(`  phases (warm): ${Object.entries(memory.phasesSeconds).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
    if (service.error) console.log(`service (${service.mode}): ERROR ${service.error}`);
    console.log(`service (${service.mode}): ${service.seconds} s end to end (${service.rowsPerSecond} rows/s; upload ${service.uploadSeconds} s, one /audit call ${service.auditCallSeconds} s; app start ${service.startSeconds} s not counted), peak RSS ${service.peakRssMb} MB; ${service.systems} systems, ${service.flows} flows, ${service.findings} findings, score ${service.score}, graph v${service.graphVersion}`);
    if (service.timeline.length) console.log(`  timeline: ${service.timeline.join(' → ')}`);
    for (const x of targets) console.log(`${x.ok ? 'PASS' : 'FAIL'}  ${x.what}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
