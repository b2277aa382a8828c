import { DATA_CATEGORIES, LEGAL_BASES, PRACTICE_ID, SYSTEM_ROLES, type DataCategory, type Graph, type SystemRole } from '@custody/domain';
import { flowTargets } from '@custody/graph/graph-index';
import { flowAdjacency, inboundPhiOf } from '@custody/graph/queries';
import { REGISTRY } from './registry.js';
import { groupFindings } from '@custody/domain';
import { runAudit, runRules, runRulesUngrouped } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';
import { seedGraph } from './testing/seed-graph.js';

/**
 * The graph index hands its own lists to the rules without a copy (issue 11: inboundOf, outboundOf, inboundPhiOf,
 * flowTargets, flowAdjacency). A rule that sorts, pushes to or splices one of them corrupts every later rule's
 * answer for that system, silently. Here the index's lists are frozen before the audit: such a rule throws, the
 * runner reports it as an error, and the findings differ from an audit of an untouched copy of the graph.
 */
describe('rules only read the lists the graph index shares', () => {
  const ROLES = SYSTEM_ROLES.filter((r) => r !== 'practice');
  const PHI = DATA_CATEGORIES;

  /** A practice of random vendors, clinicians, fleet installs and flows (some to undeclared ends, one id declared twice). */
  const randomGraph = (seed: number): Graph => {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const cats = (): DataCategory[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(PHI)))];
    const b = new GraphBuilder({ jurisdiction: 'US-CA', records: { documents_sensitive: ['immigration_status'] } });
    const ids: string[] = [PRACTICE_ID];
    for (let i = 0; i < 24; i++) {
      const role: SystemRole = i < 3 ? 'clinician' : pick(ROLES);
      const id = `s${i}`;
      b.system(id, role, { name: `Vendor ${i}`, holds: rnd() < 0.3 ? cats() : [], settings: rnd() < 0.4 ? { training: 'allowed', storage_region: 'EU', subprocessors: ['Vendor 5'] } : {} });
      if (rnd() < 0.4) b.baa(id, { subcontractor_flowdown: pick(['yes', 'no']), breach_notice_days: pick([10, 90, null]) }, rnd() < 0.2 ? { expires: '2025-01-01' } : {});
      ids.push(id);
    }
    // An id declared twice (the second, a clinician, is not the one the index keeps) and fleet installs of one vendor.
    b.system('s4', 'clinician', { name: 'Shadow' });
    for (let i = 0; i < 6; i++) {
      const id = `install-${i}`;
      b.system(id, 'ai_notetaker', { name: `Vendor 7 install ${i}`, settings: { can_disable: i % 2 === 0, recording: 'always' } });
      b.flow(pick([PRACTICE_ID, 's0', 's1']), id, ['session_recording', 'session_transcript'], { legalBasis: pick(LEGAL_BASES), id: `f-install-${i}` });
      b.flow(id, 's7', ['session_transcript', 'diagnosis'], { id: `f-install-${i}-up` });
      ids.push(id);
    }
    for (let i = 0; i < 70; i++) {
      const to = rnd() < 0.05 ? 'nowhere' : pick(ids);
      const data = rnd() < 0.1 ? ['deidentified' as DataCategory, ...cats()] : cats();
      b.flow(pick(ids), to, data, { legalBasis: pick(LEGAL_BASES), transport: pick(['https', 'sftp', 'smtp', 'http'] as const), id: `f${i}` });
    }
    b.consent({ to: 's9', data: ['progress_notes'], purpose: 'care', expires: '2027-01-01' });
    const graph = b.build();
    for (const s of graph.systems) if (s.id.startsWith('install-')) s.group = { vendor: 'Vendor 7', site: 'Oakland' };
    return graph;
  };

  /** Freezes every list the index shares for `graph`: a rule mutating one then throws. */
  const freezeIndex = (graph: Graph): void => {
    const { inbound, outbound } = flowAdjacency(graph);
    for (const list of [...inbound.values(), ...outbound.values()]) Object.freeze(list);
    Object.freeze(flowTargets(graph));
    const ends = new Set([...graph.systems.map((s) => s.id), ...graph.flows.flatMap((f) => [f.from, f.to])]);
    for (const id of ends) Object.freeze(inboundPhiOf(graph, id));
  };

  const graphs: [string, () => Graph][] = [
    ['the seed practice', () => seedGraph().build()],
    ...[1, 2, 3, 4, 5, 6].map((seed): [string, () => Graph] => [`random practice ${seed}`, () => randomGraph(seed)]),
  ];

  it.each(graphs)('%s: an audit with the index frozen has no rule error and the findings of an untouched copy', (_, make) => {
    const graph = make();
    const copy = structuredClone(graph);
    freezeIndex(graph);
    const frozen = runAudit(testContext(graph));
    const plain = runAudit(testContext(copy));
    expect(frozen.errors).toEqual([]);
    expect(plain.errors).toEqual([]);
    expect(frozen.findings.length).toBeGreaterThan(3);
    expect(frozen.findings).toEqual(plain.findings);
    expect(frozen.score).toEqual(plain.score);
    // A second audit of the same graph reads the same (still frozen) index.
    expect(runAudit(testContext(graph)).findings).toEqual(plain.findings);
  });

  /**
   * A finding keeps its draft's systems and evidence lists (no copy, when they hold no repeats), and rules draft
   * with the graph's own lists (a flow's or a system's evidence, a contract fact's): a write to a finding's list
   * would change the graph, and every later audit of it. Frozen here, such a write throws.
   */
  const freezeEvidence = (graph: Graph): void => {
    for (const r of [...graph.systems, ...graph.flows]) Object.freeze(r.evidence);
    for (const s of graph.systems) for (const c of s.contracts) for (const f of Object.values(c.facts ?? {})) if (f?.evidence) Object.freeze(f.evidence);
  };

  it.each(graphs)('%s: the findings, grouped and ungrouped (as the re-audit groups them), never write to the evidence lists they keep', (_, make) => {
    const graph = make();
    const copy = structuredClone(graph);
    freezeEvidence(graph);
    const frozen = runAudit(testContext(graph));
    expect(frozen.errors).toEqual([]);
    expect(frozen.findings).toEqual(runAudit(testContext(copy)).findings);
    // Some finding does keep one of the graph's (frozen) lists: the freeze is not of lists no finding holds.
    expect(frozen.findings.some((f) => f.evidence.length > 0 && Object.isFrozen(f.evidence))).toBe(true);
    const ungrouped = runRulesUngrouped(testContext(graph));
    expect(ungrouped.errors).toEqual([]);
    expect(groupFindings(ungrouped.findings, graph.systems)).toEqual(groupFindings(runRulesUngrouped(testContext(copy)).findings, copy.systems));
  });

  it('each rule, run alone after a full audit on the frozen index, gives what it gives on an untouched copy', () => {
    const graph = randomGraph(7);
    const copy = structuredClone(graph);
    freezeIndex(graph);
    runAudit(testContext(graph));
    for (const rule of REGISTRY) {
      const alone = runRules(testContext(graph), [rule]);
      expect({ rule: rule.id, errors: alone.errors }).toEqual({ rule: rule.id, errors: [] });
      expect(alone.findings).toEqual(runRules(testContext(copy), [rule]).findings);
    }
  });
});

/**
 * The index (and the practice-side set and each flow's receiver it now keeps) belongs to one state of the graph:
 * a graph audited, then given another practice-side system and its flows (a config added to the workspace), is
 * audited as a graph built with them from the start would be.
 */
describe('a re-audit after the graph gains a practice-side system', () => {
  const base = () =>
    new GraphBuilder({ jurisdiction: 'US-CA' })
      .system('scribe', 'ai_notetaker', { name: 'Scribe' })
      .system('llm', 'llm_provider', { name: 'LLM' })
      .system('broker', 'data_broker', { name: 'Broker' })
      .flow('practice', 'scribe', ['session_transcript'], { legalBasis: 'baa' })
      .flow('scribe', 'llm', ['session_transcript']);

  const withClinician = (g: Graph): Graph => {
    g.systems.push({ id: 'dr-ng', name: 'Dr Ng', role: 'clinician', holds: [], settings: {}, contracts: [], evidence: [] });
    g.flows.push({ id: 'dr-ng->llm', from: 'dr-ng', to: 'llm', data: ['progress_notes'], transport: 'https', legalBasis: 'none_known', evidence: [] });
    g.flows.push({ id: 'dr-ng->broker', from: 'dr-ng', to: 'broker', data: ['claims', 'diagnosis'], transport: 'https', legalBasis: 'none_known', evidence: [] });
    return g;
  };

  const fromScratch = () => runAudit(testContext(withClinician(base().build())));

  it('changed in place (systems and flows pushed onto the audited arrays)', () => {
    const graph = base().build();
    const before = runAudit(testContext(graph));
    // The LLM got PHI only from a vendor: not a direct associate, so no missing BAA of its own yet.
    expect(before.findings.map((f) => f.id)).not.toContain('missing-baa@system:llm');
    withClinician(graph);
    const after = runAudit(testContext(graph));
    expect(after.errors).toEqual([]);
    // Fed by a clinician now, it is a direct associate without a BAA; the broker gets claims from the practice side.
    expect(after.findings.map((f) => f.id)).toContain('missing-baa@system:llm');
    expect(after.findings.map((f) => f.id)).toContain('claims-aggregation@path:dr-ng>broker');
    expect(after.findings).toEqual(fromScratch().findings);
  });

  it('changed by new arrays (as a config replay adds to an earlier graph)', () => {
    const graph = base().build();
    runAudit(testContext(graph));
    const grown = withClinician({ ...graph, systems: [...graph.systems], flows: [...graph.flows] });
    expect(runAudit(testContext(grown)).findings).toEqual(fromScratch().findings);
    // The earlier graph still reads as it was.
    expect(runAudit(testContext(graph)).findings).toEqual(runAudit(testContext(base().build())).findings);
  });
});
