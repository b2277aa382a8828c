import type { Command } from 'commander';
import { InvalidInputError, KEY_ROLES, NotFoundError, type KeyRole } from '@custody/domain';
import { loadServiceRuntime } from '../load-service.js';
import { withRuntime } from './with-runtime.js';
import { registerDataKeys } from './data-keys.command.js';
import { locallyOrViaServer } from './running-server.js';

/** The Custody home (`.custody`) whose running server `keys`/`workspaces create` fall back to. */
const homeDir = async () => (await loadServiceRuntime()).config.loadConfig().home;

/** Admin verbs over the database (embedded home or DATABASE_URL). */
export function registerAdmin(program: Command): void {
  const keys = program.command('keys').description('API keys (stored hashed; shown once)');
  keys
    .command('create')
    .requiredOption('--workspace <name>', 'workspace name or slug (created if missing)')
    .option('--name <label>', 'label for the key', 'cli')
    .option('--role <role>', 'owner (everything), auditor (read, triage, correct) or viewer (read)', 'owner')
    .option('--expires <when>', 'expiry: an ISO date or a duration such as 90d or 12h (default: never)')
    .action(async (opts: { workspace: string; name: string; role: string; expires?: string }) => {
      // Checked before any database is opened, so a typo is a usage error and nothing is created.
      if (!(KEY_ROLES as readonly string[]).includes(opts.role)) throw new InvalidInputError(`unknown role "${opts.role}"; expected one of ${KEY_ROLES.join(', ')}`);
      const expiresAt = opts.expires ? parseExpiry(opts.expires) : undefined;
      // Directly when no server holds the home; through the running embedded server's owner route otherwise.
      const { key, info, workspace: ws } = await locallyOrViaServer(await homeDir(), () =>
        withRuntime(async (rt) => {
          const workspace = (await rt.persistence.workspaces.resolve(opts.workspace)) ?? (await rt.persistence.workspaces.ensure(opts.workspace)).workspace;
          const created = await rt.persistence.keys.create(workspace.id, { name: opts.name, role: opts.role as KeyRole, expiresAt });
          return { key: created.key, info: { id: created.info.id, role: created.info.role, expiresAt: created.info.expiresAt }, workspace };
        }), { path: '/api/owner/keys', body: { workspace: opts.workspace, name: opts.name, role: opts.role, expiresAt: expiresAt?.toISOString() } });
      console.log(key);
      console.error(`key id ${info.id} (${info.role}, ${info.expiresAt ? `expires ${info.expiresAt}` : 'no expiry'}) for workspace "${ws.slug}"; store the key now, it is not shown again; revoke with: custody keys revoke ${info.id}`);
    });
  keys
    .command('list')
    .description('every key (never the key itself): id, workspace, name, prefix, role, created, expires, last used, revoked')
    .option('--workspace <name>', 'only this workspace (name, slug or id)')
    .action((opts: { workspace?: string }) =>
      withRuntime(async (rt) => {
        const ws = opts.workspace ? await rt.persistence.workspaces.resolve(opts.workspace) : undefined;
        if (opts.workspace && !ws) throw new NotFoundError('workspace', opts.workspace);
        console.log(['id', 'workspace', 'name', 'prefix', 'role', 'created', 'expires', 'last_used', 'revoked'].join('\t'));
        for (const k of await rt.persistence.keys.list(ws?.id)) {
          console.log([k.id, k.workspaceSlug ?? k.workspaceId, k.name, k.prefix, k.role, k.createdAt, k.expiresAt ?? '-', k.lastUsedAt ?? '-', k.revokedAt ?? '-'].join('\t'));
        }
      }));
  keys
    .command('revoke')
    .argument('<id>', 'the key id (from keys create or keys list)')
    .action((id: string) =>
      withRuntime(async (rt) => {
        const k = await rt.persistence.keys.revoke(id);
        console.error(`revoked key ${k.id} (${k.prefix}…, ${k.role}) of workspace ${k.workspaceId}`);
      }));
  registerDataKeys(keys);

  const ws = program.command('workspaces').description('client engagements');
  ws.command('list').action(() =>
    withRuntime(async (rt) => {
      for (const w of await rt.persistence.workspaces.list()) console.log(`${w.slug}\t${w.id}\t${w.name}`);
    }));
  ws.command('create')
    .argument('<name>')
    .action(async (name: string) => {
      const w = await locallyOrViaServer(await homeDir(), () => withRuntime((rt) => rt.persistence.workspaces.create(name)), { path: '/api/owner/workspaces', body: { name } });
      console.log(`${w.slug}\t${w.id}`);
    });
}

/** `90d`, `12h`, `30m` from now, or an ISO date/time in the future. */
export function parseExpiry(when: string, now = Date.now()): Date {
  const m = /^(\d{1,6})([dhm])$/.exec(when.trim());
  const at = m ? new Date(now + Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm']) : new Date(when);
  if (Number.isNaN(at.getTime())) throw new InvalidInputError(`--expires "${when}" is neither a duration (90d, 12h, 30m) nor a date`);
  if (at.getTime() <= now) throw new InvalidInputError(`--expires "${when}" is not in the future`);
  return at;
}
