import type { AnalysisResult, AnalyzeOptions } from '@custody/audit';

/** One document for a sandbox process to read. */
export interface SandboxRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: Pick<AnalyzeOptions, 'maxBytes' | 'llm' | 'redactions' | 'vendors' | 'maxInflatedBytes' | 'maxPages'>;
}

export type SandboxReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: AnalysisResult; ms: number }
  | { type: 'error'; id: number; error: string };
