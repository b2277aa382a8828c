/**
 * Read-model storage bench (issue 12, sealing the read models): what the worker's project and score steps
 * spend in storage for a 10,000-install fleet's size — a graph of 10,000 systems and 28,000 flows, and ~64,000
 * findings — and what the API's findings read spends opening them. In-memory audit cost is `bench:audit`; this
 * times only the repository calls (`saveGraph`, `graph`, `saveScoring`, `findings`, `openFindings`, `score`),
 * so a change in how read models are stored (e.g. sealed) shows apart from the rules.
 *
 * Run: `npx tsx test/bench/read-models.bench.ts [--findings N] [--systems N] [--runs N] [--json]`, embedded
 * PGlite, or PostgreSQL when DATABASE_URL is set (a fresh database each run). Figures are the process's CPU
 * time (user + system) and wall time per call, median of `--runs` (default 3): CPU is what sealing adds; the
 * machine is shared, so wall time is noisy.
 */
import { randomBytes } from 'node:crypto';
import type { Finding, Graph, GraphFlow, GraphSystem, Score } from '@custody/domain';
import { DataKeyring } from '@custody/persistence';
import { freshPersistence } from '../support/database.js';
import { arg, flag } from './support/args.js';

const nFindings = Number(arg('--findings') ?? 64_000);
const nSystems = Number(arg('--systems') ?? 10_000);
const runs = Number(arg('--runs') ?? 3);
const asJson = flag('--json');

const quote = (i: number) => `Install ${i}: recording retention set to 90 days; transcripts stored by the vendor for client care (line ${i}).`;

function fleetGraph(): Graph {
  const systems: GraphSystem[] = Array.from({ length: nSystems }, (_, i) => ({
    id: `system:notetaker-${i}`, name: `Notetaker install ${i}`, role: 'ai_notetaker', holds: ['diagnosis'], settings: {} as GraphSystem['settings'],
    contracts: [], evidence: [{ quote: quote(i), file: 'fleet.csv', line: i + 2, path: `rows[${i}]` }], group: { vendor: `vendor-${i % 3}`, site: `site-${i % 40}` },
  } as unknown as GraphSystem));
  const flows: GraphFlow[] = Array.from({ length: Math.round(nSystems * 2.8) }, (_, i) => ({
    id: `system:notetaker-${i % nSystems}->vendor-${i % 3}#${i}`, from: `system:notetaker-${i % nSystems}`, to: `vendor-${i % 3}`, data: ['diagnosis'], transport: 'https',
    legalBasis: 'baa', evidence: [{ quote: quote(i), file: 'fleet.csv', line: (i % nSystems) + 2 }],
  } as unknown as GraphFlow));
  return { practice: { name: 'Fleet Agency', lenses: ['default'], records: {} }, systems, flows, consents: [], redactions: [], identifiers: [], asOf: '2026-01-01' } as unknown as Graph;
}

function fleetFindings(): Finding[] {
  return Array.from({ length: nFindings }, (_, i) => ({
    id: `rule-${i % 12}@system:notetaker-${i}`, ruleId: `rule-${i % 12}`, kind: 'retention', title: 'Recording kept longer than the practice allows',
    severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4], likelihood: 0.5, impact: 0.7, subject: `system:notetaker-${i % nSystems}`,
    systems: [`system:notetaker-${i % nSystems}`], categories: ['diagnosis'], citations: [{ ref: '45 CFR 164.530(j)' }],
    remediation: 'Shorten the retention in the vendor console.', evidence: [{ quote: quote(i), file: 'fleet.csv', line: (i % nSystems) + 2 }],
    detail: `Install ${i} keeps recordings 90 days.`, contribution: 0.01,
  } as unknown as Finding));
}

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; cpuMs: number; wallMs: number }> {
  const c0 = cpu();
  const t0 = performance.now();
  const value = await f();
  return { value, cpuMs: cpu() - c0, wallMs: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once() {
  const { persistence: p, close } = await freshPersistence(new DataKeyring('bench', new Map([['bench', randomBytes(32)]])));
  try {
    const ws = (await p.workspaces.ensure('Fleet Agency')).workspace.id;
    const graph = fleetGraph();
    const findings = fleetFindings();
    const score = { total: 42.5, nodes: Object.fromEntries(graph.systems.map((s, i) => [s.id, i % 100])), contributions: [], lens: 'default' } as Score;
    const out: Record<string, { cpuMs: number; wallMs: number }> = {};
    out.saveGraph = await timed(() => p.projections.saveGraph(ws, graph, 1));
    out.readGraph = await timed(() => p.projections.graph(ws));
    // Second projection with one system changed: what each new document costs the project step.
    const next = { ...graph, systems: graph.systems.map((s, i) => (i === 0 ? { ...s, name: 'renamed' } : s)) };
    out.saveGraphChanged = await timed(() => p.projections.saveGraph(ws, next, 2));
    const run = { lens: 'default' as const, evaluatedAt: new Date() };
    out.saveScoringFirst = await timed(() => p.projections.saveScoring(ws, 1, { findings, score, ruleErrors: [] }, run));
    out.saveScoringAgain = await timed(() => p.projections.saveScoring(ws, 2, { findings, score, ruleErrors: [] }, run));
    const read = await timed(() => p.projections.findings(ws));
    if (read.value.length !== findings.length) throw new Error(`read ${read.value.length} findings, stored ${findings.length}`);
    out.findings = read;
    out.openFindings = await timed(() => p.projections.openFindings(ws));
    out.score = await timed(() => p.projections.score(ws));
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { cpuMs: v.cpuMs, wallMs: v.wallMs }]));
  } finally {
    await close();
  }
}

async function main() {
  const all: Record<string, { cpuMs: number; wallMs: number }>[] = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  const result = Object.fromEntries(Object.keys(all[0]!).map((k) => [k, { cpuMs: Math.round(median(all.map((r) => r[k]!.cpuMs))), wallMs: Math.round(median(all.map((r) => r[k]!.wallMs))) }]));
  const mode = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  if (asJson) console.log(JSON.stringify({ mode, findings: nFindings, systems: nSystems, runs, result }, null, 2));
  else {
    console.log(`read-model bench (${mode}): ${nSystems} systems, ${nFindings} findings, median of ${runs}`);
    for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(18)} cpu ${String(v.cpuMs).padStart(6)} ms   wall ${String(v.wallMs).padStart(6)} ms`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
