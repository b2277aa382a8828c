/**
 * An install's evidence slots: its own evidence, then its inbound flows', then its outbound flows', in that order.
 * A class's findings carry its representative's evidence; each member gets the item in the same slot of its own.
 */
import type { Evidence, Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { flowAdjacency, inboundOf, outboundOf } from '@custody/graph/queries';

/** An install's evidence in slot order: its own, then its inbound flows', then its outbound flows'. */
export function evidenceSlots(s: GraphSystem, inbound: readonly GraphFlow[], outbound: readonly GraphFlow[]): Evidence[] {
  const slots = [...s.evidence];
  for (const f of inbound) for (const e of f.evidence) slots.push(e);
  for (const f of outbound) for (const e of f.evidence) slots.push(e);
  return slots;
}

/** The install's slots, by its id, in this graph. */
export function installSlots(graph: Graph, s: GraphSystem): Evidence[] {
  return evidenceSlots(s, inboundOf(graph, s.id), outboundOf(graph, s.id));
}

const NO_FLOWS: readonly GraphFlow[] = [];

/** The install's evidence in slot `slot` (as installSlots(graph, s)[slot], without building the list). */
export function slotAt(graph: Graph, s: GraphSystem, slot: number): Evidence | undefined {
  if (slot < s.evidence.length) return s.evidence[slot];
  let rest = slot - s.evidence.length;
  // Inbound flows, then outbound, walked without a list of the two (nor a copy of either): asked once per
  // install and mapped item.
  const { inbound: inboundOf, outbound: outboundOf } = flowAdjacency(graph);
  const inbound = inboundOf.get(s.id) ?? NO_FLOWS;
  for (let i = 0; i < inbound.length; i++) {
    const f = inbound[i]!;
    if (rest < f.evidence.length) return f.evidence[rest];
    rest -= f.evidence.length;
  }
  const outbound = outboundOf.get(s.id) ?? NO_FLOWS;
  for (let i = 0; i < outbound.length; i++) {
    const f = outbound[i]!;
    if (rest < f.evidence.length) return f.evidence[rest];
    rest -= f.evidence.length;
  }
  return undefined;
}
