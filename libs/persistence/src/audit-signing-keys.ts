import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CustodyError, InvalidInputError } from '@custody/domain';
import { AuditSigner, auditKeyId, loadAuditSigner } from './audit-checkpoint.js';
import { assertPrivateFile, makePrivateDir } from './engines/private-files.js';

/**
 * Rotation of the audit signing key. The retired keys' PUBLIC halves are kept in a file beside the key file
 * (`audit-signing-keys.pub`, 0600), not in the database: whoever can write the database could add a key of
 * their own there and sign any checkpoint with it, so a trust anchor must live where the signing key does.
 * The old private key is discarded: a retired key verifies what it signed but can sign nothing more.
 */
export const RETIRED_KEYS_FILE = 'audit-signing-keys.pub';

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/** Where the retired public keys of the key file `keyFile` are kept. */
export function retiredKeysFilePath(keyFile: string): string {
  return join(dirname(keyFile), RETIRED_KEYS_FILE);
}

/**
 * Every PEM public key in `text` (a `public-key` output, a retired-keys file, one .pub file); `#` lines and
 * other text between the blocks are ignored. Ids are recomputed from each key, never read from a comment.
 */
export function parsePublicKeys(text: string, where: string): KeyObject[] {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (!blocks.length) throw new InvalidInputError(`${where} holds no PEM public key (-----BEGIN PUBLIC KEY-----)`);
  return blocks.map((pem, i) => {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      throw new InvalidInputError(`${where}: public key ${i + 1} is not a valid PEM public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new InvalidInputError(`${where}: public key ${i + 1} is ${key.asymmetricKeyType}, audit keys are Ed25519`);
    return key;
  });
}

/** The retired keys (none when the file does not exist); a file others may read or write is refused like the key file. */
export function readRetiredKeys(file: string): KeyObject[] {
  if (!existsSync(file)) return [];
  assertPrivateFile(file, 'audit_key_insecure');
  const text = readFileSync(file, 'utf8');
  return text.trim() ? parsePublicKeys(text, file) : [];
}

/** One key as written to a retired-keys file or printed by `public-key`: an id comment, then the PEM. */
export function publicKeyBlock(key: KeyObject, note: string): string {
  return `# ${auditKeyId(key)} ${note}\n${key.export({ type: 'spki', format: 'pem' }).toString()}`;
}

export interface AuditTrust {
  /** Trusted keys by id, current key first, then retired ones, then those given by the operator. */
  keys: Map<string, KeyObject>;
  /** Where each id came from: `current`, `retired`, or the variable/file that named it. */
  source: Map<string, string>;
}

/**
 * The keys `audit-log verify` trusts: the current signing key, the retired keys beside its key file, the PEMs
 * in `CUSTODY_AUDIT_TRUSTED_KEYS`, and `--public-key` files (each may hold several). A key already trusted
 * keeps its first source.
 */
export function auditTrust(src: { signer: AuditSigner; keyFile: string; trustedPems?: string; files?: string[] }): AuditTrust {
  const keys = new Map<string, KeyObject>();
  const source = new Map<string, string>();
  const add = (key: KeyObject, from: string) => {
    const id = auditKeyId(key);
    if (keys.has(id)) return;
    keys.set(id, key);
    source.set(id, from);
  };
  add(src.signer.publicKey, 'current');
  for (const k of readRetiredKeys(retiredKeysFilePath(src.keyFile))) add(k, 'retired');
  if (src.trustedPems) for (const k of parsePublicKeys(src.trustedPems, 'CUSTODY_AUDIT_TRUSTED_KEYS')) add(k, 'CUSTODY_AUDIT_TRUSTED_KEYS');
  for (const f of src.files ?? []) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (err) {
      throw new InvalidInputError(`--public-key ${f} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    for (const k of parsePublicKeys(text, f)) add(k, f);
  }
  return { keys, source };
}

/** Writes `content` to `path` as 0600 through a temp file and a rename, so a crash leaves the old or the new file, never half of one. */
function replacePrivateFile(path: string, content: string): void {
  makePrivateDir(dirname(path));
  const tmp = `${path}.${process.pid}.new`;
  try {
    // Flushed before the rename and the folder after it: rotation deletes the only copy of the old private
    // key, so after a power loss the retired public key (and the new key) must be on disk, not an empty file.
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
    syncFolder(dirname(path));
  } finally {
    rmSync(tmp, { force: true });
  }
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Refuses rotation when the key comes from CUSTODY_AUDIT_SIGNING_KEY (`pem`), saying how to rotate it by hand. */
export function assertRotatable(pem: string | undefined): void {
  if (pem) {
    throw new CustodyError('audit_key_from_env', 'the audit signing key comes from CUSTODY_AUDIT_SIGNING_KEY, which this command cannot change: '
      + 'make a new Ed25519 key (openssl genpkey -algorithm ed25519), put it in CUSTODY_AUDIT_SIGNING_KEY, add the old public key '
      + '(custody audit-log public-key, run before the change) to CUSTODY_AUDIT_TRUSTED_KEYS, restart, then run custody audit-log checkpoint');
  }
}

export interface Rotation {
  oldKeyId: string;
  signer: AuditSigner;
  retiredFile: string;
}

/**
 * Makes a new signing key in `keyFile`, first appending the current key's public half to the retired-keys
 * file. That order means a crash between the two writes leaves the old key both current and retired (harmless),
 * never an old key that nobody trusts. With `CUSTODY_AUDIT_SIGNING_KEY` the key is not Custody's to change.
 */
export function rotateAuditSigningKey(src: { pem?: string; keyFile: string; now?: Date }): Rotation {
  assertRotatable(src.pem);
  const old = loadAuditSigner({ keyFile: src.keyFile });
  const retiredFile = retiredKeysFilePath(src.keyFile);
  const retired = readRetiredKeys(retiredFile);
  if (!retired.some((k) => auditKeyId(k) === old.keyId)) {
    const before = existsSync(retiredFile) ? readFileSync(retiredFile, 'utf8') : '';
    const sep = before && !before.endsWith('\n') ? '\n' : '';
    replacePrivateFile(retiredFile, `${before}${sep}${publicKeyBlock(old.publicKey, `retired ${(src.now ?? new Date()).toISOString()}`)}`);
  }
  const next = generateKeyPairSync('ed25519').privateKey;
  replacePrivateFile(src.keyFile, next.export({ type: 'pkcs8', format: 'pem' }).toString());
  return { oldKeyId: old.keyId, signer: new AuditSigner(next), retiredFile };
}

/**
 * The signing key of a long-running process (the worker's checkpoint timer). In production Custody cannot see
 * whether workers still run when `rotate-signing-key` replaces the key file, so each pass asks for the key
 * and gets the file's new key once it was replaced (inode, mtime or size changed): a worker left running
 * stops signing with the retired key at its next checkpoint. A replaced file that does not load (insecure,
 * not a key) throws, and the pass signs nothing rather than go on with a key that may be retired.
 */
export class AuditSignerSource {
  private stamp: string;

  /** `keyFile` undefined: the key came from CUSTODY_AUDIT_SIGNING_KEY and changes only with a restart. */
  constructor(private signer: AuditSigner, private readonly keyFile: string | undefined) {
    this.stamp = keyFile ? fileStamp(keyFile) : '';
  }

  current(): AuditSigner {
    if (!this.keyFile) return this.signer;
    const stamp = fileStamp(this.keyFile);
    if (stamp !== this.stamp) {
      this.signer = loadAuditSigner({ keyFile: this.keyFile });
      this.stamp = stamp;
    }
    return this.signer;
  }
}

function fileStamp(file: string): string {
  const st = statSync(file);
  return `${st.ino}:${st.mtimeMs}:${st.size}`;
}
