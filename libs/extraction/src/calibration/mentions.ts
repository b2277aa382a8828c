/**
 * Where each of a document's asserted names is written, from one pass over the text for all of them. Reading each
 * name with its own `indexOf` loop scans the whole text once per name that is written fewer than `max` times;
 * over a long text with a long list of names (the 20 MB bench text asserts hundreds) that was most of the
 * extraction time. The result is the same as that loop's: per name, its first `max` non-overlapping occurrences
 * (each search resumes after the previous match), in text order; with `overlapping`, its first `max` occurrences
 * wherever they start (each search resumes one character after the previous match, as `indexOf(name, at + 1)` does).
 */
// Names are grouped by their first two characters, read as one number (no substring per position of the text).
const KEY = 2;
const keyAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

export function mentionsOf(text: string, names: readonly string[], max: number, overlapping = false): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const byKey = new Map<number, string[]>();
  for (const n of names) {
    if (out.has(n)) continue;
    if (n.length < KEY) {
      out.set(n, indexOfLoop(text, n, max, overlapping));
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
      if (at.length >= max || (!overlapping && at.length > 0 && i < at[at.length - 1] + n.length)) continue;
      if (text.startsWith(n, i)) at.push(i);
    }
  }
  return out;
}

function indexOfLoop(text: string, name: string, max: number, overlapping: boolean): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0 && at.length < max; i = text.indexOf(name, i + (overlapping ? 1 : name.length))) at.push(i);
  return at;
}

/**
 * Which of a fixed list of names a text writes, as `names.filter((n) => text.includes(n))` answers it (same names,
 * same order, repeats kept), asked of many texts: the names are grouped once by their first two characters and each
 * text is read once for all of them. A reader asking this of every sentence with the document's whole list of names
 * ran one includes per name and sentence: over the 20 MB bench text, hundreds of names times every sentence.
 */
export class WrittenNames {
  private readonly byKey = new Map<number, number[]>();
  private readonly first = new Uint8Array(65536);
  /** Names shorter than a key: asked with includes. */
  private readonly short: number[] = [];
  /** The call in which each name was last found (a stamp, so nothing is cleared between texts). */
  private readonly foundIn: Int32Array;
  private call = 0;

  constructor(private readonly names: readonly string[]) {
    this.foundIn = new Int32Array(names.length);
    names.forEach((n, i) => {
      if (n.length < KEY) {
        this.short.push(i);
        return;
      }
      const k = keyAt(n, 0);
      const list = this.byKey.get(k);
      if (list) list.push(i);
      else this.byKey.set(k, [i]);
      this.first[n.charCodeAt(0)] = 1;
    });
  }

  /** The names written in `text`, in the order of the list. */
  in(text: string): string[] {
    const call = ++this.call;
    const found: number[] = [];
    for (const i of this.short) {
      if (text.includes(this.names[i])) {
        this.foundIn[i] = call;
        found.push(i);
      }
    }
    for (let p = 0; p + KEY <= text.length; p++) {
      if (this.first[text.charCodeAt(p)] === 0) continue;
      const list = this.byKey.get(keyAt(text, p));
      if (!list) continue;
      for (const i of list) {
        if (this.foundIn[i] !== call && text.startsWith(this.names[i], p)) {
          this.foundIn[i] = call;
          found.push(i);
        }
      }
    }
    return found.sort((a, b) => a - b).map((i) => this.names[i]);
  }
}
