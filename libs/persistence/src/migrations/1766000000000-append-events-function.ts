import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `custody_append_events`: appends events of one type to a workspace's hash chain in ONE statement (issue 11).
 * Every read of evidence is logged before its answer is sent; appended from the application that took a
 * transaction of five round trips (BEGIN, the workspace's event lock, head and seqs, INSERT, COMMIT), all of
 * them spent under the lock the worker's appends need too. Called as a statement of its own, the function's
 * implicit transaction commits before the call returns (the entry is durable before the read is answered), and
 * the lock is held for the function's own work and the commit only.
 *
 * Same chain as EventStoreRepository.appendMany (audit-chain.ts): the same lock, the head read after it (a
 * VOLATILE plpgsql function takes a new snapshot per statement, so it sees every append committed before the
 * lock was granted), seqs from the event sequence in order. The hash is sha256(prevHash || canonical content);
 * the canonical content text around the seq and time is built by the application (canonicalChainJson) and
 * passed in, so no JSON canonicalisation lives in SQL: `heads[i]` is everything before the time, `mids[i]`
 * between the time and the seq, `tail` after the seq. The time is taken after the lock (clock_timestamp), so
 * it never goes back behind the entry the new one follows.
 */
export class AppendEventsFunction1766000000000 implements MigrationInterface {
  name = 'AppendEventsFunction1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION custody_append_events(
        p_workspace text, p_type text, p_actors text[], p_payloads text[], p_heads text[], p_mids text[], p_tail text)
      RETURNS TABLE (o_seq bigint, o_at text, o_hash text) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_prev text;
        v_at text;
        v_seq bigint;
        v_hash text;
        n int := coalesce(array_length(p_actors, 1), 0);
      BEGIN
        IF n <> coalesce(array_length(p_payloads, 1), 0) OR n <> coalesce(array_length(p_heads, 1), 0) OR n <> coalesce(array_length(p_mids, 1), 0) THEN
          RAISE EXCEPTION 'custody_append_events: arrays of different lengths';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext(p_workspace));
        SELECT e.hash INTO v_prev FROM event e WHERE e.workspace_id = p_workspace::uuid ORDER BY e.seq DESC LIMIT 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR i IN 1 .. n LOOP
          v_seq := nextval(pg_get_serial_sequence('event', 'seq'));
          v_hash := encode(sha256(convert_to(v_prev || p_heads[i] || v_at || p_mids[i] || v_seq::text || p_tail, 'UTF8')), 'hex');
          INSERT INTO event (seq, workspace_id, type, payload, actor, created_at, prev_hash, hash)
            VALUES (v_seq, p_workspace::uuid, p_type, p_payloads[i]::jsonb, p_actors[i], v_at::timestamptz, v_prev, v_hash);
          o_seq := v_seq; o_at := v_at; o_hash := v_hash;
          RETURN NEXT;
          v_prev := v_hash;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS custody_append_events(text, text, text[], text[], text[], text[], text)`);
  }
}
