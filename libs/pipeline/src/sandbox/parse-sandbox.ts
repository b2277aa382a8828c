import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { CustodyConfig } from '@custody/config';
import { CONFIG } from '../tokens.js';
import { sandboxLimits } from './sandbox-limits.js';
import { SandboxPool } from './sandbox-pool.js';

// The pool, its limits and its analyses each in their own file; re-exported here, the pipeline's sandbox module.
export type { SandboxLimits } from './sandbox-limits.js';
export { sandboxLimits } from './sandbox-limits.js';
export type { SandboxAnalysis, SandboxOptions, SandboxRun } from './sandbox-analysis.js';
export type { SandboxStats } from './sandbox-pool.js';
export { SandboxPool } from './sandbox-pool.js';


/** The pipeline's sandbox, sized and budgeted from config; processes start on first use. */
@Injectable()
export class ParseSandbox extends SandboxPool implements OnModuleDestroy {
  constructor(@Inject(CONFIG) config: CustodyConfig) {
    super({ ...sandboxLimits(config), spare: 1, warmUp: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}

/**
 * The upload path's sandbox: scans large uploads for secrets (prepareForStorage) off the API's event loop,
 * in its own two processes so uploads never wait behind the worker's extraction. The scan is linear, so its
 * time budget is generous (a 50 MB upload takes seconds).
 */
@Injectable()
export class UploadSandbox extends SandboxPool implements OnModuleDestroy {
  constructor(@Inject(CONFIG) config: CustodyConfig) {
    super({ ...sandboxLimits(config), poolSize: 2, timeoutMs: Math.max(60_000, 2 * config.parseTimeoutMs) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
