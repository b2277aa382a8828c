import { DATA_CATEGORIES, FINDING_KINDS, type Finding } from '@custody/domain';
import { computeScore } from './score.js';
import { rescore } from './rescore.js';
import { scoreLayout } from './score-layout.js';

/**
 * The layout computeScore keeps of each score (a re-audit's partial rescoring starts from it instead of walking
 * a fleet's ~90,000 contributions): the nodes in `score.nodes` order, and where each node's run of
 * contributions starts, nodes charged nothing or only zero points included (an empty run).
 */
function finding(n: number, systems: string[], likelihood = 0.5): Finding {
  return {
    id: `rule-${n}@system:${systems[0]}`, ruleId: `rule-${n}`, kind: FINDING_KINDS[n % FINDING_KINDS.length]!, title: 't', severity: 'medium',
    likelihood, impact: 0.6, subject: `system:${systems[0]}`, systems, categories: [DATA_CATEGORIES[n % DATA_CATEGORIES.length]!],
    citations: [], remediation: '', evidence: [], detail: '', contribution: 0,
  };
}

/** The layout read off a score the slow way: each node's first contribution, in node order. */
function walked(score: ReturnType<typeof computeScore>['score']) {
  const systems = Object.keys(score.nodes);
  const start: number[] = [];
  let at = 0;
  for (const s of systems) {
    start.push(at);
    while (at < score.contributions.length && score.contributions[at]!.system === s) at++;
  }
  start.push(at);
  expect(at).toBe(score.contributions.length);
  return { systems, start };
}

describe('scoreLayout', () => {
  it('is the node order and contribution runs of the score computeScore made, with unlisted and uncharged nodes', () => {
    // Listed out of id order (the nodes are sorted), a node charged nothing (zz-idle), one only a finding outside the listed ones charges (outside).
    const findings = [finding(1, ['b-ehr', 'c-scribe']), finding(2, ['c-scribe', 'outside', 'c-scribe']), finding(3, ['a-practice'], 0), finding(4, ['b-ehr'])];
    const { score } = computeScore(findings, { lenses: ['default'], systems: ['c-scribe', 'zz-idle', 'b-ehr', 'a-practice'] });
    const layout = scoreLayout(score)!;
    expect({ systems: [...layout.systems], start: [...layout.start] }).toEqual(walked(score));
    expect(layout.systems).toEqual(['a-practice', 'b-ehr', 'c-scribe', 'outside', 'zz-idle']);
  });

  it('holds for a score rescore reused (the same score object), and is absent for a copy of it', () => {
    const findings = [finding(1, ['ehr']), finding(2, ['scribe', 'ehr'])];
    const opts = { lenses: ['default' as const], systems: ['ehr', 'scribe'] };
    const first = rescore(findings, opts);
    const again = rescore(findings.map((f) => ({ ...f, evidence: [{ quote: 'x' }] as Finding['evidence'] })), opts, first.memo);
    expect(again.result.score).toBe(first.result.score);
    expect(scoreLayout(again.result.score)).toBe(scoreLayout(first.result.score));
    expect(scoreLayout(structuredClone(first.result.score))).toBeUndefined();
  });
});
