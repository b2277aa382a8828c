import type { CustodyConfig } from '@custody/config';
import type { ProcessLimits } from './sandbox-process.js';

/** How a sandbox pool is sized and budgeted, and those limits read from config. */

export interface SandboxLimits extends ProcessLimits {
  /** Sandbox processes kept warm (one document each at a time). */
  poolSize: number;
  maxInflatedBytes: number;
  maxPages: number;
  /** Most systems, flows and consents one config may declare (analyzeDocument's maxDeclarations). */
  maxDeclarations?: number;
  /**
   * A process is replaced after this many documents (default MAX_RUNS_PER_PROCESS), a backstop: a slow leak
   * is caught by retireRssMb long before.
   */
  maxRunsPerProcess?: number;
  /**
   * A process whose resident memory after a document is above this many MB is replaced rather than reused
   * (default: half of rssMb), so memory a parser leaks cannot accumulate until a document is killed over the
   * budget.
   */
  retireRssMb?: number;
  /**
   * Warm processes kept beyond poolSize. With one, a process killed over a budget still leaves poolSize warm
   * ones while its replacement starts, so the next document (often another workspace's) never waits for a
   * cold start.
   */
  spare?: number;
}

/**
 * Documents a sandbox process reads before it is replaced whatever its memory (issue 11). A replacement costs
 * ~1.6 s of CPU (start, loading the parsers, warm-up, then its first few hundred documents read before V8 has
 * optimised the extraction code at ~2× the warm cost): measured on 1,560 bench BAAs through a pool of two,
 * children 6.6 ms CPU per document when replaced every 500 against 4.2-4.9 when kept
 * (test/bench/support/sandbox-recycle.ts). Leaks are caught by resident memory instead (retireRssMb).
 */
export const MAX_RUNS_PER_PROCESS = 5000;

export function sandboxLimits(config: CustodyConfig): SandboxLimits {
  return {
    poolSize: config.workerConcurrency,
    timeoutMs: config.parseTimeoutMs,
    wallFactor: config.parseWallFactor,
    heapMb: config.parseHeapMb,
    rssMb: config.parseRssMb,
    maxInflatedBytes: config.parseMaxInflatedBytes,
    maxPages: config.parseMaxPages,
    maxDeclarations: config.parseMaxDeclarations,
  };
}
