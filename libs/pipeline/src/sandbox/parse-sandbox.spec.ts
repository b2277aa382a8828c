import { createHash } from 'node:crypto';
import { smallDocx, zipBombDocx } from '../../../../test/fixtures/hostile/hostile-inputs.js';
import { SandboxPool } from './parse-sandbox.js';

/**
 * The parsing sandbox with small budgets: each over-budget document ends as `failed` with the budget as its
 * reason, its process is replaced, and the next document is read normally. Budgets are tiny here so the
 * hostile inputs stay small (the full catalogue is `npm run bench:hostile`).
 */
describe('SandboxPool', () => {
  // A time budget far above what these need even on a loaded machine, so only the budget under test stops them.
  const pool = new SandboxPool({ poolSize: 1, timeoutMs: 150_000, heapMb: 96, rssMb: 400, maxInflatedBytes: 2 * 1024 * 1024, maxPages: 3 });
  afterAll(() => pool.close());

  const good = () => smallDocx('BUSINESS ASSOCIATE AGREEMENT\nBusiness Associate shall notify Covered Entity of any Breach within thirty (30) days.');

  it('reads a document in another process and returns its analysis', async () => {
    const r = await pool.analyze(good(), 'contracts/baa.docx');
    expect(r.status).toBe('processed');
    expect(r.type).toBe('contract');
    // The analysis comes serialised (the worker seals it as it is), with its projection input and facts beside it.
    const analysis = JSON.parse(r.analysisJson!.toString('utf8'));
    expect(Buffer.isBuffer(r.analysisJson)).toBe(true);
    expect(analysis.type).toBe('contract');
    expect(r.projection).toEqual({ v: 1, analysis });
    expect(r.facts).toEqual(analysis.extraction.facts);
    expect(r.facts!.breach_notice_days.value).toBe(30);
    expect(r.sandbox.pid).toBeDefined();
    expect(r.sandbox.pid).not.toBe(process.pid);
  }, 60_000);

  it('reads a document streamed in pieces; a stream that fails at its end rejects the read and its process is replaced', async () => {
    const bytes = good();
    async function* pieces(fail: boolean) {
      for (let at = 0; at < bytes.length; at += 100) yield bytes.subarray(at, at + 100);
      if (fail) throw Object.assign(new Error('the stored blob failed its integrity check'), { code: 'data_tampered' });
    }
    const r = await pool.analyze(pieces(false), 'contracts/streamed.docx');
    expect(r.status).toBe('processed');
    expect(r.type).toBe('contract');
    const before = pool.stats;
    const spawned = before.spawned;
    const documents = before.documents;
    await expect(pool.analyze(pieces(true), 'contracts/tampered.docx')).rejects.toMatchObject({ code: 'data_tampered' });
    const next = await pool.analyze(good(), 'contracts/after-tamper.docx');
    expect(next.status).toBe('processed');
    expect(next.sandbox.pid).not.toBe(r.sandbox.pid);
    expect(pool.stats.spawned).toBe(spawned + 1);
    expect(pool.stats.documents).toBe(documents + 1);
  }, 120_000);

  it('scans an upload for secrets in the sandbox: the hash is of the original, the stored text is redacted', async () => {
    const secret = 'Tr0ub4dor-horse-staple-91';
    const original = Buffer.from(JSON.stringify({ service: 'export', database: { host: 'db.example.org', password: secret } }, null, 2));
    const p = await pool.prepare(original, 'configs/export.json');
    expect(p.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(p.redacted).toBe(true);
    expect(Buffer.isBuffer(p.content)).toBe(true);
    expect(p.content.toString('utf8')).toContain('db.example.org');
    expect(p.content.toString('utf8')).not.toContain(secret);
  }, 60_000);

  it('fails a DOCX whose zip lies about its size with too_large, counted while inflating', async () => {
    // Declares 4 KB, inflates to 8 MB: over the 2 MB budget whatever the directory says.
    const r = await pool.analyze(zipBombDocx(8, true), 'contracts/lying.docx');
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^contracts\/lying\.docx: too_large: .*inflates to more than 2 MB/);
  }, 60_000);

  it('fails JSON nested past the limit with too_complex', async () => {
    const deep = Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    const r = await pool.analyze(deep, 'configs/deep.json');
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^configs\/deep\.json: too_complex: /);
  }, 60_000);

  it('stops a parse that outgrows its heap with too_large, replaces the process, and reads the next document', async () => {
    const before = pool.stats.spawned;
    // ~400k small values: under the node-count budget, but far over a 96 MB heap with the path→line map.
    const big = Buffer.from(JSON.stringify({ rows: Array.from({ length: 400_000 }, (_, i) => ({ id: `row-${i}`, host: `h${i}.example.org` })) }));
    const r = await pool.analyze(big, 'configs/huge.json');
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^configs\/huge\.json: too_large: /);
    const next = await pool.analyze(good(), 'contracts/after.docx');
    expect(next.status).toBe('processed');
    expect(pool.stats.spawned).toBe(before + 1);
    expect(pool.stats.stopped.too_large).toBeGreaterThanOrEqual(1);
  }, 240_000);

  it('reads a batch in one process with one request: the same analyses as one by one, in order', async () => {
    const docs = [1, 2, 3].map((n) => ({ bytes: smallDocx(`BUSINESS ASSOCIATE AGREEMENT\nBusiness Associate shall notify Covered Entity of any Breach within ${n * 10} days.`), fileName: `contracts/baa-${n}.docx` }));
    const documents = pool.stats.documents;
    const many = await pool.analyzeMany(docs);
    expect(many.map((r) => r.facts!.breach_notice_days.value)).toEqual([10, 20, 30]);
    expect(new Set(many.map((r) => r.sandbox.pid)).size).toBe(1);
    expect(pool.stats.documents).toBe(documents + 3);
    for (const [k, d] of docs.entries()) expect(many[k]!.analysisJson!.toString('utf8')).toBe((await pool.analyze(d.bytes, d.fileName)).analysisJson!.toString('utf8'));
  }, 120_000);

  it('a batch document over its budget fails alone: those before it keep their outcomes, those after it are read in another process', async () => {
    const big = Buffer.from(JSON.stringify({ rows: Array.from({ length: 400_000 }, (_, i) => ({ id: `row-${i}`, host: `h${i}.example.org` })) }));
    const spawned = pool.stats.spawned;
    const r = await pool.analyzeMany([
      { bytes: good(), fileName: 'contracts/before.docx' },
      { bytes: big, fileName: 'configs/huge.json' },
      { bytes: good(), fileName: 'contracts/after-1.docx' },
      { bytes: good(), fileName: 'contracts/after-2.docx' },
    ]);
    expect(r.map((x) => x.status)).toEqual(['processed', 'failed', 'processed', 'processed']);
    expect(r[1]!.reason).toMatch(/^configs\/huge\.json: too_large: /);
    expect(r[0]!.sandbox.pid).toBe(r[1]!.sandbox.pid);
    expect(r[2]!.sandbox.pid).not.toBe(r[1]!.sandbox.pid);
    expect(r[3]!.sandbox.pid).toBe(r[2]!.sandbox.pid);
    expect(r[2]!.facts!.breach_notice_days.value).toBe(30);
    expect(pool.stats.spawned).toBe(spawned + 1);
  }, 240_000);
});

describe('SandboxPool time budget', () => {
  // A budget no real read of a 2 MB contract can meet, so the kill is certain, not a race.
  const pool = new SandboxPool({ poolSize: 1, spare: 1, timeoutMs: 10, wallFactor: 3000, heapMb: 256, rssMb: 1024, maxInflatedBytes: 1 << 26, maxPages: 100 });
  afterAll(() => pool.close());

  it('kills a parse past its CPU time with timeout and starts its replacement at once, beside the warm spare', async () => {
    pool.warm();
    expect(pool.stats.spawned).toBe(2);
    const text = Buffer.from(`SERVICES AGREEMENT\n\n${'Vendor shall protect Customer Data and notify Customer of any breach. '.repeat(30_000)}`);
    const r = await pool.analyze(text, 'contracts/slow.txt');
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^contracts\/slow\.txt: timeout: parsing used more than its CPU budget of 10 ms \(\d+ ms CPU in \d+ ms\)/);
    expect(pool.stats.stopped.timeout).toBe(1);
    // The killed process was replaced at once, before any next document asked for one (no cold start on demand).
    expect(pool.stats.spawned).toBe(3);
  }, 60_000);
});

describe('SandboxPool warm start', () => {
  const limits = { poolSize: 1, spare: 1, timeoutMs: 150_000, heapMb: 256, rssMb: 1024, maxInflatedBytes: 1 << 26, maxPages: 100 };
  const warmed = new SandboxPool({ ...limits, warmUp: true });
  const plain = new SandboxPool(limits);
  afterAll(() => Promise.all([warmed.close(), plain.close()]));

  it('warm() resolves once every process it started is ready (a job processor waits for it before taking jobs)', async () => {
    const starting = warmed.warm();
    expect(warmed.stats.spawned).toBe(2);
    expect(warmed.idleCount).toBe(0);
    await starting;
    expect(warmed.idleCount).toBe(2);
    // Nothing more to start: resolves at once and spawns nothing.
    await warmed.warm();
    expect(warmed.stats.spawned).toBe(2);
  }, 120_000);

  it('reading the built-in samples first leaves nothing behind: a document reads the same in a warmed and a plain process', async () => {
    const doc = Buffer.from('BUSINESS ASSOCIATE AGREEMENT\n\nBusiness Associate shall notify Covered Entity of any Breach within ten (10) days.\n\nBusiness Associate shall not sell Protected Health Information.');
    const [a, b] = await Promise.all([warmed.analyze(doc, 'contracts/baa.txt'), plain.analyze(doc, 'contracts/baa.txt')]);
    expect(a.status).toBe('processed');
    expect(a.facts!.breach_notice_days.value).toBe(10);
    expect(a.analysisJson!.toString('utf8')).toBe(b.analysisJson!.toString('utf8'));
    // The samples are not counted as documents.
    expect(warmed.stats.documents).toBe(1);
  }, 120_000);
});

describe('SandboxPool process retirement', () => {
  const limits = { poolSize: 1, timeoutMs: 150_000, heapMb: 256, rssMb: 1024, maxInflatedBytes: 1 << 26, maxPages: 100 };
  const doc = (n: number) => ({ bytes: Buffer.from(`BUSINESS ASSOCIATE AGREEMENT\n\nBusiness Associate shall notify Covered Entity of any Breach within ${10 + (n % 50)} days.`), fileName: `contracts/baa-${n}.txt` });

  it('keeps a process whose memory stays low past 500 documents: a replacement pays its start and warm-up again (issue 11)', async () => {
    const pool = new SandboxPool(limits);
    try {
      const pids = new Set<number>();
      for (let b = 0; b < 6; b++) {
        const read = await pool.analyzeMany(Array.from({ length: 100 }, (_, k) => doc(b * 100 + k)));
        expect(read.every((r) => r.status === 'processed')).toBe(true);
        for (const r of read) pids.add(r.sandbox.pid!);
      }
      expect(pids.size).toBe(1);
      expect(pool.stats.spawned).toBe(1);
      expect(pool.stats.documents).toBe(600);
      // Nothing a long-lived process read before changes an analysis: the same as a fresh process reads it.
      const fresh = new SandboxPool(limits);
      try {
        const [again, first] = await Promise.all([pool.analyze(doc(7).bytes, doc(7).fileName), fresh.analyze(doc(7).bytes, doc(7).fileName)]);
        expect(again.sandbox.pid).toBe([...pids][0]);
        expect(again.analysisJson!.toString('utf8')).toBe(first.analysisJson!.toString('utf8'));
      } finally {
        await fresh.close();
      }
    } finally {
      await pool.close();
    }
  }, 240_000);

  it('replaces a process whose resident memory after a document is above retireRssMb, and reads the next one in the new process', async () => {
    // Every process holds more than 1 MB: each is retired after its document.
    const pool = new SandboxPool({ ...limits, retireRssMb: 1 });
    try {
      const first = await pool.analyze(doc(1).bytes, doc(1).fileName);
      const second = await pool.analyze(doc(2).bytes, doc(2).fileName);
      expect([first.status, second.status]).toEqual(['processed', 'processed']);
      expect(second.facts!.breach_notice_days.value).toBe(12);
      expect(second.sandbox.pid).not.toBe(first.sandbox.pid);
      // Each retired process is replaced at once, the second's too.
      expect(pool.stats.spawned).toBe(3);
    } finally {
      await pool.close();
    }
    // Three cold starts in a row: ~20 s each on a loaded 2-core box.
  }, 300_000);
});
