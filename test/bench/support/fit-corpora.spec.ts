import { SCALAR_FEATURES } from '../../../libs/extraction/src/calibration/features.js';
import type { Sample } from './calibration-samples.js';
import { FIT_SETTINGS, fitBoth } from './calibration-samples.js';
import { FRESH_SETS, fitCorpora, fittable, UNSEEN_ROLES, VALIDATION_SETS } from './extraction-corpora.js';

// Issue 7: the validation figures (ota-fresh10..12) and the unseen sets' figures must be measured with calibration
// weights and thresholds that never saw those sets, so no fit may read them — whatever script runs the fit.
const barred = FRESH_SETS.filter((s) => s.validation || UNSEEN_ROLES.has(s.role)).map((s) => s.name);
// The newest set is unseen until its misses are read (then the oldest unseen one moves to tuning), so the test names
// it from the table rather than by a number that goes stale when a set changes role.
const newest = FRESH_SETS[FRESH_SETS.length - 1].name;

describe('the calibration fit', () => {
  it('knows the validation sets from the corpus table (FRESH_SETS), not from a list kept elsewhere', () => {
    expect([...VALIDATION_SETS].sort()).toEqual(['ota-fresh10', 'ota-fresh11', 'ota-fresh12']);
    expect(FRESH_SETS[FRESH_SETS.length - 1].role).toBe('fresh');
    expect(barred).toEqual(expect.arrayContaining(['ota-fresh10', 'ota-fresh12', newest]));
    expect(barred).not.toContain('ota-fresh9');
    for (const name of barred) expect(fittable(name)).toBe(false);
  });

  it('takes its corpora without any validation or unseen set, and with the develop sets and the project own', () => {
    const names = fitCorpora().map((c) => c.name);
    for (const name of barred) expect(names).not.toContain(name);
    expect(names).toContain('project');
    expect(fitCorpora().filter((c) => UNSEEN_ROLES.has(c.role))).toEqual([]);
  });

  it('refuses an answer of a validation or unseen set, and fits the develop ones', () => {
    const sample = (corpus: string, y: 0 | 1): Sample => ({ corpus, source: 'today', doc: 'a.md', service: 'a', docKind: 'privacy_policy', kind: 'scalar', fact: 'data_sale_or_marketing', key: 'data_sale_or_marketing=prohibited', x: SCALAR_FEATURES.map(() => 0.5), y });
    const settings = { ...FIT_SETTINGS, iterations: 5 };
    const develop = [sample('ota-fresh9', 1), sample('ota-fresh9', 0)];
    expect(() => fitBoth(develop, settings)).not.toThrow();
    for (const corpus of ['ota-fresh10', 'ota-fresh12', newest]) {
      expect(() => fitBoth([...develop, sample(corpus, 1)], settings)).toThrow(`may not read validation or unseen sets: ${corpus}`);
    }
  });
});
