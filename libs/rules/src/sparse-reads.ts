import type { DataCategory, Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { isPracticeSideSystem, systemById } from '@custody/graph/graph-index';
import { CLAIMS_CATEGORIES } from './builtin/claims-aggregation.rule.js';

/**
 * Read declarations for rules that judge a few records spread over the graph (credentials, identifier
 * exposures, psychotherapy notes, claims reaching a broker) rather than every system's neighbourhood: no
 * anchor set (RuleReads) bounds them cheaply (claims and notes are judged along upstream paths, and the
 * upstream closure of a fleet's sub-processor is the whole fleet), but only a few records can matter to them
 * at all. An incremental re-audit keeps such a rule's findings when no changed record matters to it, and runs
 * it over the whole graph otherwise.
 *
 * `lists`: the graph lists the rule reads whole (a change to one re-runs it). `matters(graph)`, given the new
 * graph and the declared lists unchanged, says which records the rule's output can depend on; it is asked of
 * every changed record as it was and as it is. Records it finds through other records (a chain of contracts'
 * `via` systems, the sender of a flow it judges) are named from the new graph: a walk that starts at records
 * that did not change follows the same records in both graphs up to the first changed one, which it then
 * names in both. The same argument makes them stable, which a re-audit relies on to carry them from graph to
 * graph (libs/audit sparse-memo.ts) rather than walk every flow again: when the lists are unchanged and no
 * changed record matters (as it was or as it is) to the old graph's predicates, the new graph's are the same
 * predicates. The incremental property test (libs/audit) checks these against full audits.
 */
export interface SparseReads {
  lists: readonly ('redactions' | 'identifiers' | 'consents')[];
  matters: (graph: Graph) => { flow: (f: GraphFlow) => boolean; system: (s: GraphSystem) => boolean };
}

const carriesAny = (f: GraphFlow, categories: readonly DataCategory[]) => f.legalBasis !== 'deidentified' && f.data.some((c) => categories.includes(c));

export const SPARSE_READS: Readonly<Record<string, SparseReads>> = Object.freeze({
  // The redactions, the flows declared by a document with one (the flow a credential authenticates), and those
  // flows' ends, which the finding names (a renamed end reads differently).
  'secret-in-config': {
    lists: ['redactions'],
    matters: (graph) => {
      const docs = new Set<string | undefined>(graph.redactions.map((r) => r.documentId));
      const declared = (f: GraphFlow) => f.evidence.some((e) => docs.has(e.documentId));
      const ends = new Set<string>();
      if (docs.size) for (const f of graph.flows) if (declared(f)) (ends.add(f.from), ends.add(f.to));
      return { flow: declared, system: (s) => ends.has(s.id) };
    },
  },
  // The exposures, the flows into the systems receiving them, and those systems' names.
  'identifiable-research-data': {
    lists: ['identifiers'],
    matters: (graph) => {
      const receivers = new Set(graph.identifiers.flatMap((i) => (i.system ? [i.system] : [])));
      return { flow: (f) => receivers.has(f.to), system: (s) => receivers.has(s.id) };
    },
  },
  // Flows carrying the notes, systems holding them, each such flow's ends and holder, and the `via` chain of
  // contracts from those (a note home: the EHR's sub-processors); consents name a receiver by id or name.
  'psychotherapy-notes-exposed': {
    lists: ['consents'],
    matters: (graph) => {
      const notes: DataCategory[] = ['psychotherapy_notes'];
      const read = new Set<string>();
      // Walked apart from read: a flow's sender is read (named) without a walk, and a holder that also sends
      // notes must still have its `via` chain walked (the rule asks whether its notes are at home).
      const walked = new Set<string>();
      const walk = (id: string) => {
        if (walked.has(id)) return;
        walked.add(id);
        read.add(id);
        for (const c of systemById(graph, id)?.contracts ?? []) if (c.via) walk(c.via.system);
      };
      for (const f of graph.flows) if (f.data.some((c) => notes.includes(c))) (walk(f.to), read.add(f.from));
      for (const s of graph.systems) if (s.holds.some((c) => notes.includes(c))) walk(s.id);
      return { flow: (f) => f.data.some((c) => notes.includes(c)), system: (s) => read.has(s.id) || s.holds.some((c) => notes.includes(c)) };
    },
  },
  // Flows carrying claims (the paths claims came by), the origins of those paths (practice side, holders,
  // senders of claims), brokers, each sender of claims into a broker (its name and role), and, while there is a
  // broker, every end of a flow carrying claims: the finding names each system on the path by name.
  'claims-aggregation': {
    lists: [],
    matters: (graph) => {
      const brokers = new Set<string>();
      for (const s of graph.systems) if (s.role === 'data_broker') brokers.add(s.id);
      const onPaths = new Set<string>();
      if (brokers.size) for (const f of graph.flows) if (carriesAny(f, CLAIMS_CATEGORIES)) (onPaths.add(f.from), onPaths.add(f.to));
      return {
        flow: (f) => carriesAny(f, CLAIMS_CATEGORIES),
        system: (s) => s.role === 'data_broker' || isPracticeSideSystem(s) || s.holds.some((c) => CLAIMS_CATEGORIES.includes(c)) || onPaths.has(s.id),
      };
    },
  },
});
