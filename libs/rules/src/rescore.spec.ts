import { DATA_CATEGORIES, FINDING_KINDS, type Finding } from '@custody/domain';
import { nameMatcher, nameMatches, systemNameMatcher } from './contracts.js';
import { computeScore, type ScoreOptions } from './score.js';
import { rescore, sameScoreInputs } from './rescore.js';

const SYSTEMS = ['practice', 'ehr', 'scribe', 'openai', 'install-1', 'install-2', 'install-3'];

function finding(n: number, over: Partial<Finding> = {}): Finding {
  const systems = [SYSTEMS[n % SYSTEMS.length]!, ...(n % 3 === 0 ? ['install-1', 'install-2'] : [])];
  return {
    id: `rule-${n}@system:${systems[0]}`, ruleId: `rule-${n}`, kind: FINDING_KINDS[n % FINDING_KINDS.length]!, title: 't', severity: 'medium',
    likelihood: 0.3 + (n % 5) / 10, impact: 0.4 + (n % 4) / 10, subject: `system:${systems[0]}`, systems,
    categories: [DATA_CATEGORIES[n % DATA_CATEGORIES.length]!], citations: [], remediation: '', evidence: [{ quote: `q${n}` }], detail: '', contribution: 0,
    ...over,
  };
}

const opts: ScoreOptions = { lenses: ['default'], systems: SYSTEMS };
const base = Array.from({ length: 12 }, (_, n) => finding(n));

describe('rescore: the previous scoring reused only when nothing the score reads changed', () => {
  it('reuses the score when only evidence changed, and gives what computeScore gives', () => {
    const first = rescore(base, opts);
    const next = base.map((f, i) => (i === 4 ? { ...f, evidence: [{ quote: 'another line' }], detail: 'changed' } : f));
    const again = rescore(next, opts, first.memo);
    expect(again.result.score).toBe(first.result.score);
    expect(again.result).toEqual(computeScore(next, opts));
    expect(again.result.findings[4]!.evidence).toEqual([{ quote: 'another line' }]);
  });

  it.each([
    ['likelihood', (f: Finding) => ({ ...f, likelihood: 0.95 })],
    ['systems charged', (f: Finding) => ({ ...f, systems: [...f.systems, 'install-3'] })],
    ['instance count', (f: Finding) => ({ ...f, instances: [{ subject: 'a' }, { subject: 'b' }] as Finding['instances'] })],
    ['triage clearing it', (f: Finding) => ({ ...f, triage: { status: 'mitigated' } as Finding['triage'] })],
    // Weighed by the substance-use lens (below): categories reach the score through a lens.
    ['categories', (f: Finding) => ({ ...f, categories: ['substance_use'] as Finding['categories'] })],
  ])('scores again when a finding\'s %s changed', (_what, change) => {
    const o: ScoreOptions = { ...opts, lenses: ['substance-use'] };
    const first = rescore(base, o);
    const next = base.map((f, i) => (i === 3 ? change(f) : f));
    expect(sameScoreInputs(base[3]!, next[3]!)).toBe(false);
    const again = rescore(next, o, first.memo);
    expect(again.result).toEqual(computeScore(next, o));
    expect(again.result.score).not.toEqual(first.result.score);
  });

  it('scores again when the systems listed, the lenses or the number of findings changed', () => {
    const first = rescore(base, opts);
    for (const [findings, o] of [[base, { ...opts, systems: [...SYSTEMS, 'new-system'] }], [base, { ...opts, lenses: ['substance-use'] }], [base.slice(1), opts]] as const) {
      const again = rescore(findings, o, first.memo);
      expect(again.result.score).not.toBe(first.result.score);
      expect(again.result).toEqual(computeScore(findings, o));
    }
  });
});

describe('systemNameMatcher', () => {
  it('answers as nameMatcher over the systems\' names and ids, also when asked again after a rename', () => {
    const systems = [{ id: 'openai', name: 'OpenAI, L.L.C.' }, { id: 'subprocessor-azure', name: 'Microsoft Azure' }, { id: 'ehr', name: 'EHR' }];
    const asked = ['OpenAI', 'Azure', 'Microsoft Azure OpenAI Service', 'Deepgram', 'ehr', ''];
    const expected = nameMatcher(systems.flatMap((s) => [s.name, s.id]));
    expect(asked.map(systemNameMatcher(systems))).toEqual(asked.map(expected));
    const renamed = [{ id: 'deepgram', name: 'Deepgram Inc' }, ...systems.slice(1)];
    expect(asked.map(systemNameMatcher(renamed))).toEqual(asked.map(nameMatcher(renamed.flatMap((s) => [s.name, s.id]))));
    expect(systemNameMatcher(renamed)('Deepgram')).toBe(true);
    expect(systemNameMatcher(renamed)('OpenAI')).toBe(false);
  });

  it('answers the same when some systems are asked first, whichever part holds the match', () => {
    const systems = [
      { id: 'install-a-1', name: 'Scribe install A-1 (Dr Okafor)', install: true }, { id: 'openai', name: 'OpenAI, L.L.C.', install: false },
      { id: 'install-a-2', name: 'Deepgram relay install', install: true }, { id: 'ehr', name: 'EHR', install: false },
    ];
    const asked = ['OpenAI', 'Deepgram', 'Okafor', 'install a 2', 'Microsoft Azure OpenAI Service', 'ehr', 'Rev.com', ''];
    const expected = asked.map(nameMatcher(systems.flatMap((s) => [s.name, s.id])));
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    expect(asked.map(systemNameMatcher(systems, (s) => !s.install))).toEqual(expected);
    expect(asked.map(systemNameMatcher(systems, (s) => s.install))).toEqual(expected);
  });
});

describe('nameMatcher over many names', () => {
  it('answers as nameMatches against each name: exact, either containing the other, short names only exactly', () => {
    // Names of every length around the 4-character bound, keys that contain the asked name and keys it contains,
    // and neighbours that would only match across two joined keys.
    const names = ['AI', 'Rev', 'Otter', 'OpenAI, L.L.C.', 'Deepgram Inc', 'Scribewell AI install S01-LT-00696', 'gram', 'Azure',
      'Microsoft Azure', 'ab', 'cdef', 'abcd', 'efgh', 'install-s01-lt-00696', 'Amazon Web Services, Inc.'];
    const asked = ['ai', 'Rev', 'rev.com', 'Otter.ai', 'OpenAI', 'Deepgram', 'gram', 'ram', 'Azure OpenAI', 'Scribewell', 'abcdefgh',
      'cdefab', 'bcde', 'dabc', 'S01-LT-00696', 'Amazon Web Services', 'amazonwebservicesinc', 'Anthropic', '', '   '];
    const matches = nameMatcher(names);
    for (const a of asked) expect([a, matches(a)]).toEqual([a, names.some((n) => nameMatches(n, a))]);
    // The same names as systems' names and ids (systemNameMatcher searches one text of their keys, not a set).
    const systems = names.map((name, i) => ({ id: names[(i + 5) % names.length]!, name }));
    const ofSystems = systemNameMatcher(systems);
    for (const a of asked) expect([a, ofSystems(a)]).toEqual([a, names.some((n) => nameMatches(n, a))]);
  });
});
