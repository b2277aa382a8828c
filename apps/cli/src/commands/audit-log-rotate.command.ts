import type { Command } from 'commander';
import { CustodyError } from '@custody/domain';
import { readServerFile } from '../../../api/src/owner/server-file.js';
import { EXIT } from '../exit-codes.js';
import { loadServiceRuntime } from '../load-service.js';
import { withRuntime } from './with-runtime.js';

/**
 * `custody audit-log rotate-signing-key`: a new audit signing key, the old one's public half kept as retired
 * (libs/persistence audit-signing-keys.ts) so every checkpoint it signed still verifies, and a checkpoint
 * signed with the new key at once. Only with Custody stopped: a running process holds the old private key in
 * memory and would go on signing with it. Embedded mode: the running server's `server.json` (or the home
 * lock) refuses it. Production mode has no lock to see, so the README says to stop the API and workers first.
 */
export function registerRotateSigningKey(log: Command): void {
  log
    .command('rotate-signing-key')
    .description('make a new audit signing key (Custody stopped), keep the old public key as retired so its checkpoints still verify, sign a checkpoint with the new key')
    .action(async () => {
      const { config } = await loadServiceRuntime();
      const cfg = config.loadConfig();
      // Checked before anything is opened or changed: the command refuses cleanly, leaving both keys as they were.
      const server = readServerFile(cfg.home);
      if (server) throw serverRunning(`custody serve (pid ${server.pid}, ${server.url})`);
      const { assertRotatable } = await import('@custody/persistence');
      assertRotatable(cfg.auditSigningKey);
      try {
        await withRuntime(async (rt) => {
          const { rotateAuditSigningKey } = await import('@custody/persistence');
          const r = rotateAuditSigningKey({ pem: rt.config.auditSigningKey, keyFile: config.auditSigningKeyFilePath(rt.config) });
          console.log(`retired ${r.oldKeyId} (public key kept in ${r.retiredFile}; it still verifies what it signed)`);
          console.log(`new signing key ${r.signer.keyId}`);
          const names = new Map((await rt.persistence.workspaces.list()).map((w) => [w.id, w.slug]));
          let refused = 0;
          for (const o of await rt.persistence.checkpoints.anchorAll(r.signer)) {
            const name = names.get(o.workspaceId) ?? o.workspaceId;
            if ('anchored' in o) console.log(`${name}\tsigned entry ${o.anchored.seq} ${o.anchored.hash} with ${o.anchored.keyId}`);
            else if ('refused' in o) { refused++; console.log(`${name}\tnot signed: ${o.refused}`); }
          }
          console.log('keep the new public key off this machine: custody audit-log public-key > custody-audit.pub');
          if (refused) process.exitCode = EXIT.tampered;
        });
      } catch (err) {
        if (err instanceof CustodyError && err.code === 'home_locked') throw serverRunning('another Custody process', err.message);
        throw err;
      }
    });
}

function serverRunning(who: string, why?: string): CustodyError {
  return new CustodyError('server_running', `${who} is running on this home and holds the current signing key: stop it, then run custody audit-log rotate-signing-key again (nothing was changed)${why ? `; ${why}` : ''}`);
}
