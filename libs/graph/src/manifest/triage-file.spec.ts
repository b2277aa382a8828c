import { parseTriageFile } from './triage-file.js';

describe('parseTriageFile', () => {
  it('reads decisions by finding id with reason, who and when', () => {
    const map = parseTriageFile([
      'triage:',
      '  - finding: ai-training@system:scribe',
      '    status: mitigated',
      '    reason: opted out in the admin console',
      '    by: jane@practice.example',
      '    at: 2026-10-01',
      '  - finding: "tracking-technology@system:pixel"',
      '    status: false_positive',
      '    reason: the tag only loads on the marketing site',
      '    by: sam',
    ].join('\n'));
    expect([...map]).toEqual([
      ['ai-training@system:scribe', { status: 'mitigated', reason: 'opted out in the admin console', by: 'jane@practice.example', at: '2026-10-01' }],
      ['tracking-technology@system:pixel', { status: 'false_positive', reason: 'the tag only loads on the marketing site', by: 'sam' }],
    ]);
  });

  it('reports every problem with its line', () => {
    const text = [
      'triage:',
      '  - finding: not an id',      // 2
      '    status: ignored',         // 3
      '    reason: ""',
      '    by: sam',
      '  - finding: a@b',            // 6
      '    status: accepted',
      '    colour: red',             // 8
    ].join('\n');
    expect(() => parseTriageFile(text, 'ci/custody-triage.yaml')).toThrow(
      /ci\/custody-triage.yaml: \d+ problems in the triage file[\s\S]*:2: triage\[0\].finding: must be a finding id[\s\S]*:3: triage\[0\].status[\s\S]*reason: must say why[\s\S]*by: is required/,
    );
  });

  it('refuses a finding decided twice and a file without a triage list', () => {
    const twice = ['triage:', '  - { finding: a@b, status: accepted, reason: x, by: y }', '  - { finding: a@b, status: mitigated, reason: x, by: y }'].join('\n');
    expect(() => parseTriageFile(twice)).toThrow(/custody-triage.yaml:3: triage\[1\].finding: a@b is decided twice/);
    expect(() => parseTriageFile('practice: {}')).toThrow(/triage: is required|unrecognized key/i);
  });
});
