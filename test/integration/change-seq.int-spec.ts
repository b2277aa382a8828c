import { AUDIT_CHANGING_EVENTS } from '@custody/domain';
import { latestSeqOfTypesSql } from '@custody/persistence';
import { persistenceForFile } from '../support/database.js';

/**
 * changeSeq (every live read's cache key) and inputSeq are the latest seq of a workspace's events of some
 * types. Every read of evidence appends an event of another type, so a workspace polled while a fleet is
 * scored has thousands of them after its last change: the answer must skip them by index, not by walking.
 */
describe(`the latest seq of a workspace's events by type (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  /** Events written as the store holds them, in bulk (the chain's hashes do not matter to these queries). */
  async function insert(workspaceId: string, type: string, n: number, tag: string) {
    await p.dataSource.query(
      `INSERT INTO event (workspace_id, type, payload, prev_hash, hash)
       SELECT $1, $2, '{}'::jsonb, md5($3 || i::text), md5($3 || i::text || 'h') FROM generate_series(1, $4::int) AS i`,
      [workspaceId, type, tag, n],
    );
  }

  it('names the latest change, not the reads appended after it, and 0 for a workspace without events', async () => {
    const { workspace } = await p.workspaces.ensure('Polled Fleet Practice');
    const { workspace: other } = await p.workspaces.ensure('Quiet Practice');
    const start = await p.events.changeSeq(workspace.id);
    await insert(workspace.id, 'GraphChanged', 3, 'graph');
    await insert(workspace.id, 'ExposureScored', 2, 'scored');
    const [{ last }] = await p.dataSource.query('SELECT max(seq)::text AS last FROM event WHERE workspace_id = $1', [workspace.id]);
    await insert(workspace.id, 'EvidenceRead', 4000, 'read');
    await insert(other.id, 'ExposureScored', 5, 'other');
    expect(await p.events.changeSeq(workspace.id)).toBe(Number(last));
    expect(Number(last)).toBeGreaterThan(start);
    const { workspace: none } = await p.workspaces.ensure('No Events Practice');
    expect(await p.events.changeSeq(none.id)).toBe(0);
    // inputSeq: of the projection's input types only (none of the bulk ones), what the store wrote for the workspace.
    const [{ input }] = await p.dataSource.query(`SELECT coalesce(max(seq), 0)::text AS input FROM event WHERE workspace_id = $1 AND type IN ('DocumentReceived', 'FactsExtracted', 'DocumentRejected', 'FactCorrected', 'DocumentLinked')`, [workspace.id]);
    expect(await p.events.inputSeq(workspace.id)).toBe(Number(input));
  }, 60_000);

  it('finds it through the (workspace, type, seq) index', async () => {
    const { workspace } = await p.workspaces.ensure('Polled Fleet Practice');
    await p.dataSource.query('ANALYZE event');
    const [plan] = await p.dataSource.query(`EXPLAIN (FORMAT JSON) ${latestSeqOfTypesSql(AUDIT_CHANGING_EVENTS)}`, [workspace.id]);
    const text = JSON.stringify(plan);
    // Every type probed through the index; none by walking the primary key back past the reads.
    expect({ probes: text.split('ix_event_workspace_type_seq').length - 1, pkey: text.includes('event_pkey') }).toEqual({ probes: AUDIT_CHANGING_EVENTS.length, pkey: false });
  }, 60_000);
});
