import type { TriageStatus } from './finding.js';
import type { Redaction } from './parse-result.js';
import type { DocumentStatus, DocumentType, FactName } from './taxonomy.js';

/**
 * The event catalogue: every type the event store holds, with its payload. Appends are typed by it, the SSE
 * stream takes its names from it, and the sequence bookkeeping (what moves a projection, what changes an
 * audit) reads its flags, so a new event is declared here once and nowhere else.
 */
export interface EventPayloads {
  /** A document was accepted (stored once per content hash and workspace). */
  DocumentReceived: { documentId: string; file: string; sha256: string; size: number; redacted: boolean; redactions?: Redaction[] };
  /** A document was read into facts, flows or a manifest. */
  FactsExtracted: DocumentOutcome;
  /** A document could not be read; it is kept with the reason. */
  DocumentRejected: DocumentOutcome;
  /** A person corrected a machine-read fact (or decided a review candidate of it); the correction wins over the extraction. */
  FactCorrected: { documentId: string; fact: FactName; value: unknown; reason: string; candidate?: unknown };
  /**
   * A person said which system a contract speaks for (one that matched none by manifest or party names, or was
   * matched wrongly); like a correction, the decision wins over the machine's matching on every re-projection.
   */
  DocumentLinked: { documentId: string; system: string; reason?: string };
  /** A person triaged a finding (by its stable id, so the decision survives re-runs). */
  FindingTriaged: { findingId: string; status: TriageStatus; reason?: string };
  /** The projected graph changed. */
  GraphChanged: { version: number; affected: string[]; systems: number; flows: number };
  /** Rules and score ran over a graph version at an evaluation time. */
  ExposureScored: { graphVersion: number; total: number; findings: number; appeared: string[]; resolved: string[]; evaluatedAt?: string };
  /** Someone read evidence (quotes, findings, a report): Custody holds sensitive material, so reads are logged. */
  EvidenceRead: { what?: string; documentId?: string };
}

export interface DocumentOutcome {
  documentId: string;
  file: string;
  type: DocumentType;
  status: DocumentStatus;
  reason?: string;
  format?: string;
}

export type EventType = keyof EventPayloads;
export type EventPayload<T extends EventType> = EventPayloads[T];

export interface EventTraits {
  /** The name the dashboard's SSE stream uses; none: not streamed. */
  sse?: string;
  /** An input of the graph projection: its seq is the projection's high-water mark. */
  projectionInput: boolean;
  /** Changes what an audit shows (everything but reads): moves the read cache's key. */
  changesAudit: boolean;
}

export const EVENT_CATALOGUE: { readonly [T in EventType]: EventTraits } = {
  DocumentReceived: { sse: 'document.received', projectionInput: true, changesAudit: true },
  FactsExtracted: { sse: 'facts.extracted', projectionInput: true, changesAudit: true },
  DocumentRejected: { sse: 'document.rejected', projectionInput: true, changesAudit: true },
  FactCorrected: { sse: 'fact.corrected', projectionInput: true, changesAudit: true },
  DocumentLinked: { sse: 'document.linked', projectionInput: true, changesAudit: true },
  FindingTriaged: { sse: 'finding.triaged', projectionInput: false, changesAudit: true },
  GraphChanged: { sse: 'graph.changed', projectionInput: false, changesAudit: true },
  ExposureScored: { sse: 'exposure.scored', projectionInput: false, changesAudit: true },
  EvidenceRead: { projectionInput: false, changesAudit: false },
};

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** Event types whose seq the graph projection tracks. */
export const PROJECTION_INPUT_EVENTS = EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].projectionInput);

/** Event types that change what an audit shows. */
export const AUDIT_CHANGING_EVENTS = EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].changesAudit);

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

/** A stored event of one type, its payload typed by the catalogue. */
export interface RecordedEvent<T extends EventType = EventType> {
  seq: number;
  workspaceId: string;
  type: T;
  payload: EventPayload<T>;
  actor: string;
  at: string;
}
