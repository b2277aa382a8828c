/**
 * Where the streamed JSON is written: UTF-8 bytes in Buffers, handed out as chunks. Text (keys, indents,
 * scalars) is encoded straight into the chunk as it comes; text kept from earlier (a fleet's evidence and
 * contracts, cited millions of times) is copied in as the bytes it was encoded to once.
 *
 * Why bytes rather than strings: a 100,000-install fleet's JSON is ~2.2 GB, most of it repeated evidence and
 * contract text. As strings each piece was a concatenation into the chunk (a cons string), the chunk flattened
 * (copied) and then encoded to UTF-8 again by whoever wrote it out, and every string value was first quoted by
 * JSON.stringify (a new string): that garbage, ~GBs in the young generation, and its scavenges were most of the
 * render's CPU. Here nothing is allocated per piece: a repeat is a memcpy, other text a loop over its characters.
 */

/** Strings longer than this are encoded by Buffer#write (native) rather than by the loop below. */
const LOOP_MAX = 256;

/** What JSON.stringify escapes, and surrogates (a lone one is escaped, which Buffer#write would not do). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `\uXXXX` as JSON.stringify writes it: four lower-case hex digits. */
const HEX = '0123456789abcdef';

export class ByteSink {
  private buf: Buffer;
  private at = 0;

  constructor(private readonly chunkBytes: number) {
    this.buf = Buffer.allocUnsafe(chunkBytes + (chunkBytes >> 2));
  }

  /** Bytes written to the current chunk. */
  get size(): number {
    return this.at;
  }

  /** Appends text, UTF-8 encoded (a lone surrogate as U+FFFD, as Buffer does). */
  str(s: string): void {
    const n = s.length;
    if (this.at + n * 3 > this.buf.length) this.reserve(n * 3);
    if (n > LOOP_MAX) {
      this.at += this.buf.write(s, this.at, 'utf8');
      return;
    }
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else {
        at = encodeWide(b, at, s, i, c);
        if (c >= 0xd800 && c <= 0xdbff && isLow(s, i + 1)) i++;
      }
    }
    this.at = at;
  }

  /** Appends `JSON.stringify(s)`: quoted, with JSON.stringify's escapes (well-formed: lone surrogates as `\uXXXX`). */
  jsonString(s: string): void {
    const n = s.length;
    // A long string with nothing to escape is encoded natively between its quotes; JSON.stringify's quoted copy
    // (then encoded) made a string of garbage per long value (~10 MB a render of a 10k manifest's remediations).
    if (n > LOOP_MAX && !NEEDS_ESCAPE.test(s)) {
      this.reserve(n * 3 + 2);
      this.buf[this.at++] = 0x22;
      this.at += this.buf.write(s, this.at, 'utf8');
      this.buf[this.at++] = 0x22;
      return;
    }
    // Worst case 6 bytes per unit (`\u001f`), plus the quotes.
    if (this.at + n * 6 + 2 > this.buf.length) this.reserve(n * 6 + 2);
    const b = this.buf;
    let at = this.at;
    b[at++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c === 0x22 || c === 0x5c) b[at++] = 0x5c;
        b[at++] = c;
      } else if (c < 0x20) {
        b[at++] = 0x5c;
        const short = c === 8 ? 0x62 : c === 9 ? 0x74 : c === 10 ? 0x6e : c === 12 ? 0x66 : c === 13 ? 0x72 : 0;
        if (short) b[at++] = short;
        else at = hexEscape(b, at - 1, c);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        if (c <= 0xdbff && isLow(s, i + 1)) {
          at = encodeWide(b, at, s, i, c);
          i++;
        } else at = hexEscape(b, at, c);
      } else at = encodeWide(b, at, s, i, c);
    }
    b[at++] = 0x22;
    this.at = at;
  }

  /** Appends a safe integer as JSON.stringify writes it (`-0` as `0`), without making its string. */
  int(n: number): void {
    if (this.at + 17 > this.buf.length) this.reserve(17);
    const b = this.buf;
    let at = this.at;
    if (n < 0) {
      b[at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let i = at + digits - 1; i >= at; i--) {
      b[i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at = at + digits;
  }

  /** Appends bytes (UTF-8 text encoded earlier). */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** The byte offset in the current chunk after everything written so far. */
  mark(): number {
    return this.at;
  }

  /** The bytes written since `mark()` returned `from`, not copied: valid until the next write (no chunk taken in between). */
  since(from: number): Buffer {
    return this.buf.subarray(from, this.at);
  }

  /** Takes back what was written since `mark()` returned `from` (no chunk taken in between). */
  rewind(from: number): void {
    this.at = from;
  }

  /** A copy of the bytes written since `mark()` returned `from` (no chunk was taken in between). */
  copySince(from: number): Buffer {
    return Buffer.from(this.buf.subarray(from, this.at));
  }

  /** The chunk written so far, handed out; the sink starts a new one. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(this.chunkBytes + (this.chunkBytes >> 2));
    this.at = 0;
    return out;
  }

  /** Room for `n` more bytes in the current chunk, which grows (copied) if it must: a chunk is only taken between leaves. */
  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
}

const isLow = (s: string, i: number) => {
  const d = s.charCodeAt(i);
  return d >= 0xdc00 && d <= 0xdfff;
};

/** UTF-8 of the character at `i` (code unit `c` ≥ 0x80; a surrogate pair read whole, a lone surrogate as U+FFFD). */
function encodeWide(b: Buffer, at: number, s: string, i: number, c: number): number {
  if (c < 0x800) {
    b[at++] = 0xc0 | (c >> 6);
    b[at++] = 0x80 | (c & 0x3f);
    return at;
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    if (c <= 0xdbff && isLow(s, i + 1)) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      b[at++] = 0xf0 | (cp >> 18);
      b[at++] = 0x80 | ((cp >> 12) & 0x3f);
      b[at++] = 0x80 | ((cp >> 6) & 0x3f);
      b[at++] = 0x80 | (cp & 0x3f);
      return at;
    }
    c = 0xfffd;
  }
  b[at++] = 0xe0 | (c >> 12);
  b[at++] = 0x80 | ((c >> 6) & 0x3f);
  b[at++] = 0x80 | (c & 0x3f);
  return at;
}

/** `\uXXXX` for code unit `c` at `at` (the backslash included). */
function hexEscape(b: Buffer, at: number, c: number): number {
  b[at++] = 0x5c;
  b[at++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) b[at++] = HEX.charCodeAt((c >> shift) & 15);
  return at;
}
