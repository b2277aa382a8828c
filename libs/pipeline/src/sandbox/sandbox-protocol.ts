import type { AnalysisResult, AnalyzeOptions, PreparedContent, ProjectionInput } from '@custody/audit';

/**
 * One job for a sandbox process: `analyze` reads a stored document (the worker's extract step); `prepare`
 * hashes, decodes and redacts an upload before it is stored (the upload request, off the API's event loop).
 * The document's bytes are not in the message: `size` bytes were written on the data pipe (DATA_FD) before it,
 * streamed, so a 50 MB document is never one IPC message nor whole in the sending process.
 */
export type SandboxRequest = { id: number; size: number; fileName: string } & (
  | { op: 'analyze'; options: Pick<AnalyzeOptions, 'maxBytes' | 'llm' | 'redactions' | 'vendors' | 'maxInflatedBytes' | 'maxPages' | 'maxDeclarations'> }
  | { op: 'prepare' }
);

export type SandboxReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: (AnalysisResult & { projection?: ProjectionInput }) | PreparedContent; ms: number }
  | { type: 'error'; id: number; error: string };

/** The child's file descriptor of the data pipe (stdio: ignore, ignore, pipe, ipc, data). */
export const DATA_FD = 4;
