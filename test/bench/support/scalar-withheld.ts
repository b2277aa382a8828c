/**
 * The scalar answers today's readings assert on the develop sets that the shipped calibration withholds (below the
 * fact's threshold), right and wrong, and the develop scalar precision-vs-threshold curve (one threshold for all
 * scalar facts, and the shipped per-fact ones). Develop only: validation and unseen sets are never read.
 *   npx tsx test/bench/support/scalar-withheld.ts [--list]
 */
import { probability, thresholdOf } from '../../../libs/extraction/src/calibration/calibrate.js';
import { CALIBRATION } from '../../../libs/extraction/src/calibration/calibration-weights.js';
import { collectSamples } from './calibration-samples.js';
import { tuningCorpora, VALIDATION_SETS } from './extraction-corpora.js';
import { OWN_CORPORA } from './threshold-curve.js';

async function main() {
  const specs = tuningCorpora().filter((s) => !VALIDATION_SETS.has(s.name) && !OWN_CORPORA.has(s.name));
  const set = await collectSamples(specs, undefined);
  const rows = set.samples.filter((s) => s.kind === 'scalar').map((s) => ({ s, p: probability(CALIBRATION.scalar, s.key, s.x), t: thresholdOf(s.fact, undefined, s.docKind) }));
  const shipped = rows.filter((r) => r.p >= r.t);
  const line = (name: string, kept: typeof rows) => {
    const tp = kept.filter((r) => r.s.y === 1).length;
    console.log(`${name}\tkept ${kept.length}\tright ${tp}\twrong ${kept.length - tp}\tP ${(tp / Math.max(1, kept.length)).toFixed(3)}`);
  };
  line('shipped', shipped);
  for (const t of [0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) line(`t=${t}`, rows.filter((r) => r.p >= t));
  const withheld = rows.filter((r) => r.p < r.t).sort((a, b) => a.s.fact.localeCompare(b.s.fact) || b.p - a.p);
  console.log(`withheld: ${withheld.length}, right ${withheld.filter((r) => r.s.y === 1).length}`);
  if (process.argv.includes('--list'))
    for (const r of withheld) console.log(`${r.s.y ? 'RIGHT' : 'wrong'}\t${r.p.toFixed(3)}<${r.t}\t${r.s.key}\t${r.s.docKind}\t[${r.s.corpus}] ${r.s.doc}\t${r.s.x.map((v) => +v.toFixed(2)).join(',')}`);
}
void main();
