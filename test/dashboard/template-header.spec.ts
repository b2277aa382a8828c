import { onlyTemplates } from '../../apps/dashboard/src/header.js';

// The live view reads the score alone (no report): whether it rates no one is read off the map's classes
// (toCytoscapeElements: `assessed`, `template`), so the header shows a template's state rather than "0/100".
describe('dashboard header: a template review shows its state, not a score', () => {
  it('is a template review only when every assessed system is a template', () => {
    expect(onlyTemplates([{ classes: 'role-practice exposure-none' }, { classes: 'role-other exposure-none has-findings assessed template' }])).toBe(true);
    // A named vendor beside it: an assessment of that vendor, scored.
    expect(onlyTemplates([{ classes: 'role-other assessed template' }, { classes: 'role-other exposure-critical assessed' }])).toBe(false);
    // No assessment at all (a practice's own stack), and a class that merely contains the word.
    expect(onlyTemplates([{ classes: 'role-practice' }, { classes: 'role-ehr exposure-low' }])).toBe(false);
    expect(onlyTemplates([{ classes: 'role-other assessed templates' }])).toBe(false);
  });
});
