import type { AuditReport } from '@custody/domain';
import { CHUNK_CHARS, stableJson } from './render-json.js';

/** The `format` and `version` the NDJSON header line carries, so a reader can refuse a shape it does not know. */
export const NDJSON_FORMAT = 'custody-audit-ndjson';
export const NDJSON_VERSION = 2;

/**
 * Gives each distinct item of one kind an id (prefix + 1, 2, … in order of first use) and queues the lines of
 * new ones. A fleet repeats the same items on every install (a 10,000-install fleet: ~134,000 evidence items,
 * ~26,000 distinct; the vendor's BAA, facts and quotes, attached to each of its 10,000 installs), so the NDJSON
 * writes each once and refers to it by id. Items are the same when they are the same object or serialise to
 * the same text.
 */
class SharedItems {
  private readonly byObject = new Map<object, string>();
  private readonly byText = new Map<string, string>();

  constructor(private readonly record: string, private readonly prefix: string, private readonly queue: { pending: string }) {}

  /** Undefined for a record without the list, so the line leaves the key out as the JSON does. */
  ids(items: readonly object[] | undefined): string[] | undefined {
    if (!items) return undefined;
    const out: string[] = [];
    for (const item of items) {
      let id = this.byObject.get(item);
      if (id === undefined) {
        const text = stableJson(item) ?? 'null';
        id = this.byText.get(text);
        if (id === undefined) {
          id = `${this.prefix}${this.byText.size + 1}`;
          this.byText.set(text, id);
          // The item's own keys plus `record` and `id` (evidence and contracts have neither), sorted as every line.
          this.queue.pending += `${stableJson(item, { record: this.record, id })}\n`;
        }
        this.byObject.set(item, id);
      }
      out.push(id);
    }
    return out;
  }
}

/**
 * The report as NDJSON (format {@link NDJSON_FORMAT}, version {@link NDJSON_VERSION}): one JSON object per line,
 * keys sorted, written as it is produced so a fleet's audit is never one string and a reader can go line by line.
 *
 * - first, `record: "report"`: format, version, workspace, generatedAt, lens, practice, ruleErrors, counts;
 * - `record: "evidence"`: one evidence item with its `id`, written once, just before the first record that
 *   refers to it;
 * - `record: "contract"`: one contract attached to systems (documentId, facts, via) with its `id`, likewise;
 * - `record: "system"`, `"flow"`: as in the JSON, with `evidence` a list of evidence ids (and a system's
 *   `contracts` a list of contract ids);
 * - `record: "finding"`: as in the JSON without `instances` (it has `instanceCount` when the JSON has
 *   instances), `evidence` as ids; each followed by its `record: "instance"` lines (`finding`: the finding's id,
 *   `evidence` as ids);
 * - `record: "document"`, then last `record: "score"` (the report's score).
 *
 * {@link readNdjson} turns the lines back into the report the JSON holds (a spec checks they are equal).
 */
export function* ndjsonChunks(report: AuditReport): Generator<string> {
  const { systems, flows, findings, documents, score, ...header } = report;
  // Shared items not yet written: they go before the record that first refers to them.
  const queue = { pending: '' };
  const evidence = new SharedItems('evidence', 'e', queue);
  const contracts = new SharedItems('contract', 'c', queue);
  // Each record's NDJSON fields are made (its evidence given ids, new items queued) just before its line is written.
  function* records(): Generator<[object, Record<string, unknown>]> {
    yield [header, { record: 'report', format: NDJSON_FORMAT, version: NDJSON_VERSION, counts: { systems: systems.length, flows: flows.length, findings: findings.length, documents: documents.length } }];
    for (const s of systems) yield [s, { record: 'system', contracts: contracts.ids(s.contracts), evidence: evidence.ids(s.evidence) }];
    for (const f of flows) yield [f, { record: 'flow', evidence: evidence.ids(f.evidence) }];
    for (const finding of findings) {
      const { instances } = finding;
      yield [finding, { record: 'finding', evidence: evidence.ids(finding.evidence), instances: undefined, instanceCount: instances?.length }];
      for (const i of instances ?? []) yield [i, { record: 'instance', finding: finding.id, evidence: evidence.ids(i.evidence) }];
    }
    for (const d of documents) yield [d, { record: 'document' }];
    yield [score, { record: 'score' }];
  }
  let buf = '';
  for (const [value, extra] of records()) {
    // Shared items first, so every id is defined before it is used.
    buf += `${queue.pending}${stableJson(value, extra)}\n`;
    queue.pending = '';
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
