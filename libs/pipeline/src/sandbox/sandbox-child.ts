/**
 * Entry point of a parsing sandbox process (forked by SandboxProcess). It reads one document at a time:
 * format detection, decoding, DOCX/PDF/HTML/JSON/YAML parsing and extraction all happen here, never in the
 * worker or API process, so a document that exhausts memory or time takes down only this process.
 * The document's bytes come on a data pipe, requests and results as IPC messages (structured clone); nothing
 * is logged, since error text can quote the document.
 */
import { Socket } from 'node:net';
import { analyzeDocument, prepareForStorage, projectionInput, type AnalysisResult, type AnalyzeOptions } from '@custody/audit';
import { DATA_FD, WARM_UP_ARG, type SandboxReply, type SandboxRequest, type StoredAnalysis } from './sandbox-protocol.js';

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

// Serialising the analysis and deriving its projection input are this process's work, not the worker's.
const stored = ({ analysis, ...r }: AnalysisResult): StoredAnalysis => ({
  ...r,
  ...(analysis ? { analysisJson: Buffer.from(JSON.stringify(analysis), 'utf8'), projection: projectionInput(analysis) } : {}),
  ...(analysis?.type === 'contract' ? { facts: analysis.extraction.facts } : {}),
});

/** Clauses of the built-in warm-up contract (never a client's text). */
const WARM_UP_CLAUSES = [
  'Business Associate shall not use or disclose Protected Health Information other than as permitted or required by this Agreement or as Required by Law.',
  'Business Associate shall report to Covered Entity any Breach of Unsecured Protected Health Information no later than 30 calendar days after discovery.',
  'Business Associate shall ensure that any subcontractors that receive Protected Health Information agree to the same restrictions and conditions.',
  'Upon termination of this Agreement, Business Associate shall return or destroy all Protected Health Information received from Covered Entity.',
  'Business Associate shall not use Protected Health Information to train machine learning models, and shall not sell it.',
];

/**
 * Sample documents of the two kinds an ingest burst is mostly made of, a 4 KB contract in plain text and a
 * custody.yaml, read before this process says ready (WARM_UP_ARG), so V8 compiles and optimises the
 * extraction code on these rather than on a client's first documents. Measured in one process on the
 * bench's 4 KB BAAs: the first 23 took 20.7 ms CPU each, the next 23 10.0; after 8 sample reads (0.42 s CPU,
 * paid once per sandbox process, before it takes work) the first 23 took 12.7.
 */
function warmUpSamples(): [string, string][] {
  let contract = 'BUSINESS ASSOCIATE AGREEMENT\n\nThis Business Associate Agreement is entered into between Sample Practice ("Covered Entity") and Sample Vendor, Inc. ("Business Associate").\n\n';
  for (let n = 1; contract.length < 4096;) for (const c of WARM_UP_CLAUSES) contract += `${n++}. ${c}\n\n`;
  const manifest = [
    'practice: { name: Sample Practice, jurisdiction: US-CA, lenses: [default] }',
    'systems:',
    '  - { id: vendor1, name: "Sample Vendor", role: cloud_storage }',
    'flows:',
    '  - { from: practice, to: vendor1, data: [progress_notes, demographics], transport: https, purpose: operations }',
  ].join('\n');
  return [...Array.from({ length: 8 }, (): [string, string] => ['warm-up/baa.txt', contract]), ['warm-up/custody.yaml', manifest], ['warm-up/custody.yaml', manifest]];
}

async function warmUp(): Promise<void> {
  for (const [name, text] of warmUpSamples()) {
    try {
      stored(await analyzeDocument(Buffer.from(text, 'utf8'), name, {}));
    } catch {
      // Only a head start: a sample that fails changes nothing for real documents.
    }
  }
}

process.on('message', (msg: SandboxRequest) => {
  void (async () => {
    const bytes = await take(msg.size);
    const started = performance.now();
    try {
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
if (process.argv.includes(WARM_UP_ARG)) await warmUp();
send({ type: 'ready' });
