import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { lowerThreadPriority } from './service-thread.js';

/** A nice value a job thread may be given (config jobThreadNice). */
const NICE = 10;

/** The calling thread's nice value as the kernel keeps it (field 19 of /proc/thread-self/stat). */
const kernelNice = () => {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

// Lowers this test process's own thread, the real thing. Jest reuses its workers for later files, so the priority is
// put back afterwards where the process may raise it (as root, as CI runs); elsewhere the rest of that worker's files
// run at a lower priority, which changes no result.
describe('lowerThreadPriority', () => {
  let before: number | undefined;
  afterAll(() => {
    if (before === undefined) return;
    try {
      setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), before);
    } catch {
      // Not permitted: the worker keeps the lower priority.
    }
  });

  it('lowers the calling thread to the nice value asked and never raises it back (elsewhere than Linux: changes nothing)', () => {
    if (!existsSync('/proc/thread-self')) return void expect(lowerThreadPriority(NICE)).toBeUndefined();
    before = kernelNice();
    const target = Math.max(before, NICE);
    expect(lowerThreadPriority(NICE)).toBe(target);
    expect(kernelNice()).toBe(target);
    // A lower nice (a higher priority) would need a privilege: asked for, nothing changes.
    expect(lowerThreadPriority(target - 5)).toBe(target);
    expect(kernelNice()).toBe(target);
  });
});
