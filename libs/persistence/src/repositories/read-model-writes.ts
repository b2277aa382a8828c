import { MruMap } from '@custody/domain';

/**
 * Counts the writes that move the read models' marks (a projection's save, a scoring's save), in memory
 * shared by every thread of one process: two counters in a SharedArrayBuffer, writes begun and writes ended.
 *
 * Why: in embedded mode the database is one PGlite session, which a job's transaction (a fleet's facts, its
 * graph's id rows, its findings) holds for seconds at a time, and every read of the dashboard asked it one small
 * question first (has anything been scored since the page or view I keep?), waiting behind those
 * transactions and adding work to the one database thread that also does the scoring's. The answer only
 * changes when one of these writes commits, and in embedded mode every writer is a thread of this process
 * (the home is locked to it): so a mark read once stays true for as long as no such write has begun since.
 *
 * Only embedded mode shares one (runtime.ts): in production other processes write, so there is none and every
 * mark is read from the database as before.
 */
export class ReadModelWrites {
  private readonly counters: Int32Array;

  /** `buffer`: the process's shared counters (8 bytes), passed to each thread; a new one when omitted. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    if (buffer.byteLength < 8) throw new Error('ReadModelWrites needs a SharedArrayBuffer of at least 8 bytes');
    this.counters = new Int32Array(buffer, 0, 2);
  }

  /** Runs a write that may move a mark: counted as begun before it starts, as ended once it has settled. */
  async around<T>(write: () => Promise<T>): Promise<T> {
    Atomics.add(this.counters, 0, 1);
    try {
      return await write();
    } finally {
      Atomics.add(this.counters, 1, 1);
    }
  }

  /** The count of writes so far when none is under way, else undefined (a write may be committing). */
  quiet(): number | undefined {
    const begun = Atomics.load(this.counters, 0);
    return Atomics.load(this.counters, 1) === begun ? begun : undefined;
  }
}

/** Workspaces whose marks are kept per kind: the few a dashboard has open. */
const KEPT = 64;

/**
 * Marks read from the database, kept while no mark-moving write has begun since (a seqlock over
 * ReadModelWrites): a read that finds the same quiet count as when its kept mark was read gets it without a
 * query. A query is kept only when the count was quiet and unchanged from before it started until after it
 * answered, so no write was under way while it ran and what it read is still the state at that count.
 */
export class KeptMarks<T> {
  private readonly kept = new MruMap<string, { writes: number; value: T }>(KEPT);

  constructor(private readonly writes: ReadModelWrites) {}

  async read(key: string, query: () => Promise<T>): Promise<T> {
    const before = this.writes.quiet();
    const hit = this.kept.get(key);
    if (before !== undefined && hit?.writes === before) return hit.value;
    const value = await query();
    if (before !== undefined && this.writes.quiet() === before) this.kept.set(key, { writes: before, value });
    return value;
  }
}
