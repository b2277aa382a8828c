import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, chainHash, toLink, type ChainEntry } from './audit-chain.js';
import { AuditSigner, loadAuditSigner, verifyCheckpoints } from './audit-checkpoint.js';
import { AuditSignerSource, auditTrust, parsePublicKeys, readRetiredKeys, retiredKeysFilePath, rotateAuditSigningKey } from './audit-signing-keys.js';

const WS = '6f1c0a4e-2b1d-4c3e-9f00-0123456789ab';
const AT = '2026-12-03T08:00:00.000Z';

function links(n: number) {
  const out: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = { workspaceId: WS, seq: i, type: 'EvidenceRead', at: `2026-12-03T07:00:0${i}.000Z`, actor: 'system', payload: { i } };
    const hash = chainHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out.map(toLink);
}

describe('audit signing key rotation', () => {
  let dir: string;
  let keyFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'custody-sigrot-'));
    keyFile = join(dir, 'keys', 'audit-signing-key.pem');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const chain = links(4);
  const head = (signer: AuditSigner, seq: number) => signer.sign({ workspaceId: WS, seq, hash: chain[seq - 1]!.hash!, at: AT });

  it('keeps the old public key as retired so its checkpoints still verify, and new checkpoints carry the new key id', () => {
    const first = loadAuditSigner({ keyFile, create: true });
    const oldCp = head(first, 2);
    const r1 = rotateAuditSigningKey({ keyFile, now: new Date(AT) });
    expect(r1.oldKeyId).toBe(first.keyId);
    expect(r1.signer.keyId).not.toBe(first.keyId);
    // The key file now holds the new key (what the next boot loads); the old private key is gone.
    expect(loadAuditSigner({ keyFile }).keyId).toBe(r1.signer.keyId);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(r1.retiredFile).toBe(join(dir, 'keys', 'audit-signing-keys.pub'));
    expect(statSync(r1.retiredFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(r1.retiredFile, 'utf8')).toMatch(new RegExp(`^# ${first.keyId} retired ${AT}\\n-----BEGIN PUBLIC KEY-----`));
    expect(readFileSync(r1.retiredFile, 'utf8')).not.toMatch(/PRIVATE/);

    const newCp = head(r1.signer, 4);
    expect(newCp.keyId).toBe(r1.signer.keyId);
    // A second rotation keeps both earlier keys.
    const r2 = rotateAuditSigningKey({ keyFile });
    const trust = auditTrust({ signer: r2.signer, keyFile });
    expect([...trust.keys.keys()]).toEqual([r2.signer.keyId, first.keyId, r1.signer.keyId]);
    expect([...trust.source.values()]).toEqual(['current', 'retired', 'retired']);
    expect(verifyCheckpoints(chain, [oldCp, newCp, head(r2.signer, 4)], trust.keys)).toEqual({ checkpoints: 3, latest: { seq: 4, at: AT }, problems: [] });
    // Without the retired file the old checkpoints are exactly what rotation used to break.
    rmSync(r1.retiredFile);
    expect(verifyCheckpoints(chain, [oldCp], auditTrust({ signer: r2.signer, keyFile }).keys).problems).toEqual([expect.objectContaining({ kind: 'unknown_key' })]);
  });

  it('a checkpoint signed by a fresh key nobody trusts still fails, even after rotations', () => {
    loadAuditSigner({ keyFile, create: true });
    const r = rotateAuditSigningKey({ keyFile });
    const forger = AuditSigner.generate();
    const v = verifyCheckpoints(chain, [head(forger, 4)], auditTrust({ signer: r.signer, keyFile }).keys);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'unknown_key', detail: expect.stringContaining(forger.keyId) })]);
    // Claiming a retired key's id does not help: the signature is checked against that key.
    expect(verifyCheckpoints(chain, [{ ...head(forger, 4), keyId: r.oldKeyId }], auditTrust({ signer: r.signer, keyFile }).keys).problems[0]!.kind).toBe('forged');
  });

  it('refuses a retired-keys file other users may read or write, like the key file', () => {
    loadAuditSigner({ keyFile, create: true });
    const r = rotateAuditSigningKey({ keyFile });
    for (const mode of [0o644, 0o622, 0o606]) {
      chmodSync(r.retiredFile, mode);
      expect(() => readRetiredKeys(r.retiredFile)).toThrow(expect.objectContaining({ code: 'audit_key_insecure', message: expect.stringContaining(`chmod 600 ${r.retiredFile}`) }));
      expect(() => auditTrust({ signer: r.signer, keyFile })).toThrow(expect.objectContaining({ code: 'audit_key_insecure' }));
      // Rotation refuses too, and leaves the signing key alone.
      expect(() => rotateAuditSigningKey({ keyFile })).toThrow(expect.objectContaining({ code: 'audit_key_insecure' }));
      expect(loadAuditSigner({ keyFile }).keyId).toBe(r.signer.keyId);
    }
  });

  it('with CUSTODY_AUDIT_SIGNING_KEY it refuses and changes nothing', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => rotateAuditSigningKey({ keyFile, pem })).toThrow(expect.objectContaining({ code: 'audit_key_from_env', message: expect.stringContaining('CUSTODY_AUDIT_TRUSTED_KEYS') }));
    expect(() => statSync(retiredKeysFilePath(keyFile))).toThrow(/ENOENT/);
    expect(() => statSync(keyFile)).toThrow(/ENOENT/);
  });

  it('trusts PEMs from CUSTODY_AUDIT_TRUSTED_KEYS and --public-key files holding several keys, and names bad ones', () => {
    const current = AuditSigner.generate();
    const [a, b, c] = [AuditSigner.generate(), AuditSigner.generate(), AuditSigner.generate()];
    const file = join(dir, 'off-machine.pub');
    writeFileSync(file, `# written down in 2025\n${b.publicKeyPem()}\nsome note\n${c.publicKeyPem()}`);
    const trust = auditTrust({ signer: current, keyFile, trustedPems: a.publicKeyPem() + current.publicKeyPem(), files: [file] });
    expect([...trust.keys.keys()]).toEqual([current.keyId, a.keyId, b.keyId, c.keyId]);
    expect(trust.source.get(current.keyId)).toBe('current');
    expect(trust.source.get(c.keyId)).toBe(file);

    expect(() => parsePublicKeys('hello', 'x.pub')).toThrow('x.pub holds no PEM public key');
    expect(() => parsePublicKeys('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'x.pub')).toThrow('x.pub: public key 1 is not a valid PEM public key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKeys(a.publicKeyPem() + rsa, 'x.pub')).toThrow('x.pub: public key 2 is rsa, audit keys are Ed25519');
    expect(() => auditTrust({ signer: current, keyFile, files: [join(dir, 'missing.pub')] })).toThrow(/--public-key .*missing\.pub cannot be read: ENOENT/);
  });

  it('a running process picks up the rotated key at its next pass, and signs nothing if the new file is insecure', () => {
    const boot = loadAuditSigner({ keyFile, create: true });
    const source = new AuditSignerSource(boot, keyFile);
    expect(source.current()).toBe(boot);
    const r1 = rotateAuditSigningKey({ keyFile });
    expect(source.current().keyId).toBe(r1.signer.keyId);
    expect(source.current().keyId).toBe(r1.signer.keyId);
    rotateAuditSigningKey({ keyFile });
    chmodSync(keyFile, 0o644);
    expect(() => source.current()).toThrow(expect.objectContaining({ code: 'audit_key_insecure' }));
    // A key from CUSTODY_AUDIT_SIGNING_KEY (no file) is never swapped under the process.
    const env = AuditSigner.generate();
    expect(new AuditSignerSource(env, undefined).current()).toBe(env);
  });
});
