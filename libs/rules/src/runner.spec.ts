import { DATA_CATEGORIES } from '@custody/domain';
import type { Rule } from './rule.js';
import { activeLenses, runAudit, runRules, runRulesUngrouped } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

const graph = new GraphBuilder().system('ehr', 'ehr', { holds: ['diagnosis'] }).build();

const rule = (id: string, evaluate: Rule['evaluate']): Rule => ({
  id,
  title: `Rule ${id}`,
  kind: 'missing_baa',
  citations: [{ ref: '45 CFR 164.502(e)' }],
  remediation: 'fix it',
  evaluate,
});

const draft = (subject: string, likelihood = 0.5, impact = 0.5) => ({
  subject,
  systems: ['ehr'],
  categories: ['diagnosis' as const],
  likelihood,
  impact,
  evidence: [{ quote: 'q' }],
  detail: 'd',
});

describe('runRules', () => {
  it('reports a rule that throws and keeps the others\' findings', () => {
    const boom = rule('boom', () => {
      throw new Error('bad fact');
    });
    const ok = rule('ok', () => [draft('system:ehr')]);
    const { findings, errors } = runRules(testContext(graph), [boom, ok]);
    expect(errors).toEqual([{ ruleId: 'boom', message: 'bad fact' }]);
    expect(findings.map((f) => f.id)).toEqual(['ok@system:ehr']);
  });

  it('rejects drafts with invalid subjects, numbers or categories as rule errors', () => {
    const badSubject = rule('bad-subject', () => [draft('ehr')]);
    const badNumber = rule('bad-number', () => [draft('system:ehr', Number.NaN)]);
    const badCategory = rule('bad-category', () => [{ ...draft('system:ehr'), categories: ['gossip' as never] }]);
    const { findings, errors } = runRules(testContext(graph), [badSubject, badNumber, badCategory]);
    expect(findings).toEqual([]);
    expect(errors.map((e) => e.ruleId)).toEqual(['bad-subject', 'bad-number', 'bad-category']);
  });

  it('builds stable ids ruleId@subject, severity from severityOf, and merges same-subject drafts', () => {
    const r = rule('dup', () => [draft('system:ehr', 0.3, 0.9), draft('system:ehr', 0.9, 0.2)]);
    const [f, ...rest] = runRules(testContext(graph), [r]).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'dup@system:ehr', ruleId: 'dup', kind: 'missing_baa', likelihood: 0.9, impact: 0.9, severity: 'critical', contribution: 0 });
    expect(f!.evidence).toEqual([{ quote: 'q' }]);
  });

  it('merges a repeated subject wherever it comes, and keeps strictly ascending subjects apart', () => {
    // Ascending subjects skip the merge map; a repeat after an ascending run (a, b, a) or an adjacent one must
    // still merge, whatever the order the rule drafted them in.
    const subjects = ['system:a', 'system:b', 'system:c', 'system:d'];
    const ascending = rule('asc', () => subjects.map((s, i) => draft(s, 0.1 * (i + 1), 0.5)));
    const kept = runRules(testContext(graph), [ascending]).findings.map((f) => [f.subject, f.likelihood]);
    expect(kept.sort()).toEqual([['system:a', 0.1], ['system:b', 0.2], ['system:c', 0.3], ['system:d', 0.4]]);
    for (const order of [['system:a', 'system:b', 'system:a'], ['system:a', 'system:a', 'system:b'], ['system:b', 'system:a', 'system:a']]) {
      const r = rule('rep', () => order.map((s, i) => draft(s, i === order.lastIndexOf('system:a') ? 0.9 : 0.2, 0.5)));
      const found = runRules(testContext(graph), [r]).findings;
      expect(found.map((f) => f.subject).sort()).toEqual(['system:a', 'system:b']);
      expect(found.find((f) => f.subject === 'system:a')!.likelihood).toBe(0.9);
    }
  });

  it('merges thousands of drafts on one subject into one text, in order, without nesting', () => {
    // A config's redacted secrets all fall back to its one flow: one subject, thousands of drafts. Their texts
    // fold left to right, each added unless it equals the whole text so far; lazily built texts fold the same way.
    const texts = ['a', 'a', 'b', 'b', 'a'];
    const small = rule('fold', () => texts.map((t, i) => ({ ...draft('system:ehr'), detail: i % 2 ? () => t : t })));
    expect(runRules(testContext(graph), [small]).findings[0]!.detail).toBe('a b b a');
    const many = rule('many', () => Array.from({ length: 20_000 }, (_, i) => ({ ...draft('system:ehr'), detail: () => (i === 0 ? 'first' : 'same') })));
    const { findings, errors } = runRules(testContext(graph), [many]);
    expect(errors).toEqual([]);
    expect(findings.map((f) => f.detail)).toEqual([`first${' same'.repeat(19_999)}`]);
  });

  it('isolates a rule whose lazily built text throws, like one whose evaluate throws', () => {
    const lazyBoom = rule('lazy-boom', () => [{ ...draft('system:ehr'), detail: () => { throw new Error('no text'); } }]);
    const ok = rule('ok', () => [draft('system:ehr')]);
    for (const run of [runRules, runRulesUngrouped]) {
      const { findings, errors } = run(testContext(graph), [lazyBoom, ok]);
      expect(errors).toEqual([{ ruleId: 'lazy-boom', message: 'no text' }]);
      expect(findings.map((f) => f.id)).toEqual(['ok@system:ehr']);
    }
  });

  it('orders findings deterministically: worst severity first, then id', () => {
    const r = rule('order', () => [draft('system:b', 0.2, 0.2), draft('system:a', 0.2, 0.2), draft('system:c', 1, 1)]);
    expect(runRules(testContext(graph), [r]).findings.map((f) => f.id)).toEqual(['order@system:c', 'order@system:a', 'order@system:b']);
  });

  it('clamps likelihood and impact into [0, 1]', () => {
    const r = rule('clamp', () => [draft('system:ehr', 1.7, -2)]);
    expect(runRules(testContext(graph), [r]).findings[0]).toMatchObject({ likelihood: 1, impact: 0, severity: 'info' });
  });

  it('lists a finding\'s categories once each, in taxonomy order, whatever order and repeats its draft had', () => {
    const shuffled = [...DATA_CATEGORIES].reverse();
    const mixed = rule('mixed', () => [{ ...draft('system:ehr'), categories: [...shuffled, 'diagnosis', ...shuffled.slice(3)] }]);
    const two = rule('two', () => [{ ...draft('system:ehr'), categories: ['substance_use', 'demographics', 'substance_use'] }]);
    const { findings } = runRules(testContext(graph), [mixed, two]);
    expect(findings.find((f) => f.ruleId === 'mixed')!.categories).toEqual([...DATA_CATEGORIES]);
    expect(findings.find((f) => f.ruleId === 'two')!.categories).toEqual(DATA_CATEGORIES.filter((c) => c === 'substance_use' || c === 'demographics'));
  });
});

describe('runAudit', () => {
  it('sets contributions (what fixing each takes off) that with the overlap sum to the workspace total', () => {
    const r = rule('a', () => [draft('system:ehr', 0.8, 0.8), draft('system:practice', 0.4, 0.4)]);
    const { findings, score } = runAudit(testContext(graph), [r]);
    const sum = findings.reduce((a, f) => a + Math.round(f.contribution * 100), 0);
    expect(sum + Math.round(score.overlap! * 100)).toBe(Math.round(score.total * 100));
    for (const f of findings) expect(f.contribution).toBeGreaterThan(0);
    expect(score.total).toBeGreaterThan(0);
  });

  it('applies the practice\'s declared lenses as well as the requested one', () => {
    const g = new GraphBuilder({ lenses: ['minors'] }).build();
    expect(activeLenses(testContext(g, { lens: 'substance-use' }))).toEqual(['substance-use', 'minors']);
  });
});
