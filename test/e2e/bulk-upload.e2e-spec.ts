import { basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { collectFiles } from '@custody/audit';
import { workspaceRoutes } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { REPO, waitUntil } from '../support/processes.js';

const EXAMPLE = join(REPO, 'examples/harborview-counseling');
const FINAL = ['processed', 'unparsed', 'failed'];

type Item = { fileName: string; documentId?: string; status?: string; created?: boolean; error?: { code: string; message: string } };

/** The bulk upload route (issue 11): many files in one request, stored together, read in batches, scored once. */
describe(`bulk upload (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  let workspaceId: string;
  const { api, json } = workspaceRoutes(() => ({ base: t.base, ws, key }));
  const documents = () => json<{ id: string; fileName: string; status: string; reason?: string }[]>('/documents');
  const drained = async () => {
    const health = (await (await fetch(`${t.base}/api/health`)).json()) as { queue: { pending: number } };
    return health.queue.pending === 0 && (await documents()).every((d) => FINAL.includes(d.status)) && Boolean((await json<{ graphVersion?: number }>('/score')).graphVersion);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Bulk Practice');
    ws = workspace.slug;
    workspaceId = workspace.id;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 300_000);
  afterAll(() => t?.close());

  it('stores a whole practice in one multipart request, one result per file in order, and reads and scores it all', async () => {
    const files = collectFiles([EXAMPLE]);
    const form = new FormData();
    // Multipart file names are base names (multer drops a path); JSON uploads keep relative paths.
    for (const f of files) form.append('file', new Blob([readFileSync(f)]), basename(f));
    // The same bytes twice in one request: stored once, the second answers the first's document.
    form.append('file', new Blob([readFileSync(files[0]!)]), 'copy-of-first');
    const res = await fetch(`${t.base}/api/workspaces/${ws}/documents/bulk`, { method: 'POST', body: form, headers: { 'x-api-key': key } });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { documents: Item[]; accepted: number; refused: number };
    expect(body).toMatchObject({ accepted: files.length + 1, refused: 0 });
    expect(body.documents.map((d) => d.fileName)).toEqual([...files.map((f) => basename(f)), 'copy-of-first']);
    expect(body.documents.slice(0, -1).every((d) => d.created === true && d.status === 'received')).toBe(true);
    expect(body.documents.at(-1)).toMatchObject({ created: false, documentId: body.documents[0]!.documentId });
    await waitUntil(drained, 300_000, 'bulk upload processed and scored').catch(async (err: Error) => {
      // Where it stood: the documents' statuses and the queue.
      throw new Error(`${err.message}: ${JSON.stringify((await documents()).map((d) => d.status))}, health ${JSON.stringify(await (await fetch(`${t.base}/api/health`)).json())}`);
    });
    const docs = await documents();
    expect(docs).toHaveLength(files.length);
    // The practice's README is documentation, not read: every other file is.
    expect(docs.filter((d) => d.status !== 'processed').map((d) => `${d.fileName} ${d.status}`)).toEqual(['README.md unparsed']);
    // One DocumentReceived each, appended together and chained like any others.
    const received = (await t.runtime.persistence.events.since(workspaceId, 0, 10_000)).filter((e) => e.type === 'DocumentReceived');
    expect(received.map((e) => (e.payload as { documentId: string }).documentId).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(await t.runtime.persistence.events.verifyChain(workspaceId)).toMatchObject({ ok: true });
    // The same as one upload at a time would give: the example's findings.
    expect((await json<{ findings: unknown[] }>('/audit')).findings.length).toBeGreaterThan(0);
  }, 400_000);

  it('refuses a bad file alone, with its reason, and stores the others', async () => {
    const before = (await documents()).length;
    const res = await api('/documents/bulk', { method: 'POST', body: JSON.stringify({ files: [
      { fileName: 'bulk-policy-a.md', content: '# Privacy Policy\n\nWe will never sell your personal information.\n' },
      { fileName: 'bad\u0001name.md', content: '# Notes\n' },
      { fileName: 'no-content.md' },
      { fileName: 'bulk-policy-b.md', contentBase64: Buffer.from('# Privacy Policy\n\nWe do not sell or rent your personal information.\n').toString('base64') },
    ] }) });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { documents: Item[]; accepted: number; refused: number };
    expect(body).toMatchObject({ accepted: 2, refused: 2 });
    const [a, badName, noContent, b] = body.documents;
    expect(a).toMatchObject({ fileName: 'bulk-policy-a.md', created: true });
    expect(badName).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/file name/) } });
    expect(noContent).toMatchObject({ fileName: 'no-content.md', error: { code: 'invalid_input', message: expect.stringMatching(/files\[2\]/) } });
    expect(b).toMatchObject({ fileName: 'bulk-policy-b.md', created: true });
    await waitUntil(drained, 120_000, 'bulk upload processed');
    const docs = await documents();
    expect(docs).toHaveLength(before + 2);
    expect(docs.filter((d) => d.fileName.startsWith('bulk-policy-')).map((d) => d.status)).toEqual(['processed', 'processed']);
  }, 180_000);

  it('answers a request without files with 400 and stores nothing', async () => {
    const before = (await documents()).length;
    for (const body of [{}, { files: [] }, { files: 'x' }]) {
      const res = await api('/documents/bulk', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_input', message: expect.stringMatching(/multipart field "file"/) });
    }
    expect((await documents()).length).toBe(before);
  });

  it('answers a JSON upload of more files than the limit with 413 and stores nothing, as multipart does', async () => {
    const before = (await documents()).length;
    const limit = t.runtime.config.maxUploadFiles;
    const files = Array.from({ length: limit + 1 }, (_, i) => ({ fileName: `note-${i}.md`, content: `# Note ${i}\n` }));
    const res = await api('/documents/bulk', { method: 'POST', body: JSON.stringify({ files }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large', details: { files: limit + 1, limit } });
    expect((await documents()).length).toBe(before);
  });
});
