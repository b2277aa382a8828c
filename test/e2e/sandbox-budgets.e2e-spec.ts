import { startTestApp, type TestApp } from '../support/app.js';
import { waitUntil } from '../support/processes.js';
import { deepJson, deepYaml, multiPagePdf, smallDocx, zipBombDocx } from '../fixtures/hostile/hostile-inputs.js';

/**
 * Parsing budgets and per-workspace fairness through the real API and pipeline (embedded, or PostgreSQL +
 * Redis when DATABASE_URL and REDIS_URL are set). Budgets are small so the over-budget inputs stay small;
 * the full catalogue with big inputs is `npm run bench:hostile`.
 */

interface Doc {
  id: string;
  fileName: string;
  status: string;
  reason?: string;
  attempts?: number;
  processedAt?: string;
}

/**
 * A document's status with its reason and, unless it was processed, how many times its extraction started, so
 * a failure says which path failed it (a reason starting with the file name: the sandbox's outcome; with
 * `processing failed:`, its job) and after how many tries.
 */
const outcome = (d: Doc): string => `${d.status} ${d.reason ?? ''}${d.status === 'processed' ? '' : ` (attempts ${d.attempts})`}`.trim();

const FINAL = ['processed', 'unparsed', 'failed'];
const GOOD_TEXT = 'BUSINESS ASSOCIATE AGREEMENT\nBusiness Associate shall notify Covered Entity of any Breach within thirty (30) days.';

describe(`parsing budgets and fairness (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  const keys: Record<string, { slug: string; key: string }> = {};

  beforeAll(async () => {
    t = await startTestApp({
      // One job at a time, so the order jobs are taken in is what the test observes.
      CUSTODY_WORKER_CONCURRENCY: '1',
      CUSTODY_PARSE_MAX_INFLATED_BYTES: String(2 * 1024 * 1024),
      CUSTODY_PARSE_MAX_PAGES: '3',
    });
    for (const name of ['Flooding Practice', 'Quiet Practice']) {
      const { workspace } = await t.runtime.persistence.workspaces.ensure(name);
      keys[name] = { slug: workspace.slug, key: (await t.runtime.persistence.workspaces.createApiKey(workspace.id)).key };
    }
  }, 120_000);
  afterAll(() => t?.close());

  const upload = async (ws: string, fileName: string, bytes: Buffer) => {
    const res = await fetch(`${t.base}/api/workspaces/${keys[ws].slug}/documents`, {
      method: 'POST',
      headers: { 'x-api-key': keys[ws].key, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }),
    });
    expect(res.status).toBe(202);
  };
  const docs = async (ws: string): Promise<Doc[]> => {
    const res = await fetch(`${t.base}/api/workspaces/${keys[ws].slug}/documents`, { headers: { 'x-api-key': keys[ws].key } });
    return (await res.json()) as Doc[];
  };

  it('fails over-budget documents with their budget as reason, and another workspace\'s document is not queued behind them', async () => {
    const hostile: { file: string; bytes: Buffer; reason: RegExp }[] = [
      { file: 'contracts/lying-bomb.docx', bytes: zipBombDocx(8, true), reason: /^contracts\/lying-bomb\.docx: too_large: .*inflates to more than 2 MB/ },
      { file: 'contracts/honest-bomb.docx', bytes: zipBombDocx(8), reason: /^contracts\/honest-bomb\.docx: too_large: / },
      { file: 'contracts/many-pages.pdf', bytes: multiPagePdf(12, GOOD_TEXT), reason: /^contracts\/many-pages\.pdf: too_complex: PDF has 12 pages/ },
      { file: 'configs/deep.json', bytes: deepJson(5000), reason: /^configs\/deep\.json: too_complex: JSON nesting/ },
      { file: 'configs/deep.yaml', bytes: deepYaml(400), reason: /^configs\/deep\.yaml: too_complex: YAML nest/ },
    ];
    for (const h of hostile) await upload('Flooding Practice', h.file, h.bytes);
    // A backlog of ordinary documents from the same workspace, uploaded at once so that it is still waiting…
    await Promise.all(Array.from({ length: 20 }, (_, i) => upload('Flooding Practice', `notes/contract-${i}.txt`, Buffer.from(`${GOOD_TEXT}\nContract number ${i}.`))));
    // …then one document from another workspace, uploaded last.
    const quietUploadedAt = Date.now();
    await upload('Quiet Practice', 'contracts/quiet-baa.docx', smallDocx(GOOD_TEXT));

    await waitUntil(async () => [...(await docs('Flooding Practice')), ...(await docs('Quiet Practice'))].every((d) => FINAL.includes(d.status)), 240_000, 'all documents final');

    const flood = await docs('Flooding Practice');
    for (const h of hostile) {
      const d = flood.find((x) => x.fileName === h.file);
      expect({ file: h.file, status: d?.status }).toEqual({ file: h.file, status: 'failed' });
      expect(d?.reason).toMatch(h.reason);
    }
    const backlog = flood.filter((d) => d.fileName.startsWith('notes/'));
    expect(backlog.map(outcome)).toEqual(Array(20).fill('processed'));
    const [quiet] = await docs('Quiet Practice');
    expect(outcome(quiet)).toBe('processed');
    // Uploaded after all 25 of the other workspace's, yet ranked first among waiting jobs: of the documents
    // still waiting when it arrived, at most the few already taken or ranked 1 ran before it, not the backlog.
    // (Documents finished while the upload loop ran were never ahead of it; counting them measures the
    // machine's speed, not the queue's order.)
    const waiting = flood.filter((d) => Date.parse(d.processedAt!) > quietUploadedAt);
    expect(waiting.length).toBeGreaterThanOrEqual(8);
    const ranAhead = waiting.filter((d) => Date.parse(d.processedAt!) < Date.parse(quiet.processedAt!)).length;
    expect(ranAhead).toBeLessThan(5);
  }, 300_000);
});
