/** Distinct values in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Code-point comparison: deterministic regardless of the host's locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
