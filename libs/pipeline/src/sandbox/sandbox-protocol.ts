import type { AnalysisResult, AnalyzeOptions, PreparedContent } from '@custody/audit';

/**
 * One job for a sandbox process: `analyze` reads a stored document (the worker's extract step); `prepare`
 * hashes, decodes and redacts an upload before it is stored (the upload request, off the API's event loop).
 */
export type SandboxRequest = { id: number; bytes: Uint8Array; fileName: string } & (
  | { op: 'analyze'; options: Pick<AnalyzeOptions, 'maxBytes' | 'llm' | 'redactions' | 'vendors' | 'maxInflatedBytes' | 'maxPages'> }
  | { op: 'prepare' }
);

export type SandboxReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: AnalysisResult | PreparedContent; ms: number }
  | { type: 'error'; id: number; error: string };
