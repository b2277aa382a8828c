import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FRESH_SETS, labelledCorpora, OTA_DOCS, ROOT, saltedSelection, tuningCorpora, UNSEEN_ROLES } from './extraction-corpora.js';

// The calibration fit (fit-calibration.ts) takes its corpora from tuningCorpora(): an unseen set must never be in it.
describe('tuning corpora', () => {
  const tuning = tuningCorpora();
  const names = tuning.map((c) => c.name);

  it('hold no corpus of an unseen role, and none of the unseen OTA sets', () => {
    expect(tuning.filter((c) => UNSEEN_ROLES.has(c.role))).toEqual([]);
    for (const set of FRESH_SETS.filter((s) => UNSEEN_ROLES.has(s.role))) expect(names).not.toContain(set.name);
    expect(names).toContain('project');
  });

  it('hold every labelled corpus one may tune on, taken from the roles rather than a list', () => {
    const expected = labelledCorpora().filter((c) => !UNSEEN_ROLES.has(c.role)).map((c) => c.name);
    expect(names).toEqual(expected);
    // The OTA sets are read only where the shared corpus sits beside the checkout (../shared/corpus/ota); a clean clone
    // elsewhere (CI's) has the project's own corpora alone, and then no OTA set may appear either.
    const otaPresent = existsSync(OTA_DOCS);
    const tuneSets = FRESH_SETS.filter((s) => s.role === 'tune' && otaPresent && existsSync(join(ROOT, 'test', 'fixtures', 'ota-labels', s.file)));
    if (!otaPresent) expect(names.filter((n) => n.startsWith('ota-'))).toEqual([]);
    for (const set of tuneSets) expect(names).toContain(set.name);
  });
});

// FRESH25_RULE admits privacy policies of services with another document labelled: the relaxation is per kind.
describe('salted selection', () => {
  const doc = (path: string) => ({ path, sha256: path, chars: 1000 });
  const index = [doc('A/Privacy Policy.md'), doc('A/Terms of Service.md'), doc('B/Privacy Policy.md'), doc('C/Terms of Service.md')];
  // A's terms and B's privacy policy are labelled; C has nothing labelled.
  const labelled = ['A/Terms of Service.md', 'B/Privacy Policy.md'];
  const rule = (excludes?: 'service' | 'same kind') => ({ salt: 's:', maxChars: 100_000, kinds: [{ kind: 'privacy policy', types: ['Privacy Policy.md'], count: 1, excludes }] });

  it("admits a privacy policy whose service has only another kind labelled, when the kind excludes by 'same kind'", () => {
    expect(saltedSelection(index, labelled, rule('same kind'))).toEqual(['A/Privacy Policy.md']);
  });

  it('still excludes a service whose document of the same kind is labelled, and every labelled service by default', () => {
    const strict = { ...rule('same kind'), kinds: [{ ...rule('same kind').kinds[0], count: 2 }] };
    expect(() => saltedSelection(index, labelled, strict)).toThrow('only 1 of 2');
    expect(() => saltedSelection(index, labelled, rule())).toThrow('only 0 of 1');
    expect(saltedSelection(index, labelled, { ...rule(), kinds: [{ kind: 'terms', types: ['Terms of Service.md'], count: 1 }] })).toEqual(['C/Terms of Service.md']);
  });
});
