import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `read_journal_mark`: how far a read journal (audit-read-journal.ts) has been chained into the event log. The
 * journal's entries up to `n` are in the chain; the mark is written in the same transaction as the entries it
 * covers, so after a crash a replay neither loses nor repeats an entry.
 */
export class ReadJournalMark1766100000000 implements MigrationInterface {
  name = 'ReadJournalMark1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE IF NOT EXISTS read_journal_mark (journal text PRIMARY KEY, n bigint NOT NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS read_journal_mark');
  }
}
