import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { dataKeyFilePath, loadConfig } from '@custody/config';
import { openDataKeyring, Persistence } from '@custody/persistence';
import { IngestDocumentCommand, JobQueue, startRuntime, type Runtime } from '@custody/pipeline';
import { startTestApp, type TestApp } from '../support/app.js';
import { freshDatabase } from '../support/database.js';
import { CLI_ENTRY, DIST, REPO, waitUntil } from '../support/processes.js';

/**
 * Backup and restore as the README documents them. Production: `pg_dump -Fc` of the database (document
 * blobs live in it, so it is the whole store; Redis holds only jobs, which the Reconciler rebuilds) restored
 * with `pg_restore` into a fresh database. Embedded: a copy of the stopped server's home folder. Either way the
 * restored store has the same graph, score, findings, documents and blobs, and `custody audit-log verify`
 * passes on it.
 */
const production = Boolean(process.env.DATABASE_URL);

describe(`backup and restore (${production ? 'PostgreSQL: pg_dump / pg_restore' : 'embedded: copy of the stopped home'})`, () => {
  let t: TestApp | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'custody-backup-'));
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await t?.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('restores the same graph, score, findings and blobs, and a verified audit log', async () => {
    t = await startTestApp();
    const p = t.runtime.persistence;
    const ws = (await p.workspaces.ensure('Backup Practice')).workspace.id;
    const example = join(REPO, 'examples/harborview-counseling');
    const inputs = [...readdirSync(join(example, 'docs')).map((f) => `docs/${f}`), 'custody.yaml'];
    for (const f of inputs) await t.app.get(CommandBus).execute(new IngestDocumentCommand(ws, f, readFileSync(join(example, f))));
    const queue = t.app.get(JobQueue);
    await waitUntil(async () => (await queue.pending()) === 0 && (await p.documents.unfinishedCount()) === 0 && Boolean(await p.projections.score(ws)), 180_000, 'the example scored');
    const before = await snapshot(p, ws);
    expect(before.documents).toHaveLength(inputs.length);
    expect(before.findings.length).toBeGreaterThan(0);

    let restored: Persistence;
    let cliEnv: Record<string, string>;
    // The CLI needs the restored store to itself (embedded mode's home admits one process).
    let release = async () => {};
    if (production) {
      const dump = join(scratch, 'custody.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, t.runtime.config.databaseUrl!]);
      const target = await freshDatabase();
      cleanups.push(() => target.drop());
      execFileSync('pg_restore', ['--no-owner', `--dbname=${target.url}`, dump]);
      // The dump is sealed: it opens only with the install's data keys, kept beside it (README: Backup).
      const { keyring } = openDataKeyring({ keys: t.runtime.config.dataKeys, keyFile: dataKeyFilePath(t.runtime.config), create: false });
      restored = await Persistence.open(target.url, keyring, 2);
      cleanups.push(() => restored.close());
      cliEnv = { DATABASE_URL: target.url, CUSTODY_HOME: t.runtime.config.home };
    } else {
      // PGlite's files are only consistent while no process has them open: stop the server, then copy.
      const home = t.runtime.config.home;
      await t.app.close();
      await t.runtime.close();
      const copy = join(scratch, 'home');
      cpSync(home, copy, { recursive: true });
      rmSync(home, { recursive: true, force: true });
      t = undefined;
      const runtime: Runtime = await startRuntime(loadConfig({ CUSTODY_HOME: copy }));
      restored = runtime.persistence;
      cliEnv = { CUSTODY_HOME: copy };
      release = () => runtime.close();
      cleanups.push(release);
    }
    expect(await snapshot(restored, ws)).toEqual(before);
    // The restored read models are the sealed rows themselves (opened above with the install's keys), not clear copies.
    const census = await restored.sealed.census();
    for (const kind of ['graphs', 'findings', 'scores'] as const) expect(Object.keys(census[kind])).toEqual([census.activeKeyId]);
    expect(census.findings[census.activeKeyId]).toBe(before.findings.length);
    // The audit log's hash chain checks out on the restored store, end to end through the CLI.
    if (!production) await release();
    const verify = spawnSync(process.execPath, [DIST(CLI_ENTRY), 'audit-log', 'verify'], { cwd: REPO, env: { PATH: process.env.PATH, ...cliEnv }, encoding: 'utf8' });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^ok, \d+ entr/m);
  }, 300_000);
});

/** What a restore must bring back: read models, documents with their blobs' bytes, and the audit chain's head. */
async function snapshot(p: Persistence, ws: string) {
  const graph = await p.projections.graph(ws);
  const score = await p.projections.score(ws);
  const documents = await p.documents.list(ws, { analysis: false });
  const blobs = await Promise.all(documents.map(async (d) => (await p.documents.content(d.sha256)).toString('base64')));
  const chain = await p.events.verifyChain(ws);
  return {
    graph, score, findings: await p.projections.findings(ws, true), documents, blobs,
    chain: { ok: chain.ok, entries: chain.entries, head: chain.ok ? chain.head : undefined },
  };
}
