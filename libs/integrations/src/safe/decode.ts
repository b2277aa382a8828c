/**
 * Turns uploaded bytes into the text every scanner (secret redaction, format detection, parsers) reads,
 * whatever its encoding: UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM), and UTF-8 with
 * stray NUL bytes. Secret redaction must see the same characters a parser would, or a secret in a UTF-16
 * YAML or behind one NUL byte is stored in clear; so there is one decoder, and what it cannot read is
 * reported as unreadable (callers fail closed) rather than guessed at.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean; strippedNuls: number }
  | { ok: false; reason: string };

/** Containers that are binary by design and read by their own loaders (PDF, ZIP/DOCX/XLSX, OLE .doc). */
const BINARY_MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty zip
  { name: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** The binary container a file starts with (`pdf`, `zip`, `ole`), or undefined for anything else. */
export function binaryContainer(bytes: Uint8Array): string | undefined {
  // PDF allows up to 1024 bytes of junk before the header; the others must start the file.
  const pdfAt = indexOfBytes(bytes.subarray(0, 1024), BINARY_MAGIC[0].bytes);
  if (pdfAt >= 0) return 'pdf';
  return BINARY_MAGIC.slice(1).find((m) => m.bytes.every((b, i) => bytes[i] === b))?.name;
}

/** Share of U+FFFD replacement characters (invalid sequences) above which the text is not text. */
const MAX_INVALID_SHARE = 0.01;
/** Control characters other than tab, CR, LF, FF: a text config has almost none. */
const MAX_CONTROL_SHARE = 0.01;

/** Decodes bytes as text (see the module comment). Linear in the input; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName = 'utf-8';
  let bom = false;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [bom, body] = [true, bytes.subarray(3)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, bom, body] = ['utf-16le', true, bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, bom, body] = ['utf-16be', true, bytes.subarray(2)];
  else encoding = sniffUtf16(bytes) ?? 'utf-8';

  let strippedNuls = 0;
  if (encoding === 'utf-8') {
    // A stray NUL in a UTF-8 text file is noise (or an attempt to look binary): drop it so the scanners
    // see `password` rather than `pass\0word`.
    const nuls = countByte(body, 0);
    if (nuls > 0) {
      if (nuls > Math.max(1, Math.floor(body.length * MAX_CONTROL_SHARE))) return { ok: false, reason: `${nuls} NUL bytes in ${body.length}: binary content, not text in a known encoding` };
      body = body.filter((b) => b !== 0);
      strippedNuls = nuls;
    }
  } else if (body.length % 2 === 1) {
    body = body.subarray(0, body.length - 1); // a truncated last code unit is dropped, not misread
  }
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  let invalid = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (invalid > Math.max(1, Math.floor(text.length * MAX_INVALID_SHARE))) return { ok: false, reason: `${invalid} invalid ${encoding} sequences: not text in a known encoding` };
  if (control > Math.floor(text.length * MAX_CONTROL_SHARE)) return { ok: false, reason: `${control} control characters: binary content, not text` };
  return { ok: true, text: stripNulChars(text), encoding, bom, strippedNuls };
}

/**
 * UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. Looks at the first 4 KiB only, so
 * the cost is bounded whatever the size.
 */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** U+0000 decoded from UTF-16 (rare, but as confusing to a scanner as a NUL byte). */
function stripNulChars(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('') : text;
}

function countByte(bytes: Uint8Array, value: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === value) n++;
  return n;
}

function indexOfBytes(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
