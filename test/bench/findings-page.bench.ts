/**
 * Findings page bench (issue 11, pages that stay small): what one GET /findings?limit=50 page of a 10,000-install
 * fleet's grouped findings costs, with every instance (as before), with `instances=N` and as the API pages by
 * default (10 instances; 10 systems and evidence quotes each). ~47 grouped findings whose instances and
 * evidence total ~30 MB, and `--wide` ungrouped ones quoting every install's row, as the real fleet stores. Times the repository call plus the JSON
 * the API sends (the process's CPU time, median of `--runs`), and the bytes of that JSON. With `instances=N`
 * (N ≤ 100) the page opens each grouped finding's stored head, not its whole sealed row.
 *
 * Run: `npx tsx test/bench/findings-page.bench.ts [--installs N] [--findings N] [--cut N] [--wide N] [--runs N] [--json]`,
 * embedded PGlite, or PostgreSQL when DATABASE_URL is set (a fresh database).
 */
import { DEFAULT_PAGE_INSTANCES, type Finding, type FindingInstance, type Score } from '@custody/domain';
import { freshPersistence } from '../support/database.js';
import { arg, flag } from './support/args.js';

const installs = Number(arg('--installs') ?? 10_000);
const nFindings = Number(arg('--findings') ?? 47);
const cut = Number(arg('--cut') ?? 5);
/** Ungrouped findings on the fleet's vendor, each charged to every install and quoting every install's row. */
const nWide = Number(arg('--wide') ?? 3);
const runs = Number(arg('--runs') ?? 5);
const asJson = flag('--json');

/** Grouped fleet findings: each covers a share of the installs (the largest all of them), one quote per install. */
function groupedFindings(): Finding[] {
  return Array.from({ length: nFindings }, (_, k) => {
    const n = k === 0 ? installs : Math.max(1, Math.round(installs / (2 + (k % 9))));
    const instances: FindingInstance[] = Array.from({ length: n }, (_, i) => ({
      subject: `system:notetaker-${String(i).padStart(5, '0')}`, system: `system:notetaker-${String(i).padStart(5, '0')}`, site: `site-${i % 40}`, severity: 'high',
      evidence: [{ quote: `Install ${i}: recording retention set to 90 days; transcripts kept by the vendor (rule ${k}).`, file: 'fleet.csv', line: i + 2, path: `rows[${i}]` }],
    }) as FindingInstance);
    return {
      id: `rule-${k}@vendor:scribewell`, ruleId: `rule-${k}`, kind: 'retention', title: 'Recording kept longer than the practice allows', severity: 'high',
      likelihood: 0.5, impact: 0.7, subject: 'vendor:scribewell', systems: ['system:notetaker-00000'], categories: ['diagnosis'], citations: [{ ref: '45 CFR 164.530(j)' }],
      remediation: 'Shorten the retention.', evidence: instances[0]!.evidence, detail: `The same holds on ${n} installs.`, contribution: 0.5, instances,
    } as unknown as Finding;
  });
}

/** What the real fleet also stores: a vendor-level finding (e.g. missing BAA) whose evidence is every install's CSV row. */
function wideFindings(): Finding[] {
  return Array.from({ length: nWide }, (_, k) => ({
    id: `wide-${k}@system:scribewell`, ruleId: `wide-${k}`, kind: 'missing_baa', title: 'PHI goes to a business associate with no BAA', severity: 'critical',
    likelihood: 0.85, impact: 0.9, subject: 'system:scribewell', systems: Array.from({ length: installs }, (_, i) => `notetaker-${String(i).padStart(5, '0')}`),
    categories: ['diagnosis'], citations: [{ ref: '45 CFR 164.502(e)' }], remediation: 'Sign a BAA.', detail: `Every install sends PHI (rule ${k}).`, contribution: 0.4,
    evidence: Array.from({ length: installs }, (_, i) => ({ quote: `NT-${String(i).padStart(5, '0')},Clinician ${i},Site ${i % 40},Scribewell AI,4.8.2,always,false,90,365,opt_out,none,OpenAI;Deepgram,US`, file: 'fleet.csv', line: i + 2, path: `row[${i + 1}]` })),
  }) as unknown as Finding);
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { persistence: p, close } = await freshPersistence();
  try {
    const ws = (await p.workspaces.ensure('Fleet Agency')).workspace.id;
    const score = { total: 42, nodes: {}, contributions: [], lens: 'default' } as Score;
    await p.projections.saveScoring(ws, 1, { findings: [...groupedFindings(), ...wideFindings()], score, ruleErrors: [] }, { lens: 'default', evaluatedAt: new Date() });
    const out: Record<string, { cpuMs: number; wallMs: number; bytes: number; items: number }> = {};
    // Alternated, so both see the same machine load.
    const samples: Record<string, { cpu: number[]; wall: number[]; bytes: number; items: number }> = {};
    for (let r = 0; r < runs; r++) {
      // Uncut (the repository's whole rows, as pages were before), instances=N, and the API's default page.
      for (const [name, instances] of [['every instance', undefined], [`instances=${cut}`, cut], ['API default page', DEFAULT_PAGE_INSTANCES]] as const) {
        const c0 = cpuMs();
        const t0 = performance.now();
        const page = await p.projections.findingsPage(ws, false, { limit: 50, instances });
        const body = JSON.stringify({ items: page.items, total: page.total });
        const s = (samples[name] ??= { cpu: [], wall: [], bytes: 0, items: 0 });
        s.cpu.push(cpuMs() - c0);
        s.wall.push(performance.now() - t0);
        s.bytes = Buffer.byteLength(body);
        s.items = page.items.length;
      }
    }
    for (const [name, s] of Object.entries(samples)) out[name] = { cpuMs: Math.round(median(s.cpu)), wallMs: Math.round(median(s.wall)), bytes: s.bytes, items: s.items };
    if (asJson) console.log(JSON.stringify({ installs, findings: nFindings, runs, mode: process.env.DATABASE_URL ? 'postgres' : 'embedded', out }, null, 2));
    else for (const [name, f] of Object.entries(out)) console.log(`${name.padEnd(16)} ${f.items} findings: CPU ${f.cpuMs} ms, wall ${f.wallMs} ms, ${(f.bytes / 1e6).toFixed(2)} MB (median of ${runs})`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
