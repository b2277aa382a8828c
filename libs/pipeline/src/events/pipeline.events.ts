/**
 * In-process CQRS events, published after the transaction that stored them commits. Anything that must
 * survive a crash is a BullMQ job or a row in the event store, never only one of these.
 */
export class DocumentReceivedEvent {
  constructor(readonly workspaceId: string, readonly documentId: string, readonly seq: number) {}
}

export class FactsExtractedEvent {
  constructor(readonly workspaceId: string, readonly documentId: string, readonly status: string, readonly seq: number) {}
}

export class GraphChangedEvent {
  constructor(readonly workspaceId: string, readonly version: number, readonly affected: string[], readonly seq: number) {}
}

export class ExposureScoredEvent {
  constructor(readonly workspaceId: string, readonly total: number, readonly appeared: string[], readonly resolved: string[], readonly seq: number) {}
}
