/**
 * Entry point of a parsing sandbox process (forked by SandboxProcess). It reads one document at a time:
 * format detection, decoding, DOCX/PDF/HTML/JSON/YAML parsing and extraction all happen here, never in the
 * worker or API process, so a document that exhausts memory or time takes down only this process.
 * The document's bytes come on a data pipe, requests and results as IPC messages (structured clone); nothing
 * is logged, since error text can quote the document.
 */
import { Socket } from 'node:net';
import { analyzeDocument, prepareForStorage, projectionInput, type AnalysisResult, type AnalyzeOptions } from '@custody/audit';
import { DATA_FD, type SandboxReply, type SandboxRequest, type StoredAnalysis } from './sandbox-protocol.js';

const send = (m: SandboxReply) => process.send?.(m);

// The document's bytes arrive on the data pipe, ahead of (or racing) the message that says how many there are.
const pending: Buffer[] = [];
let pendingBytes = 0;
let arrived: (() => void) | undefined;
new Socket({ fd: DATA_FD, readable: true, writable: false }).on('data', (chunk: Buffer) => {
  pending.push(chunk);
  pendingBytes += chunk.length;
  arrived?.();
}).on('error', () => undefined); // the parent went away: 'disconnect' below ends this process

async function take(size: number): Promise<Buffer> {
  while (pendingBytes < size) await new Promise<void>((resolve) => (arrived = resolve));
  arrived = undefined;
  const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
  pending.length = 0;
  pendingBytes = all.length - size;
  if (pendingBytes) pending.push(all.subarray(size));
  return all.subarray(0, size);
}

process.on('message', (msg: SandboxRequest) => {
  void (async () => {
    const bytes = await take(msg.size);
    const started = performance.now();
    try {
      // Serialising the analysis and deriving its projection input are this process's work, not the worker's.
      const stored = ({ analysis, ...r }: AnalysisResult): StoredAnalysis => ({
        ...r,
        ...(analysis ? { analysisJson: Buffer.from(JSON.stringify(analysis), 'utf8'), projection: projectionInput(analysis) } : {}),
        ...(analysis?.type === 'contract' ? { facts: analysis.extraction.facts } : {}),
      });
      const result = msg.op === 'prepare'
        ? prepareForStorage(bytes, msg.fileName)
        : stored(await analyzeDocument(bytes, msg.fileName, msg.options as AnalyzeOptions));
      send({ type: 'result', id: msg.id, result, ms: performance.now() - started });
    } catch (err) {
      // analyzeDocument reports bad input as an outcome; a throw here is a bug. Its message can quote input.
      send({ type: 'error', id: msg.id, error: (err as Error)?.name ?? 'Error' });
    }
  })();
});

// The parent is the only reason to live: if it goes, so does this process.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
