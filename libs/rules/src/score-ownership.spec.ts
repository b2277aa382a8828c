import { DATA_CATEGORIES, FINDING_KINDS, type Finding } from '@custody/domain';
import { runAudit } from './runner.js';
import { apportion, computeScore, scoreFindings } from './score.js';
import { testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';
import { seedGraph } from './testing/seed-graph.js';
import { whatIf } from './what-if.js';

/**
 * Who owns a scored finding (review of the one-pass scoring, merge 4c4da79): computeScore copies and stays
 * pure; scoreFindings writes only `contribution`; runAudit writes onto its own run's findings, which no other
 * audit, what-if side or earlier result may share. And the two ways of pairing a scored finding with its input
 * (by position when ids are distinct, by id when they repeat) and of splitting a node (few shares, many) agree.
 */
const SYSTEMS = ['ehr', 'scribe', 'openai', 'ch'];

function finding(rand: () => number, id: string): Finding {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const systems = [pick(SYSTEMS), pick(SYSTEMS), ...(rand() < 0.3 ? [pick(SYSTEMS)] : [])];
  const subject = rand() < 0.4 ? `path:practice>${systems.join('>')}` : `system:${systems[0]}`;
  return {
    id, ruleId: id.split('@')[0]!, kind: pick(FINDING_KINDS), title: 't', severity: 'medium', likelihood: rand(), impact: rand(),
    subject, systems, categories: [pick(DATA_CATEGORIES)], citations: [], remediation: '', evidence: [], detail: '', contribution: 0,
    ...(rand() < 0.15 ? { triage: { status: 'mitigated' as const, reason: 'r', by: 't', at: '2026-01-01' } } : {}),
  };
}

/** `n` findings; with `repeats`, about a third re-use an earlier finding's id (different numbers under it). */
function findingsOf(seed: number, n: number, repeats: boolean): Finding[] {
  const rand = prng(seed);
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) out.push(finding(rand, repeats && i > 0 && rand() < 0.35 ? out[Math.floor(rand() * i)]!.id : `r${(i * 7919) % 97}@x${i}`));
  return out;
}

const ctxOf = (systems: string[]) => ({ lens: 'default' as const, graph: { practice: { lenses: [] }, systems: systems.map((id) => ({ id })) } });

describe('scoring and who owns the findings', () => {
  it.each([false, true])('computeScore twice gives equal results, leaves its input as it was and returns copies (ids repeat: %s)', (repeats) => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = findingsOf(seed, 2 + (seed % 13), repeats);
      const before = structuredClone(input);
      const opts = { lenses: ['default' as const], systems: ['idle', 'ehr'] };
      const a = computeScore(input, opts);
      const b = computeScore(input, opts);
      expect(b).toEqual(a);
      expect(input).toEqual(before);
      a.findings.forEach((f, i) => {
        expect(f).not.toBe(input[i]);
        // Each result finding is its own input's copy, in input order, and its points are its own id's.
        expect({ ...f, contribution: 0 }).toEqual({ ...input[i]!, contribution: 0 });
        expect(a.points[i]!.findingId).toBe(input[i]!.id);
      });
    }
  });

  it.each([false, true])('scoreFindings writes only `contribution`, what computeScore gives, and twice gives the same (ids repeat: %s)', (repeats) => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = findingsOf(seed, 2 + (seed % 13), repeats);
      const expected = computeScore(structuredClone(input), { lenses: ['default'], systems: ['idle'] });
      const first = scoreFindings(input, ctxOf(['idle']));
      const written = structuredClone(input);
      expect(first).toEqual(expected.score);
      expect(input).toEqual(expected.findings);
      expect(scoreFindings(input, ctxOf(['idle']))).toEqual(first);
      expect(input).toEqual(written);
    }
  });

  it('findings that share an id read as one: the same contribution and points line for each (ids key the report and what-if)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = findingsOf(seed, 4 + (seed % 11), true);
      const { findings, points } = computeScore(input, { lenses: ['default'] });
      const byId = new Map<string, { contribution: number; points: unknown }>();
      findings.forEach((f, i) => {
        const seen = byId.get(f.id);
        if (seen) expect({ contribution: f.contribution, points: points[i] }).toEqual(seen);
        else byId.set(f.id, { contribution: f.contribution, points: points[i] });
      });
    }
  });

  it('with distinct ids, numbers do not depend on the input order (positions pair each finding with its share)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = findingsOf(seed, 3 + (seed % 11), false);
      const reversed = [...input].reverse();
      const a = computeScore(input, { lenses: ['default'] });
      const b = computeScore(reversed, { lenses: ['default'] });
      expect(b.score).toEqual(a.score);
      expect([...b.findings].reverse()).toEqual(a.findings);
      expect([...b.points].reverse()).toEqual(a.points);
    }
  });

  it('an audit scores its own findings: a second audit, a triaged one or a what-if never changes an earlier result', () => {
    const graph = seedGraph().build();
    const first = runAudit(testContext(graph));
    const kept = structuredClone(first);
    const target = first.findings.find((f) => f.contribution > 0)!;
    const triage = new Map([[target.id, { status: 'false_positive' as const, reason: 'checked', by: 't', at: '2026-01-01' }]]);
    const triaged = runAudit(testContext(graph), undefined, triage);
    const again = runAudit(testContext(graph));
    const what = whatIf(graph, [{ type: 'remove_system', system: target.systems[0]! }], testContext(graph));
    expect(triaged.score.total).toBeLessThan(first.score.total);
    expect(triaged.findings.find((f) => f.id === target.id)?.contribution).toBe(0);
    expect(first).toEqual(kept);
    expect(again).toEqual(kept);
    expect(what.before.score).toEqual(kept.score);
    const objects = new Set<Finding>(first.findings);
    for (const other of [triaged, again, what.before, what.after]) for (const f of other.findings) expect(objects.has(f)).toBe(false);
    expect(new Set(what.before.findings).size).toBe(what.before.findings.length);
  });
});

/**
 * `apportion` of the same weights with nine zero weights after them: the same parts and zeros, by the list
 * sorted by remainder (a few shares take another way). The zeros change no share (the sum is the same) and come
 * last in every tie, and fewer cents are left than shares with a remainder, so none reaches them.
 */
const padded = (total: number, weights: readonly number[]) => apportion(total, [...weights, ...Array(9).fill(0)]);
const unpadded = (total: number, weights: readonly number[]) => [...apportion(total, weights), ...Array(9).fill(0)];

describe('apportion', () => {
  it('gives ties to the earlier index whether it splits among few shares or many', () => {
    expect(apportion(0.05, Array(8).fill(1))).toEqual([0.01, 0.01, 0.01, 0.01, 0.01, 0, 0, 0]);
    expect(apportion(0.05, Array(9).fill(1))).toEqual([0.01, 0.01, 0.01, 0.01, 0.01, 0, 0, 0, 0]);
    expect(apportion(0.02, [0, 1, 0, 1, 1])).toEqual([0, 0.01, 0, 0.01, 0]);
    expect(apportion(1, [1, 0, 0])).toEqual([1, 0, 0]);
    expect(apportion(0.1, [3, 3, 3])).toEqual([0.04, 0.03, 0.03]);
  });

  it('splits 1 to 12 shares with ties, zeros and tiny weights as the sorted largest remainder does (2,000 random cases)', () => {
    const rand = prng(42);
    const weights = [0, 0, 1, 1, 2, 3, 1 / 3, 2 / 3, 1e-12, 5e-324];
    for (let t = 0; t < 2000; t++) {
      const w = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => (rand() < 0.5 ? weights[Math.floor(rand() * weights.length)]! : rand() * 5));
      const total = Math.round(rand() * 10000) / 100;
      const parts = apportion(total, w);
      expect({ total, w, parts: unpadded(total, w) }).toEqual({ total, w, parts: padded(total, w) });
      if (w.some((x) => x > 0) && total > 0) expect(Math.round(parts.reduce((a, b) => a + b * 100, 0))).toBe(Math.round(total * 100));
    }
  });
});
