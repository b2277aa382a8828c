/**
 * Whether a newly projected graph differs from the stored one, and which systems it touches: the comparison
 * saveGraph runs before it bumps the version (the systems touched are named in its GraphChanged event, which the
 * event stream passes on). Apart from projection.repository.ts because it is pure comparison of graphs, with no
 * database; the pipeline uses canonicalJson on its own too.
 */
import type { Graph } from '@custody/domain';

/**
 * JSON with object keys sorted. A graph read back from a `jsonb` column has its keys in PostgreSQL's order
 * (by length, then bytes), not the order they were written in: comparing plain `JSON.stringify` output
 * would call every re-projection a change, bump the version and re-score the workspace for nothing.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v);
}

/** Systems whose own data or any touching flow differs between two graphs. */
export function diffSystems(prev: Graph | undefined, next: Graph): string[] {
  const key = (g: Graph | undefined) => {
    const m = new Map<string, string>();
    for (const s of g?.systems ?? []) m.set(s.id, canonicalJson(s));
    for (const f of g?.flows ?? []) {
      const json = canonicalJson(f);
      for (const id of [f.from, f.to]) m.set(id, (m.get(id) ?? '') + json);
    }
    return m;
  };
  const a = key(prev);
  const b = key(next);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
}
