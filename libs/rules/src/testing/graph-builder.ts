import {
  FACT_NAMES,
  PRACTICE_ID,
  unspecifiedValue,
  type AttachedContract,
  type ConsentDecl,
  type DataCategory,
  type DocumentKind,
  type FactName,
  type FactSet,
  type FactValueMap,
  type Graph,
  type GraphFlow,
  type GraphIdentifierExposure,
  type GraphRedaction,
  type GraphSystem,
  type LegalBasis,
  type Lens,
  type PracticeInfo,
  type SystemRole,
  type Transport,
} from '@custody/domain';
import type { FactValues } from '../contracts.js';
import { createRuleContext, type FindingDraft, type PartialRuleSettings, type Rule, type RuleContext } from '../rule.js';

export type { FactValues };

/** A full FactSet whose set facts each carry a quote ("<fact>: <value>") at made-up offsets. */
export function makeFacts(values: FactValues = {}): FactSet {
  const out: Record<string, unknown> = {};
  let offset = 0;
  for (const name of FACT_NAMES) {
    const set = Object.prototype.hasOwnProperty.call(values, name);
    const value = set ? values[name] : unspecifiedValue(name);
    const quote = `${name}: ${JSON.stringify(value)}`;
    out[name] = { value, evidence: set ? [{ quote, start: offset, end: offset + quote.length }] : [], confidence: set ? 0.9 : 0.5, extractor: 'test' };
    offset += quote.length + 1;
  }
  return out as FactSet;
}

/** The date specs judge expiry against, fixed so tests never depend on the wall clock. */
export const TEST_NOW = new Date('2026-01-15T00:00:00Z');

/**
 * A tiny fluent builder for the graphs rule specs need. The practice node (`practice`) exists by default;
 * flows get ids `from->to`; contracts get document ids `doc-<system>-<n>`.
 */
export class GraphBuilder {
  private readonly graph: Graph;

  constructor(practice: Partial<PracticeInfo> = {}) {
    this.graph = {
      practice: { name: 'Test Practice', lenses: [], records: {}, ...practice },
      systems: [{ id: PRACTICE_ID, name: 'Test Practice', role: 'practice', holds: [], settings: {}, contracts: [], evidence: [] }],
      flows: [],
      consents: [],
      redactions: [],
      identifiers: [],
      asOf: TEST_NOW.toISOString(),
    };
  }

  practice(p: Partial<PracticeInfo>): this {
    Object.assign(this.graph.practice, p);
    return this;
  }

  system(id: string, role: SystemRole, opts: { name?: string; holds?: DataCategory[]; settings?: Record<string, unknown> } = {}): this {
    const system: GraphSystem = {
      id,
      name: opts.name ?? id,
      role,
      holds: opts.holds ?? [],
      settings: opts.settings ?? {},
      contracts: [],
      evidence: Object.entries(opts.settings ?? {}).map(([k, v], i) => ({
        quote: `${k}: ${JSON.stringify(v)}`,
        file: 'custody.yaml',
        path: `systems.${id}.settings.${k}`,
        line: 10 + i,
      })),
    };
    this.graph.systems.push(system);
    return this;
  }

  contract(systemId: string, facts: FactValues = {}, opts: { kind?: DocumentKind; expires?: string } = {}): this {
    const system = this.find(systemId);
    const n = system.contracts.length + 1;
    const contract: AttachedContract = {
      documentId: `doc-${systemId}-${n}`,
      file: `${systemId}-${opts.kind ?? 'contract'}-${n}.pdf`,
      kind: opts.kind ?? 'contract',
      facts: makeFacts(facts),
      ...(opts.expires ? { expires: opts.expires } : {}),
    };
    system.contracts.push(contract);
    return this;
  }

  /** A BAA (kind `baa`, `baa_offered: yes`) with the given further facts. */
  baa(systemId: string, facts: FactValues = {}, opts: { expires?: string } = {}): this {
    return this.contract(systemId, { baa_offered: 'yes', ...facts }, { kind: 'baa', ...opts });
  }

  flow(from: string, to: string, data: DataCategory[], opts: { transport?: Transport; legalBasis?: LegalBasis; purpose?: string; id?: string } = {}): this {
    const flow: GraphFlow = {
      id: opts.id ?? `${from}->${to}`,
      from,
      to,
      data,
      transport: opts.transport ?? 'https',
      legalBasis: opts.legalBasis ?? 'none_known',
      ...(opts.purpose ? { purpose: opts.purpose } : {}),
      evidence: [{ quote: `- { from: ${from}, to: ${to}, data: [${data.join(', ')}] }`, file: 'custody.yaml', line: 40 + this.graph.flows.length }],
    };
    this.graph.flows.push(flow);
    return this;
  }

  consent(c: ConsentDecl): this {
    this.graph.consents.push(c);
    return this;
  }

  redaction(r: GraphRedaction): this {
    this.graph.redactions.push(r);
    return this;
  }

  identifier(i: GraphIdentifierExposure): this {
    this.graph.identifiers.push(i);
    return this;
  }

  /** A deep copy, so a spec can keep building from the same builder without aliasing. */
  build(): Graph {
    return structuredClone(this.graph);
  }

  private find(id: string): GraphSystem {
    const s = this.graph.systems.find((x) => x.id === id);
    if (!s) throw new Error(`GraphBuilder: add system ${id} before its contracts`);
    return s;
  }
}

/** A rule context at TEST_NOW. */
export function testContext(graph: Graph, opts: { lens?: Lens; settings?: PartialRuleSettings; now?: Date } = {}): RuleContext {
  return createRuleContext(graph, { now: TEST_NOW, lens: opts.lens ?? 'default', ...opts });
}

/** Run one rule over a graph at TEST_NOW; a deferred `detail` is given as the text the runner would read. */
export function evaluateRule(rule: Rule, graph: Graph, opts: { lens?: Lens; settings?: PartialRuleSettings; now?: Date } = {}): (FindingDraft & { detail: string })[] {
  return rule.evaluate(testContext(graph, opts)).map((d) => ({ ...d, detail: typeof d.detail === 'function' ? d.detail() : d.detail }));
}
