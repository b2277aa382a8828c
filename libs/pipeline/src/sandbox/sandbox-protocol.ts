import type { AnalysisResult, AnalyzeOptions, PreparedContent, ProjectionInput } from '@custody/audit';
import type { FactSet } from '@custody/domain';

/**
 * A document's analysis as the worker stores it: the full analysis already serialised (JSON, UTF-8), so the
 * worker seals bytes and never rebuilds a 40 MB object graph on its event loop (nor serialises it again);
 * beside it what the worker reads: the projection input and a contract's facts, both small.
 */
export interface StoredAnalysis extends Omit<AnalysisResult, 'analysis'> {
  analysisJson?: Buffer;
  projection?: ProjectionInput;
  facts?: FactSet;
}

/**
 * One job for a sandbox process: `analyze` reads a stored document (the worker's extract step); `prepare`
 * hashes, decodes and redacts an upload before it is stored (the upload request, off the API's event loop).
 * The document's bytes are not in the message: `size` bytes were written on the data pipe (DATA_FD) before it,
 * streamed, so a 50 MB document is never one IPC message nor whole in the sending process. A message may be an
 * array of requests (a batch's documents, SandboxProcess.runMany): their bytes were written in the same order,
 * and each is answered on its own as it is read.
 */
export type SandboxRequest = { id: number; size: number; fileName: string } & (
  | { op: 'analyze'; options: Pick<AnalyzeOptions, 'maxBytes' | 'llm' | 'redactions' | 'vendors' | 'maxInflatedBytes' | 'maxPages' | 'maxDeclarations'> }
  | { op: 'prepare' }
);

export type SandboxReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: StoredAnalysis | PreparedContent; ms: number }
  | { type: 'error'; id: number; error: string };

/** The child's file descriptor of the data pipe (stdio: ignore, ignore, pipe, ipc, data). */
export const DATA_FD = 4;

/** The argument that makes a sandbox process read sample documents before it says ready (ProcessLimits.warmUp). */
export const WARM_UP_ARG = '--warm-up';
