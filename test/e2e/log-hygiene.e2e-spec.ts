import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client.js';
import { freshDatabase } from '../support/database.js';
import { processScratch } from '../support/scratch.js';
import { CLI_ENTRY, REPO, startNode, waitUntil, type Proc } from '../support/processes.js';

const production = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const FINAL = ['processed', 'unparsed', 'failed'];

/**
 * No document text, PHI or secret reaches a log. A full run as an operator would start it (`custody serve`,
 * plus a separate worker in production), with a unique marker and secrets planted in a contract, in a
 * config, and in a config that fails to parse (error paths are where text leaks: parser messages quote
 * their input). Every byte either process writes to stdout or stderr is searched: 0 occurrences.
 */
describe(`no PHI or secrets in logs (${production ? 'api + worker on PostgreSQL + Redis' : 'embedded serve'})`, () => {
  const scratch = processScratch('logs');
  const { dir, home, procs } = scratch;

  it('a full ingest, evidence reads and shutdown log none of the planted marker or secrets; checkpoints were signed meanwhile', async () => {
    const marker = `PHIMARK${randomBytes(6).toString('hex')}`;
    const secrets = [`sk_live_${randomBytes(12).toString('hex')}`, `pw-${randomBytes(10).toString('hex')}`];
    const contract = readFileSync(join(REPO, 'test/fixtures/contracts/cinder-transcribe-baa.md'), 'utf8')
      .replace('Cinder Transcribe, Inc.', `Cinder Transcribe, Inc. for client ${marker}`)
      .replace('## 2. Obligations', `Access credentials: ${secrets[1]} (client ${marker}).\n\n## 2. Obligations`)
      .replace('2.1 Business Associate may use', `2.1 For patient ${marker}, Business Associate may use`);
    writeFileSync(join(dir, 'baa.md'), contract);
    writeFileSync(join(dir, 'ehr.json'), JSON.stringify({
      system: `EHR of ${marker}`, endpoint: `https://ehr.example.test/${marker}`, apiKey: secrets[0], password: secrets[1],
      exports: [{ to: 'https://billing.example.test', fields: ['name', 'diagnosis', marker] }],
    }, null, 2));
    // Broken on purpose right after the marker and a secret: a parser's error message would quote them.
    writeFileSync(join(dir, 'broken.json'), `{"note": "${marker}", "apiKey": "${secrets[0]}", "trailing": [1, 2,, }`);
    writeFileSync(join(dir, 'broken.yaml'), `note: ${marker}\npassword: ${secrets[1]}\n  bad: [indent\n`);

    const env: Record<string, string | undefined> = {
      CUSTODY_HOME: home, CUSTODY_QUEUE_PREFIX: `logs${process.pid}`, CUSTODY_AUDIT_CHECKPOINT_INTERVAL_MS: '1000', LOG_LEVEL: 'verbose',
    };
    if (production) {
      const db = (scratch.db = await freshDatabase());
      Object.assign(env, { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL });
    }
    const api = startNode(CLI_ENTRY, ['serve', '--port', '0', '--workspace', 'Log Hygiene'], env);
    procs.push(api);
    await api.waitFor(/Dashboard: \S+key=\S+/, 240_000);
    const client = ApiClient.fromServeOutput(api.output());
    let worker: Proc | undefined;
    if (production) {
      worker = startNode('apps/worker/src/main.js', [], env);
      procs.push(worker);
      await worker.waitFor(/processing jobs/, 240_000);
    }

    for (const f of ['baa.md', 'ehr.json', 'broken.json', 'broken.yaml']) await client.upload(dir, f);
    await waitUntil(async () => (await client.get<{ status: string }[]>('/documents')).every((d) => FINAL.includes(d.status)), 180_000, 'all documents final');
    const docs = await client.get<{ id: string; fileName: string; status: string }[]>('/documents');
    expect(docs.map((d) => `${d.fileName}:${d.status}`).sort()).toEqual(['baa.md:processed', 'broken.json:failed', 'broken.yaml:failed', 'ehr.json:processed'].sort());
    // The marker really went through the pipeline: the evidence the API serves quotes it.
    const baa = docs.find((d) => d.fileName === 'baa.md')!;
    expect(JSON.stringify(await client.get(`/documents/${baa.id}`))).toContain(marker);
    for (const path of ['/audit', '/graph', '/findings', '/audit-log?limit=500', '/report?format=md']) await client.get(path).catch(() => undefined);
    // An evidence read of a document that does not exist, with the marker in the path: a 404 must not echo it to the log.
    await fetch(`${client.base}/api/workspaces/${client.ws}/documents/${marker}`, { headers: { 'x-api-key': client.key } });

    await api.kill('SIGTERM');
    if (worker) await worker.kill('SIGTERM');
    const verify = startNode(CLI_ENTRY, ['audit-log', 'verify'], env);
    procs.push(verify);
    await waitUntil(async () => verify.child.exitCode !== null, 120_000, 'audit-log verify');
    expect(verify.child.exitCode).toBe(0);
    expect(verify.output()).toMatch(/^log-hygiene\tok, \d+ entries, head \d+ [0-9a-f]{64}, signed to entry \d+ \(\d+ checkpoints?\)$/m);

    const logs = [api, ...(worker ? [worker] : []), verify].map((p) => p.output()).join('\n');
    expect(logs).toMatch(/Dashboard:/);
    for (const needle of [marker, ...secrets]) {
      const hits = logs.split(needle).length - 1;
      expect({ needle, hits }).toEqual({ needle, hits: 0 });
    }
  }, 600_000);
});
