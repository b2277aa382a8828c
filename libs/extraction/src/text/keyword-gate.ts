/**
 * A one-pass gate in front of the fact readers' prefilters: each reader tests every operative sentence of a
 * document with its own case-insensitive pattern of trigger words (`\b(?:law|legal|…)`), ten scans of the whole
 * text with alternations. Instead, the words every pattern must start with are read out of the pattern's source
 * once, put in one trie, and each sentence is scanned once for all of them; a reader's pattern then runs only on
 * the sentences holding one of its words.
 *
 * Why the gate is exact (it never hides a sentence the pattern would match): {@link requiredPrefixes} returns
 * words only for a pattern each of whose top-level alternatives starts with `\b` (or `^`) followed by a literal
 * run or a group of literal runs, and it keeps only the literal characters every match must begin with (a
 * character made optional by `?`, `*` or `{` ends the run). A match of such an alternative therefore begins at a
 * word start (position 0, or after a character that is not [A-Za-z0-9_], which is what `\b` before a letter means
 * without the `u` flag) with one of those runs, compared ASCII-case-insensitively (without `u`, `i` never folds a
 * non-ASCII character onto an ASCII one). A sentence in which no word start begins with any of the runs cannot
 * match; every other sentence still gets the pattern itself, so the answer is the pattern's. Any source the
 * reader does not understand (a lookbehind, a group made optional, `u`/`g`/`y`/`m` flags, an alternative with
 * no word start) gets no gate: every sentence is tested, as before.
 */

/** The literal runs every match of `re` must start with at a word start, or undefined when that cannot be read. */
export function requiredPrefixes(re: RegExp): string[] | undefined {
  if (/[guymv]/.test(re.flags)) return undefined;
  const out: string[] = [];
  for (const alt of splitTop(re.source)) {
    let rest: string;
    if (alt.startsWith('\\b')) rest = alt.slice(2);
    else if (alt.startsWith('^')) rest = alt.slice(1);
    else return undefined;
    const p = prefixesOf(rest);
    if (!p) return undefined;
    out.push(...p);
  }
  return out.length > 0 ? out : undefined;
}

/** Literal runs one of which starts every match of `src` (a group of alternatives or a run), or undefined. */
function prefixesOf(src: string): string[] | undefined {
  if (src.startsWith('(?:')) {
    const close = matchingParen(src, 0);
    if (close < 0 || /^[?*{]/.test(src.slice(close + 1))) return undefined;
    const out: string[] = [];
    for (const alt of splitTop(src.slice(3, close))) {
      const p = prefixesOf(alt);
      if (!p) return undefined;
      out.push(...p);
    }
    return out;
  }
  let run = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (!/[A-Za-z0-9 ]/.test(c) || /[?*+{]/.test(src[i + 1] ?? '')) break;
    run += c.toLowerCase();
  }
  // The scan looks at word starts before letters only.
  return /^[a-z]/.test(run) ? [run] : undefined;
}

/** The index of the `)` closing the group opened at `open`, or -1. */
function matchingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `]` closing the character class opened at `open`. */
function classEnd(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === ']') return i;
  }
  return src.length;
}

/** The alternatives of `src` at depth 0. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Bits of the patterns one of whose runs ends here. */
  bits: number;
}

/**
 * The trigger words of many patterns in one trie, one bit per pattern (at most 31; later ones get no gate).
 * `bitOf` registers a pattern on first sight; `scan` gives, per text, the bits of the patterns it may match.
 */
export class KeywordGate {
  private readonly root: TrieNode = { next: new Map(), bits: 0 };
  private readonly bitsOf = new Map<RegExp, number>();
  private used = 0;
  /** All bits registered so far: a scan made earlier covers only the bits registered before it. */
  all = 0;

  /** The pattern's bit (0: no gate, test every text). */
  bitOf(re: RegExp): number {
    let bit = this.bitsOf.get(re);
    if (bit !== undefined) return bit;
    const words = this.used < 31 ? requiredPrefixes(re) : undefined;
    bit = words ? 1 << this.used++ : 0;
    this.bitsOf.set(re, bit);
    if (bit) {
      for (const w of words!) this.insert(w, bit);
      this.all |= bit;
    }
    return bit;
  }

  private insert(word: string, bit: number): void {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) node.next.set(c, (n = { next: new Map(), bits: 0 }));
      node = n;
    }
    node.bits |= bit;
  }

  /** The bits of the patterns one of whose words starts at a word start of `s`. */
  scan(s: string): number {
    let bits = 0;
    const root = this.root.next;
    let prevWord = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter && !prevWord) {
        let node = root.get(c | 0x20);
        for (let k = i + 1; node; k++) {
          bits |= node.bits;
          if (k >= s.length) break;
          const d = s.charCodeAt(k);
          node = node.next.get(d >= 65 && d <= 90 ? d | 0x20 : d);
        }
      }
      prevWord = letter || (c >= 48 && c <= 57) || c === 95;
    }
    return bits;
  }
}
