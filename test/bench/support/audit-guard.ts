/**
 * Correctness guard for audit-core speed work (issue 11): the audit's results must not change. Audits the
 * example practice, every practice pack and any workspace folders given (e.g. the bench corpora), and writes
 * one JSON line per workspace with the sha256 of the whole JSON report and of its NDJSON (findings, ids,
 * instances, evidence, score, systems, flows), beside counts and the score. Run it on two checkouts and
 * compare the files byte for byte:
 *
 *   npx tsx test/bench/audit.bench.ts --write fleet --size 10000 --dir /tmp/ws/fleet10k   (and manifest, 1000 …)
 *   npx tsx test/bench/support/audit-guard.ts /tmp/guard-branch.jsonl /tmp/ws/fleet10k /tmp/ws/manifest10k
 *   (cd ../base && npx tsx test/bench/support/audit-guard.ts /tmp/guard-base.jsonl /tmp/ws/fleet10k /tmp/ws/manifest10k)
 *   cmp /tmp/guard-base.jsonl /tmp/guard-branch.jsonl
 *
 * Folders are audited at the bench's clock (2026-06-01), packs at theirs (PACK_NOW).
 */
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditFiles } from '@custody/audit';
import type { AuditReport } from '@custody/domain';
import { jsonChunks, ndjsonChunks } from '@custody/reports';
import { PACK_NOW, PACKS_DIR, packNames } from '../../support/practice-packs.js';

const [out, ...dirs] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!out) throw new Error('usage: audit-guard.ts OUT.jsonl [WORKSPACE_DIR ...]');
const BENCH_NOW = new Date('2026-06-01T00:00:00Z');

const digest = (chunks: Iterable<string | Uint8Array>): string => {
  const h = createHash('sha256');
  for (const c of chunks) h.update(c);
  return h.digest('hex');
};

const cases: { name: string; paths: string[]; now: Date }[] = [
  { name: 'example harborview-counseling', paths: [resolve('examples/harborview-counseling')], now: BENCH_NOW },
  ...packNames().map((p) => ({ name: `pack ${p}`, paths: readdirSync(join(PACKS_DIR, p)).filter((f) => f !== 'expected.yaml').map((f) => join(PACKS_DIR, p, f)), now: PACK_NOW })),
  ...dirs.map((d) => ({ name: `dir ${d}`, paths: [resolve(d)], now: BENCH_NOW })),
];

const lines: string[] = [];
for (const c of cases) {
  const report: AuditReport = await auditFiles(c.paths, { now: c.now, maxManifestBytes: 64 * 1024 * 1024 });
  const instances = report.findings.reduce((s, f) => s + (f.instances?.length ?? 1), 0);
  const line = {
    name: c.name, findings: report.findings.length, instances, score: report.score.total, ruleErrors: report.ruleErrors.length,
    json: digest(jsonChunks(report)), ndjson: digest(ndjsonChunks(report)),
  };
  lines.push(JSON.stringify(line));
  console.log(`${c.name}: ${line.findings} findings / ${instances} instances, score ${line.score}, json ${line.json.slice(0, 12)}, ndjson ${line.ndjson.slice(0, 12)}`);
}
writeFileSync(out, lines.join('\n') + '\n');
