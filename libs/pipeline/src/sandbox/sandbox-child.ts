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

/** Clauses of the built-in warm-up contracts (never a client's text); `{n}` varies from sample to sample. */
const WARM_UP_CLAUSES = [
  'Business Associate shall not use or disclose Protected Health Information other than as permitted or required by this Agreement or as Required by Law.',
  'Business Associate shall report to Covered Entity any Breach of Unsecured Protected Health Information no later than {n} calendar days after discovery.',
  'Business Associate shall ensure that any subcontractors that receive Protected Health Information agree to the same restrictions and conditions.',
  'Upon termination of this Agreement, Business Associate shall return or destroy all Protected Health Information received from Covered Entity within {n} days.',
  'Business Associate shall not use Protected Health Information to train machine learning models, and shall not sell it.',
  'Business Associate shall implement administrative, physical, and technical safeguards, including encryption of electronic Protected Health Information in transit and at rest.',
  'Business Associate shall make its internal practices, books, and records available to the Secretary for purposes of determining compliance with HIPAA.',
  'Business Associate shall retain audit logs of access to Protected Health Information for {n} months and provide them to Covered Entity upon request.',
  'Business Associate shall not store or process Protected Health Information outside the United States without the prior written consent of Covered Entity.',
  'Business Associate shall notify Covered Entity of any Security Incident within {n} business days and cooperate in its investigation.',
];

/** Samples read before saying ready: enough for V8 to optimise the extraction code (see warmUp). */
const WARM_UP_SAMPLES = 40;
/** CPU the warm-up may take, and wall time (a loaded machine): a head start, never a long start. */
const WARM_UP_CPU_MS = 1000;
const WARM_UP_WALL_MS = 5000;

/**
 * Sample `i` of the kinds an ingest burst is mostly made of: a ~4 KB contract in plain text (now and then in
 * Markdown, or as an HTML page, which is read for its trackers), each with its own parties, numbers and clause order so V8 sees varied input rather than
 * one text, and every eighth a custody.yaml.
 */
function warmUpSample(i: number): [string, string] {
  if (i % 8 === 7) {
    const systems = Array.from({ length: 1 + (i % 5) }, (_, k) => `  - { id: vendor${k + 1}, name: "Sample Vendor ${k + 1}", role: ${k % 2 ? 'ehr' : 'cloud_storage'} }`);
    const flows = systems.map((_, k) => `  - { from: practice, to: vendor${k + 1}, data: [progress_notes, demographics], transport: https, purpose: operations }`);
    return ['warm-up/custody.yaml', ['practice: { name: Sample Practice, jurisdiction: US-CA, lenses: [default] }', 'systems:', ...systems, 'flows:', ...flows].join('\n')];
  }
  let contract = `BUSINESS ASSOCIATE AGREEMENT\n\nThis Business Associate Agreement is entered into between Sample Practice ${i} ("Covered Entity") and Sample Vendor ${i}, Inc. ("Business Associate").\n\n`;
  for (let n = 1; contract.length < 4096; n++) contract += `${n}. ${WARM_UP_CLAUSES[(i + n) % WARM_UP_CLAUSES.length]!.replace('{n}', String(5 + ((i * 7 + n) % 60)))}\n\n`;
  if (i % 8 === 3) return [`warm-up/baa-${i}.md`, `# ${contract.replace(/\n\n(\d+)\. /g, '\n\n## Section $1\n\n')}`];
  if (i % 8 === 5) return [`warm-up/baa-${i}.html`, `<html><body>${contract.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</body></html>`];
  return [`warm-up/baa-${i}.txt`, contract];
}

/**
 * Reads sample documents before this process says ready (WARM_UP_ARG), so V8 compiles and optimises the
 * extraction code on these rather than on a client's first documents. Measured in one process (built code) on
 * the bench's 4 KB BAAs, CPU per document over windows of 25: 22, 5, 6, 5, 11 (optimising), then 3-5 ms; and
 * through the sandbox pool, whose processes had read 10 samples and then shared 120 documents, 8-9.7 ms per
 * document in the sandbox against 3.4-3.7 in a process that had read 250. A few dozen varied samples (about
 * 0.5-1 s CPU, paid once per sandbox process before it takes work) get most of the way: the first 20 bench
 * BAAs after 10 samples 9.8 ms CPU each, after 64 5.9. Capped at 40 samples, 1 s CPU and 5 s wall: a worker or
 * an embedded serve starting on a loaded machine (three sandbox processes warming at once) does not start
 * much later than before.
 */
async function warmUp(): Promise<void> {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const c0 = cpu();
  const t0 = performance.now();
  for (let i = 0; i < WARM_UP_SAMPLES && cpu() - c0 < WARM_UP_CPU_MS && performance.now() - t0 < WARM_UP_WALL_MS; i++) {
    const [name, text] = warmUpSample(i);
    try {
      stored(await analyzeDocument(Buffer.from(text, 'utf8'), name, {}));
    } catch {
      // Only a head start: a sample that fails changes nothing for real documents.
    }
  }
}

async function handle(msg: SandboxRequest): Promise<void> {
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
}

// One document a message, or a batch's documents in one message (SandboxProcess.runMany): read in order, one
// at a time, each answered as soon as it is read.
let reading = Promise.resolve();
process.on('message', (msg: SandboxRequest | SandboxRequest[]) => {
  reading = reading.then(async () => {
    for (const one of Array.isArray(msg) ? msg : [msg]) await handle(one);
  });
});

// The parent is the only reason to live: if it goes, so does this process.
process.on('disconnect', () => process.exit(0));
if (process.argv.includes(WARM_UP_ARG)) await warmUp();
send({ type: 'ready' });
