/**
 * Where each of a document's asserted names is written, from one pass over the text for all of them. Reading each
 * name with its own `indexOf` loop scans the whole text once per name that is written fewer than `max` times;
 * over a long text with a long list of names (the 20 MB bench text asserts hundreds) that was most of the
 * extraction time. The result is the same as that loop's: per name, its first `max` non-overlapping occurrences
 * (each search resumes after the previous match), in text order.
 */
// Names are grouped by their first two characters, read as one number (no substring per position of the text).
const KEY = 2;
const keyAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

export function mentionsOf(text: string, names: readonly string[], max: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const byKey = new Map<number, string[]>();
  for (const n of names) {
    if (out.has(n)) continue;
    if (n.length < KEY) {
      out.set(n, indexOfLoop(text, n, max));
      continue;
    }
    out.set(n, []);
    const k = keyAt(n, 0);
    const list = byKey.get(k);
    if (list) list.push(n);
    else byKey.set(k, [n]);
  }
  if (byKey.size === 0 || max <= 0) return out;
  // A position is looked up only when its character can start a name (names mostly start with a capital).
  const first = new Uint8Array(65536);
  for (const k of byKey.keys()) first[Math.floor(k / 65536)] = 1;
  for (let i = 0; i + KEY <= text.length; i++) {
    if (first[text.charCodeAt(i)] === 0) continue;
    const list = byKey.get(keyAt(text, i));
    if (!list) continue;
    for (const n of list) {
      const at = out.get(n)!;
      if (at.length >= max || (at.length > 0 && i < at[at.length - 1] + n.length)) continue;
      if (text.startsWith(n, i)) at.push(i);
    }
  }
  return out;
}

function indexOfLoop(text: string, name: string, max: number): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0 && at.length < max; i = text.indexOf(name, i + name.length)) at.push(i);
  return at;
}
