import { SandboxPool } from './parse-sandbox.js';
import type { SandboxProcess } from './sandbox-process.js';

/**
 * A sandbox process that dies while reading with no budget to blame (killed from outside, a native crash, or
 * gone while idle before its exit was noticed) says nothing about the document: the pool reads it once more in
 * another process, and only a second death is the document's outcome. (CI once saw a small DOCX end `failed`
 * with no budget reason, in an e2e whose cause was never found; this is the path that would do it.)
 */
describe('SandboxPool, a process that dies with no budget to blame', () => {
  const pool = new SandboxPool({ poolSize: 1, spare: 1, timeoutMs: 150_000, heapMb: 256, rssMb: 1024, maxInflatedBytes: 1 << 26, maxPages: 100 });
  afterAll(() => pool.close());

  // Slow enough to be caught mid-read on any machine (a few hundred ms to seconds of parsing).
  const slow = () => Buffer.from(`SERVICES AGREEMENT\n\n${'Vendor shall protect Customer Data and notify Customer of any breach within ten (10) days. '.repeat(30_000)}`);
  const quick = () => Buffer.from('BUSINESS ASSOCIATE AGREEMENT\n\nBusiness Associate shall notify Covered Entity of any Breach within ten (10) days.');

  /**
   * Kills, from outside, the next `times` processes seen reading (as an OOM killer or a crash would), while `read`
   * is unsettled; returns the pids killed.
   */
  async function killReaders<T>(read: Promise<T>, times: number): Promise<[T, number[]]> {
    const killed: number[] = [];
    let settled = false;
    void read.finally(() => (settled = true)).catch(() => undefined);
    while (killed.length < times && !settled) {
      const reading = [...(pool as unknown as { all: Set<SandboxProcess> }).all].find((p) => p.busy && p.pid && !killed.includes(p.pid));
      if (reading?.pid) {
        process.kill(reading.pid, 'SIGKILL');
        killed.push(reading.pid);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return [await read, killed];
  }

  it('reads the document again in another process after one such death', async () => {
    const [r, killed] = await killReaders(pool.analyze(slow(), 'contracts/slow.txt'), 1);
    expect(killed).toHaveLength(1);
    expect(`${r.status} ${r.reason ?? ''}`.trim()).toBe('processed');
    expect(r.facts!.breach_notice_days.value).toBe(10);
    expect(r.sandbox.pid).not.toBe(killed[0]);
  }, 120_000);

  it('in a batch, the document read when its process died is read again, and those after it too', async () => {
    const [rs, killed] = await killReaders(pool.analyzeMany([{ bytes: slow(), fileName: 'a.txt' }, { bytes: quick(), fileName: 'b.txt' }]), 1);
    expect(killed).toHaveLength(1);
    expect(rs.map((r) => `${r.status} ${r.reason ?? ''}`.trim())).toEqual(['processed', 'processed']);
  }, 120_000);

  it('a second death is the outcome: failed with the reason, not read a third time', async () => {
    const [r, killed] = await killReaders(pool.analyze(slow(), 'contracts/slow.txt'), 2);
    expect(killed).toHaveLength(2);
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/^contracts\/slow\.txt: the reader stopped unexpectedly \(SIGKILL\)/);
  }, 120_000);
});
