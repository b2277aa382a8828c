import type { Command } from 'commander';
import type { Runtime } from '@custody/pipeline';
import { loadServiceRuntime } from '../load-service.js';

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
    .action((opts: { workspace: string; name: string }) =>
      withRuntime(async (rt) => {
        const ws = (await rt.persistence.workspaces.resolve(opts.workspace)) ?? (await rt.persistence.workspaces.ensure(opts.workspace)).workspace;
        const { key } = await rt.persistence.workspaces.createApiKey(ws.id, opts.name);
        console.log(key);
        console.error(`key for workspace "${ws.slug}" (${ws.id}); store it now, it is not shown again`);
      }));
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
    .action((name: string) =>
      withRuntime(async (rt) => {
        const w = await rt.persistence.workspaces.create(name);
        console.log(`${w.slug}\t${w.id}`);
      }));
}
