/**
 * Practice packs: expected findings raised and false alarms, per pack and in total; then the example practice
 * as a reader meets it: its findings and score, and what each listed what-if moves.
 * `npx tsx test/bench/practices.bench.ts` (one pack: add its name; `--no-example` skips the example).
 */
import { resolve } from 'node:path';
import { createRuleContext, runAudit, whatIf, type WhatIfChange } from '@custody/rules';
import { graphOfFolder } from '../support/audit-graph.js';
import { auditPack, describe, judgePack, loadExpectation, packNames } from '../support/practice-packs.js';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
let expected = 0;
let raised = 0;
let falseAlarms = 0;
for (const pack of packNames().filter((p) => !only.length || only.includes(p))) {
  const r = judgePack(loadExpectation(pack), await auditPack(pack));
  expected += r.expected;
  raised += r.raised.length;
  falseAlarms += r.falseAlarms.length;
  console.log(describe(r));
}
console.log(`TOTAL: expected findings raised ${raised}/${expected}, false alarms ${falseAlarms}`);

if (!args.includes('--no-example')) {
  // The same clock as test/practices/harborview.spec.ts, so the numbers match what the spec checks.
  const now = new Date('2026-06-01T00:00:00Z');
  const graph = await graphOfFolder(resolve('examples/harborview-counseling'), now);
  const ctx = createRuleContext(graph, { now });
  const { findings, score } = runAudit(ctx);
  const bySeverity = Object.entries(findings.reduce<Record<string, number>>((a, f) => ({ ...a, [f.severity]: (a[f.severity] ?? 0) + 1 }), {}));
  console.log(`example: ${findings.length} findings (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}), score ${score.total}`);
  const cases: [string, WhatIfChange[]][] = [
    ['remove the portal tracker', [{ type: 'remove_system', system: 'portal-tracker' }]],
    ['sign the cloud-storage BAA', [{ type: 'sign_baa', system: 'storage' }]],
    ['disable notetaker training', [{ type: 'disable_training', system: 'scribe' }]],
  ];
  for (const [what, changes] of cases) {
    const r = whatIf(graph, changes, ctx);
    const listed = r.disappeared.reduce((a, f) => a + f.contribution, 0);
    console.log(`  what-if ${what}: ${r.before.score.total} → ${r.after.score.total} (−${(r.before.score.total - r.after.score.total).toFixed(2)}), listed contributions of the ${r.disappeared.length} findings it closes ${listed.toFixed(2)}`);
  }
}
