import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CustodyError, type EventPayload } from '@custody/domain';
import { makePrivateDir } from './engines/private-files.js';
import type { EventStoreRepository } from './repositories/event-store.repository.js';

/** One logged read, as the journal holds it until it is on the workspace's hash chain. */
interface JournalEntry {
  n: number;
  ws: string;
  actor: string;
  payload: EventPayload<'EvidenceRead'>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entries chained per transaction (each workspace's share is one multi-row INSERT). */
const CHAIN_BATCH = 512;
/** A fully chained journal file past this size is emptied (its entries are all in the database). */
const TRUNCATE_BYTES = 1 << 20;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * The read journal (issue 11): an evidence read's audit-log entry is acknowledged (the read answered) once it
 * is durable in an append-only file beside the embedded database (written and fdatasync'd, reads arriving
 * meanwhile written together), and chained into the workspace's event log after, in journal order, one
 * transaction per batch that also moves the journal's mark (read_journal_mark). Why: embedded mode has one
 * database session, held by a scoring run's transaction for seconds, and a read whose entry waited for it
 * waited as long; the file append waits for the disk only.
 *
 * What holds: every answered read has its entry on disk before the answer; the entries of a workspace are
 * chained in the order they were acknowledged; a crash loses none (the next start replays what is past the
 * mark, before anything is served) and repeats none (the mark commits with the entries). A read whose write
 * was torn by a crash was never answered, and its entry may still be replayed: the log may hold a read that was
 * not answered, never an answered read it does not hold. An entry's time on the chain is when it was chained,
 * up to one scoring transaction after the read. While the database refuses the writes, entries stay in the file
 * and the writes are retried (each failure logged); `pending` counts them.
 */
export class ReadJournal {
  private readonly log = new Logger('ReadJournal');
  /** Durable, not yet chained, in order. */
  private readonly pendingEntries: JournalEntry[] = [];
  /** Given, not yet written to the file. */
  private buffered: { entry: JournalEntry; resolve(): void; reject(e: unknown): void }[] = [];
  private writing = false;
  private chaining?: Promise<void>;
  private retryMs = RETRY_MIN_MS;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  private truncating?: Promise<void>;

  private constructor(
    private readonly ds: DataSource, private readonly events: EventStoreRepository,
    private readonly name: string, private readonly fh: FileHandle, private next: number,
  ) {}

  /**
   * Opens (creating) the journal in `dir` and chains what a previous process acknowledged and did not chain,
   * before returning: a start that cannot chain them fails rather than serving with entries missing.
   */
  static async open(dir: string, ds: DataSource, events: EventStoreRepository, name = 'reads'): Promise<ReadJournal> {
    makePrivateDir(dir);
    const file = join(dir, `${name}.jsonl`);
    const [row] = (await ds.query('SELECT n::text AS n FROM read_journal_mark WHERE journal = $1', [name])) as { n: string }[];
    const mark = Number(row?.n ?? 0);
    const entries = parseJournal(await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err))));
    const last = entries.length ? entries[entries.length - 1]!.n : 0;
    const journal = new ReadJournal(ds, events, name, await open(file, 'a', 0o600), Math.max(mark, last) + 1);
    journal.pendingEntries.push(...entries.filter((e) => e.n > mark));
    await journal.drain();
    return journal;
  }

  /** Entries acknowledged and not yet on the chain. */
  get pending(): number {
    return this.pendingEntries.length + this.buffered.length;
  }

  /** Resolves once the read's entry is durable in the journal; rejects when it could not be written. */
  add(ws: string, payload: EventPayload<'EvidenceRead'>, actor: string): Promise<void> {
    if (this.closed) return Promise.reject(new CustodyError('unavailable', 'the audit log is closed'));
    // Refused here what the database would refuse later: an entry that can never be chained would hold back
    // every entry after it.
    if (!UUID.test(ws)) return Promise.reject(new CustodyError('not_found', `no workspace ${ws}`));
    const json = JSON.stringify(payload ?? null);
    if (json.includes('\\u0000') || actor.includes('\u0000')) return Promise.reject(new CustodyError('invalid_input', 'a NUL character cannot be logged'));
    return new Promise<void>((resolve, reject) => {
      this.buffered.push({ entry: { n: this.next++, ws, actor, payload }, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  /** Writes every buffered entry in one append and one fdatasync, then acknowledges them; again while more came. */
  private async write(): Promise<void> {
    this.writing = true;
    while (this.buffered.length) {
      const batch = this.buffered;
      this.buffered = [];
      try {
        await this.truncating;
        await this.fh.appendFile(batch.map((b) => `${JSON.stringify(b.entry)}\n`).join(''));
        await this.fh.datasync();
      } catch (err) {
        // Not acknowledged: these reads fail. A partial line left behind is skipped by the parser, and whole lines
        // of entries never acknowledged may be chained later (a logged read that was not answered, never the reverse).
        batch.forEach((b) => b.reject(err));
        continue;
      }
      this.pendingEntries.push(...batch.map((b) => b.entry));
      batch.forEach((b) => b.resolve());
      this.scheduleChain();
    }
    this.writing = false;
  }

  /** Chains every pending entry, batch by batch; one chaining at a time (a caller joins the one in flight). */
  private runChain(): Promise<void> {
    this.chaining ??= (async () => {
      while (this.pendingEntries.length) await this.chainBatch(this.pendingEntries.slice(0, CHAIN_BATCH));
    })().finally(() => (this.chaining = undefined));
    return this.chaining;
  }

  /** Chains in the background; on failure logs it and tries again later (backing off), the entries kept. */
  private scheduleChain(): void {
    if (this.chaining || this.retryTimer || this.closed) return;
    this.runChain().then(
      () => {
        this.retryMs = RETRY_MIN_MS;
        return this.truncateIfDone();
      },
      (err: unknown) => {
        if (this.closed || this.retryTimer) return;
        this.log.warn(`${this.pendingEntries.length} audit-log entries of answered reads not yet chained (${err instanceof Error ? err.message : 'error'}); retrying in ${this.retryMs} ms`);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.scheduleChain();
        }, this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      },
    ).catch((err: unknown) => this.log.warn(`journal not truncated (${err instanceof Error ? err.message : 'error'})`));
  }

  /** One transaction: each workspace's entries in journal order (runs of one actor per append), and the mark. */
  private async chainBatch(batch: JournalEntry[]): Promise<void> {
    const byWorkspace = new Map<string, JournalEntry[]>();
    for (const e of batch) {
      const list = byWorkspace.get(e.ws);
      if (list) list.push(e);
      else byWorkspace.set(e.ws, [e]);
    }
    await this.ds.transaction(async (m) => {
      // Workspaces in a fixed order, so two transactions taking several workspaces' locks cannot deadlock.
      for (const ws of [...byWorkspace.keys()].sort()) {
        const list = byWorkspace.get(ws)!;
        for (let i = 0; i < list.length;) {
          let j = i + 1;
          while (j < list.length && list[j]!.actor === list[i]!.actor) j++;
          await this.events.appendMany(m, ws, list.slice(i, j).map((e) => ({ type: 'EvidenceRead' as const, payload: e.payload })), list[i]!.actor);
          i = j;
        }
      }
      await m.query(
        'INSERT INTO read_journal_mark (journal, n) VALUES ($1, $2) ON CONFLICT (journal) DO UPDATE SET n = greatest(read_journal_mark.n, EXCLUDED.n)',
        [this.name, batch[batch.length - 1]!.n],
      );
    });
    this.pendingEntries.splice(0, batch.length);
  }

  /**
   * Empties the file once everything in it is chained: it would otherwise grow forever. A write that starts
   * meanwhile waits for the truncation (`truncating`), so no acknowledged line is cut away.
   */
  private async truncateIfDone(): Promise<void> {
    const idle = () => !this.writing && !this.buffered.length && !this.pendingEntries.length && !this.closed;
    if (!idle() || (await this.fh.stat()).size < TRUNCATE_BYTES || !idle()) return;
    this.truncating = this.fh.truncate(0).then(() => this.fh.datasync()).finally(() => (this.truncating = undefined));
    await this.truncating;
  }

  /**
   * Chains everything acknowledged so far (joining a chaining in flight): after it, the chain holds every read
   * answered before the call. Throws when the database refuses (the entries stay in the journal).
   */
  async drain(): Promise<void> {
    while (this.writing) await new Promise((r) => setTimeout(r, 5));
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    while (this.pendingEntries.length || this.chaining) await this.runChain();
  }

  /** Chains what it can and closes the file; what could not be chained stays in it for the next start. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.drain();
    } catch (err) {
      this.log.warn(`${this.pendingEntries.length} audit-log entries left in the journal for the next start (${err instanceof Error ? err.message : 'error'})`);
    } finally {
      this.closed = true;
      clearTimeout(this.retryTimer);
      await this.fh.close();
    }
  }
}

/** The journal's whole lines in order; a torn last line (a crash during its write, never acknowledged) is skipped. */
export function parseJournal(text: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as JournalEntry;
      if (typeof e.n === 'number' && typeof e.ws === 'string' && typeof e.actor === 'string') out.push(e);
    } catch {
      // torn write
    }
  }
  return out;
}
