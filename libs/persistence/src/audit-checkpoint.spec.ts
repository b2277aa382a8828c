import { mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, chainHash, toLink, type ChainEntry } from './audit-chain.js';
import { AuditSigner, loadAuditSigner, trustedKeys, verifyCheckpoints, type Checkpoint } from './audit-checkpoint.js';

const WS = '6f1c0a4e-2b1d-4c3e-9f00-0123456789ab';

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = { workspaceId: WS, seq: i * 2, type: 'EvidenceRead', at: `2026-12-02T10:00:0${i}.000Z`, actor: 'system', payload: { i } };
    const hash = chainHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('signed audit-log checkpoints', () => {
  const signer = AuditSigner.generate();
  const trusted = trustedKeys(signer.publicKey);
  const entries = chain(6);
  const links = entries.map(toLink);
  const at = (seq: number) => entries.find((e) => e.seq === seq)!;
  const signed = (seq: number): Checkpoint => signer.sign({ workspaceId: WS, seq, hash: at(seq).hash!, at: '2026-12-02T11:00:00.000Z' });

  it('a checkpoint of an intact chain verifies, and the newest one is reported', () => {
    expect(verifyCheckpoints(links, [signed(4), signed(10)], trusted)).toEqual({ checkpoints: 2, latest: { seq: 10, at: '2026-12-02T11:00:00.000Z' }, problems: [] });
    expect(signed(4).keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
  });

  it('an edited checkpoint (seq, hash, time or workspace) no longer matches its signature', () => {
    const cp = signed(8);
    for (const edit of [{ seq: 6, hash: at(6).hash! }, { hash: at(10).hash! }, { at: '2026-12-03T00:00:00.000Z' }, { workspaceId: '00000000-0000-4000-8000-000000000000' }]) {
      const v = verifyCheckpoints(links, [{ ...cp, ...edit }], trusted);
      expect(v.problems).toEqual([expect.objectContaining({ kind: 'forged', detail: expect.stringContaining('does not match its signature') })]);
      expect(v.latest).toBeUndefined();
    }
    const flipped = Buffer.from(cp.signature, 'base64');
    flipped[5]! ^= 1;
    expect(verifyCheckpoints(links, [{ ...cp, signature: flipped.toString('base64') }], trusted).problems[0]!.kind).toBe('forged');
    expect(verifyCheckpoints(links, [{ ...cp, signature: 'not base64 at all!' }], trusted).problems[0]!.kind).toBe('forged');
  });

  it('a checkpoint signed by another key is refused, whether it names its own key id or claims ours', () => {
    const attacker = AuditSigner.generate();
    const own = attacker.sign({ workspaceId: WS, seq: 12, hash: at(12).hash!, at: '2026-12-02T11:00:00.000Z' });
    expect(verifyCheckpoints(links, [own], trusted).problems).toEqual([expect.objectContaining({ kind: 'unknown_key', detail: expect.stringContaining(attacker.keyId) })]);
    expect(verifyCheckpoints(links, [{ ...own, keyId: signer.keyId }], trusted).problems[0]!.kind).toBe('forged');
    // Trusting the other key explicitly (an older install's public key) accepts it.
    expect(verifyCheckpoints(links, [own], trustedKeys(signer.publicKey, attacker.publicKeyPem())).problems).toEqual([]);
  });

  it('detects a log cut off after a checkpoint and a suffix rewritten with recomputed hashes', () => {
    expect(verifyCheckpoints(links.slice(0, 4), [signed(10)], trusted).problems).toEqual([
      { seq: 10, kind: 'truncated', detail: 'the log ends at entry 8 but checkpoint 2026-12-02T11:00:00.000Z signed entry 10: entries were removed from the end' },
    ]);
    // Entry 6 edited, and every hash from it on recomputed: the links alone verify, the checkpoint does not.
    const rewritten: ChainEntry[] = [];
    let prev = GENESIS_HASH;
    for (const e of entries) {
      const content = e.seq === 6 ? { ...e, payload: { i: 'rewritten' } } : e;
      const hash = chainHash(prev, content);
      rewritten.push({ ...content, prevHash: prev, hash });
      prev = hash;
    }
    expect(verifyCheckpoints(rewritten.map(toLink), [signed(4), signed(10)], trusted)).toMatchObject({
      latest: { seq: 4 }, problems: [{ seq: 10, kind: 'diverged', detail: expect.stringContaining('entry 10 no longer has the hash signed') }],
    });
    expect(verifyCheckpoints(links.filter((l) => l.seq !== 6), [signed(6)], trusted).problems[0]!.kind).toBe('missing_entry');
  });

  it('the key file is made once, 0600, and one that others can read is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-audit-key-'));
    try {
      const file = join(dir, 'keys', 'audit-signing-key.pem');
      const a = loadAuditSigner({ keyFile: file, create: true });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadAuditSigner({ keyFile: file }).keyId).toBe(a.keyId);
      chmodSync(file, 0o640);
      expect(() => loadAuditSigner({ keyFile: file })).toThrow(expect.objectContaining({ code: 'audit_key_insecure' }));
      expect(() => loadAuditSigner({ keyFile: join(dir, 'none.pem') })).toThrow(expect.objectContaining({ code: 'audit_key_missing' }));
      expect(() => loadAuditSigner({ keyFile: file, pem: 'garbage' })).toThrow(/CUSTODY_AUDIT_SIGNING_KEY is not a PEM private key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
