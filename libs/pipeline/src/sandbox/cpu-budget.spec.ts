import { checkBudget, processCpuMs } from './cpu-budget.js';

/** The budget's decisions on given figures (a fake clock and CPU reader); sandbox-budget.spec runs real processes. */
describe('checkBudget', () => {
  const at = (elapsedMs: number, cpuUsedMs: number | undefined) => checkBudget({ cpuBudgetMs: 1000, wallFactor: 4, elapsedMs, cpuUsedMs });

  it('kills a document that used its CPU budget, naming the budget and the figures', () => {
    expect(at(1000, 1000)).toEqual({ kill: 'parsing used more than its CPU budget of 1000 ms (1000 ms CPU in 1000 ms); stopped' });
    expect(at(2500, 1180)).toEqual({ kill: 'parsing used more than its CPU budget of 1000 ms (1180 ms CPU in 2500 ms); stopped' });
  });

  it('re-arms a starved document for the CPU it has left, however long it waited under the backstop', () => {
    expect(at(1000, 50)).toEqual({ rearmMs: 950 });
    expect(at(3500, 950)).toEqual({ rearmMs: 50 });
    // Never shorter than a clock tick or two: /proc counts CPU in 10 ms ticks.
    expect(at(1500, 995)).toEqual({ rearmMs: 20 });
  });

  it('re-arms no later than the wall-clock backstop, and kills past it whatever CPU was used', () => {
    expect(at(3800, 100)).toEqual({ rearmMs: 200 });
    expect(at(4000, 100)).toEqual({ kill: 'parsing took longer than the wall-time backstop of 4000 ms (4000 ms, 100 ms CPU of its 1000 ms budget); stopped' });
  });

  it('counts wall time where CPU time cannot be read, as before', () => {
    expect(at(400, undefined)).toEqual({ rearmMs: 600 });
    expect(at(1000, undefined)).toEqual({ kill: 'parsing took longer than 1000 ms (wall time: CPU time unreadable here); stopped' });
  });
});

describe('processCpuMs', () => {
  it('reads a live process\'s CPU time from /proc, which grows as it works; nothing for a process that is not there', () => {
    const before = processCpuMs(process.pid)!;
    const t0 = process.cpuUsage();
    let x = 0;
    while ((process.cpuUsage(t0).user) < 200_000) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const after = processCpuMs(process.pid)!;
    // 200 ms of user CPU, read in 10 ms ticks (USER_HZ 100: a wrong unit would be off by far more than the
    // process's other threads add).
    expect(after - before).toBeGreaterThanOrEqual(180);
    expect(after - before).toBeLessThan(1000);
    expect(processCpuMs(2 ** 22 + 12345)).toBeUndefined();
    expect(processCpuMs(undefined)).toBeUndefined();
  });
});
