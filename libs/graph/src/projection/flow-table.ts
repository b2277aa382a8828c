import type { Evidence, GraphFlow, LegalBasis, Transport } from '@custody/domain';
import { categoryList, withCategories, type Categories } from './categories.js';
import { sortEvidence } from './sort-evidence.js';

/** Where a flow came from: declared by the practice or a config, or inferred by the projection. */
export type FlowOrigin = 'manifest' | 'config' | 'implied' | 'subprocessor' | 'assessed';

export interface FlowDraft {
  from: string;
  to: string;
  /** A bitmask (see Categories), not a Set: a fleet has three or four flows per install. */
  data: Categories;
  transport: Transport;
  purpose?: string;
  endpoint?: string;
  /** A legal basis the manifest asserts; wins over the computed one. */
  declaredBasis?: LegalBasis;
  evidence: Evidence[];
  origin: FlowOrigin;
  /** The document that declared it: flows from one document never merge with each other. */
  source: string;
}

/**
 * The flows of one projection. A flow merges into an existing one only when it comes from a different
 * document and describes the same channel (same endpoints, transports equal or one unknown, endpoints
 * equal or one unknown): the manifest saying "intake → OpenAI" and the n8n export proving it are one flow
 * with two pieces of evidence. Two flows a single document declares stay two (`#2`).
 */
export class FlowTable {
  private readonly flows: FlowDraft[] = [];
  /**
   * The same flows by sender, then receiver, and by target, each in insertion order (endpoints never change
   * after `add`), so merging and lookups do not scan every flow: a 10,000-install fleet is otherwise quadratic.
   * Two levels of maps keyed by the ids themselves, not one keyed by `from → to` strings: each add and find
   * built, flattened and hashed a key of its own (a 100,000-system manifest adds 400,000 flows, a fleet looks
   * up each install's sub-processor edges again), and from scratch the pairs are ordered without any key.
   */
  private readonly bySender = new Map<string, Map<string, FlowDraft[]>>();
  private readonly byTarget = new Map<string, FlowDraft[]>();

  add(flow: FlowDraft): FlowDraft {
    const out = this.bySender.get(flow.from);
    const pair = out?.get(flow.to);
    const same = pair?.find(
      (f) =>
        f.source !== flow.source &&
        (f.transport === flow.transport || f.transport === 'unknown' || flow.transport === 'unknown') &&
        (f.endpoint === flow.endpoint || f.endpoint === undefined || flow.endpoint === undefined),
    );
    if (!same) {
      this.flows.push(flow);
      if (pair) pair.push(flow);
      else if (out) out.set(flow.to, [flow]);
      else this.bySender.set(flow.from, new Map([[flow.to, [flow]]]));
      push(this.byTarget, flow.to, flow);
      return flow;
    }
    same.data = withCategories(same.data, flow.data);
    same.evidence.push(...flow.evidence);
    if (same.transport === 'unknown') same.transport = flow.transport;
    same.endpoint ??= flow.endpoint;
    same.purpose ??= flow.purpose;
    same.declaredBasis ??= flow.declaredBasis;
    return same;
  }

  all(): readonly FlowDraft[] {
    return this.flows;
  }

  /** The flows by `from → to` pair (key `from`, NUL, `to`), each list in insertion order: a new map, of the live lists. */
  pairs(): Map<string, readonly FlowDraft[]> {
    const out = new Map<string, readonly FlowDraft[]>();
    for (const [from, lists] of this.bySender) for (const [to, list] of lists) out.set(pairKey(from, to), list);
    return out;
  }

  /**
   * Each pair's flows (insertion order), the pairs in the order of their keys (`from`, NUL, `to`, as `<` orders
   * strings): by sender, then by receiver, which is that order as long as no sender id holds a NUL (then the
   * keys are built and sorted).
   */
  sortedPairs(): (readonly FlowDraft[])[] {
    const senders = [...this.bySender.keys()];
    if (senders.some((id) => id.includes('\u0000'))) {
      const pairs = this.pairs();
      return [...pairs.keys()].sort().map((k) => pairs.get(k)!);
    }
    const out: (readonly FlowDraft[])[] = [];
    // The default sort orders strings by UTF-16 code units, in native code (no comparator call per comparison).
    for (const from of senders.sort()) {
      const lists = this.bySender.get(from)!;
      if (lists.size === 1) out.push(lists.values().next().value!);
      else if (lists.size === 2) {
        // Most senders of a fleet (an install and its two sub-processors) or a manifest: no list to sort.
        const keys = lists.keys();
        const a = keys.next().value!;
        const b = keys.next().value!;
        out.push(lists.get(a < b ? a : b)!, lists.get(a < b ? b : a)!);
      } else for (const to of [...lists.keys()].sort()) out.push(lists.get(to)!);
    }
    return out;
  }

  into(systemId: string): FlowDraft[] {
    return [...this.inbound(systemId)];
  }

  /** {@link into} without the copy: the live list, to read before the next `add` or `remove`. */
  inbound(systemId: string): readonly FlowDraft[] {
    return this.byTarget.get(systemId) ?? NO_FLOWS;
  }

  find(from: string, to: string): FlowDraft | undefined {
    return this.bySender.get(from)?.get(to)?.[0];
  }

  remove(flow: FlowDraft): void {
    const i = this.flows.indexOf(flow);
    if (i < 0) return;
    this.flows.splice(i, 1);
    const lists = this.bySender.get(flow.from);
    if (lists) {
      pull(lists, flow.to, flow);
      if (!lists.size) this.bySender.delete(flow.from);
    }
    pull(this.byTarget, flow.to, flow);
  }
}

const NO_FLOWS: readonly FlowDraft[] = [];
/** A pair's key in the projection memo (finalise-memo.ts): `from`, NUL, `to`. */
export const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

function push(map: Map<string, FlowDraft[]>, key: string, flow: FlowDraft): void {
  const list = map.get(key);
  if (list) list.push(flow);
  else map.set(key, [flow]);
}

function pull(map: Map<string, FlowDraft[]>, key: string, flow: FlowDraft): void {
  const list = map.get(key);
  const i = list?.indexOf(flow) ?? -1;
  if (i >= 0) list!.splice(i, 1);
  if (list && !list.length) map.delete(key);
}

function sortKey(f: FlowDraft, evidence: readonly Evidence[]): string {
  const ev = evidence[0];
  return [f.from, f.to, f.transport, categoryList(f.data).join(','), f.purpose ?? '', f.endpoint ?? '', ev?.documentId ?? '', String(ev?.line ?? 0).padStart(9, '0'), ev?.quote ?? ''].join('\u0000');
}

/**
 * Sort flows by content and give them stable ids `from->to`, `from->to#2`, … Ids depend only on the flows
 * sharing the same endpoints, so adding an unrelated flow never renames an existing one.
 */
export function finaliseFlows(flows: readonly FlowDraft[], basisOf: (f: FlowDraft, index: number) => LegalBasis): GraphFlow[] {
  // A single flow (most pairs: a fleet has one per install) has nothing to be ordered against: no sort key.
  if (flows.length === 1) return [graphFlow(flows[0]!, sortEvidence(flows[0]!.evidence), `${flows[0]!.from}->${flows[0]!.to}`, basisOf(flows[0]!, 0))];
  // Each flow's evidence is sorted once: its first item orders the flows and the whole list is the output.
  const sorted = flows.map((f, i) => {
    const evidence = sortEvidence(f.evidence);
    return { f, i, evidence, key: sortKey(f, evidence) };
  }).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Map<string, number>();
  return sorted.map(({ f, i, evidence }) => {
    const base = `${f.from}->${f.to}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return graphFlow(f, evidence, n === 1 ? base : `${base}#${n}`, basisOf(f, i));
  });
}

function graphFlow(f: FlowDraft, evidence: Evidence[], id: string, legalBasis: LegalBasis): GraphFlow {
  // Fields added in the output's key order (optional ones only when set), without a spread object per field.
  const out: Partial<GraphFlow> & Pick<GraphFlow, 'id' | 'from' | 'to' | 'data' | 'transport'> = { id, from: f.from, to: f.to, data: categoryList(f.data), transport: f.transport };
  if (f.purpose !== undefined) out.purpose = f.purpose;
  out.legalBasis = legalBasis;
  if (f.endpoint !== undefined) out.endpoint = f.endpoint;
  out.evidence = evidence;
  if (f.origin === 'assessed') out.assessed = true;
  return out as GraphFlow;
}
