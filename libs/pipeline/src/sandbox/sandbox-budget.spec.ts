import { SandboxProcess, type ProcessLimits, type RunOutcome } from './sandbox-process.js';

/**
 * The time budget is CPU time (cpu-budget.ts), with a wall-clock backstop: a real sandbox process burning CPU is
 * killed at about its CPU budget; one starved (stopped with SIGSTOP past its budget, as a loaded machine would
 * starve it, then continued) reads its document; one blocked without CPU is killed by the backstop.
 */
describe('SandboxProcess time budget', () => {
  const started: SandboxProcess[] = [];
  afterAll(() => started.forEach((p) => p.stop()));
  async function sandbox(limits: Pick<ProcessLimits, 'timeoutMs' | 'wallFactor'>): Promise<SandboxProcess> {
    const p = new SandboxProcess({ heapMb: 256, rssMb: 1024, ...limits }, () => undefined);
    started.push(p);
    await p.ready;
    return p;
  }
  const read = (p: SandboxProcess, text: string): Promise<RunOutcome> => p.run({ op: 'analyze', fileName: 'contracts/doc.txt', options: {} }, Buffer.from(text));
  const quick = 'BUSINESS ASSOCIATE AGREEMENT\n\nBusiness Associate shall notify Covered Entity of any Breach within ten (10) days.';
  // Seconds of CPU to read, far past the budget below.
  const slow = `SERVICES AGREEMENT\n\n${'Vendor shall protect Customer Data and notify Customer of any breach within ten (10) days. '.repeat(60_000)}`;

  it('kills a document burning CPU at about its CPU budget, and says so with the figures', async () => {
    // Backstop far away: only the CPU budget can stop it, however slowly the loaded machine runs it.
    const p = await sandbox({ timeoutMs: 300, wallFactor: 100 });
    const r = await read(p, slow);
    expect(r.ok).toBe(false);
    const m = /^parsing used more than its CPU budget of 300 ms \((\d+) ms CPU in (\d+) ms\); stopped$/.exec(r.ok ? '' : r.detail);
    expect(m).not.toBeNull();
    expect(r.ok || r.kind).toBe('timeout');
    const cpu = Number(m![1]);
    expect(cpu).toBeGreaterThanOrEqual(300);
    expect(cpu).toBeLessThan(900);
  }, 120_000);

  it('reads a document whose process was starved longer than its budget: waiting is not using the budget', async () => {
    const p = await sandbox({ timeoutMs: 2000, wallFactor: 30 });
    process.kill(p.pid!, 'SIGSTOP');
    const resume = setTimeout(() => process.kill(p.pid!, 'SIGCONT'), 3500);
    try {
      const r = await read(p, quick);
      expect(r.ok ? 'ok' : `${r.kind}: ${r.detail}`).toBe('ok');
      // It waited past the budget in wall time and was not killed (before, a wall-time budget killed it at 2 s).
      expect(r.ms).toBeGreaterThan(3000);
    } finally {
      clearTimeout(resume);
    }
  }, 120_000);

  it('kills a process blocked without using CPU at the wall-clock backstop', async () => {
    const p = await sandbox({ timeoutMs: 500, wallFactor: 2 });
    process.kill(p.pid!, 'SIGSTOP');
    const r = await read(p, quick);
    expect(r.ok).toBe(false);
    expect(r.ok || r.kind).toBe('timeout');
    expect(r.ok ? '' : r.detail).toMatch(/^parsing took longer than the wall-time backstop of 1000 ms \(\d+ ms, \d+ ms CPU of its 500 ms budget\); stopped$/);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
  }, 120_000);
});
