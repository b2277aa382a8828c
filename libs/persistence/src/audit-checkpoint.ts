import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CustodyError, InvalidInputError } from '@custody/domain';
import { canonicalChainJson, type ChainLink } from './audit-chain.js';
import { assertPrivateFile, writePrivateFileOnce } from './engines/private-files.js';

/**
 * Signed checkpoints of the audit log. The hash chain alone cannot tell a log whose newest entries were cut
 * off, or whose suffix was rewritten with recomputed hashes, from an honest one. A checkpoint is the chain
 * head (workspace, seq, hash) signed with an Ed25519 key the database does not hold: rewriting history
 * behind a checkpoint needs that key, and `audit-log verify` checks each signature and that the chain still
 * passes through every signed head.
 */
export interface Checkpoint {
  workspaceId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** base64 Ed25519 signature over {@link checkpointMessage}. */
  signature: string;
}

/** What is signed: canonical JSON, so any tool can rebuild it from an exported checkpoint. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(canonicalChainJson({ v: 1, workspace: c.workspaceId.toLowerCase(), seq: Number(c.seq), hash: c.hash, at: c.at, keyId: c.keyId }), 'utf8');
}

/** A key's id: its SPKI fingerprint, so the id cannot be claimed by another key. */
export function auditKeyId(publicKey: KeyObject): string {
  return `ed25519:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)}`;
}

export class AuditSigner {
  readonly keyId: string;
  readonly publicKey: KeyObject;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new InvalidInputError(`the audit signing key must be Ed25519, it is ${privateKey.asymmetricKeyType}`);
    this.publicKey = createPublicKey(privateKey);
    this.keyId = auditKeyId(this.publicKey);
  }

  static generate(): AuditSigner {
    return new AuditSigner(generateKeyPairSync('ed25519').privateKey);
  }

  sign(head: { workspaceId: string; seq: number; hash: string; at: string }): Checkpoint {
    const unsigned = { ...head, keyId: this.keyId };
    return { ...unsigned, signature: sign(null, checkpointMessage(unsigned), this.privateKey).toString('base64') };
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

/**
 * The signing key: `CUSTODY_AUDIT_SIGNING_KEY` (PKCS#8 PEM) or a PEM file (0600), made on first run when
 * `create` is set. Like the data key file, it is linked into place so two processes booting at once agree.
 */
export function loadAuditSigner(src: { pem?: string; keyFile: string; create?: boolean }): AuditSigner {
  if (src.pem) return new AuditSigner(parsePrivate(src.pem, 'CUSTODY_AUDIT_SIGNING_KEY'));
  if (!existsSync(src.keyFile)) {
    if (!src.create) throw new CustodyError('audit_key_missing', `no audit signing key: ${src.keyFile} does not exist and CUSTODY_AUDIT_SIGNING_KEY is not set`);
    writePrivateFileOnce(src.keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  }
  assertPrivateFile(src.keyFile, 'audit_key_insecure');
  return new AuditSigner(parsePrivate(readFileSync(src.keyFile, 'utf8'), src.keyFile));
}

function parsePrivate(pem: string, where: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new InvalidInputError(`${where} is not a PEM private key`);
  }
}

/** Public keys trusted to have signed checkpoints, by key id. */
export function trustedKeys(...keys: (KeyObject | string)[]): Map<string, KeyObject> {
  return new Map(keys.map((k) => {
    let pub: KeyObject;
    try {
      pub = typeof k === 'string' ? createPublicKey(k) : k;
    } catch {
      throw new InvalidInputError('a trusted audit key is not a PEM public key');
    }
    return [auditKeyId(pub), pub] as const;
  }));
}

export type CheckpointProblemKind = 'forged' | 'unknown_key' | 'truncated' | 'diverged' | 'missing_entry';

export interface CheckpointProblem {
  seq: number;
  kind: CheckpointProblemKind;
  detail: string;
}

export interface CheckpointVerdict {
  checkpoints: number;
  /** The newest checkpoint that verified and that the chain passes through. */
  latest?: { seq: number; at: string };
  problems: CheckpointProblem[];
}

/**
 * Checks each checkpoint's signature against the trusted keys and that the chain passes through it: the
 * entry it signed is still there with the same hash. A checkpoint past the log's end means entries were cut
 * off; a different hash at its seq means history up to it was rewritten.
 */
export function verifyCheckpoints(links: readonly ChainLink[], checkpoints: readonly Checkpoint[], trusted: Map<string, KeyObject>): CheckpointVerdict {
  const hashAt = new Map(links.map((l) => [l.seq, l.hash]));
  const headSeq = links.length ? links[links.length - 1]!.seq : 0;
  const problems: CheckpointProblem[] = [];
  let latest: CheckpointVerdict['latest'];
  for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
    const key = trusted.get(c.keyId);
    if (!key) {
      problems.push({ seq: c.seq, kind: 'unknown_key', detail: `checkpoint at entry ${c.seq} is signed by ${c.keyId}, which is not a trusted audit key` });
      continue;
    }
    let valid = false;
    try {
      valid = verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
    } catch {
      valid = false;
    }
    if (!valid) {
      problems.push({ seq: c.seq, kind: 'forged', detail: `checkpoint at entry ${c.seq} (${c.at}) does not match its signature: it was edited or forged` });
      continue;
    }
    const hash = hashAt.get(c.seq);
    if (hash === undefined) {
      problems.push(c.seq > headSeq
        ? { seq: c.seq, kind: 'truncated', detail: `the log ends at entry ${headSeq} but checkpoint ${c.at} signed entry ${c.seq}: entries were removed from the end` }
        : { seq: c.seq, kind: 'missing_entry', detail: `entry ${c.seq}, signed at checkpoint ${c.at}, is missing` });
    } else if (hash !== c.hash) {
      problems.push({ seq: c.seq, kind: 'diverged', detail: `entry ${c.seq} no longer has the hash signed at checkpoint ${c.at}: the log up to it was rewritten` });
    } else {
      latest = { seq: c.seq, at: c.at };
    }
  }
  return { checkpoints: checkpoints.length, latest, problems };
}
