// Loaded up front: the CLI imports these at once, and Jest's ESM loader races on concurrent imports.
import '@custody/audit';
import '@custody/config';
import '@custody/pipeline';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { AuditSigner, DataKeyring, Persistence } from '@custody/persistence';
import { registerAuditLog } from '../../apps/cli/src/commands/audit-log.command.js';
import { useCliDatabase } from '../support/cli.js';

/**
 * `audit-log rotate-signing-key` through the CLI on a real database: checkpoints signed before a rotation
 * still verify (the retired public key beside the key file), the new key signs at once and from then on,
 * a checkpoint from a key nobody trusts still fails, and the command refuses while Custody runs, with an
 * insecure retired-keys file, and with a key from CUSTODY_AUDIT_SIGNING_KEY.
 */
describe(`audit-log signing key rotation (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const cli = useCliDatabase(registerAuditLog);
  const run = cli.run;
  const out = () => cli.out;
  const keyFile = () => join(cli.home, 'keys', 'audit-signing-key.pem');
  const retiredFile = () => join(cli.home, 'keys', 'audit-signing-keys.pub');
  const KEY_ID = /ed25519:[0-9a-f]{16}/;
  const withDb = async <T>(fn: (p: Persistence) => Promise<T>) => {
    const p = await Persistence.open(cli.url, DataKeyring.ephemeral(), 1);
    try {
      return await fn(p);
    } finally {
      await p.close();
    }
  };
  const record = (what: string) => withDb(async (p) => {
    const { workspace } = await p.workspaces.ensure('Rotating Practice');
    await p.events.record(workspace.id, 'EvidenceRead', { what }, 'key:viewer');
    const head = (await p.events.links(workspace.id)).at(-1)!;
    return { workspaceId: workspace.id, seq: head.seq, hash: head.hash! };
  });
  const keyIdsIn = (text: string) => [...text.matchAll(/^# (ed25519:[0-9a-f]{16}) /gm)].map((m) => m[1]);

  it('old checkpoints verify after rotation, new ones carry the new key, an unknown key still fails', async () => {
    await record('first');
    const e2 = await record('second');
    expect(await run('audit-log', 'checkpoint')).toBe(0);
    const oldId = KEY_ID.exec(out().find((l) => l.startsWith('rotating-practice'))!)![0];
    expect(await run('audit-log', 'public-key')).toBe(0);
    const offMachine = join(cli.home, 'off-machine.pub');
    writeFileSync(offMachine, out().filter((l) => !l.startsWith('key id')).join('\n'));
    expect(keyIdsIn(readFileSync(offMachine, 'utf8'))).toEqual([oldId]);

    expect(await run('audit-log', 'rotate-signing-key')).toBe(0);
    expect(out()[0]).toBe(`retired ${oldId} (public key kept in ${retiredFile()}; it still verifies what it signed)`);
    const newId = /^new signing key (ed25519:[0-9a-f]{16})$/.exec(out()[1]!)![1]!;
    expect(newId).not.toBe(oldId);
    // Signed with the new key right away, although the head has not moved since the old key's checkpoint.
    expect(out()).toContain(`rotating-practice\tsigned entry ${e2.seq} ${e2.hash} with ${newId}`);

    expect(await run('audit-log', 'verify')).toBe(0);
    expect(out()[0]).toBe(`rotating-practice\tok, 2 entries, head ${e2.seq} ${e2.hash}, signed to entry ${e2.seq} (2 checkpoints)`);
    const e3 = await record('third');
    expect(await run('audit-log', 'checkpoint')).toBe(0);
    expect(out()).toContain(`rotating-practice\tsigned entry ${e3.seq} ${e3.hash} with ${newId}`);
    expect(await run('audit-log', 'verify')).toBe(0);

    // public-key prints every trusted key, current first.
    expect(await run('audit-log', 'public-key')).toBe(0);
    expect(keyIdsIn(out().join('\n'))).toEqual([newId, oldId]);
    expect(out().join('\n')).toContain(`# ${oldId} retired`);

    // A checkpoint a database writer signed with a fresh key of their own is still refused.
    const forger = AuditSigner.generate();
    const forged = forger.sign({ workspaceId: e3.workspaceId, seq: e3.seq, hash: e3.hash, at: new Date().toISOString() });
    await withDb((p) => p.dataSource.query('INSERT INTO audit_checkpoint (workspace_id, seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)',
      [forged.workspaceId, forged.seq, forged.hash, forged.at, forged.keyId, forged.signature]));
    expect(await run('audit-log', 'verify')).toBe(1);
    expect(out()).toContain(`rotating-practice\tcheckpoint unknown_key: checkpoint at entry ${e3.seq} is signed by ${forger.keyId}, which is not a trusted audit key`);

    // Retired file lost: the old checkpoint is unknown until the off-machine copy is given (and the forged one stays unknown).
    renameSync(retiredFile(), `${retiredFile()}.aside`);
    expect(await run('audit-log', 'verify')).toBe(1);
    expect(out().filter((l) => l.includes('unknown_key')).map((l) => KEY_ID.exec(l.split('signed by')[1]!)![0]).sort()).toEqual([oldId, forger.keyId].sort());
    expect(await run('audit-log', 'verify', '--public-key', offMachine)).toBe(1);
    expect(out().filter((l) => l.includes('unknown_key'))).toEqual([`rotating-practice\tcheckpoint unknown_key: checkpoint at entry ${e3.seq} is signed by ${forger.keyId}, which is not a trusted audit key`]);
    const forgerPub = join(cli.home, 'forger.pub');
    writeFileSync(forgerPub, forger.publicKeyPem());
    expect(await run('audit-log', 'verify', '--public-key', offMachine, '--public-key', forgerPub)).toBe(0);
    renameSync(`${retiredFile()}.aside`, retiredFile());
  }, 180_000);

  it('refuses a retired-keys file others can read or write, like the key file', async () => {
    const before = readFileSync(keyFile(), 'utf8');
    for (const mode of [0o644, 0o602]) {
      chmodSync(retiredFile(), mode);
      await expect(run('audit-log', 'verify')).rejects.toThrow(expect.objectContaining({ code: 'audit_key_insecure', message: expect.stringContaining(`chmod 600 ${retiredFile()}`) }));
      await expect(run('audit-log', 'rotate-signing-key')).rejects.toThrow(expect.objectContaining({ code: 'audit_key_insecure' }));
    }
    chmodSync(retiredFile(), 0o600);
    expect(readFileSync(keyFile(), 'utf8')).toBe(before);
  }, 120_000);

  it('refuses while a server runs on the home (server.json, or the embedded home lock) and changes nothing', async () => {
    const before = readFileSync(keyFile(), 'utf8');
    const retiredBefore = readFileSync(retiredFile(), 'utf8');
    const serverFile = join(cli.home, 'server.json');
    writeFileSync(serverFile, JSON.stringify({ url: 'http://127.0.0.1:3999', pid: process.pid, ownerToken: 'x' }), { mode: 0o600 });
    try {
      await expect(run('audit-log', 'rotate-signing-key')).rejects.toThrow(expect.objectContaining({
        code: 'server_running', message: expect.stringContaining(`custody serve (pid ${process.pid}, http://127.0.0.1:3999) is running on this home`),
      }));
    } finally {
      rmSync(serverFile, { force: true });
    }
    // Embedded mode without server.json (a worker, or a server that lost its file): the home lock refuses.
    const url = process.env.DATABASE_URL;
    const lock = join(cli.home, 'custody.lock');
    delete process.env.DATABASE_URL;
    writeFileSync(lock, String(process.ppid));
    try {
      await expect(run('audit-log', 'rotate-signing-key')).rejects.toThrow(expect.objectContaining({
        code: 'server_running', message: expect.stringContaining(`another Custody process (pid ${process.ppid})`),
      }));
    } finally {
      process.env.DATABASE_URL = url;
      rmSync(lock, { force: true });
    }
    expect(readFileSync(keyFile(), 'utf8')).toBe(before);
    expect(readFileSync(retiredFile(), 'utf8')).toBe(retiredBefore);
  }, 120_000);

  it('with CUSTODY_AUDIT_SIGNING_KEY it refuses; the old public key in CUSTODY_AUDIT_TRUSTED_KEYS keeps old checkpoints verifying', async () => {
    expect(await run('audit-log', 'public-key')).toBe(0);
    const filePems = out().filter((l) => !l.startsWith('key id')).join('\n');
    const envKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Retired file aside: this models an install whose keys were only ever in the environment.
    renameSync(retiredFile(), `${retiredFile()}.aside`);
    process.env.CUSTODY_AUDIT_SIGNING_KEY = envKey;
    try {
      await expect(run('audit-log', 'rotate-signing-key')).rejects.toThrow(expect.objectContaining({ code: 'audit_key_from_env', message: expect.stringContaining('CUSTODY_AUDIT_TRUSTED_KEYS') }));
      expect(existsSync(retiredFile())).toBe(false);
      // The forged checkpoint from the first test stays: give its key too, so only the rotation is under test.
      const forgerPub = join(cli.home, 'forger.pub');
      expect(await run('audit-log', 'verify', '--public-key', forgerPub)).toBe(1);
      expect(out().filter((l) => l.includes('unknown_key')).length).toBe(3);
      process.env.CUSTODY_AUDIT_TRUSTED_KEYS = filePems;
      expect(await run('audit-log', 'verify', '--public-key', forgerPub)).toBe(0);
      expect(await run('audit-log', 'checkpoint')).toBe(0);
      expect(await run('audit-log', 'public-key')).toBe(0);
      expect(keyIdsIn(out().join('\n'))).toHaveLength(3);
      expect(out().join('\n')).toMatch(/CUSTODY_AUDIT_TRUSTED_KEYS/);
    } finally {
      delete process.env.CUSTODY_AUDIT_SIGNING_KEY;
      delete process.env.CUSTODY_AUDIT_TRUSTED_KEYS;
      renameSync(`${retiredFile()}.aside`, retiredFile());
    }
  }, 180_000);
});
