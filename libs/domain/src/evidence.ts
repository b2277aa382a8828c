/** Where a fact, system or flow came from: a quote at offsets in a document, or a config path/line. */
export interface Evidence {
  /** Verbatim text of the source at [start, end). */
  quote: string;
  start?: number;
  end?: number;
  /** Document id (sha256) the evidence lives in, when known. */
  documentId?: string;
  /** File name as given by the user. */
  file?: string;
  /** For configs: 1-based line and a structural path (e.g. `channel.destinationConnectors[0].host`). */
  line?: number;
  path?: string;
  page?: number;
}

/**
 * Evidence stamped with the document it came from, where it does not say already: extractors and parsers
 * quote text without knowing the stored document, the projection and the rules do. The one definition.
 */
export function stampEvidence(evidence: readonly Evidence[] | undefined, source: { documentId: string; file: string }): Evidence[] {
  return (evidence ?? []).map((e) => stampedCopy(e, source.documentId, source.file));
}

/** One item of {@link stampEvidence}, without a list or a source object around it (the projection stamps items one by one). */
export function stampedCopy(e: Evidence, documentId: string, file: string): Evidence {
  // The keys of `{ ...e, documentId, file }`, in its order: V8 extends a spread copy several times slower
  // than an assigned one, and a fleet or agency manifest stamps hundreds of thousands. A `__proto__` key of
  // its own (JSON.parse makes one) would set the copy's prototype through assign: spread there.
  const out: Evidence = Object.hasOwn(e, '__proto__') ? { ...e } : Object.assign({}, e);
  out.documentId = e.documentId ?? documentId;
  out.file = e.file ?? file;
  return out;
}
