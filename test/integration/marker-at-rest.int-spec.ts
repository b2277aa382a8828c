import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoutes } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { REPO, waitUntil } from '../support/processes.js';

const FINAL = ['processed', 'unparsed', 'failed'];

/**
 * Nothing a document says is stored in clear (issue 12, encryption at rest): a contract and a config, each with
 * a planted marker (and a config that fails to parse right after it) in text the pipeline quotes as evidence, and secrets, are ingested and scored; then every
 * text, jsonb, json, varchar and bytea column of every table of every schema (information_schema, so a table
 * added later is scanned too) is searched for the marker and the secrets: 0 hits. The API still serves the
 * quotes to the workspace's own key, so the marker did go all the way through (into evidence, graph and findings).
 */
describe(`no planted text in clear at rest (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  const { api, json } = workspaceRoutes(() => ({ base: t.base, ws, key }));

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Marker Practice');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  afterAll(() => t?.close());

  it('after a contract and a config are scored, no column of any table holds the marker or a secret; the API still quotes it', async () => {
    const marker = `ZZQ-MARKER-7731-${randomBytes(4).toString('hex')}`;
    const secrets = [`sk_live_${randomBytes(12).toString('hex')}`, `pw-${randomBytes(10).toString('hex')}`];
    const contract = readFileSync(join(REPO, 'test/fixtures/contracts/cinder-transcribe-baa.md'), 'utf8')
      .replace('## 2. Obligations', `Access credentials: ${secrets[1]}.\n\n## 2. Obligations`)
      .replace('2.1 Business Associate may use', `2.1 For patient ${marker}, Business Associate may use`);
    expect(contract).toContain(`For patient ${marker}`);
    const config = JSON.stringify({
      system: 'EHR', endpoint: `https://ehr.example.test/intake?note=${marker}`, apiKey: secrets[0], password: secrets[1],
      exports: [{ to: `https://billing.example.test/claims?note=${marker}`, fields: ['name', 'diagnosis'] }],
    }, null, 2);
    // Broken right after the marker and a secret: a parser's error message, kept as the document's reason, would quote them.
    const broken = `{"note": "${marker}", "apiKey": "${secrets[0]}", "trailing": [1, 2,, }`;
    for (const [fileName, text] of [['baa.md', contract], ['ehr.json', config], ['broken.json', broken]] as const) {
      const res = await api('/documents', { method: 'POST', body: JSON.stringify({ fileName, contentBase64: Buffer.from(text).toString('base64') }) });
      expect(res.status).toBeLessThan(300);
    }
    await waitUntil(async () => {
      const health = (await (await fetch(`${t.base}/api/health`)).json()) as { queue: { pending: number } };
      const docs = await json<{ status: string }[]>('/documents');
      return health.queue.pending === 0 && docs.length === 3 && docs.every((d) => FINAL.includes(d.status)) && Boolean((await json<{ graphVersion?: number }>('/score')).graphVersion);
    }, 180_000, 'both documents processed and the workspace scored');
    const docs = await json<{ id: string; fileName: string; status: string }[]>('/documents');
    expect(docs.map((d) => `${d.fileName}:${d.status}`).sort()).toEqual(['baa.md:processed', 'broken.json:failed', 'ehr.json:processed']);

    // The authorised reader still gets the quotes: the contract's evidence, the config's, and the read models'.
    const served: Record<string, string> = {};
    for (const d of docs.filter((x) => x.status === 'processed')) served[d.fileName] = JSON.stringify(await json(`/documents/${d.id}`));
    for (const path of ['/graph', '/findings']) served[path] = JSON.stringify(await json(path));
    expect(served['baa.md']).toContain(`For patient ${marker}`);
    expect(served['ehr.json']).toContain(marker);
    expect(served['/graph']).toContain(marker);
    expect(served['/findings']).toContain(marker);
    for (const s of secrets) expect(Object.values(served).join('\n')).not.toContain(s);

    // Every column that can hold text or bytes, in every table of every schema Custody's database has.
    const ds = t.runtime.persistence.dataSource;
    const columns: { table_schema: string; table_name: string; column_name: string; data_type: string }[] = await ds.query(`
      SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
         AND (c.data_type IN ('text', 'jsonb', 'json', 'bytea', 'character varying', 'character', 'USER-DEFINED') OR c.data_type = 'ARRAY')
       ORDER BY 1, 2, 3`);
    const scanned = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    // The scan must reach the tables that quote documents, or 0 hits would mean nothing.
    for (const must of ['blob.content', 'document.analysis_sealed', 'fact.evidence_sealed', 'graph_projection.graph_sealed', 'finding.data_sealed', 'score.data_sealed', 'event.payload', 'system_node.name', 'flow_edge.data']) {
      expect(scanned).toContain(must);
    }
    const hits: { needle: string; column: string; rows: number }[] = [];
    let rowsScanned = 0;
    for (const c of columns) {
      const ident = `"${c.table_schema}"."${c.table_name}"`;
      const col = `"${c.column_name}"`;
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${ident} WHERE ${col} IS NOT NULL`);
      rowsScanned += n;
      for (const needle of [marker, ...secrets]) {
        // Bytes are searched as bytes (a sealed column, a blob); everything else as its text form.
        const where = c.data_type === 'bytea' ? `position(convert_to($1, 'UTF8') in ${col}) > 0` : `strpos(${col}::text, $1) > 0`;
        const [{ m }] = await ds.query(`SELECT count(*)::int AS m FROM ${ident} WHERE ${where}`, [needle]);
        if (m > 0) hits.push({ needle: needle === marker ? 'marker' : 'secret', column: `${c.table_schema}.${c.table_name}.${c.column_name}`, rows: m });
      }
    }
    // Progress for the report: how much was searched.
    console.log(`marker scan: ${columns.length} columns, ${rowsScanned} non-null values, hits ${JSON.stringify(hits)}`);
    expect(rowsScanned).toBeGreaterThan(50);
    expect(hits).toEqual([]);
  }, 300_000);
});
