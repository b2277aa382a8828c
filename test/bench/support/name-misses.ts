/**
 * The sub-processor-name table of fit-calibration.ts: where the names a set labels go. A labelled name the reading
 * found can still be withheld by the calibration (its probability is under the threshold); one it never found is
 * beyond any calibration. Separating the two says whether a miss is the model's or the reading's, and the false
 * positives that pass the threshold say what the threshold lets through.
 */

/** One name the reading asserted on one document, scored against the labels, with a probability from some model. */
export interface NameAnswer {
  corpus: string;
  source: string;
  y: 0 | 1;
  p: number;
}

export interface NameMisses {
  labelled: number;
  kept: number;
  withheld: number;
  neverFound: number;
  fpKept: number;
  fpWithheld: number;
}

/** Counts for one group of answers: `labelled` is how many names the labels list for the same documents. */
export function nameMisses(rows: NameAnswer[], labelled: number, threshold: number): NameMisses {
  const right = rows.filter((r) => r.y === 1);
  const wrong = rows.filter((r) => r.y === 0);
  const kept = right.filter((r) => r.p >= threshold).length;
  return {
    labelled,
    kept,
    withheld: right.length - kept,
    neverFound: labelled - right.length,
    fpKept: wrong.filter((r) => r.p >= threshold).length,
    fpWithheld: wrong.filter((r) => r.p < threshold).length,
  };
}

/**
 * Prints one row per corpus for today's extractor and one per earlier-extractor source pooled, then the totals:
 * labelled names, kept right (TP), false negatives withheld by the calibration, false negatives never found by the
 * reading, false positives kept (over the threshold), false positives withheld.
 */
export function printNameMisses(title: string, rows: NameAnswer[], positives: Map<string, number>, threshold: number): void {
  console.log(`\nsub-processor names, ${title} (threshold ${threshold}): labelled | TP kept | FN withheld by calibration | FN never found | FP kept | FP withheld`);
  const line = (label: string, m: NameMisses) =>
    console.log(`  ${label.padEnd(24)} ${[m.labelled, m.kept, m.withheld, m.neverFound, m.fpKept, m.fpWithheld].map((n) => String(n).padStart(5)).join(' ')}`);
  const keys = [...positives.keys()].sort();
  const group = (pick: (key: string) => boolean, label: string) => {
    const ks = keys.filter(pick);
    const m = nameMisses(rows.filter((r) => ks.includes(`${r.corpus}|${r.source}`)), ks.reduce((n, k) => n + positives.get(k)!, 0), threshold);
    line(label, m);
    return m;
  };
  for (const k of keys.filter((k) => k.endsWith('|today'))) group((x) => x === k, k.split('|')[0]);
  const today = group((k) => k.endsWith('|today'), 'all, today');
  const snaps = group((k) => !k.endsWith('|today'), 'all, earlier extractors');
  const pct = (m: NameMisses) => (m.withheld + m.neverFound === 0 ? '-' : `${Math.round((100 * m.withheld) / (m.withheld + m.neverFound))} %`);
  console.log(`  misses withheld by the calibration: today ${pct(today)}, earlier extractors ${pct(snaps)}`);
}
