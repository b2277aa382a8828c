import type { AuditReport } from '@custody/domain';
import { hash } from 'node:crypto';
import { ByteSink } from './byte-sink.js';
import { writeCompact, writeCompactPieces } from './compact-bytes.js';
import { refreshKeyWalk } from './json-text.js';
import { CHUNK_BYTES } from './render-json.js';

/** The `format` and `version` the NDJSON header line carries, so a reader can refuse a shape it does not know. */
export const NDJSON_FORMAT = 'custody-audit-ndjson';
export const NDJSON_VERSION = 2;

/**
 * Gives each distinct item of one kind an id (prefix + 1, 2, … in order of first use) and queues the lines of
 * new ones. A fleet repeats the same items on every install (a 10,000-install fleet: ~134,000 evidence items,
 * ~26,000 distinct; the vendor's BAA, facts and quotes, attached to each of its 10,000 installs), so the NDJSON
 * writes each once and refers to it by id. Items are the same when they are the same object or serialise to
 * the same text.
 *
 * Texts are told apart by their SHA-256, not kept: keyed by the texts themselves, the map held every distinct
 * item's text to the end of the render (a 100k fleet: ~600 MB, which set the audit's peak RSS). The text hashed is
 * the item's compact UTF-8 bytes, written into the sink where its line would go and taken back: built as strings
 * first (each member's text, then the item's and its line's), it was most of the NDJSON's garbage and ~half its
 * CPU on a 10k manifest, whose ~40,000 evidence items are nearly all distinct. JSON.stringify's escapes make the
 * text well-formed (a lone surrogate is escaped), so its bytes are as distinct as the texts.
 */
class SharedItems {
  private readonly byObject = new Map<object, string>();
  private readonly byDigest = new Map<string, string>();

  /** `sink`: where a new item's line is written, before the line of the record that refers to it. */
  constructor(private readonly record: string, private readonly prefix: string, private readonly sink: ByteSink) {}

  /** Undefined for a record without the list, so the line leaves the key out as the JSON does. */
  ids(items: readonly object[] | undefined): string[] | undefined {
    if (!items) return undefined;
    const out: string[] = [];
    const sink = this.sink;
    for (const item of items) {
      let id = this.byObject.get(item);
      if (id === undefined) {
        const from = sink.mark();
        writeCompact(sink, item);
        const digest = hash('sha256', sink.since(from), 'base64');
        sink.rewind(from);
        id = this.byDigest.get(digest);
        if (id === undefined) {
          id = `${this.prefix}${this.byDigest.size + 1}`;
          this.byDigest.set(digest, id);
          // The item's own keys plus `record` and `id` (evidence and contracts have neither), sorted as every line.
          writeCompact(sink, item, { record: this.record, id });
          sink.str('\n');
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
export function* ndjsonChunks(report: AuditReport): Generator<Buffer> {
  const { systems, flows, findings, documents, score, ...header } = report;
  const sink = new ByteSink(CHUNK_BYTES);
  refreshKeyWalk();
  const evidence = new SharedItems('evidence', 'e', sink);
  const contracts = new SharedItems('contract', 'c', sink);
  // Each record's NDJSON fields are made (its evidence given ids) just before its line is written: records() is
  // resumed after the line before it, so a new shared item's line, written when it is given its id, lands just
  // before the record that first refers to it.
  // `whole`: the record's line is small and written in one piece; the header and the score grow with the fleet and
  // are written in pieces (writeCompactPieces).
  function* records(): Generator<[object, Record<string, unknown>, whole?: boolean]> {
    yield [header, { record: 'report', format: NDJSON_FORMAT, version: NDJSON_VERSION, counts: { systems: systems.length, flows: flows.length, findings: findings.length, documents: documents.length } }, false];
    for (const s of systems) yield [s, { record: 'system', contracts: contracts.ids(s.contracts), evidence: evidence.ids(s.evidence) }];
    for (const f of flows) yield [f, { record: 'flow', evidence: evidence.ids(f.evidence) }];
    for (const finding of findings) {
      const { instances } = finding;
      yield [finding, { record: 'finding', evidence: evidence.ids(finding.evidence), instances: undefined, instanceCount: instances?.length }];
      for (const i of instances ?? []) yield [i, { record: 'instance', finding: finding.id, evidence: evidence.ids(i.evidence) }];
    }
    for (const d of documents) yield [d, { record: 'document' }];
    yield [score, { record: 'score' }, false];
  }
  for (const [value, extra, whole = true] of records()) {
    if (whole) writeCompact(sink, value, extra);
    else yield* writeCompactPieces(sink, value, extra, CHUNK_BYTES);
    sink.str('\n');
    if (sink.size >= CHUNK_BYTES) yield sink.take();
  }
  if (sink.size) yield sink.take();
}
