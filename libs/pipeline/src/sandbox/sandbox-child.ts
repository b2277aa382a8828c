/**
 * Entry point of a parsing sandbox process (forked by SandboxProcess). It reads one document at a time:
 * format detection, decoding, DOCX/PDF/HTML/JSON/YAML parsing and extraction all happen here, never in the
 * worker or API process, so a document that exhausts memory or time takes down only this process.
 * Messages carry bytes and results (IPC with structured-clone serialisation); nothing is logged, since
 * error text can quote the document.
 */
import { analyzeDocument, prepareForStorage, type AnalyzeOptions } from '@custody/audit';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol.js';

const send = (m: SandboxReply) => process.send?.(m);

process.on('message', (msg: SandboxRequest) => {
  void (async () => {
    const started = performance.now();
    try {
      const result = msg.op === 'prepare'
        ? prepareForStorage(msg.bytes, msg.fileName)
        : await analyzeDocument(msg.bytes, msg.fileName, msg.options as AnalyzeOptions);
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
