import type { IncrementalEvent, runIncremental } from './incremental-case.js';

/**
 * How bench:audit reports and judges its full-vs-incremental part (incremental-case.ts): the text lines per
 * fleet size, and the goals. The goal is judged on the first re-audit after the full audit; the second
 * re-audit of the same kind of change is reported beside it, labelled, so a note can quote both.
 */
export type IncOutcome = { ok: true; result: Awaited<ReturnType<typeof runIncremental>> } | { ok: false; error: string };
export interface AuditGoal { what: string; value: string; target: string; ok: boolean | null }

/** Incremental re-audit goal: at most 1/20 of the full audit of the same state. */
export const INCREMENTAL_GOAL = 1 / 20;

export function incrementalLines(size: number, outcome: IncOutcome): string[] {
  const head = `fleet ${size}, full vs incremental (CPU s, paired in one process):`;
  if (!outcome.ok) return [head, `  ${outcome.error}`];
  return [head, ...outcome.result.events.map((e) => [
    `  ${e.event}: full ${e.fullCpuSeconds} s, incremental ${e.incrementalCpuSeconds} s, ratio ${e.ratio} (first re-audit after the full audit; goal ≤ ${INCREMENTAL_GOAL}); ${e.mode}, ${e.rulesPartial} rules partial, full: ${e.rulesFull.join(', ') || 'none'}; steps (ms) ${JSON.stringify(e.incrementalMs)}, CPU ms ${JSON.stringify(e.incrementalCpuMs)}${e.threads ? `; main thread ${e.threads.mainMs} ms, V8 background threads (compiling, GC) ${e.threads.backgroundMs} ms` : ''}; equal to full: ${e.equal}`,
    `    second re-audit, warm (${e.second.event}, after the first): full ${e.second.fullCpuSeconds} s, incremental ${e.second.incrementalCpuSeconds} s, ratio ${e.second.ratio}; ${e.second.mode}, full: ${e.second.rulesFull.join(', ') || 'none'}; equal to full: ${e.second.equal}`,
    `    score job only (graph projected): full ${e.scoring.fullCpuSeconds} s, incremental ${e.scoring.incrementalCpuSeconds} s, ratio ${e.scoring.ratio}; equal: ${e.scoring.equal}`,
    `    projection job only: from scratch ${e.projection.fullCpuSeconds} s, from the memo ${e.projection.incrementalCpuSeconds} s, ratio ${e.projection.ratio}`,
    `    the first re-audit repeated (same state, its caches filled): incremental ${e.warm.incrementalCpuSeconds} s, ratio ${e.warm.ratio}; CPU ms ${JSON.stringify(e.warm.cpuMs)}; equal: ${e.warm.equal}`,
  ].join('\n'))];
}

/** Each event's incremental re-audit must equal the full audit and take at most 1/20 of its time. */
export function incrementalGoals(cases: { size: number; outcome: IncOutcome }[]): AuditGoal[] {
  return cases.flatMap(({ size, outcome }): AuditGoal[] => {
    if (!outcome.ok) return [{ what: `fleet ${size} incremental`, value: outcome.error, target: `≤ ${INCREMENTAL_GOAL} of full`, ok: false }];
    return outcome.result.events.flatMap((e: IncrementalEvent) => {
      const equal = e.equal && e.warm.equal && e.second.equal;
      return [{
        what: `fleet ${size} incremental, ${e.event}`, value: `first re-audit ${e.incrementalCpuSeconds} s vs ${e.fullCpuSeconds} s full = ${e.ratio}${equal ? '' : ', NOT equal to full'} (second, warm: ${e.second.ratio})`,
        target: `≤ ${INCREMENTAL_GOAL} of full, equal`, ok: equal && e.ratio <= INCREMENTAL_GOAL,
      }, {
        what: `fleet ${size} incremental score job, ${e.event}`, value: `${e.scoring.incrementalCpuSeconds} s vs ${e.scoring.fullCpuSeconds} s full = ${e.scoring.ratio}${e.scoring.equal ? '' : ', NOT equal to full'}`,
        target: `≤ ${INCREMENTAL_GOAL} of full, equal`, ok: e.scoring.equal && e.scoring.ratio <= INCREMENTAL_GOAL,
      }];
    });
  });
}
