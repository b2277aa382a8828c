import type { Graph } from '@custody/domain';
import { REGISTRY } from './registry.js';
import { streamingRule, type FindingDraft, type Rule } from './rule.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

/**
 * A streaming rule's drafts are grouped as it pushes them (runRules), not collected and grouped after. That must
 * give exactly the findings and errors of the collected run; and it must really stream (one evaluation) when
 * the subjects come strictly ascending, and fall back to one collected run when they cannot be streamed.
 */
describe('streaming drafts into grouping', () => {
  // Installs of two vendors at two sites, in id order, plus each vendor's own system (whose findings head
  // its installs' group): `scribe` sorts after `system:install-…`, `acme` before.
  const fleet = (): Graph => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA' })
      .system('scribe', 'ai_notetaker', { name: 'Scribewell AI', holds: ['session_recording'], settings: { can_disable: false } })
      .system('acme', 'ai_notetaker', { name: 'Acme Notes', holds: ['session_recording'], settings: { can_disable: false } })
      .flow('practice', 'scribe', ['session_recording'])
      .flow('practice', 'acme', ['session_recording']);
    for (let i = 0; i < 12; i++) {
      const vendor = i % 3 === 0 ? 'Acme Notes' : 'Scribewell AI';
      b.system(`install-${String(i).padStart(2, '0')}`, 'ai_notetaker', {
        name: `${vendor} install ${i}`,
        settings: { can_disable: i % 4 === 0, training: i % 2 === 0 ? 'allowed' : 'opt_out', subprocessors: i % 5 === 0 ? ['OpenAI', 'Nimbus'] : ['OpenAI'], audio_retention_days: 200 - i * 15 },
      }).flow('practice', `install-${String(i).padStart(2, '0')}`, i % 2 === 0 ? ['diagnosis', 'session_recording'] : ['session_recording']);
    }
    const graph = b.build();
    for (const s of graph.systems) {
      const m = /^install-(\d+)$/.exec(s.id);
      if (m) s.group = { vendor: s.name.replace(/ install \d+$/, ''), site: Number(m[1]) % 2 === 0 ? 'Oakland' : 'Berkeley' };
    }
    return graph;
  };

  const draft = (id: string, n: number): FindingDraft => ({
    subject: `system:${id}`,
    systems: [id],
    categories: n % 2 ? ['session_recording'] : ['diagnosis', 'session_recording'],
    likelihood: 0.3 + (n % 5) / 10,
    impact: 0.6,
    evidence: [{ quote: `q${n % 3}`, line: n }],
    detail: () => `text ${id}`,
    ...(n % 4 === 0 ? { citations: [{ ref: `ref ${n % 8}` }] } : {}),
  });

  /** A streaming rule pushing `drafts`, counting its evaluations; and the same rule without streaming. */
  const pair = (drafts: () => FindingDraft[]) => {
    const calls = { n: 0 };
    const streaming = streamingRule({
      id: 'streamed', title: 'Streamed', kind: 'missing_baa', citations: [{ ref: '45 CFR 164.502(e)' }], remediation: 'fix it',
      evaluateInto(_ctx, sink) {
        calls.n++;
        for (const d of drafts()) sink.push(d);
      },
    });
    const collected: Rule = { ...streaming, evaluateInto: undefined };
    return { streaming, collected, calls };
  };

  const ids = (graph: Graph, pick: (id: string) => boolean) => graph.systems.map((s) => s.id).filter(pick).sort();

  it('streams strictly ascending subjects in one evaluation, with the collected run\'s findings', () => {
    const graph = fleet();
    // Installs and the vendor system that sorts after them (it heads its group last).
    const { streaming, collected, calls } = pair(() => ids(graph, (id) => id !== 'acme' && id !== 'practice').map(draft));
    const ctx = testContext(graph);
    const streamed = runRules(ctx, [streaming]);
    expect(calls.n).toBe(1);
    const plain = runRules(ctx, [collected]);
    expect(streamed).toEqual(plain);
    // Grouped for real: instances of both vendors, one group headed by the vendor's own finding.
    expect(plain.findings.filter((f) => f.instances).length).toBe(2);
    expect(plain.findings.some((f) => f.instances?.some((i) => i.subject === 'system:scribe'))).toBe(true);
  });

  it('falls back to one collected run when subjects repeat or go back, or a vendor\'s finding sorts before its installs', () => {
    const graph = fleet();
    const ctx = testContext(graph);
    const installs = ids(graph, (id) => id.startsWith('install-'));
    const cases: (() => FindingDraft[])[] = [
      () => [...installs, installs[3]!].map(draft), // a repeated subject: merged before grouping
      () => [...installs].reverse().map(draft), // descending: a group would need sorting
      () => ['acme', ...installs].map(draft), // `system:acme` heads its group but sorts before its installs
    ];
    for (const drafts of cases) {
      const { streaming, collected, calls } = pair(drafts);
      const streamed = runRules(ctx, [streaming]);
      expect(calls.n).toBe(2);
      expect(streamed).toEqual(runRules(ctx, [collected]));
    }
  });

  it('reports a streaming rule\'s invalid draft, throw or throwing text exactly as the collected run does', () => {
    const graph = fleet();
    const ctx = testContext(graph);
    const installs = ids(graph, (id) => id.startsWith('install-'));
    const cases: (() => FindingDraft[])[] = [
      () => [...installs.map(draft), { ...draft('install-99', 1), subject: 'nowhere' as never }],
      () => installs.map((id, n) => {
        if (n === 5) throw new Error('bad fact');
        return draft(id, n);
      }),
      () => installs.map((id, n) => ({ ...draft(id, n), likelihood: 1, detail: () => { throw new Error('no text'); } })),
    ];
    for (const drafts of cases) {
      const { streaming, collected } = pair(drafts);
      const streamed = runRules(ctx, [streaming]);
      expect(streamed.errors).toHaveLength(1);
      expect(streamed).toEqual(runRules(ctx, [collected]));
    }
  });

  it('gives every builtin rule\'s findings as its collected run does', () => {
    const ctx = testContext(fleet());
    const collected = REGISTRY.map((r) => ({ ...r, evaluateInto: undefined }));
    const streamed = runRules(ctx, REGISTRY);
    expect(streamed.findings.some((f) => f.instances)).toBe(true);
    expect(streamed).toEqual(runRules(ctx, collected));
  });
});
