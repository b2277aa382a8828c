import type { Evidence } from '@custody/domain';
import { streamingRule, type Rule } from './rule.js';
import { runRules } from './runner.js';
import { evidenceInterner } from './shared-evidence.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

describe('evidenceInterner', () => {
  const a: Evidence = { quote: 'a', file: 'f.md' };
  const b: Evidence = { quote: 'b', file: 'f.md' };
  const aCopy: Evidence = { ...a };

  it('gives back the first list with the same items, in the same order, by identity', () => {
    const intern = evidenceInterner();
    const first = [a, b];
    expect(intern(first)).toBe(first);
    expect(intern([a, b])).toBe(first);
    // Equal-looking items that are other objects, another order, a prefix: other lists, each kept as given.
    const copy = [aCopy, b];
    expect(intern(copy)).toBe(copy);
    const reversed = [b, a];
    expect(intern(reversed)).toBe(reversed);
    const prefix = [a];
    expect(intern(prefix)).toBe(prefix);
    expect(intern([a])).toBe(prefix);
    expect(intern([b, a])).toBe(reversed);
    const empty: Evidence[] = [];
    expect(intern(empty)).toBe(empty);
    expect(intern([])).toBe(empty);
  });

  it('copies a scratch list only when no list with its items was kept, and never keeps the scratch itself', () => {
    const intern = evidenceInterner();
    const scratch = [a, b];
    const kept = intern(scratch, true);
    expect(kept).not.toBe(scratch);
    expect(kept).toEqual([a, b]);
    // The caller fills its scratch again: the kept list is untouched, and the same items find it.
    scratch[1] = a;
    expect(kept).toEqual([a, b]);
    const other = intern(scratch, true);
    expect(other).not.toBe(scratch);
    expect(other).toEqual([a, a]);
    scratch[1] = b;
    expect(intern(scratch, true)).toBe(kept);
    expect(intern([a, b])).toBe(kept);
    // A plain list met first is kept as given and found by a scratch with its items.
    const plain = [b];
    expect(intern(plain)).toBe(plain);
    expect(intern([b], true)).toBe(plain);
    // Empty and long scratch lists are copies too.
    const empty: Evidence[] = [];
    expect(intern(empty, true)).not.toBe(empty);
    const long = Array.from({ length: 9 }, () => a);
    expect(intern(long, true)).not.toBe(long);
    expect(intern(long, true)).toEqual(long);
  });

  it('leaves long lists alone', () => {
    const intern = evidenceInterner();
    const long = Array.from({ length: 9 }, () => a);
    intern(long);
    const again = [...long];
    expect(intern(again)).toBe(again);
  });
});

describe('instances citing the same items', () => {
  /** A fleet of one vendor whose installs all hold the vendor's one contract (as projection attaches it). */
  const fleet = (installs: number) => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA' });
    for (let i = 0; i < installs; i++) b.system(`install-${String(i).padStart(2, '0')}`, 'ai_notetaker', { name: `Scribe ${i}` });
    const graph = b.build();
    const row = (n: number): Evidence => ({ quote: `row ${n}`, file: 'fleet.csv', line: n + 2 });
    graph.systems.filter((s) => s.id.startsWith('install-')).forEach((s, n) => {
      s.group = { vendor: 'Scribewell AI', site: n % 2 ? 'Oakland' : 'Fresno' };
      s.evidence.push(row(n));
    });
    return graph;
  };
  const clause: Evidence = { quote: 'Vendor may use subcontractors.', file: 'scribe-baa.pdf', start: 10, end: 40 };
  /** A rule drafting on every install a new list of `cite`'s items. */
  const citing = (id: string, cite: (s: { evidence: Evidence[] }) => Evidence[]): Rule => streamingRule({
    id, title: id, kind: 'ai_training', citations: [], remediation: 'fix it',
    evaluateInto({ graph }, drafts) {
      for (const s of graph.systems) if (s.group) drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories: ['session_recording'], likelihood: 0.5, impact: 0.5, evidence: cite(s), detail: 'x' });
    },
  });

  it('share one list, within a rule and across rules, and read as before', () => {
    const graph = fleet(12);
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const rules = [citing('clause-only', () => [clause]), citing('own-row', (s) => [s.evidence[0]!]), citing('own-row-again', (s) => [s.evidence[0]!]), citing('row-and-clause', (s) => [s.evidence[0]!, clause])];
    const { findings, errors } = runRules(ctx, rules);
    expect(errors).toEqual([]);
    const instances = (ruleId: string) => findings.find((f) => f.ruleId === ruleId)!.instances!;
    expect(instances('clause-only')).toHaveLength(12);
    // One list for every install citing only the clause (each rule drafted a new one per install).
    expect(new Set(instances('clause-only').map((i) => i.evidence)).size).toBe(1);
    // An install's own row cited by two rules: one list, still that install's own.
    instances('own-row').forEach((inst, n) => {
      expect(inst.evidence).toBe(instances('own-row-again')[n]!.evidence);
      expect(inst.evidence).toEqual([graph.systems.find((s) => `system:${s.id}` === inst.subject)!.evidence[0]]);
    });
    expect(new Set(instances('own-row').map((i) => i.evidence)).size).toBe(12);
    // Lists that differ stay apart, and each instance reads exactly what its rule cited.
    expect(instances('row-and-clause').map((i) => i.evidence.map((e) => e.quote))).toEqual(graph.systems.filter((s) => s.group).map((s) => [s.evidence[0]!.quote, clause.quote]));
  });
});
