import type { AnalyzeOptions } from '@custody/audit';
import type { RunOutcome } from './sandbox-process.js';
import type { StoredAnalysis } from './sandbox-protocol.js';

/** What a caller asks of the sandbox for one document, and the analysis it gets back with where and how long it ran. */

export type SandboxOptions = Pick<AnalyzeOptions, 'maxBytes' | 'llm' | 'redactions' | 'vendors'>;

/** Where and how long one document ran in the sandbox. */
export interface SandboxRun { ms: number; peakRssMb: number; pid?: number }
export type SandboxAnalysis = StoredAnalysis & { sandbox: SandboxRun };

/** A document's analysis as the worker reads it, from its sandbox outcome. */
export function analysisOf(fileName: string, outcome: RunOutcome, sandbox: SandboxRun): SandboxAnalysis {
  if (outcome.ok) {
    // Structured clone turns a Buffer into a Uint8Array.
    const r = outcome.result as StoredAnalysis;
    return { ...r, ...(r.analysisJson ? { analysisJson: Buffer.from(r.analysisJson.buffer, r.analysisJson.byteOffset, r.analysisJson.byteLength) } : {}), sandbox };
  }
  return { type: 'unknown', status: 'failed', reason: reasonOf(fileName, outcome), sandbox };
}

export function reasonOf(fileName: string, o: Extract<RunOutcome, { ok: false }>): string {
  return o.kind === 'crashed' ? `${fileName}: ${o.detail}` : `${fileName}: ${o.kind}: ${o.detail}`;
}
