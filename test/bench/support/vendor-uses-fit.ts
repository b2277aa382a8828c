/**
 * One-dimensional fit of the names calibration's `vendorUses` weight (calibration/vendor-uses.ts), every other name
 * weight held at its shipped value: the penalised log likelihood (L2 as FIT_SETTINGS.l2) of the develop answers
 * (fitCorpora(): never a validation or unseen set's) on which the feature fires, per weight, then those answers. For a
 * feature added by hand between two full fits (calibration-weights.ts header); the next full fit refits it.
 *   npx tsx test/bench/support/vendor-uses-fit.ts
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { join } from 'node:path';
import { collectSamples } from './calibration-samples.js';
import { fitCorpora, ROOT } from './extraction-corpora.js';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import { NAME_FEATURES } from '../../../libs/extraction/src/calibration/features.js';
const set = await collectSamples(fitCorpora(), join(ROOT, 'test', 'fixtures', 'calibration-snapshots'));
const k = NAME_FEATURES.indexOf('vendorUses');
const names = set.samples.filter((s) => s.kind === 'names');
const fire = names.filter((s) => s.x[k] === 1);
const m = CALIBRATION.names;
const z0 = (s: typeof names[0]) => { let z = m.bias + (m.perValue[s.key] ?? 0); for (let i = 0; i < s.x.length; i++) if (i !== k) z += m.weights[i] * s.x[i]; return z; };
const sig = (z: number) => 1 / (1 + Math.exp(-z));
console.log('name samples', names.length, 'firing', fire.length, 'right', fire.filter((s) => s.y).length);
for (let w = -1; w <= 2.01; w += 0.1) {
  const ll = fire.reduce((a, s) => a + (s.y ? Math.log(sig(z0(s) + w)) : Math.log(1 - sig(z0(s) + w))), 0) - 0.5 * w * w; // L2 1 as the fit
  console.log(w.toFixed(1), ll.toFixed(3));
}
for (const s of fire) console.log(s.y, sig(z0(s)).toFixed(2), s.source, s.doc, s.name);
