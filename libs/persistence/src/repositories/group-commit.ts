/**
 * Group commit per key (issue 11: the audit-log entry of every evidence read). Items arriving for a key while
 * a write of that key is in flight wait and are written together by the next write, in arrival order: one
 * write (one statement, one commit, one wait for the workspace's event lock) for all the reads that came in
 * meanwhile, instead of a queue of writes each waiting for the lock in turn.
 *
 * Each caller's promise settles with its batch's write: it resolves only after the write returned (the
 * entries are committed), and if the write fails every caller of the batch gets the error, so no read is
 * answered without its entry. Writes of one key never overlap, so a later batch is committed after an
 * earlier one, and the entries keep arrival order.
 */
export class GroupCommit<I, R> {
  private readonly waiting = new Map<string, { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();
  private readonly inFlight = new Set<string>();

  /**
   * `write` stores a batch of one key and returns one result per item, in order. `maxBatch` bounds a batch
   * (the statement's array parameters); more waiting items go in the following batches.
   */
  constructor(private readonly write: (key: string, items: I[]) => Promise<R[]>, private readonly maxBatch = 256) {}

  add(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push({ item, resolve, reject });
      this.waiting.set(key, queue);
      if (!this.inFlight.has(key)) this.flush(key);
    });
  }

  private flush(key: string): void {
    const queue = this.waiting.get(key);
    if (!queue?.length) {
      this.waiting.delete(key);
      this.inFlight.delete(key);
      return;
    }
    const batch = queue.splice(0, this.maxBatch);
    this.inFlight.add(key);
    // Called in a promise callback, so a write that throws synchronously rejects its batch as well.
    Promise.resolve().then(() => this.write(key, batch.map((b) => b.item))).then(
      (results) => {
        if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
        batch.forEach((b, i) => b.resolve(results[i]!));
      },
    ).catch((err: unknown) => batch.forEach((b) => b.reject(err)))
      .finally(() => this.flush(key));
  }
}
