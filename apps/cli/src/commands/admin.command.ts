import type { Command } from 'commander';
import type { Runtime } from '@custody/pipeline';
import { loadServiceRuntime } from '../load-service.js';
import { locallyOrViaServer } from './running-server.js';

/** The Custody home (`.custody`) whose running server `keys`/`workspaces create` fall back to. */
const homeDir = async () => (await loadServiceRuntime()).config.loadConfig().home;

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const { config, pipeline } = await loadServiceRuntime();
  const runtime = await pipeline.startRuntime(config.loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** Admin verbs over the database (embedded home or DATABASE_URL). */
export function registerAdmin(program: Command): void {
  const keys = program.command('keys').description('API keys (stored hashed; shown once)');
  keys
    .command('create')
    .requiredOption('--workspace <name>', 'workspace name or slug (created if missing)')
    .option('--name <label>', 'label for the key', 'cli')
    .action(async (opts: { workspace: string; name: string }) => {
      const { key, workspace: ws } = await locallyOrViaServer(await homeDir(), () =>
        withRuntime(async (rt) => {
          const workspace = (await rt.persistence.workspaces.resolve(opts.workspace)) ?? (await rt.persistence.workspaces.ensure(opts.workspace)).workspace;
          return { key: (await rt.persistence.workspaces.createApiKey(workspace.id, opts.name)).key, workspace };
        }), { path: '/api/owner/keys', body: { workspace: opts.workspace, name: opts.name } });
      console.log(key);
      console.error(`key for workspace "${ws.slug}" (${ws.id}); store it now, it is not shown again`);
    });
  keys
    .command('revoke')
    .argument('<id>')
    .action((id: string) => withRuntime((rt) => rt.persistence.workspaces.revokeApiKey(id)));

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
