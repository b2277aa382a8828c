/**
 * Report bench (issue 10): the consultant PDF of the bundled example practice and of a 10,000-install fleet.
 *
 * Run: `npm run bench:report` (add `--json` for one JSON object, `--rows N` for another fleet size).
 *
 * 1. The example (examples/harborview-counseling): `auditFiles`, then `renderPdf`; page count (pdfinfo) and
 *    the page where each section starts (pdftotext, page by page: a section's title at the top of a page).
 * 2. The fleet: the fleet bench's generated CSV (3 vendors, 40 sites, drift; support/fleet-corpus.ts) with a
 *    small custody.yaml and the vendor BAA, audited in memory, then `renderPdf`; render time, bytes, pages.
 *
 * Targets: the example about 20 pages (≤ 22) with the law-enforcement view and the remediation plan in the
 * first six pages; the fleet's PDF renders at all (a frame-content timeout used to answer 500) within the
 * renderer's 60 s default, and stays under 40 pages (its size must not grow with the installs). Exit code 1
 * when a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFiles } from '@custody/audit';
import { renderPdf } from '@custody/reports';
import { writeFleetCorpus } from './support/fleet-corpus.js';
import { arg, flag } from './support/args.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const asJson = flag('--json');
const rows = Number(arg('--rows') || 10_000);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer, got ${arg('--rows')}`);
const NOW = new Date('2026-06-01T00:00:00Z');
const SECTION_TITLES = { lawEnforcement: 'Law-enforcement view', plan: 'Remediation plan by vendor', graph: 'Where client information goes',
  findings: 'Findings, grouped', appendix: 'Appendix: method, documents and flows' };

const secs = (ms: number) => Number((ms / 1000).toFixed(2));

/** Page count, and for each section the first page whose first line is its title. */
function paginate(file: string) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  const starts: Record<string, number | null> = {};
  const firstLines: string[] = [];
  for (let p = 1; p <= pages; p++) {
    firstLines.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-']).toString().split('\n').map((l) => l.trim()).find(Boolean) ?? '');
  }
  for (const [key, title] of Object.entries(SECTION_TITLES)) {
    const i = firstLines.findIndex((l) => l.startsWith(title));
    starts[key] = i >= 0 ? i + 1 : null;
  }
  return { pages, starts, firstLines };
}

async function measure(name: string, dir: string, out: string) {
  const t0 = performance.now();
  const report = await auditFiles([dir], { now: NOW });
  const t1 = performance.now();
  // The API's own default timeout: a render that needs more would answer 500 there.
  const pdf = await renderPdf(report, { timeoutMs: 60_000 });
  const t2 = performance.now();
  writeFileSync(out, pdf);
  return { name, systems: report.systems.length, findings: report.findings.length, auditSeconds: secs(t1 - t0), renderSeconds: secs(t2 - t1), bytes: pdf.byteLength, ...paginate(out) };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'custody-report-bench-'));
  try {
    const example = await measure('example', join(root, 'examples/harborview-counseling'), join(tmp, 'example.pdf'));
    const fleetDir = join(tmp, 'fleet');
    writeFleetCorpus(fleetDir, rows);
    copyFileSync(join(root, 'examples/harborview-counseling/docs/scribewell-ai-baa.md'), join(fleetDir, 'scribewell-ai-baa.md'));
    const fleet = await measure(`fleet-${rows}`, fleetDir, join(tmp, 'fleet.pdf'));
    const misses = [
      example.pages > 22 && `example: ${example.pages} pages (target about 20, ≤ 22)`,
      !(example.starts.lawEnforcement && example.starts.lawEnforcement <= 6) && `example: law-enforcement view starts on page ${example.starts.lawEnforcement}`,
      !(example.starts.plan && example.starts.plan <= 6) && `example: remediation plan starts on page ${example.starts.plan}`,
      fleet.pages >= 40 && `fleet: ${fleet.pages} pages (target < 40)`,
    ].filter(Boolean);
    const result = { example, fleet, misses };
    if (asJson) console.log(JSON.stringify(result));
    else {
      for (const r of [example, fleet]) {
        console.log(`${r.name}: ${r.systems} systems, ${r.findings} findings; audit ${r.auditSeconds} s, PDF ${r.renderSeconds} s, ${Math.round(r.bytes / 1024)} KB, ${r.pages} pages`);
        console.log(`  sections start on: ${Object.entries(r.starts).map(([k, v]) => `${k} p.${v ?? '—'}`).join(', ')}`);
        r.firstLines.forEach((l, i) => console.log(`  p.${i + 1}: ${l.slice(0, 90)}`));
      }
      console.log(misses.length ? `MISSED: ${misses.join('; ')}` : 'all targets met');
    }
    process.exitCode = misses.length ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
