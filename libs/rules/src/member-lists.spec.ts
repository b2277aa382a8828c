import type { Evidence, FindingInstance } from '@custody/domain';
import { inboundOf } from '@custody/graph/queries';
import { vendorSystems } from './graph-queries.js';
import { memberLists } from './member-lists.js';
import { streamingRule, type Rule } from './rule.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';

describe('memberLists', () => {
  const clause: Evidence = { quote: 'Vendor may use data to improve services.', file: 'baa.md', line: 12 };
  const row: Evidence = { quote: 'install-1,Scribewell', file: 'fleet.csv', line: 2 };

  it('gives one table per way of mapping: the same slots with the same shared items, by identity', () => {
    const lists = memberLists();
    const table = lists.table([0, -1], [row, clause], 10);
    // A slot's place names no item: what the representative had there does not matter.
    expect(lists.table([0, -1], [{ ...row }, clause], 10)).toBe(table);
    // An equal-looking shared item that is another object, other slots, another order: other ways.
    expect(lists.table([0, -1], [row, { ...clause }], 10)).not.toBe(table);
    expect(lists.table([1, -1], [row, clause], 10)).not.toBe(table);
    expect(lists.table([-1, 0], [clause, row], 10)).not.toBe(table);
    expect(lists.table([0], [row], 10)).not.toBe(lists.table([0, -1], [row, clause], 10));
    // Filled by the caller, kept for the next ask.
    table[3] = [row, clause];
    expect(lists.table([0, -1], [row, clause], 10)[3]).toEqual([row, clause]);
  });

  /**
   * A fleet of one vendor whose installs all share a class, each citing its own row; rules run per class cite
   * each install's row with the vendor's clause in several ways: with repeats of the same objects (dropped the
   * same on every member), with an equal-looking copy of the clause (dropped per member by comparison), alone.
   */
  const fleet = (installs: number) => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA' }).system('scribe', 'ai_notetaker', { name: 'Scribewell AI' });
    const ids = Array.from({ length: installs }, (_, i) => `install-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      b.system(id, 'ai_notetaker', { name: `Scribewell install ${id}`, settings: {} });
      b.flow('practice', id, ['session_recording']);
    }
    const graph = b.build();
    graph.systems.forEach((s, n) => {
      if (!s.id.startsWith('install-')) return;
      s.group = { vendor: 'Scribewell AI', site: 'Oakland' };
      s.evidence.push({ quote: `${s.id},Scribewell`, file: 'fleet.csv', line: n + 2, path: `row[${n}]` });
    });
    return graph;
  };
  // How many vendor systems each evaluation was shown: fewer than the installs when run per class.
  const seen: number[] = [];
  const citing = (id: string, cite: (own: Evidence) => Evidence[]): Rule => streamingRule({
    id, title: id, kind: 'ai_training', citations: [], remediation: 'fix it', classReads: { settings: [] },
    evaluateInto({ graph }, drafts) {
      seen.push(vendorSystems(graph).length);
      for (const s of vendorSystems(graph)) {
        if (!s.group) continue;
        drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories: ['session_recording'], likelihood: 0.5, impact: 0.5, evidence: cite(s.evidence.at(-1)!), detail: 'same' });
      }
    },
  });

  it('gives each install the lists a per-install run gives, one list per way across rules', () => {
    const graph = fleet(40);
    const copy = { ...clause };
    const rules = [
      citing('repeats', (own) => [own, clause, own, clause]),
      citing('plain', (own) => [own, clause]),
      citing('copy', (own) => [own, clause, copy, own]),
      citing('alone', (own) => [own]),
    ];
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    seen.length = 0;
    const byClass = runRules(ctx, rules);
    expect(Math.max(...seen)).toBeLessThan(10);
    expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, rules.map((r) => ({ ...r, classReads: undefined })))));
    const instances = (ruleId: string): FindingInstance[] => byClass.findings.find((f) => f.ruleId === ruleId)!.instances!;
    for (const ruleId of ['repeats', 'plain', 'copy', 'alone']) expect(instances(ruleId)).toHaveLength(40);
    instances('plain').forEach((i, n) => {
      const own = graph.systems.find((s) => s.id === i.system)!.evidence.at(-1)!;
      expect(i.evidence).toEqual([own, clause]);
      expect(i.evidence[0]).toBe(own);
      // The same items, however the rule cited them: the one list, not one per rule.
      expect(instances('repeats')[n]!.evidence).toBe(i.evidence);
      expect(instances('copy')[n]!.evidence).toBe(i.evidence);
      expect(instances('alone')[n]!.evidence).toEqual([own]);
    });
  });

  /**
   * Rules sharing the run's tables whatever way they cite: an install's first and last own item (the same
   * object, or an equal copy, on some installs), its flows' items (which may be its own row again), a clause,
   * another clause, an equal copy of the first: lists of 1 to 11 items, either side of the pairwise bound.
   */
  it('gives what a per-install run gives, for random ways of citing across rules', () => {
    const copy = { ...clause };
    const other: Evidence = { quote: 'Vendor keeps audio.', file: 'baa.md', line: 14 };
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = prng(seed);
      const graph = fleet(120);
      for (const s of graph.systems) {
        if (!s.group) continue;
        const row = s.evidence.at(-1)!;
        const r = rnd();
        if (r < 0.3) s.evidence.push({ ...row });
        else if (r < 0.5) s.evidence.push(row);
        for (const f of graph.flows) if (f.to === s.id && rnd() < 0.5) f.evidence.push(row);
      }
      const rules = Array.from({ length: 6 }, (_, n) => {
        const picks = Array.from({ length: 1 + Math.floor(rnd() * 11) }, () => Math.floor(rnd() * 7));
        return citing(`r${n}`, (own) => picks.map((k) => {
          const s = graph.systems.find((x) => x.evidence.includes(own))!;
          const flows = inboundOf(graph, s.id).flatMap((f) => f.evidence);
          return [s.evidence[0]!, own, flows.at(-1)!, clause, other, copy, flows[0]!][k]!;
        }));
      });
      const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
      seen.length = 0;
      const byClass = JSON.stringify(runRules(ctx, rules));
      expect(Math.min(...seen)).toBeLessThan(60);
      expect(byClass).toBe(JSON.stringify(runRules(ctx, rules.map((r) => ({ ...r, classReads: undefined })))));
    }
  });
});
