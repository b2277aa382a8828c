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
  return (evidence ?? []).map((e) => ({ ...e, documentId: e.documentId ?? source.documentId, file: e.file ?? source.file }));
}
