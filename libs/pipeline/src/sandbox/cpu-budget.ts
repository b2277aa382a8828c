import { readFileSync } from 'node:fs';

/**
 * A document's time budget counts the CPU its sandbox process spends on it, not wall time: on a loaded machine
 * (the job thread and sandboxes niced, starved by other busy processes) an honest large document — a
 * 10,000-install fleet export — was killed after 30.5 s of wall time having used a few seconds of CPU. The budget
 * is there to stop hostile inputs (endless loops, pathological regexes), and those burn CPU. A process that uses
 * none (blocked, or stopped) is still stopped by a wall-clock backstop, a multiple of the budget.
 */

/** Wall-clock backstop as a multiple of the CPU budget when none is configured (CUSTODY_PARSE_WALL_FACTOR). */
export const DEFAULT_WALL_FACTOR = 4;
/** Shortest re-arm: /proc counts CPU in clock ticks (10 ms at USER_HZ 100), finer checks learn nothing. */
const MIN_REARM_MS = 20;

/**
 * USER_HZ, the unit of /proc/PID/stat's times: fixed at 100 by the kernel's ABI on x86 and arm (not CONFIG_HZ).
 * Not asked of `getconf CLK_TCK`: a synchronous spawn on the worker's event loop for a constant.
 */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a process has used, all its threads counted (/proc/PID/stat sums the thread
 * group: V8's GC and compiler threads included); undefined when it cannot be read (not Linux, or gone).
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Field 3 (state) is fields[0]: utime is field 14, stime field 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

export interface BudgetState {
  /** CPU budget of one document (ms); the wall-clock backstop is `wallFactor` times it. */
  cpuBudgetMs: number;
  wallFactor: number;
  /** Wall time since the document was sent (ms). */
  elapsedMs: number;
  /** CPU the process used on the document so far (ms); undefined when it cannot be read: wall time is the budget. */
  cpuUsedMs: number | undefined;
}

/**
 * What to do when a document's timer fires: kill (with a message that names the budget exceeded and its
 * figures), or look again in `rearmMs` — when the CPU budget would run out at the soonest, or the backstop.
 */
export function checkBudget(s: BudgetState): { kill: string } | { rearmMs: number } {
  const budget = s.cpuBudgetMs;
  const elapsed = Math.round(s.elapsedMs);
  if (s.cpuUsedMs === undefined) {
    if (s.elapsedMs >= budget) return { kill: `parsing took longer than ${budget} ms (wall time: CPU time unreadable here); stopped` };
    return { rearmMs: Math.max(1, budget - s.elapsedMs) };
  }
  const used = Math.round(s.cpuUsedMs);
  if (s.cpuUsedMs >= budget) return { kill: `parsing used more than its CPU budget of ${budget} ms (${used} ms CPU in ${elapsed} ms); stopped` };
  const backstop = budget * s.wallFactor;
  if (s.elapsedMs >= backstop) return { kill: `parsing took longer than the wall-time backstop of ${backstop} ms (${elapsed} ms, ${used} ms CPU of its ${budget} ms budget); stopped` };
  // A busy thread uses CPU no faster than wall time passes, so the budget cannot run out much sooner (V8's GC
  // threads can add a little: the overshoot is at most about one re-arm's worth).
  return { rearmMs: Math.max(MIN_REARM_MS, Math.min(budget - s.cpuUsedMs, backstop - s.elapsedMs)) };
}
