import fc from 'fast-check';
import { DATA_CATEGORIES, FINDING_KINDS, type Finding, type Lens } from '@custody/domain';
import { computeScore, type ScoreMemo } from '@custody/rules';
import { rescoreChanged } from './score.js';

/**
 * Property: scoring a sequence of finding sets with rescoreChanged (each from the previous one's memo, so only
 * the nodes a changed finding is charged to are worked out again) gives byte for byte what computeScore gives
 * each set from scratch: node order, contribution order, every number. Findings change in what the score
 * reads (likelihood, impact, systems, instances, triage) and in what it does not (evidence), come and go, and
 * name systems outside the listed ones (or a system id that is an array index) to reach the fallbacks, or
 * `__proto__` (a node no `nodes` record keeps as a key, so nodes cannot be told by their keys). The
 * listed systems change too (a new document adds systems, a removed one takes them away), most often not at all.
 * The previous scoring's layout is the one computeScore kept, the one the last partial rescoring kept, or (from a
 * copy of the memo) walked off its contributions.
 */
const LISTED = ['sys-a', 'sys-b', 'sys-c', 'sys-d', 'sys-e', 'sys-f', 'sys-g', 'sys-h'];
const SYSTEMS = [...LISTED, 'outside', '42', '__proto__'];
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 100);

const specArb = fc.record({
  rule: fc.integer({ min: 0, max: 5 }),
  subject: fc.integer({ min: 0, max: 5 }),
  likelihood: fc.constantFrom(0.1, 0.3, 0.5, 0.9, 1),
  impact: fc.constantFrom(0.05, 0.2, 0.6, 0.8),
  systems: fc.array(fc.constantFrom(...LISTED, ...LISTED, ...LISTED, ...SYSTEMS), { minLength: 1, maxLength: 5 }),
  instances: fc.integer({ min: 0, max: 12 }),
  category: fc.constantFrom(...DATA_CATEGORIES),
  cleared: fc.boolean(),
  evidence: fc.integer({ min: 0, max: 3 }),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function findingOf(s: Spec): Finding {
  const subject = `system:${LISTED[s.subject]}`;
  const ruleId = `rule-${s.rule}`;
  return {
    id: `${ruleId}@${subject}`, ruleId, kind: FINDING_KINDS[s.rule]!, title: ruleId, severity: 'high', likelihood: s.likelihood, impact: s.impact, subject,
    systems: s.systems, categories: [s.category], citations: [], remediation: '', detail: '', contribution: 0,
    evidence: [{ documentId: `doc-${s.evidence}`, locator: 'l', quote: 'q' }] as unknown as Finding['evidence'],
    ...(s.instances ? { instances: Array.from({ length: s.instances }, (_, i) => ({ subject: `${subject}#${i}`, system: `i-${i}`, severity: 'high' as const, evidence: [] })) } : {}),
    ...(s.cleared ? { triage: { status: 'mitigated' as const } } : {}),
  };
}

/** One finding set: unique ids, in a random order (compose sorts them; the score must not care). */
const setArb = fc.array(specArb, { maxLength: 12 }).map((specs) => [...new Map(specs.map((s) => [findingOf(s).id, findingOf(s)])).values()]);

/** The next set: each finding kept (the same object), changed in one field, or dropped, and some added. */
function evolve(prev: Finding[]): fc.Arbitrary<Finding[]> {
  const step = fc.constantFrom('keep', 'keep', 'keep', 'evidence', 'likelihood', 'systems', 'instances', 'triage', 'drop');
  return fc.tuple(fc.array(step, { minLength: prev.length, maxLength: prev.length }), fc.array(specArb, { maxLength: 2 }), specArb).map(([steps, added, other]) => {
    const out: Finding[] = [];
    for (const [i, f] of prev.entries()) {
      const o = findingOf(other);
      switch (steps[i]) {
        case 'keep': out.push(f); break;
        case 'evidence': out.push({ ...f, evidence: o.evidence }); break;
        case 'likelihood': out.push({ ...f, likelihood: o.likelihood, impact: o.impact }); break;
        case 'systems': out.push({ ...f, systems: o.systems }); break;
        case 'instances': out.push({ ...f, instances: o.instances }); break;
        case 'triage': out.push(f.triage ? { ...f, triage: undefined } : { ...f, triage: { status: 'false_positive' } }); break;
        case 'drop': break;
      }
    }
    const ids = new Set(out.map((f) => f.id));
    for (const f of added.map(findingOf)) if (!ids.has(f.id)) (ids.add(f.id), out.push(f));
    return out;
  });
}

/** The listed systems of one step: usually all of LISTED, else any of them and the others, in any order. */
const listedArb = fc.oneof({ weight: 2, arbitrary: fc.constant(LISTED) }, { weight: 3, arbitrary: fc.shuffledSubarray(SYSTEMS) });

const runArb = fc.tuple(setArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom<Lens[]>(['default'], ['default', 'substance-use'])).chain(([first, n, lenses]) => {
  let arb: fc.Arbitrary<Finding[][]> = fc.constant([first]);
  for (let k = 0; k < n; k++) arb = arb.chain((sets) => evolve(sets[sets.length - 1]!).map((next) => [...sets, next]));
  return fc.tuple(arb, fc.array(listedArb, { minLength: n + 1, maxLength: n + 1 })).map(([sets, listed]) => ({ sets, lenses, listed }));
});

describe('rescoreChanged', () => {
  it(`equals computeScore byte for byte along ${RUNS} random sequences of finding sets`, () => {
    let partial = 0;
    let relisted = 0;
    let copied = 0;
    fc.assert(fc.property(runArb, ({ sets, lenses, listed }) => {
      let memo: ScoreMemo | undefined;
      for (const [step, findings] of sets.entries()) {
        // Each step gets a new (equal) options object, as compose makes one per re-audit.
        const opts = { lenses: [...lenses], systems: [...listed[step]!] };
        // Every other step from a copy of the memo (a scoring read back from a store): no layout kept for it,
        // so its contributions are walked to find one, where the others start from the layout kept with the score.
        const given = memo && step % 2 ? { ...memo, result: { ...memo.result, score: structuredClone(memo.result.score) } } : memo;
        const r = rescoreChanged(findings, opts, given);
        if (r.partial) partial++;
        if (r.partial && given !== memo) copied++;
        if (r.partial && memo && JSON.stringify(memo.opts.systems) !== JSON.stringify(opts.systems)) relisted++;
        expect({ step, result: JSON.stringify(r.result) }).toEqual({ step, result: JSON.stringify(computeScore(findings, opts)) });
        memo = r.memo;
      }
    }), { numRuns: RUNS });
    // The property is about the partial path: it must have been taken, not only the fallbacks.
    expect(partial).toBeGreaterThan(RUNS / 2);
    // And with systems added or removed (a new or removed document) along the way.
    expect(relisted).toBeGreaterThan(RUNS / 4);
    expect(copied).toBeGreaterThan(RUNS / 4);
  });
});

describe('rescoreChanged with a grouped fleet finding', () => {
  it('charges the grouped finding to an affected system at any position of its systems, named once or twice', () => {
    // Many more systems than affected ones (a grouped finding of a fleet), so its array is not scanned as a small one would be.
    const installs = Array.from({ length: 120 }, (_, i) => `i-${String(i).padStart(3, '0')}`);
    const spec = (systems: string[], rule: number, subject: number): Finding => ({ ...findingOf({ rule, subject, likelihood: 0.5, impact: 0.6, systems, instances: 0, category: 'diagnosis', cleared: false, evidence: 0 }), id: `rule-${rule}@${systems[0]}#${subject}` });
    const grouped = spec([...installs, installs[60]!], 0, 0);
    const own = installs.map((s, i) => spec([s], 1, i));
    const opts = { lenses: ['default'] as Lens[], systems: installs };
    for (const at of [0, 1, 60, 119]) {
      const first = rescoreChanged([grouped, ...own], opts, undefined);
      // One install's own finding changes: that install is the only affected system.
      const changed = own.map((f, i) => (i === at ? { ...f, likelihood: 0.9 } : f));
      const next = rescoreChanged([grouped, ...changed], { ...opts }, first.memo);
      expect(next.partial).toBe(true);
      expect({ at, result: JSON.stringify(next.result) }).toEqual({ at, result: JSON.stringify(computeScore([grouped, ...changed], opts)) });
    }
  });
});
