import { startTestApp, type TestApp } from '../support/app.js';
import { waitUntil } from '../support/processes.js';

/**
 * Secret redaction on every text encoding, failing closed (issue 12): a config that looks binary to a naive
 * check (one NUL byte, UTF-16) is still text, and its secrets must not come back from any route. Content
 * that cannot be decoded at all is not stored and fails with a reason.
 */
const PASSWORD = 'Nul-Byte-Pa55word-4417';
const YAML_PASSWORD = 'Utf16-Yaml-Secret-8823';
const BE_PASSWORD = 'Utf16-Be-NoBom-Secret-5501';

function utf16le(s: string, bom: boolean): Buffer {
  const body = Buffer.from(s, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return be;
}

describe(`secrets in any text encoding (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let key: string;
  let ws: string;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${t.base}/api/workspaces/${ws}${path}`, { ...init, headers: { 'x-api-key': key, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const upload = async (fileName: string, bytes: Buffer) => {
    const res = await api('/documents', { method: 'POST', body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }) });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const docs = async () => (await (await api('/documents')).json()) as { id: string; fileName: string; status: string; reason?: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    const { workspace } = await t.runtime.persistence.workspaces.ensure('Encoding Practice');
    ws = workspace.slug;
    key = (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key;
  }, 120_000);
  afterAll(() => t?.close());

  it('redacts a JSON config with one NUL byte and UTF-16 YAML (LE with BOM, BE without), and never serves the passwords', async () => {
    const json = Buffer.from(`{"database": {"host": "db.internal", "user": "app", "password": "${PASSWORD}"},\u0000 "url": "https://api.vendor.test/v1"}`, 'utf8');
    expect(json.includes(0)).toBe(true);
    const yaml = `service:\n  url: https://notes.vendor.test/api\n  username: clinic\n  password: ${YAML_PASSWORD}\n`;
    const ids = [
      await upload('configs/db.json', json),
      await upload('configs/notes-le.yaml', utf16le(yaml, true)),
      await upload('configs/notes-be.yaml', utf16be(yaml.replace(YAML_PASSWORD, BE_PASSWORD))),
    ];
    await waitUntil(async () => (await docs()).every((d) => ['processed', 'unparsed', 'failed'].includes(d.status)), 90_000, 'documents finished');
    const served: string[] = [];
    for (const id of ids) {
      const res = await api(`/documents/${id}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      served.push(body);
      // The secret was found (so it is reported as a finding), not merely missed.
      expect(body).toMatch(/"kind":"password"/);
    }
    for (const path of ['/documents', '/graph', '/findings', '/audit', '/audit-log', '/report?format=json']) {
      const res = await api(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      served.push(await res.text());
    }
    const all = served.join('\n');
    for (const secret of [PASSWORD, YAML_PASSWORD, BE_PASSWORD]) expect(all).not.toContain(secret);
    // The stored bytes themselves hold no secret either.
    for (const id of ids) {
      const d = await t.runtime.persistence.documents.get(id);
      const stored = (await t.runtime.persistence.documents.content(d.sha256)).toString('latin1');
      for (const secret of [PASSWORD, YAML_PASSWORD, BE_PASSWORD]) {
        expect(stored).not.toContain(secret);
        expect(stored).not.toContain(Buffer.from(secret, 'utf16le').toString('latin1'));
      }
    }
  }, 180_000);

  it('fails closed: content that cannot be decoded as text is not stored, and the document fails with a reason', async () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 131 + 7) % 256;
    const id = await upload('configs/mystery.cfg', Buffer.concat([Buffer.from(`password=${PASSWORD}\n`), noise]));
    const doc = (await docs()).find((d) => d.id === id)!;
    expect(doc.status).toBe('failed');
    expect(doc.reason).toMatch(/mystery\.cfg.*could not be scanned for secrets/);
    const res = await api(`/documents/${id}`);
    expect(await res.text()).not.toContain(PASSWORD);
    const sha = (await t.runtime.persistence.documents.get(id)).sha256;
    expect((await t.runtime.persistence.documents.content(sha)).length).toBe(0);
  }, 60_000);
});
