import { DATA_CATEGORIES, type DataCategory } from '@custody/domain';
import type { Rule } from './rule.js';
import { runRules } from './runner.js';
import { sortedCategories } from './finding-parts.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

// What a finding keeps of its own: at 100,000 systems a run keeps ~240,000 findings, so lists every finding
// would hold a copy of (its categories, its rule's citations) are one list shared by the findings that hold them.
const graph = new GraphBuilder().system('ehr', 'ehr', { holds: ['diagnosis'] }).build();

const rule = (evaluate: Rule['evaluate']): Rule => ({
  id: 'shared', title: 'Rule shared', kind: 'missing_baa', citations: [{ ref: '45 CFR 164.502(e)' }, { ref: '45 CFR 164.308(b)(1)' }], remediation: 'fix it', evaluate,
});
const draft = (subject: string, categories: DataCategory[], detail: string | (() => string) = 'd') =>
  ({ subject, systems: ['ehr'], categories, likelihood: 0.5, impact: 0.5, evidence: [{ quote: 'q' }], detail });

describe('finding parts', () => {
  it('findings with the same set of categories, in any order or with repeats, share one list in taxonomy order', () => {
    const [a, b, c] = runRules(testContext(graph), [rule(() => [
      draft('system:a', ['contact', 'diagnosis']),
      draft('system:b', ['diagnosis', 'contact', 'diagnosis']),
      draft('system:c', ['contact']),
    ])]).findings;
    expect(a!.categories).toEqual(DATA_CATEGORIES.filter((x) => x === 'contact' || x === 'diagnosis'));
    expect(b!.categories).toBe(a!.categories);
    // Frozen: the list outlives the run, so a write in place must fail rather than edit every holder.
    expect(Object.isFrozen(a!.categories)).toBe(true);
    expect(c!.categories).toEqual(['contact']);
    expect(c!.categories).not.toBe(a!.categories);
  });

  it("findings without citations of their own share their rule's list; with some, theirs come after the rule's", () => {
    const [a, b, c] = runRules(testContext(graph), [rule(() => [
      draft('system:a', ['contact']),
      draft('system:b', ['contact']),
      { ...draft('system:c', ['contact']), citations: [{ ref: 'extra' }, { ref: '45 CFR 164.502(e)' }] },
    ])]).findings;
    expect(a!.citations.map((x) => x.ref)).toEqual(['45 CFR 164.502(e)', '45 CFR 164.308(b)(1)']);
    expect(b!.citations).toBe(a!.citations);
    expect(Object.isFrozen(a!.citations)).toBe(true);
    expect(c!.citations.map((x) => x.ref)).toEqual(['45 CFR 164.502(e)', '45 CFR 164.308(b)(1)', 'extra']);
  });

  it('a detail built from parts reads as the same text', () => {
    const name = 'System 7';
    const [f] = runRules(testContext(graph), [rule(() => [draft('system:a', ['contact'], () => `${name} (s7) receives ${['contact', 'diagnosis'].join(', ')} but no BAA is on file.`)])]).findings;
    expect(f!.detail).toBe('System 7 (s7) receives contact, diagnosis but no BAA is on file.');
  });

  it('sorts every category set as the taxonomy orders it; a list with an unknown category (drafts refuse one) is not shared', () => {
    for (let mask = 1; mask < 1 << 6; mask++) {
      const set = DATA_CATEGORIES.filter((_, i) => mask & (1 << (i * 2)));
      expect(sortedCategories([...set].reverse())).toEqual(set);
    }
    const odd = ['gossip' as DataCategory, 'contact' as DataCategory, 'gossip' as DataCategory];
    expect([...sortedCategories(odd)].sort()).toEqual(['contact', 'gossip']);
    expect(sortedCategories(odd)).not.toBe(sortedCategories(odd));
  });

  it("a finding keeps its draft's systems and evidence lists when they hold no repeats; repeats are dropped in a list of its own", () => {
    const own = draft('system:a', ['contact']);
    const twice = { ...draft('system:b', ['contact']), systems: ['ehr', 'ehr'], evidence: [{ quote: 'q' }, { quote: 'q' }, { quote: 'r' }] };
    const [a, b] = runRules(testContext(graph), [rule(() => [own, twice])]).findings;
    expect(a!.systems).toBe(own.systems);
    expect(a!.evidence).toBe(own.evidence);
    expect(b!.systems).toEqual(['ehr']);
    expect(b!.evidence).toEqual([{ quote: 'q' }, { quote: 'r' }]);
    expect(twice.evidence).toHaveLength(3);
  });
});
