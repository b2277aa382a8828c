import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_NAMES, MAX_INSTANCES_PER_FINDING, unspecifiedValue, type Finding, type FactSet, type FindingInstance } from '@custody/domain';
// Loaded up front: the CLI imports these at once, and Jest's ESM loader races on concurrent imports.
import '@custody/audit';
import '@custody/config';
import '@custody/pipeline';
import { DataKeyring, Persistence, SealedDataRepository, openDataKeyring } from '@custody/persistence';
import { registerAdmin } from '../../apps/cli/src/commands/admin.command.js';
import { useCliDatabase } from '../support/cli.js';
import { persistenceForFile, storedContent } from '../support/database.js';
import { MARKER, readModelsQuoting, storedBytes } from '../support/sealed-at-rest.js';

const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';

const factsQuoting = (quote: string): FactSet =>
  Object.fromEntries(FACT_NAMES.map((name) => [name, { value: unspecifiedValue(name), evidence: [{ quote: `${quote} (${name})` }], confidence: 0.9 }])) as unknown as FactSet;

describe(`encryption at rest (${mode})`, () => {
  const k1 = randomBytes(32);
  const ring1 = new DataKeyring('k1', new Map([['k1', k1]]));
  const p = persistenceForFile(ring1);
  let wsId: string;

  beforeAll(async () => {
    wsId = (await p.workspaces.ensure('Sealed Practice')).workspace.id;
  });

  async function storeDocument(text: string) {
    const { document } = await p.documents.ingest({ workspaceId: wsId, fileName: `${text.slice(-6)}.md`, ...storedContent(text) });
    await p.documents.recordOutcome(document.id, { type: 'contract', status: 'processed', format: 'markdown', analysis: { type: 'contract', text }, projection: { v: 1, analysis: { type: 'contract', text } }, facts: factsQuoting(text) });
    return document;
  }

  it('stores document bytes, analysis and evidence only as ciphertext under the active key, and reads them back', async () => {
    const doc = await storeDocument(`BAA between the practice and ${MARKER}, signed.`);
    expect((await storedBytes(p)).includes(Buffer.from(MARKER))).toBe(false);
    const [blob] = await p.dataSource.query('SELECT key_id FROM blob WHERE sha256 = $1', [doc.sha256]);
    expect(blob.key_id).toBe('k1');
    const [row] = await p.dataSource.query('SELECT analysis, analysis_key_id FROM document WHERE id = $1', [doc.id]);
    expect(row).toEqual({ analysis: null, analysis_key_id: 'k1' });
    const [proj] = await p.dataSource.query('SELECT projection_key_id FROM document WHERE id = $1', [doc.id]);
    expect(proj.projection_key_id).toBe('k1');
    // The projection input reads back on its own (the re-audit's read), never the analysis with it.
    expect((await p.documents.projectionInputs([doc.id])).get(doc.id)).toEqual({ projection: { v: 1, analysis: { type: 'contract', text: `BAA between the practice and ${MARKER}, signed.` } }, bytes: expect.any(Number) });

    expect((await p.documents.content(doc.sha256)).toString()).toContain(MARKER);
    // Read in chunks (how the worker streams a blob to the parsing sandbox): the same bytes, whatever the size.
    for (const size of [1, 7, 1 << 20]) {
      const pieces: Buffer[] = [];
      for await (const c of p.documents.contentChunks(doc.sha256, size)) pieces.push(c);
      expect(Buffer.concat(pieces).equals(await p.documents.content(doc.sha256))).toBe(true);
    }
    expect(JSON.stringify((await p.documents.get(doc.id)).analysis)).toContain(MARKER);
    expect((await p.documents.facts(doc.id))!.law_enforcement_disclosure.evidence[0]!.quote).toContain(MARKER);
    expect((await p.documents.list(wsId)).find((d) => d.id === doc.id)!.analysis).toEqual({ type: 'contract', text: `BAA between the practice and ${MARKER}, signed.` });
  }, 60_000);

  it('stores the graph, findings and score only sealed under the active key, naming workspace and row, and reads them back', async () => {
    const m = readModelsQuoting(`read model quote ${MARKER}`);
    await p.projections.saveGraph(wsId, m.graph, 1);
    await p.projections.saveScoring(wsId, 1, m, { lens: 'default', evaluatedAt: new Date() });
    expect((await storedBytes(p)).includes(Buffer.from(MARKER))).toBe(false);
    expect(await p.dataSource.query('SELECT graph, key_id FROM graph_projection WHERE workspace_id = $1', [wsId])).toEqual([{ graph: null, key_id: 'k1' }]);
    expect(await p.dataSource.query('SELECT id, data, key_id, kind, severity FROM finding WHERE workspace_id = $1 ORDER BY id', [wsId])).toEqual(
      m.findings.map((f) => ({ id: f.id, data: null, key_id: 'k1', kind: 'contract_gap', severity: 'high' })));
    // What SQL joins on stays clear; names and data are only in the sealed graph.
    expect(await p.dataSource.query('SELECT id, name, role, data FROM system_node WHERE workspace_id = $1', [wsId])).toEqual([{ id: 'system:vendor', name: null, role: 'ai_notetaker', data: null }]);
    expect(await p.dataSource.query('SELECT total, data, rule_errors, key_id FROM score WHERE workspace_id = $1', [wsId])).toEqual([{ total: 42, data: null, rule_errors: null, key_id: 'k1' }]);

    expect((await p.projections.graph(wsId))!.graph).toEqual(m.graph);
    expect((await p.projections.findings(wsId)).map((f) => f.evidence[0]!.quote)).toEqual([`read model quote ${MARKER}`, `read model quote ${MARKER}`]);
    expect(await p.projections.openFindings(wsId)).toEqual(m.findings);
    expect(await p.projections.openFindingKeys(wsId)).toEqual(expect.arrayContaining(m.findings.map((f) => ({ id: f.id, severity: 'high' }))));
    const scored = (await p.projections.score(wsId))!;
    expect({ score: scored.score, ruleErrors: scored.ruleErrors }).toEqual({ score: m.score, ruleErrors: m.ruleErrors });
    // An unchanged re-projection is no new version, and still sealed.
    expect((await p.projections.saveGraph(wsId, m.graph, 2)).changed).toBe(false);
    expect((await p.dataSource.query('SELECT key_id FROM graph_projection WHERE workspace_id = $1', [wsId]))[0].key_id).toBe('k1');
  }, 60_000);

  it('a read model\'s ciphertext edited, or moved to another row or workspace, fails closed with data_tampered', async () => {
    const other = (await p.workspaces.ensure('Other Practice')).workspace.id;
    const m = readModelsQuoting('other workspace quote');
    await p.projections.saveGraph(other, m.graph, 1);
    await p.projections.saveScoring(other, 1, m, { lens: 'default', evaluatedAt: new Date() });
    const [a, b] = m.findings.map((f) => f.id);
    // A finding's sealed data copied onto its sibling (same workspace, another id).
    await p.dataSource.query(`UPDATE finding SET data_sealed = (SELECT data_sealed FROM finding WHERE workspace_id = $1 AND id = $2) WHERE workspace_id = $1 AND id = $3`, [other, a, b]);
    await expect(p.projections.findings(other)).rejects.toMatchObject({ code: 'data_tampered', message: expect.stringContaining(`finding:${other}:${b}:data`) });
    await expect(p.projections.openFindings(other)).rejects.toMatchObject({ code: 'data_tampered' });
    // The same finding id in another workspace: the workspace is in the authenticated data.
    await p.dataSource.query(`UPDATE finding SET data_sealed = (SELECT data_sealed FROM finding WHERE workspace_id = $1 AND id = $3) WHERE workspace_id = $2 AND id = $3`, [wsId, other, a]);
    await p.dataSource.query(`DELETE FROM finding WHERE workspace_id = $1 AND id = $2`, [other, b]);
    await expect(p.projections.findings(other)).rejects.toMatchObject({ code: 'data_tampered', message: expect.stringContaining(`finding:${other}:${a}:data`) });
    // A graph moved between workspaces, and a flipped byte in a score.
    await p.dataSource.query(`UPDATE graph_projection SET graph_sealed = (SELECT graph_sealed FROM graph_projection WHERE workspace_id = $1) WHERE workspace_id = $2`, [wsId, other]);
    await expect(p.projections.graph(other)).rejects.toMatchObject({ code: 'data_tampered', message: expect.stringContaining(`graph_projection:${other}:graph`) });
    await p.dataSource.query(`UPDATE score SET data_sealed = set_byte(data_sealed, 39, get_byte(data_sealed, 39) # 255) WHERE workspace_id = $1`, [other]);
    await expect(p.projections.score(other)).rejects.toMatchObject({ code: 'data_tampered' });
    // The untouched workspace still reads; the tampered one's read models are dropped, out of reach of the rotation test.
    expect((await p.projections.graph(wsId))!.graph.systems[0]!.evidence[0]!.quote).toContain(MARKER);
    for (const t of ['graph_projection', 'finding', 'score', 'system_node', 'flow_edge']) await p.dataSource.query(`DELETE FROM ${t} WHERE workspace_id = $1`, [other]);
  }, 60_000);

  it('a flipped byte in a blob, or an analysis copied onto another document, fails loudly instead of reading garbage', async () => {
    const a = await storeDocument('tamper target alpha');
    const b = await storeDocument('tamper target bravo');
    // Flipped (XOR), not overwritten with a constant: one random ciphertext in 256 already holds any given byte,
    // and then nothing was tampered with (seen once in CI).
    await p.dataSource.query(`UPDATE blob SET content = set_byte(content, 34, get_byte(content, 34) # 255) WHERE sha256 = $1`, [a.sha256]);
    await expect(p.documents.content(a.sha256)).rejects.toMatchObject({ code: 'data_tampered', message: expect.stringContaining(`blob:${a.sha256}`) });
    const chunked = async () => {
      for await (const _ of p.documents.contentChunks(a.sha256, 5)) { /* read to the end, where the tag is checked */ }
    };
    await expect(chunked()).rejects.toMatchObject({ code: 'data_tampered' });
    await p.dataSource.query('UPDATE document SET analysis_sealed = (SELECT analysis_sealed FROM document WHERE id = $2) WHERE id = $1', [a.id, b.id]);
    await expect(p.documents.get(a.id)).rejects.toMatchObject({ code: 'data_tampered' });
    expect((await p.documents.get(b.id)).analysis).toEqual({ type: 'contract', text: 'tamper target bravo' });
    // Put the rows back out of reach of the rotation test below: a tampered row stops re-encryption by design.
    await p.dataSource.query('DELETE FROM fact WHERE document_id = $1', [a.id]);
    await p.dataSource.query('DELETE FROM document WHERE id = $1', [a.id]);
    await p.dataSource.query('DELETE FROM blob WHERE sha256 = $1', [a.sha256]);
  }, 60_000);

  it('rows stored in clear before encryption stay readable; rotation re-encrypts them and the old key\'s rows under the new key', async () => {
    const legacy = storedContent(`legacy clear upload ${MARKER}`);
    const legacyId = '00000000-0000-4000-8000-000000000001';
    await p.dataSource.query('INSERT INTO blob (sha256, size, content, redacted) VALUES ($1, $2, $3, false)', [legacy.sha256, legacy.size, legacy.content]);
    await p.dataSource.query(`INSERT INTO document (id, workspace_id, sha256, file_name, size, type, status, analysis) VALUES ($1, $2, $3, 'legacy.md', $4, 'contract', 'processed', $5::jsonb)`,
      [legacyId, wsId, legacy.sha256, legacy.size, JSON.stringify({ type: 'contract', text: `legacy ${MARKER}` })]);
    await p.dataSource.query(`INSERT INTO fact (document_id, workspace_id, name, value, evidence, confidence, extractor) VALUES ($1, $2, 'law_enforcement_disclosure', 'null', $3::jsonb, 0.5, 'rules@1')`,
      [legacyId, wsId, JSON.stringify([{ quote: `legacy quote ${MARKER}` }])]);
    expect((await p.documents.content(legacy.sha256)).toString()).toBe(`legacy clear upload ${MARKER}`);
    const clearPieces: Buffer[] = [];
    for await (const c of p.documents.contentChunks(legacy.sha256, 4)) clearPieces.push(c);
    expect(Buffer.concat(clearPieces).toString()).toBe(`legacy clear upload ${MARKER}`);
    expect((await p.documents.get(legacyId)).analysis).toEqual({ type: 'contract', text: `legacy ${MARKER}` });
    // A row from before projection inputs gives its analysis to be reduced by the reader.
    expect((await p.documents.projectionInputs([legacyId])).get(legacyId)).toEqual({ analysis: { type: 'contract', text: `legacy ${MARKER}` }, bytes: expect.any(Number) });
    // Read models from before sealing: a clear finding beside the sealed ones, and a clear graph and score.
    const legacyModels = readModelsQuoting(`legacy read model ${MARKER}`, 'system:legacy');
    const legacyWs = (await p.workspaces.ensure('Legacy Practice')).workspace.id;
    await p.dataSource.query(`INSERT INTO finding (workspace_id, id, kind, severity, data, first_seen_at, last_seen_at) VALUES ($1, $2, 'contract_gap', 'high', $3::jsonb, now(), now())`,
      [wsId, legacyModels.findings[0]!.id, JSON.stringify(legacyModels.findings[0])]);
    await p.dataSource.query(`INSERT INTO graph_projection (workspace_id, version, event_seq, graph, updated_at) VALUES ($1, 1, 1, $2::jsonb, now())`, [legacyWs, JSON.stringify(legacyModels.graph)]);
    await p.dataSource.query(`INSERT INTO score (workspace_id, total, data, graph_version, computed_at, lens, rule_errors) VALUES ($1, 42, $2::jsonb, 1, now(), 'default', $3::jsonb)`,
      [legacyWs, JSON.stringify(legacyModels.score), JSON.stringify(legacyModels.ruleErrors)]);
    expect((await p.projections.findings(wsId)).map((f) => f.detail).filter((d) => d.includes('legacy read model'))).toHaveLength(1);
    expect((await p.projections.graph(legacyWs))!.graph).toEqual(legacyModels.graph);
    expect((await p.projections.score(legacyWs))!.ruleErrors).toEqual(legacyModels.ruleErrors);
    expect((await storedBytes(p)).includes(Buffer.from(MARKER))).toBe(true);

    const k2 = randomBytes(32);
    const ring2 = new DataKeyring('k2', new Map([['k2', k2], ['k1', k1]]));
    const sealed = new SealedDataRepository(p.dataSource, ring2);
    const census = await sealed.census();
    expect(census.blobs).toEqual({ clear: 1, k1: 2 });
    expect(census.evidence).toEqual({ clear: 1, k1: 2 * FACT_NAMES.length });
    expect({ graphs: census.graphs, findings: census.findings, scores: census.scores }).toEqual({ graphs: { clear: 1, k1: 1 }, findings: { clear: 1, k1: 2 }, scores: { clear: 1, k1: 1 } });
    const result = await sealed.reencrypt();
    expect(result).toEqual({ activeKeyId: 'k2', blobs: 3, analyses: 3, evidence: 2 * FACT_NAMES.length + 1, graphs: 2, findings: 3, scores: 2 });
    expect(await sealed.census()).toEqual({
      activeKeyId: 'k2', blobs: { k2: 3 }, analyses: { k2: 3 }, evidence: { k2: 2 * FACT_NAMES.length + 1 }, graphs: { k2: 2 }, findings: { k2: 3 }, scores: { k2: 2 },
    });
    expect((await sealed.reencrypt()).blobs).toBe(0);
    // Projection inputs moved with their analyses: none is left under k1.
    expect(await p.dataSource.query(`SELECT count(*)::int AS n FROM document WHERE projection_sealed IS NOT NULL AND projection_key_id IS DISTINCT FROM 'k2'`)).toEqual([{ n: 0 }]);
    expect((await storedBytes(p)).includes(Buffer.from(MARKER))).toBe(false);

    // After re-encryption the old key can be retired: the new key alone reads everything.
    const onlyK2 = new Persistence(p.dataSource, new DataKeyring('k2', new Map([['k2', k2]])));
    expect((await onlyK2.documents.content(legacy.sha256)).toString()).toBe(`legacy clear upload ${MARKER}`);
    expect((await onlyK2.documents.facts(legacyId))!.law_enforcement_disclosure.evidence[0]!.quote).toBe(`legacy quote ${MARKER}`);
    expect((await onlyK2.documents.list(wsId)).map((d) => JSON.stringify(d.analysis)).filter((t) => t.includes(MARKER))).toHaveLength(2);
    const ids = (await onlyK2.documents.list(wsId, { analysis: false })).map((d) => d.id);
    expect([...(await onlyK2.documents.projectionInputs(ids)).values()].map((r) => JSON.stringify(r.projection ?? r.analysis)).filter((t) => t.includes(MARKER))).toHaveLength(2);
    // Read models too: the one sealed under k1 and the clear ones, all under k2 now.
    expect((await onlyK2.projections.graph(wsId))!.graph.systems[0]!.evidence[0]!.quote).toBe(`read model quote ${MARKER}`);
    expect((await onlyK2.projections.graph(legacyWs))!.graph).toEqual(legacyModels.graph);
    expect((await onlyK2.projections.findings(wsId)).map((f) => f.detail).sort()).toEqual([`legacy read model ${MARKER}`, `read model quote ${MARKER}`, `read model quote ${MARKER}`]);
    expect(await onlyK2.projections.score(legacyWs)).toMatchObject({ score: legacyModels.score, ruleErrors: legacyModels.ruleErrors });
    expect((await onlyK2.projections.score(wsId))!.ruleErrors[0]!.message).toContain(MARKER);
    await expect(p.documents.content(legacy.sha256)).rejects.toMatchObject({ code: 'data_key_missing', message: expect.stringContaining('data key k2') });
    await expect(p.projections.findings(wsId)).rejects.toMatchObject({ code: 'data_key_missing' });
  }, 60_000);
});

describe(`re-encryption of a finding's page head (${mode})`, () => {
  const k1 = randomBytes(32);
  const p = persistenceForFile(new DataKeyring('k1', new Map([['k1', k1]])));

  it('leaves no head under the retired key: a page that cuts instances still opens every finding with the new key alone', async () => {
    const ws = (await p.workspaces.ensure('Wide Sealed Practice')).workspace.id;
    const m = readModelsQuoting('wide sealed');
    const installs = Array.from({ length: MAX_INSTANCES_PER_FINDING + 20 }, (_, i) => ({ subject: `system:install-${i}`, system: `system:install-${i}`, severity: 'high', evidence: [{ quote: `install ${i}` }] }) as FindingInstance);
    const wide = { ...m.findings[0]!, id: 'wide@vendor:scribe', instances: installs } as Finding;
    await p.projections.saveScoring(ws, 1, { ...m, findings: [wide] }, { lens: 'default', evaluatedAt: new Date() });
    expect(await p.dataSource.query(`SELECT count(*)::int AS n FROM finding WHERE workspace_id = $1 AND head_sealed IS NOT NULL`, [ws])).toEqual([{ n: 1 }]);

    const k2 = randomBytes(32);
    await new SealedDataRepository(p.dataSource, new DataKeyring('k2', new Map([['k2', k2], ['k1', k1]]))).reencrypt();
    const onlyK2 = new Persistence(p.dataSource, new DataKeyring('k2', new Map([['k2', k2]])));
    const page = await onlyK2.projections.findingsPage(ws, false, { limit: 5, instances: 3 });
    expect(page.items).toEqual([expect.objectContaining({ id: wide.id, instances: installs.slice(0, 3), instanceCount: installs.length })]);
  }, 60_000);
});

describe(`re-encryption beside a writer still on the old key (${mode})`, () => {
  const k1 = randomBytes(32);
  const p = persistenceForFile(new DataKeyring('k1', new Map([['k1', k1]])));

  // A document's analysis and evidence are written once (its outcome); the read models are rewritten by every
  // projection and scoring, so they are where a writer and a re-encryption run meet.
  it('a graph, score and finding written under the old key after re-encryption read them are not overwritten with what it read', async () => {
    const ws = (await p.workspaces.ensure('Racing Practice')).workspace.id;
    const older = readModelsQuoting('older read model');
    const newer = readModelsQuoting('newer read model');
    await p.projections.saveGraph(ws, older.graph, 1);
    await p.projections.saveScoring(ws, 1, older, { lens: 'default', evaluatedAt: new Date() });

    // A server started before the rotation (k1 still its active key) writes between the read and the reseal.
    const k2 = randomBytes(32);
    const wrote = new Set<string>();
    const writer = async (kind: string) => {
      if (wrote.has(kind)) return;
      wrote.add(kind);
      if (kind === 'graphs') await p.projections.saveGraph(ws, newer.graph, 2);
      if (kind === 'findings' || kind === 'scores') await p.projections.saveScoring(ws, 2, newer, { lens: 'default', evaluatedAt: new Date() });
    };
    const ring2 = new DataKeyring('k2', new Map([['k2', k2], ['k1', k1]]));
    await new SealedDataRepository(p.dataSource, ring2, writer).reencrypt();
    expect([...wrote].sort()).toEqual(['findings', 'graphs', 'scores']);

    const both = new Persistence(p.dataSource, ring2);
    expect((await both.projections.graph(ws))!.graph).toEqual(newer.graph);
    expect((await both.projections.findings(ws)).map((f) => f.detail)).toEqual(['newer read model', 'newer read model']);
    expect((await both.projections.score(ws))!.ruleErrors).toEqual(newer.ruleErrors);
    // The rows the writer sealed under k1 meanwhile are moved by the next run, newer content and all.
    await new SealedDataRepository(p.dataSource, ring2).reencrypt();
    const onlyK2 = new Persistence(p.dataSource, new DataKeyring('k2', new Map([['k2', k2]])));
    expect((await onlyK2.projections.graph(ws))!.graph).toEqual(newer.graph);
    expect((await onlyK2.projections.findings(ws)).map((f) => f.detail)).toEqual(['newer read model', 'newer read model']);
    expect((await onlyK2.projections.score(ws))!.ruleErrors).toEqual(newer.ruleErrors);
  }, 60_000);
});

describe(`custody keys rotate-data-key (${mode})`, () => {
  const cli = useCliDatabase(registerAdmin);
  const run = cli.run;

  it('adds a key to the file, re-encrypts what the old key sealed, and what was stored reads back with the file\'s keys', async () => {
    await run('keys', 'data-key-status');
    const file = join(cli.home, 'keys', 'data-keys.json');
    const first = JSON.parse(readFileSync(file, 'utf8')) as { active: string };
    expect(cli.out[0]).toBe(`active data key ${first.active} (from the key file)`);

    const before = openDataKeyring({ keyFile: file }).keyring;
    const p = await Persistence.open(cli.url, before, 1);
    const { workspace } = await p.workspaces.ensure('Rotating Practice');
    const doc = storedContent(`rotate me ${MARKER}`);
    await p.documents.ingest({ workspaceId: workspace.id, fileName: 'r.md', ...doc });
    await p.close();

    await run('keys', 'rotate-data-key');
    const after = JSON.parse(readFileSync(file, 'utf8')) as { active: string; keys: Record<string, string> };
    expect(after.active).not.toBe(first.active);
    expect(Object.keys(after.keys)).toContain(first.active);
    expect(cli.out).toContain(`re-encrypted under ${after.active}: 1 blobs, 0 analyses, 0 evidence rows, 0 graphs, 0 findings, 0 scores`);
    expect(cli.out.at(-1)).toBe(`now: blobs ${after.active} 1; analyses none; evidence none; graphs none; findings none; scores none`);

    const q = await Persistence.open(cli.url, openDataKeyring({ keyFile: file }).keyring, 1);
    try {
      const [row] = await q.dataSource.query('SELECT key_id FROM blob WHERE sha256 = $1', [doc.sha256]);
      expect(row.key_id).toBe(after.active);
      expect((await q.documents.content(doc.sha256)).toString()).toBe(`rotate me ${MARKER}`);
    } finally {
      await q.close();
    }
  }, 120_000);

  it('with the keys in CUSTODY_DATA_KEYS it will not invent a key, and says how to rotate', async () => {
    process.env.CUSTODY_DATA_KEYS = `envkey:${randomBytes(32).toString('base64')}`;
    try {
      await expect(run('keys', 'rotate-data-key')).rejects.toMatchObject({ code: 'data_keys_from_env', message: expect.stringContaining('rotate-data-key --no-new-key') });
    } finally {
      delete process.env.CUSTODY_DATA_KEYS;
    }
  }, 120_000);
});
