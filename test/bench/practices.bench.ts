/**
 * Practice packs: expected findings raised and false alarms, per pack and in total.
 * `npx tsx test/bench/practices.bench.ts` (one pack: add its name).
 */
import { auditPack, describe, judgePack, loadExpectation, packNames } from '../support/practice-packs.js';

const only = process.argv.slice(2);
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
