/**
 * Where extraction's CPU time goes over the 740 OTA documents (index.json), phase by phase: loading
 * (format detection, HTML/Markdown/PDF to text), the shared context (sentences, structure, identification,
 * definitions), each fact reader in extractFacts' order, calibration, and the evidence re-quoting of
 * extractDocument. Readers share the context's clause cache, so the first reader that asks for a sentence's
 * clauses pays for them. For profiling the speed target of issue 7:
 *
 *   npx tsx test/bench/support/extraction-phases.ts [--rounds N]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/support/extraction-phases.ts
 *
 * Prints totals only, never a document's facts.
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactSet } from '@custody/domain';
import { loadDocument } from '@custody/extraction';
import { abstain, calibrateFacts } from '../../../libs/extraction/src/calibration/calibrate.js';
import { factContext } from '../../../libs/extraction/src/extract-facts.js';
import { extractAiTraining } from '../../../libs/extraction/src/facts/ai-training.extractor.js';
import { extractBaaOffered } from '../../../libs/extraction/src/facts/baa-offered.extractor.js';
import { extractBreachNotice } from '../../../libs/extraction/src/facts/breach-notice.extractor.js';
import { extractDataSaleMarketing } from '../../../libs/extraction/src/facts/data-sale-marketing.extractor.js';
import { extractDeidentified } from '../../../libs/extraction/src/facts/deidentified-data.extractor.js';
import type { FactContext } from '../../../libs/extraction/src/facts/fact-context.js';
import { extractLawEnforcement } from '../../../libs/extraction/src/facts/law-enforcement.extractor.js';
import { extractOffshore } from '../../../libs/extraction/src/facts/offshore.extractor.js';
import { extractRecordOwnership } from '../../../libs/extraction/src/facts/record-ownership.extractor.js';
import { extractRecordingRetention } from '../../../libs/extraction/src/facts/recording-retention.extractor.js';
import { extractReturnOrDestroy } from '../../../libs/extraction/src/facts/return-or-destroy.extractor.js';
import { extractSubcontractorFlowdown } from '../../../libs/extraction/src/facts/subcontractor-flowdown.extractor.js';
import { extractSubprocessors } from '../../../libs/extraction/src/facts/subprocessors.extractor.js';
import { quoteFromSource } from '../../../libs/extraction/src/source-evidence.js';
import { arg } from './args.js';
import { OTA_DIR, OTA_DOCS } from './extraction-corpora.js';

const READERS: [keyof FactSet, (ctx: FactContext) => unknown][] = [
  ['baa_offered', extractBaaOffered],
  ['breach_notice_days', extractBreachNotice],
  ['subcontractor_flowdown', extractSubcontractorFlowdown],
  ['subprocessors_named', extractSubprocessors],
  ['ai_training_on_customer_data', extractAiTraining],
  ['deidentified_data_use', extractDeidentified],
  ['data_sale_or_marketing', extractDataSaleMarketing],
  ['law_enforcement_disclosure', extractLawEnforcement],
  ['record_ownership', extractRecordOwnership],
  ['return_or_destroy_on_termination', extractReturnOrDestroy],
  ['audio_or_recording_retention_days', extractRecordingRetention],
  ['offshore_processing', extractOffshore],
];

const rounds = Number(arg('--rounds') ?? 1);
const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string }[] };
const files = index.documents.map((d) => ({ path: d.path, bytes: readFileSync(join(OTA_DOCS, d.path)) }));
const cpu = new Map<string, number>();
const add = (phase: string, c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  cpu.set(phase, (cpu.get(phase) ?? 0) + c.user + c.system);
};
let bytesTotal = 0;
for (let r = 0; r < rounds; r++) {
  for (const f of files) {
    bytesTotal += f.bytes.length;
    let c0 = process.cpuUsage();
    const doc = await loadDocument(f.bytes, f.path);
    add('load', c0);
    c0 = process.cpuUsage();
    const sections = doc.sections && doc.sections.length > 0 ? doc.sections : undefined;
    const { ctx } = factContext(doc.text, { ...(sections ? { sections } : {}), ...(doc.links ? { links: doc.links } : {}) });
    add('context', c0);
    const facts = {} as Record<string, unknown>;
    for (const [name, read] of READERS) {
      c0 = process.cpuUsage();
      facts[name] = read(ctx);
      add(`fact ${name}`, c0);
    }
    c0 = process.cpuUsage();
    calibrateFacts(facts as unknown as FactSet, ctx);
    abstain(facts as unknown as FactSet);
    add('calibration', c0);
    c0 = process.cpuUsage();
    quoteFromSource({ document: { parties: [], textLength: doc.text.length, kind: 'other' }, facts } as never, doc);
    add('evidence', c0);
  }
}
const total = [...cpu.values()].reduce((a, b) => a + b, 0);
const mb = bytesTotal / (1024 * 1024);
for (const [phase, us] of cpu) console.log(`${phase.padEnd(40)} ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %`);
console.log(`${files.length} documents x ${rounds}, ${mb.toFixed(1)} MB, ${(total / 1e6).toFixed(2)} s CPU = ${(mb / (total / 1e6)).toFixed(2)} MB/s per core`);
