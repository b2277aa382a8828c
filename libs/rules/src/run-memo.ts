import type { AttachedContract, Graph } from '@custody/domain';

/**
 * Answers rules ask for again and again within one run — what a system holds, whether it is a direct
 * associate, its BAA coverage, the governing value of a contract fact — worked out once and shared across
 * rules (a fleet asks each of them for every install, from a dozen rules). The memo exists only while
 * {@link inRun} runs the rules over one graph at one `now`: the graph is immutable then, so an answer cannot
 * go stale; outside a run, or for another graph or time (what-if editing its copy, a spec calling a helper),
 * every call computes afresh. Answers are shared: callers must not mutate what they get.
 */
interface Memo {
  graph: Graph;
  now: number;
  /** Per kind of answer, by system id (plain id keys: building composite string keys cost more than the answers). */
  bySystem: Map<string, Map<string, unknown>>;
  /** Per kind of answer, by a one-contract list's contract (every install of a fleet vendor holds the same one). */
  byContract: Map<string, WeakMap<AttachedContract, unknown>>;
}

let current: Memo | undefined;

/** Runs `fn` with a fresh memo for this graph and time (nested runs get their own). */
export function inRun<T>(graph: Graph, now: Date, fn: () => T): T {
  const outer = current;
  current = { graph, now: now.getTime(), bySystem: new Map(), byContract: new Map() };
  try {
    return fn();
  } finally {
    current = outer;
  }
}

/**
 * The answer of `kind` for system `id` of `graph` at `now` (`now` undefined: an answer that does not depend on
 * time): `compute(graph, id, now)`, a function of its arguments alone. Passed with them rather than as a closure
 * over them: a dozen rules ask for every system's answers, ~140,000 asks per 10,000 systems, and a closure per
 * ask was as much garbage for the collector as the answers it kept.
 */
export function memoBySystem<T, N extends Date | undefined>(kind: string, graph: Graph, id: string, now: N, compute: (graph: Graph, id: string, now: N) => T): T {
  const memo = current;
  if (!memo || memo.graph !== graph || (now !== undefined && now.getTime() !== memo.now)) return compute(graph, id, now);
  let values = memo.bySystem.get(kind);
  if (!values) memo.bySystem.set(kind, (values = new Map()));
  // One lookup on a hit: no answer kept here is undefined (and one that were is only computed again).
  const hit = values.get(id);
  if (hit !== undefined) return hit as T;
  const value = compute(graph, id, now);
  values.set(id, value);
  return value;
}

/** The answer of `kind` for the whole graph of this run (e.g. its vendor systems); computed afresh outside a run. */
export function memoByGraph<T>(kind: string, graph: Graph, compute: () => T): T {
  return memoBySystem(kind, graph, '', undefined, compute);
}

/** One key for every list of no contracts: what such a list answers depends on the kind alone. */
const NO_CONTRACTS = {} as AttachedContract;

/**
 * The answer of `kind` for a list of contracts at `now`, shared when the list is one contract or none (else
 * computed): `compute` reads only the list and `now`. A system with no contract (most of an agency manifest's
 * 100,000) gets the one answer of its kind, not a fresh empty reading per system and rule. `compute` gets
 * the list, `now` and the kind (no closure per ask, as {@link memoBySystem}).
 */
export function memoByContracts<T, K extends string>(kind: K, contracts: readonly AttachedContract[], now: Date, compute: (contracts: readonly AttachedContract[], now: Date, kind: K) => T): T {
  const memo = current;
  if (!memo || contracts.length > 1 || now.getTime() !== memo.now) return compute(contracts, now, kind);
  let values = memo.byContract.get(kind);
  if (!values) memo.byContract.set(kind, (values = new WeakMap()));
  const c = contracts.length === 1 ? contracts[0]! : NO_CONTRACTS;
  if (values.has(c)) return values.get(c) as T;
  const value = compute(contracts, now, kind);
  values.set(c, value);
  return value;
}
