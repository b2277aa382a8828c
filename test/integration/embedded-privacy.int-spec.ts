import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@custody/config';
import { startRuntime } from '@custody/pipeline';

/** Every path under `root` whose mode lets group or others in (dirs must be 0700, files 0600). */
function openToOthers(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) out.push(`${p} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(root);
  return out;
}

describe('embedded mode keeps its home private', () => {
  it('makes every directory 0700 and file 0600 (fixing an older home), and serves the database on a Unix socket only this user can reach', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'custody-priv-')), 'home');
    // A home left by an older version: world-writable.
    mkdirSync(join(home, 'old'), { recursive: true, mode: 0o777 });
    writeFileSync(join(home, 'old', 'local-api-key'), '{}', { mode: 0o666 });
    chmodSync(join(home, 'old'), 0o777);
    chmodSync(join(home, 'old', 'local-api-key'), 0o666);
    const umask = process.umask();
    const runtime = await startRuntime(loadConfig({ CUSTODY_HOME: home }));
    try {
      const { workspace } = await runtime.persistence.workspaces.ensure('Private Practice');
      await runtime.persistence.workspaces.createApiKey(workspace.id);
      // The database is reached through a socket in <home>/run, not a TCP port any local user could open.
      for (const url of [(runtime.persistence.dataSource.options as { url: string }).url, (runtime.queue as { url: string }).url]) {
        expect(new URL(url).searchParams.get('host')).toBe(join(home, 'run'));
      }
      expect(statSync(join(home, 'run')).mode & 0o777).toBe(0o700);
      expect(readdirSync(join(home, 'run')).sort()).toEqual(['.s.PGSQL.5432', '.s.PGSQL.5433']);
      expect(openToOthers(home)).toEqual([]);

      // Another local user cannot connect (the check needs root to act as another user; CI runs as root).
      if (process.getuid?.() === 0) {
        const probe = `require('net').connect(${JSON.stringify(join(home, 'run', '.s.PGSQL.5432'))}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`;
        const r = spawnSync(process.execPath, ['-e', probe], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 10_000 });
        expect(r.stdout.trim()).toBe('EACCES');
      }
    } finally {
      await runtime.close();
      process.umask(umask);
      rmSync(join(home, '..'), { recursive: true, force: true });
    }
  }, 300_000); // two PGlite start-ups: about a minute on a quiet machine, more on a busy one
});
