import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FRESH_SETS, labelledCorpora, OTA_DOCS, ROOT, tuningCorpora, UNSEEN_ROLES } from './extraction-corpora.js';

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
