/**
 * Path queries over the PHI flow graph: where PHI starts (origins), the paths it takes to a system and what it
 * reaches downstream. Pure functions of the graph; the origins and BFS trees are cached in its shared index
 * (graph-index.ts). Used by the rules (a finding's witness path), what-if and the API's views.
 */
import { PRACTICE_ID, cmp, unique, type DataCategory, type Graph, type GraphFlow } from '@custody/domain';
import { indexOf, isPracticeSide } from './graph-index.js';
import { carriesPhi, inboundOf, outboundOf, phiOf } from './queries.js';

/**
 * Where PHI starts: the practice side, and systems that hold or send PHI that nothing sends PHI to (an EHR
 * described only by its `holds`). The practice comes first so paths read from it whenever they can.
 * With `categories`, only flows carrying one of them count, and holders of one of them with no such inbound
 * flow are origins: the path claims actually took, not any PHI path.
 */
export function origins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  return [...originList(graph, categories)];
}

/** The cached origins list (not a copy: callers must not mutate it). */
function originList(graph: Graph, categories?: readonly DataCategory[]): readonly string[] {
  const index = indexOf(graph);
  const key = categoryKey(categories);
  let list = index.origins.get(key);
  if (!list) index.origins.set(key, (list = computeOrigins(graph, categories)));
  return list;
}

function isOrigin(graph: Graph, id: string, categories?: readonly DataCategory[]): boolean {
  const index = indexOf(graph);
  const key = categoryKey(categories);
  let set = index.originSets.get(key);
  if (!set) index.originSets.set(key, (set = new Set(originList(graph, categories))));
  return set.has(id);
}

function computeOrigins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  const ids = new Set<string>([PRACTICE_ID]);
  for (const s of graph.systems) if (isPracticeSide(graph, s.id) || startsThere(graph, s, categories)) ids.add(s.id);
  return [...ids].sort(originOrder);
}

/** Data a system holds or sends without receiving it started there. */
function startsThere(graph: Graph, s: Graph['systems'][number], categories?: readonly DataCategory[]): boolean {
  const has = relevant(s.holds, categories).length > 0 || outboundOf(graph, s.id).some((f) => carries(f, categories));
  return has && !inboundOf(graph, s.id).some((f) => carries(f, categories));
}

/** Origins in the order their BFS starts: the practice first, then by id. */
const originOrder = (a: string, b: string): number => (a === PRACTICE_ID ? -1 : b === PRACTICE_ID ? 1 : cmp(a, b));

/**
 * Shortest-path predecessors by BFS from `starts` in order, each node's next nodes in `next`'s order; stops once
 * `stopAt` is reached, when given.
 */
function bfsPredecessors(starts: readonly string[], next: (node: string) => Iterable<string>, stopAt?: string): Map<string, string> {
  const prev = new Map<string, string>();
  const seen = new Set(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length && !(stopAt !== undefined && prev.has(stopAt)); head++) {
    const node = queue[head]!;
    for (const n of next(node)) {
      if (seen.has(n)) continue;
      seen.add(n);
      prev.set(n, node);
      queue.push(n);
    }
  }
  return prev;
}

/** The path the predecessors give from an origin to `target`, or undefined when the BFS did not reach it. */
function pathBack(prev: ReadonlyMap<string, string>, target: string): string[] | undefined {
  if (!prev.has(target)) return undefined;
  const path = [target];
  while (prev.has(path[0]!)) path.unshift(prev.get(path[0]!)!);
  return path;
}

function relevant(cats: readonly DataCategory[], categories?: readonly DataCategory[]): DataCategory[] {
  return phiOf(cats).filter((c) => !categories || categories.includes(c));
}

function carries(f: GraphFlow, categories?: readonly DataCategory[]): boolean {
  // Without a filter, any PHI category is relevant: carriesPhi already says whether there is one.
  return carriesPhi(f) && (!categories || relevant(f.data, categories).length > 0);
}

function phiNeighbours(graph: Graph, id: string, categories?: readonly DataCategory[]): string[] {
  const out: string[] = [];
  let ascending = true;
  for (const f of outboundOf(graph, id)) {
    if (!carries(f, categories)) continue;
    if (ascending && out.length > 0 && !(out[out.length - 1]! < f.to)) ascending = false;
    out.push(f.to);
  }
  // Strictly ascending already (the projection lists a system's flows by peer) is what unique and sort give:
  // a fleet's practice sends to 100,000 installs, sorted again on every path query.
  return ascending ? out : unique(out).sort(cmp);
}

/**
 * The shortest PHI path from any origin to `target` (BFS; ties broken by origin order then id order,
 * so the result is deterministic). `[target]` when the target is itself an origin; undefined if unreachable.
 * With `categories`, only flows carrying one of them are followed.
 */
export function shortestPathTo(graph: Graph, target: string, categories?: readonly DataCategory[]): string[] | undefined {
  const local = indexOf(graph).bfs.has(categoryKey(categories)) ? TOO_FAR : pathAmongAncestors(graph, target, categories);
  if (local !== TOO_FAR) return local;
  if (isOrigin(graph, target, categories)) return [target];
  return pathBack(bfsTree(graph, originList(graph, categories), categories), target);
}

const categoryKey = (categories?: readonly DataCategory[]) => (categories ? [...categories].sort().join(',') : '*');

/** {@link pathAmongAncestors} gave up: the whole BFS tree answers instead. */
const TOO_FAR = null;
/** Flows the ancestor searches of a graph's index have walked so far (bounded: see pathAmongAncestors). */
const ancestorWork = new WeakMap<object, number>();

/**
 * {@link shortestPathTo} without the BFS from every origin over the whole graph: a fleet's rules ask the path
 * to a few dozen installs (one per class), each fed by the practice alone, and the whole tree walked the
 * practice's 100,000 flows and decided which of 100,000 systems are origins, for paths of two nodes.
 *
 * The same answer: every node on a shortest path from the origins to `target` reaches `target`, so the BFS
 * restricted to `target`'s PHI ancestors (its origins in origin order, each node's neighbours among them in
 * phiNeighbours' order: unique, by id) gives each of them the level and predecessor the whole BFS gives — a
 * node's first discoverer is on a path to it. TOO_FAR when the ancestors walked, over all calls on this
 * graph, pass its flow count (a sub-processor fed by every install): then the whole tree, built once, is cheaper.
 */
function pathAmongAncestors(graph: Graph, target: string, categories?: readonly DataCategory[]): string[] | undefined | typeof TOO_FAR {
  const index = indexOf(graph);
  // computeOrigins judges each listed system; with repeated ids its answer is not one system's.
  if (index.byId.size !== graph.systems.length) return TOO_FAR;
  let spent = ancestorWork.get(index) ?? 0;
  const budget = graph.flows.length + 64;
  // Reverse search over PHI flows: the ancestors, and per ancestor the ancestors it sends to.
  const children = new Map<string, string[]>([[target, []]]);
  const stack = [target];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const into = inboundOf(graph, v);
    spent += into.length + 1;
    if (spent > budget) {
      ancestorWork.set(index, spent);
      return TOO_FAR;
    }
    for (const f of into) {
      if (!carries(f, categories)) continue;
      let kids = children.get(f.from);
      if (!kids) {
        children.set(f.from, (kids = []));
        stack.push(f.from);
      }
      kids.push(v);
    }
  }
  ancestorWork.set(index, spent);
  // computeOrigins' test for one system (its id listed once: checked above).
  const isOriginHere = (id: string): boolean => {
    if (id === PRACTICE_ID || isPracticeSide(graph, id)) return true;
    const s = index.byId.get(id);
    return s !== undefined && startsThere(graph, s, categories);
  };
  if (isOriginHere(target)) return [target];
  const starts = [...children.keys()].filter(isOriginHere).sort(originOrder);
  return pathBack(bfsPredecessors(starts, (node) => unique(children.get(node)!).sort(cmp), target), target);
}

// One BFS from all origins gives every node's shortest-path predecessor; cached per category filter.
function bfsTree(graph: Graph, starts: readonly string[], categories?: readonly DataCategory[]): Map<string, string> {
  const index = indexOf(graph);
  const key = categoryKey(categories);
  const cached = index.bfs.get(key);
  if (cached) return cached;
  const prev = bfsPredecessors(starts, (node) => phiNeighbours(graph, node, categories));
  index.bfs.set(key, prev);
  return prev;
}

/**
 * All simple PHI paths from origins to `target`, shortest first. Bounded (depth and count) because a
 * fleet graph can have thousands of nodes and rules only need a handful of witnesses.
 */
export function pathsTo(graph: Graph, target: string, opts: { maxDepth?: number; limit?: number } = {}): string[][] {
  const maxDepth = opts.maxDepth ?? 8;
  const limit = opts.limit ?? 50;
  const out: string[][] = [];
  const walk = (path: string[]): void => {
    if (out.length >= limit) return;
    const last = path[path.length - 1]!;
    if (last === target && path.length > 1) {
      out.push([...path]);
      return;
    }
    if (path.length > maxDepth) return;
    for (const next of phiNeighbours(graph, last)) {
      if (!path.includes(next)) walk([...path, next]);
    }
  };
  for (const o of origins(graph)) if (o !== target) walk([o]);
  return out.sort((a, b) => a.length - b.length || cmp(a.join('>'), b.join('>')));
}

/** Every system PHI can reach downstream of `from` (not including `from`), sorted. */
export function reach(graph: Graph, from: string): string[] {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of phiNeighbours(graph, stack.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  seen.delete(from);
  return [...seen].sort(cmp);
}

/** A finding subject for a path: `path:a>b>c`. */
export function pathSubject(nodes: readonly string[]): string {
  return `path:${nodes.join('>')}`;
}
