import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { counted, InvalidInputError } from '@custody/domain';
import type { Runtime } from '@custody/pipeline';
import { writeServerFile } from '../../../api/src/owner/server-file.js';
import { loadServiceRuntime } from '../load-service.js';

const EXAMPLE = 'examples/harborview-counseling';

/** The bundled example, found from the working directory or from the installed code. */
export function findExample(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(EXAMPLE), resolve(here, '../../../..', EXAMPLE), resolve(here, '../../../../..', EXAMPLE)].find((p) => existsSync(join(p, 'custody.yaml')));
}

/**
 * A folder as the user can read it: relative to the working directory when it is inside it (`examples/x`), else
 * absolute, since `../../../work/x` from elsewhere makes the reader count levels to find it.
 */
export function readablePath(dir: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, dir);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? resolve(dir) : rel;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the API, dashboard and (embedded or --worker) the job processor')
    .option('--port <port>', 'port to listen on (default 4600, env PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, env HOST); loopback only unless --allow-remote')
    .option('--allow-remote', 'allow binding a non-loopback address (the API is then reachable from the network)')
    .option('--workspace <name>', 'workspace to open (created if missing)', 'Harborview Counseling')
    .option('--example [path]', 'load the bundled example practice (or a folder of your own) into the workspace')
    .option('--worker', 'process jobs in this process also in production mode')
    .action(async (opts: { port?: string; host?: string; workspace: string; example?: string | boolean; worker?: boolean; allowRemote?: boolean }) => {
      const { config: { loadConfig }, pipeline: { closeOnSignals, IngestDocumentsCommand, startRuntime }, audit: { collectFiles } } = await loadServiceRuntime();
      const [{ CommandBus }, { createApiApp }, { jobThreadAvailable, startJobThread }] = await Promise.all([import('@nestjs/cqrs'), import('../../../api/src/bootstrap.js'), import('../../../worker/src/job-thread.js')]);
      const config = loadConfig(process.env, { port: opts.port ? Number(opts.port) : undefined, host: opts.host });
      assertBindAllowed(config.host, Boolean(opts.allowRemote));
      // The pool is the request path's alone (bounded queries) unless jobs run on it: embedded without the job
      // thread (from TypeScript sources), or production with --worker.
      const runtime = await startRuntime(config, { requestPath: config.databaseUrl ? !opts.worker : jobThreadAvailable() });
      // Embedded mode processes jobs in a thread of this process (from TypeScript sources: in this thread), so
      // scoring a large fleet does not stall the event loop that answers HTTP. Thread and API start side by side.
      const threaded = runtime.embedded && jobThreadAvailable();
      const [jobs, app] = await Promise.allSettled([
        threaded ? startJobThread(runtime) : Promise.resolve(undefined),
        createApiApp(runtime, { processJobs: !threaded && (runtime.embedded || Boolean(opts.worker)), logger: ['error', 'warn'] }),
      ]).then(async ([j, a]) => {
        if (j.status === 'fulfilled' && a.status === 'fulfilled') return [j.value, a.value] as const;
        if (a.status === 'fulfilled') await a.value.close().catch(() => undefined);
        if (j.status === 'fulfilled') await j.value?.close().catch(() => undefined);
        await runtime.close();
        throw j.status === 'rejected' ? j.reason : (a as PromiseRejectedResult).reason;
      });
      await app.listen(config.port, config.host);
      const { workspace, created } = await runtime.persistence.workspaces.ensure(opts.workspace);
      const key = await accessKey(runtime, workspace.id, created);
      if (opts.example) {
        const dir = typeof opts.example === 'string' ? resolve(opts.example) : findExample();
        if (!dir) throw new InvalidInputError(`could not find ${EXAMPLE}; pass --example <folder>`);
        const bus = app.get(CommandBus);
        const files = collectFiles([dir]);
        let added = 0;
        // A bulk upload a request's worth at a time (stored together, read in batches, scored once: issue 11).
        for (let i = 0; i < files.length; i += config.maxUploadFiles) {
          const batch = files.slice(i, i + config.maxUploadFiles).map((file) => ({ fileName: relative(dir, file) || basename(file), bytes: readFileSync(file) }));
          for (const r of (await bus.execute(new IngestDocumentsCommand(workspace.id, batch, 'cli'))).documents) {
            if ('error' in r) console.error(`custody: ${r.fileName} not loaded: ${r.error.message}`);
            else if (r.created) added++;
          }
        }
        console.log(`Loaded ${counted(files.length, 'example file')} from ${readablePath(dir)} (${added} new).`);
      }
      const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${(app.getHttpServer().address() as { port: number }).port}`;
      // Lets `custody keys create` / `workspaces create` reach this server while it holds the embedded database.
      if (runtime.embedded) writeServerFile(config.home, url);
      console.log(`Custody is running (${runtime.embedded ? `embedded, data in ${config.home}` : 'production'}).`);
      console.log(`  Dashboard: ${url}/#ws=${workspace.slug}${key ? `&key=${key}` : ''}`);
      console.log(`  API docs:  ${url}/api/docs`);
      if (!key) console.log(`  Use an API key of workspace "${workspace.slug}" (create one with: custody keys create --workspace "${workspace.name}")`);
      // HTTP stops first, then the job thread (its jobs finish or are released), then the engines: also when the
      // thread does not close cleanly (its jobs are then retried at the next start), so no lock is left behind.
      closeOnSignals({ close: async () => {
        await app.close();
        await jobs?.close().catch((err: Error) => console.error(`custody: ${err.message}`));
      } }, runtime);
    });
}

/** Loopback addresses: 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * `serve` binds loopback only (the README's promise: the dashboard link carries an API key, and embedded
 * mode has no TLS). Any other address, `0.0.0.0` included, needs `--allow-remote`; the error says so.
 */
export function assertBindAllowed(host: string, allowRemote: boolean): void {
  if (isLoopback(host) || allowRemote) return;
  throw new InvalidInputError(`refusing to bind ${host}: serve listens on loopback only (127.0.0.1, ::1); pass --allow-remote to expose the API on ${host}`);
}

/**
 * Embedded mode keeps one local key in `<home>/local-api-key` (mode 0600), created on first run and printed
 * at every start, like a notebook server's token. Production prints a key only for a workspace it just made.
 */
async function accessKey(runtime: Runtime, workspaceId: string, created: boolean): Promise<string | undefined> {
  if (runtime.embedded) {
    const file = join(resolve(runtime.config.home), 'local-api-key');
    const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> : {};
    if (saved[workspaceId] && (await runtime.persistence.workspaces.workspaceForKey(saved[workspaceId])) === workspaceId) return saved[workspaceId];
    saved[workspaceId] = (await runtime.persistence.workspaces.createApiKey(workspaceId, 'local')).key;
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    return saved[workspaceId];
  }
  return created ? (await runtime.persistence.workspaces.createApiKey(workspaceId, 'first')).key : undefined;
}
