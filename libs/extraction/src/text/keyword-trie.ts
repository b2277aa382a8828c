import { completeWords, requiredPrefixes, startsAtWord } from './pattern-prefixes.js';

/**
 * The trigger words of many patterns in one trie, one bit per pattern (at most 31; later ones get no gate).
 * `bitOf` registers a pattern on first sight; `scan` gives, per text, the bits of the patterns it may match.
 * The trie is a flat table of ASCII transitions (node * 128 + character → node + 1; 0: none): the words are ASCII,
 * and a table lookup per character keeps the scan a small part of the regex passes it saves.
 */
export class KeywordGate {
  private next = new Int32Array(128);
  // Per-node bits as typed arrays (node count in `nodes`): bit 30 is past the small integers a plain array holds
  // unboxed, and with it the arrays turned to doubles, converted back on every `|` of the scan.
  private nodes = 1;
  private bits = new Int32Array(64);
  /** Bits of the patterns one of whose runs ends here and must end a word there. */
  private endBits = new Int32Array(64);
  /** Bits of the patterns one of whose {@link completeWords} ends here: reaching it is a match of the pattern. */
  private sureBits = new Int32Array(64);
  /** The patterns the last {@link scan} found a complete word of (a subset of its answer). */
  sure = 0;
  private readonly bitsOf = new Map<RegExp, number>();
  /** The bit of each pattern source (with its flags): copies of one pattern share it. */
  private readonly bitsBySource = new Map<string, number>();
  private used = 0;
  /** All bits registered so far: a scan made earlier covers only the bits registered before it. */
  all = 0;
  /** The bits of the patterns whose matches begin where their runs do ({@link startsAtWord}). */
  atWord = 0;

  /** The pattern's bit (0: no gate, test every text). */
  bitOf(re: RegExp): number {
    let bit = this.bitsOf.get(re);
    if (bit !== undefined) return bit;
    // A pattern written as a literal inside a function is a new object per call: each copy gets the one bit of its
    // source and flags (a bit per copy used up all 31 within a few documents), and is not kept (nor are they all).
    const key = `${re.flags}/${re.source}`;
    bit = this.bitsBySource.get(key);
    if (bit !== undefined) return bit;
    const words = this.used < 31 ? requiredPrefixes(re) : undefined;
    bit = words ? 1 << this.used++ : 0;
    this.bitsOf.set(re, bit);
    this.bitsBySource.set(key, bit);
    if (bit) {
      for (const w of words!) this.insert(w, bit);
      // A complete word is one of the pattern's runs (it is also marked as a run, which changes nothing then).
      for (const w of completeWords(re)) this.sureBits[this.insert(w, bit)] |= bit;
      this.all |= bit;
      if (startsAtWord(re)) this.atWord |= bit;
    }
    return bit;
  }

  /** Adds a run for `bit`; its end node. */
  private insert(run: string, bit: number): number {
    const wordEnd = run.endsWith('$');
    const word = wordEnd ? run.slice(0, -1) : run;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const at = node * 128 + word.charCodeAt(i);
      if (this.next[at] === 0) {
        const id = this.nodes++;
        if (id >= this.bits.length) {
          this.bits = grow(this.bits);
          this.endBits = grow(this.endBits);
          this.sureBits = grow(this.sureBits);
        }
        if ((id + 1) * 128 > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[at] = id + 1;
      }
      node = this.next[at] - 1;
    }
    if (wordEnd) this.endBits[node] |= bit;
    else this.bits[node] |= bit;
    return node;
  }

  /** The bits of the patterns one of whose words starts at a word start of `s`. */
  scan(s: string): number {
    const next = this.next;
    const bitsAt = this.bits;
    const endBitsAt = this.endBits;
    const sureBitsAt = this.sureBits;
    let bits = 0;
    let sure = 0;
    let prevWord = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter && !prevWord) {
        // Words are lower case: a capital letter is looked up as its lower-case twin.
        let node = next[c | 0x20] - 1;
        for (let k = i + 1; node >= 0; k++) {
          bits |= bitsAt[node];
          sure |= sureBitsAt[node];
          const d = k < s.length ? s.charCodeAt(k) : -1;
          if (endBitsAt[node] !== 0 && !((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95)) bits |= endBitsAt[node];
          if (d < 0) break;
          if (d >= 128) break;
          node = next[node * 128 + (d >= 65 && d <= 90 ? d | 0x20 : d)] - 1;
        }
      }
      prevWord = letter || (c >= 48 && c <= 57) || c === 95;
    }
    this.sure = sure;
    return bits;
  }

  /**
   * The first word start at or after `from` where one of the runs of `bit` begins (as {@link scan} reads them), or
   * -1: no match of that pattern begins before it.
   */
  firstAt(s: string, bit: number, from: number): number {
    const next = this.next;
    const bitsAt = this.bits;
    const endBitsAt = this.endBits;
    const p = from > 0 ? s.charCodeAt(from - 1) : -1;
    let prevWord = (p >= 48 && p <= 57) || (p >= 65 && p <= 90) || (p >= 97 && p <= 122) || p === 95;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter && !prevWord) {
        let node = next[c | 0x20] - 1;
        for (let k = i + 1; node >= 0; k++) {
          if ((bitsAt[node] & bit) !== 0) return i;
          const d = k < s.length ? s.charCodeAt(k) : -1;
          if ((endBitsAt[node] & bit) !== 0 && !((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95)) return i;
          if (d < 0 || d >= 128) break;
          node = next[node * 128 + (d >= 65 && d <= 90 ? d | 0x20 : d)] - 1;
        }
      }
      prevWord = letter || (c >= 48 && c <= 57) || c === 95;
    }
    return -1;
  }
}

/** A copy of `a` twice as long (the new half zero). */
function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
