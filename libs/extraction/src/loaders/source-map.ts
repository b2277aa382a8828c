/**
 * Text that remembers where each of its characters came from in the source file, so evidence found in the
 * normalised text can be quoted verbatim from the file the user has (the issue-7 rule: Markdown list markers,
 * emphasis, link targets and odd whitespace all stay as the file writes them).
 *
 * Loaders only delete characters (markup, extra whitespace), substitute one character for one ("*" list
 * marker → "-", tab → space) or insert separators; the output therefore keeps source order, and the source
 * index of output character i never decreases. A range [a, b) of the output is the source range
 * [index(a), index(b - 1) + 1), which contains every source character between, markup included.
 *
 * The map is kept as runs (most text is copied in long stretches), so loaders allocate little per line.
 */
export interface Mapped {
  text: string;
  /**
   * Runs as flat triples (outStart, srcStart, fixed): from outStart to the next run, character k maps to
   * srcStart + (k - outStart), or to srcStart for every character when `fixed` is 1 (inserted text).
   */
  runs: number[];
}

/** Appends mapped pieces, merging runs that continue each other. */
export class Writer {
  private parts: string[] = [];
  private runs: number[] = [];
  private len = 0;

  /** Characters [a, b) of `m`, with their mapping. */
  copy(m: Mapped, a = 0, b = m.text.length): this {
    if (b <= a) return this;
    const r = m.runs;
    let k = runAt(r, a);
    for (; k < r.length && r[k] < b; k += 3) {
      const outStart = r[k];
      const outEnd = k + 3 < r.length ? r[k + 3] : m.text.length;
      const from = Math.max(a, outStart);
      const to = Math.min(b, outEnd);
      if (to <= from) continue;
      const fixed = r[k + 2];
      this.run(fixed ? r[k + 1] : r[k + 1] + (from - outStart), fixed);
      this.len += to - from;
    }
    this.parts.push(m.text.slice(a, b));
    return this;
  }

  /** Inserted characters standing at source index `at`. */
  synth(text: string, at: number): this {
    if (!text) return this;
    this.run(at, 1);
    this.parts.push(text);
    this.len += text.length;
    return this;
  }

  private run(src: number, fixed: number): void {
    const r = this.runs;
    const n = r.length;
    if (n > 0 && !fixed && !r[n - 1] && r[n - 2] + (this.len - r[n - 3]) === src) return;
    if (n > 0 && r[n - 3] === this.len) {
      r[n - 2] = src;
      r[n - 1] = fixed;
      return;
    }
    r.push(this.len, src, fixed);
  }

  get length(): number {
    return this.len;
  }

  done(): Mapped {
    return { text: this.parts.length === 1 ? this.parts[0] : this.parts.join(''), runs: this.runs };
  }
}

/** Index (into the flat triples) of the run holding output character `i`. */
function runAt(r: number[], i: number): number {
  let lo = 0;
  let hi = r.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r[mid * 3] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo * 3;
}

/** A source string (or a part of it starting at `offset`) mapped to itself. */
export function identity(text: string, offset = 0): Mapped {
  return { text, runs: text.length ? [0, offset, 0] : [] };
}

/** Characters that stand for nothing in the source but sit at source index `at` (separators, markers). */
export function synth(text: string, at: number): Mapped {
  return { text, runs: text.length ? [0, at, 1] : [] };
}

/** Source index of output character `i`. */
export function sourceAt(m: Mapped, i: number): number {
  const k = runAt(m.runs, i);
  return m.runs[k + 2] ? m.runs[k + 1] : m.runs[k + 1] + (i - m.runs[k]);
}

export function slice(m: Mapped, a: number, b = m.text.length): Mapped {
  if (a <= 0 && b >= m.text.length) return m;
  return new Writer().copy(m, Math.max(0, a), Math.min(b, m.text.length)).done();
}

export function concat(parts: Mapped[]): Mapped {
  const w = new Writer();
  for (const p of parts) w.copy(p);
  return w.done();
}

/**
 * Replaces every match of `re` (global, with the `d` flag for group indices) by the concatenation of the
 * groups listed in `keep` (groups that did not take part are skipped): markup goes, its content stays mapped.
 */
export function keepGroups(m: Mapped, re: RegExp, keep: number[]): Mapped {
  re.lastIndex = 0;
  let match = re.exec(m.text);
  if (!match) return m;
  const w = new Writer();
  let last = 0;
  while (match) {
    const indices = (match as RegExpExecArray & { indices: ([number, number] | undefined)[] }).indices;
    w.copy(m, last, match.index);
    for (const g of keep) {
      const span = indices[g];
      if (span) w.copy(m, span[0], span[1]);
    }
    last = match.index + match[0].length;
    if (match[0].length === 0) re.lastIndex++;
    match = re.exec(m.text);
  }
  return w.copy(m, last).done();
}

/** Without leading and trailing whitespace. */
export function trim(m: Mapped): Mapped {
  let a = 0;
  let b = m.text.length;
  while (a < b && /\s/.test(m.text[a])) a++;
  while (b > a && /\s/.test(m.text[b - 1])) b--;
  return slice(m, a, b);
}

/** The per-character source index of a mapped text (one allocation, for the finished document). */
export function toIndex(m: Mapped): Int32Array {
  const out = new Int32Array(m.text.length);
  const r = m.runs;
  for (let k = 0; k < r.length; k += 3) {
    const end = k + 3 < r.length ? r[k + 3] : m.text.length;
    const src = r[k + 1];
    if (r[k + 2]) out.fill(src, r[k], end);
    else for (let i = r[k], d = src - r[k]; i < end; i++) out[i] = i + d;
  }
  return out;
}

/** The source range of the output range [start, end). */
export function toSourceRange(src: Int32Array, start: number, end: number): { start: number; end: number } {
  if (end <= start || start >= src.length) {
    const at = src.length === 0 ? 0 : src[Math.min(start, src.length - 1)];
    return { start: at, end: at };
  }
  return { start: src[start], end: src[Math.min(end, src.length) - 1] + 1 };
}
