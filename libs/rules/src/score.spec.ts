import { DATA_CATEGORIES, FINDING_KINDS, LENSES, type Finding, type Lens } from '@custody/domain';
import { findingPoints, nodeScore, reachOf, workspaceScore, WORKSPACE_HALF_HAZARD } from './finding-points.js';
import { apportion, computeScore, scoreFindings } from './score.js';
import { prng } from './testing/prng.js';


const SYSTEMS = ['ehr', 'scribe', 'openai', 'ch', 'broker', 'practice'];

function randomFinding(rand: () => number, n: number): Finding {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const systems = [...new Set([pick(SYSTEMS), ...(rand() < 0.4 ? [pick(SYSTEMS)] : [])])];
  const subject = rand() < 0.3 ? `path:practice>${systems.join('>')}` : `system:${systems[0]}`;
  return {
    id: `rule-${n}@${subject}`,
    ruleId: `rule-${n}`,
    kind: pick(FINDING_KINDS),
    title: 't',
    severity: 'medium',
    likelihood: rand(),
    impact: rand(),
    subject,
    systems,
    categories: [...new Set([pick(DATA_CATEGORIES), pick(DATA_CATEGORIES)])],
    citations: [],
    remediation: '',
    evidence: [],
    detail: '',
    contribution: 0,
  };
}

function randomSet(rand: () => number, size: number, offset = 0): Finding[] {
  return Array.from({ length: size }, (_, i) => randomFinding(rand, offset + i));
}

describe('score', () => {
  it('is bounded to [0, 100] per node and for the workspace (200 random sets, all lenses)', () => {
    const rand = prng(1);
    for (let i = 0; i < 200; i++) {
      const lens = LENSES[i % LENSES.length] as Lens;
      const { score } = computeScore(randomSet(rand, Math.floor(rand() * 60)), { lenses: [lens] });
      expect(score.total).toBeGreaterThanOrEqual(0);
      expect(score.total).toBeLessThanOrEqual(100);
      for (const v of Object.values(score.nodes)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });

  it('is monotonic: adding findings never lowers the total or any node (300 random cases)', () => {
    const rand = prng(2);
    for (let i = 0; i < 300; i++) {
      const lenses: Lens[] = [LENSES[i % LENSES.length] as Lens];
      const base = randomSet(rand, Math.floor(rand() * 30));
      const extra = randomSet(rand, 1 + Math.floor(rand() * 5), 1000);
      const before = computeScore(base, { lenses, systems: SYSTEMS }).score;
      const after = computeScore([...base, ...extra], { lenses, systems: SYSTEMS }).score;
      expect(after.total).toBeGreaterThanOrEqual(before.total);
      for (const s of SYSTEMS) expect(after.nodes[s]!).toBeGreaterThanOrEqual(before.nodes[s]!);
    }
  });

  it('is monotonic in a finding\'s likelihood and impact', () => {
    const rand = prng(3);
    for (let i = 0; i < 100; i++) {
      const set = randomSet(rand, 10);
      const raised = set.map((f, j) => (j === 0 ? { ...f, likelihood: Math.min(1, f.likelihood + 0.2), impact: Math.min(1, f.impact + 0.1) } : f));
      expect(computeScore(raised, { lenses: ['default'] }).score.total).toBeGreaterThanOrEqual(computeScore(set, { lenses: ['default'] }).score.total);
    }
  });

  it('is explained exactly: contributions sum to every node score, finding contributions plus overlap to the total', () => {
    const rand = prng(4);
    for (let i = 0; i < 150; i++) {
      const { score, findings } = computeScore(randomSet(rand, 1 + Math.floor(rand() * 40)), { lenses: ['immigrant-clients'] });
      const cents = (x: number) => Math.round(x * 100);
      expect(findings.reduce((a, f) => a + cents(f.contribution), 0) + cents(score.overlap!)).toBe(cents(score.total));
      expect(score.overlap).toBeGreaterThanOrEqual(0);
      for (const [node, value] of Object.entries(score.nodes)) {
        const sum = score.contributions.filter((c) => c.system === node).reduce((a, c) => a + cents(c.points), 0);
        expect(sum).toBe(cents(value));
      }
      for (const c of score.contributions) expect(c.points).toBeGreaterThan(0);
    }
  });

  it('fixing a finding lowers the total by at least its listed contribution (300 random cases)', () => {
    const rand = prng(12);
    for (let i = 0; i < 300; i++) {
      const lenses: Lens[] = [LENSES[i % LENSES.length] as Lens];
      const set = randomSet(rand, 1 + Math.floor(rand() * 50));
      const { score, findings } = computeScore(set, { lenses, systems: SYSTEMS });
      const fixed = findings[Math.floor(rand() * findings.length)]!;
      // Fixed either way a what-if can: removed, or triaged mitigated.
      const removed = computeScore(set.filter((f) => f.id !== fixed.id), { lenses, systems: SYSTEMS }).score.total;
      const mitigated = computeScore(set.map((f) => (f.id === fixed.id ? { ...f, triage: { status: 'mitigated' as const } } : f)), { lenses, systems: SYSTEMS }).score.total;
      for (const after of [removed, mitigated]) expect(Math.round((score.total - after) * 100)).toBeGreaterThanOrEqual(Math.round(fixed.contribution * 100));
      // Every finding that carries hazard moves the score when the total has room to move at hundredths.
      if (fixed.likelihood * fixed.impact > 0.05 && score.total < 99) expect(fixed.contribution).toBeGreaterThan(0);
    }
  });

  it('counts a grouped finding once, weighted by its breadth, so one install fewer still moves the total', () => {
    const f = { ...randomFinding(prng(13), 0), likelihood: 0.9, impact: 0.8 };
    const grouped = (n: number) => ({ ...f, instances: Array.from({ length: n }, (_, i) => ({ subject: `system:install-${i}`, system: `install-${i}`, severity: f.severity, evidence: [] })) });
    const total = (x: Finding) => computeScore([x], { lenses: ['default'] }).score.total;
    expect(total(grouped(1))).toBe(total(f));
    expect(total(grouped(12))).toBeGreaterThan(total(grouped(11)));
    expect(computeScore([grouped(8)], { lenses: ['default'] }).points[0]!.breadth).toBeCloseTo(1.3);
    // 10,000 copies counted once: bounded weight, not 10,000 findings' worth.
    expect(total(grouped(10_000))).toBeLessThan(total(f) * 2.5);
  });

  it('is deterministic and independent of input order', () => {
    const rand = prng(5);
    const set = randomSet(rand, 25);
    const a = computeScore(set, { lenses: ['default'] });
    const b = computeScore([...set].reverse(), { lenses: ['default'] });
    expect(b.score).toEqual(a.score);
    expect(new Map(b.findings.map((f) => [f.id, f.contribution]))).toEqual(new Map(a.findings.map((f) => [f.id, f.contribution])));
  });

  it('computes a single finding exactly: node = p, total = 100·h/(h+K)', () => {
    const f = { ...randomFinding(prng(6), 0), likelihood: 0.8, impact: 0.5, kind: 'missing_baa' as const, categories: ['diagnosis' as const], subject: 'system:ehr', systems: ['ehr'] };
    const { score } = computeScore([f], { lenses: ['default'] });
    expect(score.nodes.ehr).toBe(40);
    const h = -Math.log(0.6);
    expect(score.total).toBeCloseTo((100 * h) / (h + WORKSPACE_HALF_HAZARD), 2);
    expect(score.contributions).toEqual([{ findingId: f.id, system: 'ehr', points: 40 }]);
  });

  it('weighs the lens: immigrant-clients raises law-enforcement findings, default does not', () => {
    const f = { ...randomFinding(prng(7), 0), likelihood: 0.6, impact: 0.5, kind: 'weak_law_enforcement_posture' as const, categories: ['progress_notes' as const], subject: 'system:ehr', systems: ['ehr'] };
    expect(findingPoints(f, ['default']).points).toBeCloseTo(30);
    // Weight 1.75 counts the exposure 1.75 times: 1 − (1 − 0.3)^1.75.
    expect(findingPoints(f, ['immigrant-clients']).points).toBeCloseTo(100 * (1 - Math.pow(0.7, 1.75)));
    expect(findingPoints(f, ['immigrant-clients']).lensReason).toBe('immigrant-clients: weak_law_enforcement_posture');
  });

  it('keeps a finding\'s points below 100 however heavy the weights', () => {
    const f = { ...randomFinding(prng(10), 0), likelihood: 1, impact: 1, kind: 'sensitive_detail_exposed' as const, categories: ['immigration_status' as const], subject: 'path:a>b>c>d>e', systems: ['e', 'd'] };
    const p = findingPoints(f, ['immigrant-clients']);
    expect(p.lensWeight).toBe(2);
    expect(p.points).toBeLessThan(100);
    expect(p.points).toBeGreaterThan(99.9);
  });

  it('weighs reach: longer paths and more charged parties add up to 30 %', () => {
    expect(reachOf({ subject: 'system:a', systems: ['a'] })).toBe(1);
    expect(reachOf({ subject: 'path:a>b>c', systems: ['c', 'b'] })).toBeCloseTo(1.1);
    expect(reachOf({ subject: 'path:a>b>c>d>e>f>g', systems: ['g'] })).toBeCloseTo(1.3);
  });

  it('leaves false positives and mitigated findings out; accepted ones still count', () => {
    const base = { ...randomFinding(prng(8), 0), likelihood: 1, impact: 0.5, systems: ['ehr'], subject: 'system:ehr' };
    expect(computeScore([{ ...base, triage: { status: 'false_positive' } }], { lenses: ['default'] }).score.total).toBe(0);
    expect(computeScore([{ ...base, triage: { status: 'mitigated' } }], { lenses: ['default'] }).score.total).toBe(0);
    expect(computeScore([{ ...base, triage: { status: 'accepted' } }], { lenses: ['default'] }).score.total).toBeGreaterThan(0);
  });

  it('node and workspace aggregates and apportion behave at the edges', () => {
    expect(nodeScore([])).toBe(0);
    expect(nodeScore([Math.log(2), Math.log(2)])).toBeCloseTo(75);
    expect(workspaceScore([])).toBe(0);
    expect(workspaceScore([WORKSPACE_HALF_HAZARD])).toBe(50);
    expect(workspaceScore([1e9])).toBeLessThan(100);
    expect(apportion(10, [1, 1, 1])).toEqual([3.34, 3.33, 3.33]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    // One weight takes the whole rounded total, as the largest remainder gives it.
    for (const [total, w] of [[12.345, 0.7], [0.004, 3], [99.999, 1e-9], [33.33, 0.1]] as const) expect(apportion(total, [w])).toEqual([Math.round(total * 100) / 100]);
    expect(apportion(0.004, [1])).toEqual([0]);
  });

  it('scoreFindings writes each finding\'s contribution and lists every graph system', () => {
    const findings = randomSet(prng(9), 5);
    const score = scoreFindings(findings, { lens: 'default', graph: { practice: { lenses: ['minors'] }, systems: [{ id: 'idle' }] } });
    expect(score.nodes.idle).toBe(0);
    expect(score.lens).toBe('minors');
    expect(findings.reduce((a, f) => a + Math.round(f.contribution * 100), 0) + Math.round(score.overlap! * 100)).toBe(Math.round(score.total * 100));
  });
});

describe('SCORE.md worked example', () => {
  const f = (id: string, kind: Finding['kind'], likelihood: number, impact: number): Finding => ({
    ...randomFinding(prng(11), 0), id, kind, likelihood, impact, subject: 'system:scribe', systems: ['scribe'], categories: ['session_recording'],
  });

  it('matches the numbers the published formula gives', () => {
    const one = computeScore([f('a', 'notetaker_cannot_disable', 0.95, 0.8)], { lenses: ['default'] }).score;
    expect(one.nodes.scribe).toBe(76);
    expect(one.total).toBe(6.66);
    const two = computeScore([f('a', 'notetaker_cannot_disable', 0.95, 0.8), f('b', 'ai_training', 0.7, 0.8)], { lenses: ['default'] }).score;
    expect(two.nodes.scribe).toBe(89.44);
    expect(two.contributions.map((c) => c.points)).toEqual([56.78, 32.66]);
    expect(two.total).toBe(10.1);
  });
});
