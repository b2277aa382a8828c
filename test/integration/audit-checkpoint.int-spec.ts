// Loaded up front: the CLI imports these at once, and Jest's ESM loader races on concurrent imports.
import '@custody/audit';
import '@custody/config';
import '@custody/pipeline';
import { DataKeyring, Persistence } from '@custody/persistence';
import { registerAuditLog } from '../../apps/cli/src/commands/audit-log.command.js';
import { useCliDatabase } from '../support/cli.js';

/**
 * Signed checkpoints through the CLI on a real database: `audit-log checkpoint` signs each chain head,
 * `audit-log verify` checks signatures and that the chain passes through them, and a superuser who edits a
 * checkpoint, forges one, or cuts entries off the end of the log (which the hash links alone cannot show)
 * is caught.
 */
describe(`audit-log checkpoints (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const cli = useCliDatabase(registerAuditLog);
  const run = cli.run;
  const out = () => cli.out;
  /** A superuser's write past the append-only triggers. */
  const asSuperuser = async (sql: string, params: unknown[] = []) => {
    const p = await Persistence.open(cli.url, DataKeyring.ephemeral(), 1);
    try {
      await p.dataSource.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query(sql, params);
      });
    } finally {
      await p.close();
    }
  };

  it('signs heads, verifies through them, and catches an edited or forged checkpoint and a cut-off end', async () => {
    const p = await Persistence.open(cli.url, DataKeyring.ephemeral(), 1);
    let seqs: number[] = [];
    let hashes: string[] = [];
    try {
      const { workspace } = await p.workspaces.ensure('Anchored Practice');
      await p.workspaces.ensure('Quiet Practice');
      for (let i = 0; i < 4; i++) await p.events.record(workspace.id, 'EvidenceRead', { what: `read ${i}` }, 'key:viewer');
      const links = await p.events.links(workspace.id);
      seqs = links.map((l) => l.seq);
      hashes = links.map((l) => l.hash!);
    } finally {
      await p.close();
    }

    expect(await run('audit-log', 'checkpoint')).toBe(0);
    expect(out().find((l) => l.startsWith('anchored-practice'))).toMatch(new RegExp(`^anchored-practice\\tsigned entry ${seqs[3]} ${hashes[3]} with ed25519:[0-9a-f]{16}$`));
    expect(await run('audit-log', 'checkpoint')).toBe(0);
    expect(out().find((l) => l.startsWith('anchored-practice'))).toBe('anchored-practice\tunchanged since its last checkpoint');

    expect(await run('audit-log', 'verify', '--workspace', 'anchored-practice', '--anchor', `${seqs[1]}:${hashes[1]}`)).toBe(0);
    expect(out()[0]).toBe(`anchored-practice\tok, 4 entries, head ${seqs[3]} ${hashes[3]}, signed to entry ${seqs[3]} (1 checkpoint), 1 anchor on the chain`);
    expect(await run('audit-log', 'verify', '--workspace', 'anchored-practice', '--anchor', `${seqs[1]}:${hashes[2]}`)).toBe(1);
    expect(out()).toContain(`anchored-practice\tanchor ${seqs[1]}: the entry's hash is no longer ${hashes[2]}`);

    // A checkpoint edited to point at an earlier entry (as if the log had been shorter when signed).
    await asSuperuser('UPDATE audit_checkpoint SET seq = $1, hash = $2', [seqs[2], hashes[2]]);
    expect(await run('audit-log', 'verify')).toBe(1);
    expect(out()[0]).toMatch(new RegExp(`^anchored-practice\\tcheckpoint forged: checkpoint at entry ${seqs[2]} \\(.+\\) does not match its signature: it was edited or forged$`));
    expect(out().at(-1)).toBe('broken: 1 of 1 workspace');

    // Put the honest checkpoint back by signing again, then cut the newest entry off the log: every remaining
    // link still verifies, only the signed head shows what is gone.
    await asSuperuser('DELETE FROM audit_checkpoint');
    expect(await run('audit-log', 'checkpoint')).toBe(0);
    expect(await run('audit-log', 'verify')).toBe(0);
    await asSuperuser('DELETE FROM event WHERE seq = $1', [seqs[3]]);
    expect(await run('audit-log', 'verify')).toBe(1);
    expect(out()[0]).toMatch(new RegExp(`^anchored-practice\\tcheckpoint truncated: the log ends at entry ${seqs[2]} but checkpoint .+ signed entry ${seqs[3]}: entries were removed from the end$`));
  }, 180_000);

  it('refuses to sign a chain that no longer verifies after its last checkpoint', async () => {
    const p = await Persistence.open(cli.url, DataKeyring.ephemeral(), 1);
    let seq = 0;
    try {
      const { workspace } = await p.workspaces.ensure('Edited Practice');
      await p.events.record(workspace.id, 'EvidenceRead', { what: 'first' });
      seq = (await p.events.record(workspace.id, 'EvidenceRead', { what: 'second' })).seq;
    } finally {
      await p.close();
    }
    await asSuperuser(`UPDATE event SET payload = '{"what":"edited"}'::jsonb WHERE seq = $1`, [seq]);
    expect(await run('audit-log', 'checkpoint')).toBe(1);
    expect(out()).toContain(`edited-practice\tnot signed: entry ${seq} does not verify after the start of the log; run custody audit-log verify`);
  }, 120_000);
});
