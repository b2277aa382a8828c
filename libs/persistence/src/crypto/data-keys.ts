import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { CustodyError, InvalidInputError } from '@custody/domain';

/**
 * Encryption at rest for document bytes and what was extracted from them (AES-256-GCM).
 *
 * A sealed value is `0x01 | iv (12 bytes) | tag (16 bytes) | ciphertext`, stored beside the id of the key that
 * sealed it. The additional authenticated data names the row the value belongs to (e.g. `blob:<sha256>`),
 * so a ciphertext copied onto another row fails to open just as an edited one does: both are a loud
 * `data_tampered` error, never garbage bytes handed to a parser.
 */
const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes before the ciphertext in a sealed value: version, iv, tag. */
export const SEALED_HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const DATA_KEY_BYTES = 32;

/** Key ids go into every sealed row and the key file: short, printable, no separators of the env syntax. */
const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export class DataTamperedError extends CustodyError {
  constructor(what: string, keyId: string) {
    super('data_tampered', `${what} failed its integrity check under data key ${keyId}: the stored ciphertext was altered or moved`, { what, keyId });
  }
}

export class DataKeyMissingError extends CustodyError {
  constructor(what: string, keyId: string, known: string[]) {
    super('data_key_missing', `${what} was encrypted with data key ${keyId}, which this process does not have (it has ${known.join(', ') || 'none'}); add it to CUSTODY_DATA_KEYS or the key file`, { what, keyId });
  }
}

/** IVs drawn from the CSPRNG in blocks: one randomBytes call per seal was about a quarter of a seal's CPU (a document has twenty-odd). */
const IV_BLOCK = 256;
let ivBlock = Buffer.alloc(0);
let ivAt = 0;

/** A random IV, never handed out twice (a used block is dropped, not refilled in place). */
function freshIv(): Buffer {
  if (ivAt + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BYTES * IV_BLOCK);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivBlock.subarray(ivAt - IV_BYTES, ivAt);
}

export interface Sealed {
  keyId: string;
  sealed: Buffer;
}

/**
 * The data keys a process holds: one active key that seals new writes, and older keys kept so what they
 * sealed still opens. `reload` (when given) re-reads the key source on an unknown key id, so a process that
 * was running while `custody keys rotate-data-key` re-encrypted under a new key can still read.
 */
export class DataKeyring {
  private keys: Map<string, Buffer>;
  private active: string;

  constructor(active: string, keys: Map<string, Buffer>, private readonly reload?: () => { active: string; keys: Map<string, Buffer> }) {
    DataKeyring.check(active, keys);
    this.active = active;
    this.keys = keys;
  }

  /** A keyring with one random key kept only in memory: for tests, where nothing outlives the process. */
  static ephemeral(id = 'ephemeral'): DataKeyring {
    return new DataKeyring(id, new Map([[id, randomBytes(DATA_KEY_BYTES)]]));
  }

  get activeKeyId(): string {
    return this.active;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  seal(plain: Buffer, aad: string): Sealed {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.active)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = cipher.update(plain);
    const tail = cipher.final();
    // Written into one buffer: a document's twenty-odd small evidence seals each made three concatenations.
    const out = Buffer.allocUnsafe(SEALED_HEADER_BYTES + body.length + tail.length);
    out[0] = VERSION;
    iv.copy(out, 1);
    cipher.getAuthTag().copy(out, 1 + IV_BYTES);
    body.copy(out, SEALED_HEADER_BYTES);
    tail.copy(out, SEALED_HEADER_BYTES + body.length);
    return { keyId: this.active, sealed: out };
  }

  /**
   * `seal`, in slices with the event loop free between them, and into one buffer (no whole-size concat): a
   * 50 MB upload sealed at once held the API's event loop ~0.2 s of cipher plus two 50 MB copies.
   * The same format as `seal`: either opens with `open`.
   */
  async sealInSlices(plain: Buffer, aad: string, sliceBytes = 4 * 1024 * 1024): Promise<Sealed> {
    const keyId = this.active;
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    // GCM is a stream mode: the ciphertext is exactly as long as the plaintext.
    const out = Buffer.allocUnsafe(SEALED_HEADER_BYTES + plain.length);
    let at = SEALED_HEADER_BYTES;
    for (let from = 0; from < plain.length; from += sliceBytes) {
      at += cipher.update(plain.subarray(from, from + sliceBytes)).copy(out, at);
      if (from + sliceBytes < plain.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    at += cipher.final().copy(out, at);
    out[0] = VERSION;
    iv.copy(out, 1);
    cipher.getAuthTag().copy(out, 1 + IV_BYTES);
    return { keyId, sealed: out.subarray(0, at) };
  }

  open(keyId: string, sealed: Buffer, aad: string): Buffer {
    const opening = this.opener(keyId, sealed.subarray(0, SEALED_HEADER_BYTES), aad);
    return Buffer.concat([opening.update(sealed.subarray(SEALED_HEADER_BYTES)), opening.final()]);
  }

  /**
   * Opens a sealed value piece by piece (a 50 MB blob read in chunks, never whole in memory): `header` is its
   * first SEALED_HEADER_BYTES; `update` the ciphertext in order; `final` checks the tag and throws
   * DataTamperedError if anything was altered. What `update` returned is unauthenticated until `final`
   * succeeds: a caller must not act on it before.
   */
  opener(keyId: string, header: Buffer, aad: string): { update(chunk: Buffer): Buffer; final(): Buffer } {
    const key = this.key(keyId, aad);
    if (header.length < SEALED_HEADER_BYTES || header[0] !== VERSION) throw new DataTamperedError(aad, keyId);
    const decipher: DecipherGCM = createDecipheriv('aes-256-gcm', key, header.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(header.subarray(1 + IV_BYTES, SEALED_HEADER_BYTES));
    return {
      update: (chunk) => decipher.update(chunk),
      final: () => {
        try {
          return decipher.final();
        } catch {
          throw new DataTamperedError(aad, keyId);
        }
      },
    };
  }

  /** JSON values (analysis, evidence) sealed as UTF-8 text. */
  sealJson(value: unknown, aad: string): Sealed {
    return this.seal(Buffer.from(JSON.stringify(value ?? null), 'utf8'), aad);
  }

  openJson<T = unknown>(keyId: string, sealed: Buffer, aad: string): T {
    return JSON.parse(this.open(keyId, sealed, aad).toString('utf8')) as T;
  }

  private key(keyId: string, what: string): Buffer {
    let key = this.keys.get(keyId);
    if (!key && this.reload) {
      const fresh = this.reload();
      DataKeyring.check(fresh.active, fresh.keys);
      // Old keys stay known even if the source dropped them: rows sealed by them may still be in flight.
      for (const [id, k] of this.keys) if (!fresh.keys.has(id)) fresh.keys.set(id, k);
      this.keys = fresh.keys;
      key = this.keys.get(keyId);
    }
    if (!key) throw new DataKeyMissingError(what, keyId, this.keyIds);
    return key;
  }

  private static check(active: string, keys: Map<string, Buffer>): void {
    for (const [id, k] of keys) {
      if (!KEY_ID.test(id)) throw new InvalidInputError(`data key id "${id}" must be 1-64 letters, digits, '.', '_' or '-'`);
      if (k.length !== DATA_KEY_BYTES) throw new InvalidInputError(`data key ${id} must be ${DATA_KEY_BYTES} bytes (base64 of 32 random bytes), it is ${k.length}`);
    }
    if (!keys.has(active)) throw new InvalidInputError(`the active data key ${active} is not among the keys (${[...keys.keys()].join(', ')})`);
  }
}

/** A new key id: the date, so an operator can tell keys apart, and randomness, so two rotations never clash. */
export function newDataKeyId(now = new Date()): string {
  return `dk-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Parses `CUSTODY_DATA_KEYS`: `id:base64,id:base64`, the first the active key. The value is a secret, so
 * errors name the position and the problem, never the text.
 */
export function parseDataKeysSetting(value: string): { active: string; keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) throw new InvalidInputError('CUSTODY_DATA_KEYS is empty; expected id:base64key[,id:base64key…]');
  parts.forEach((part, i) => {
    const at = part.indexOf(':');
    if (at <= 0) throw new InvalidInputError(`CUSTODY_DATA_KEYS entry ${i + 1} is not id:base64key`);
    const id = part.slice(0, at);
    if (keys.has(id)) throw new InvalidInputError(`CUSTODY_DATA_KEYS names key ${id} twice`);
    keys.set(id, Buffer.from(part.slice(at + 1), 'base64'));
  });
  return { active: parts[0]!.slice(0, parts[0]!.indexOf(':')), keys };
}
