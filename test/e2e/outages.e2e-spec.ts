import { runOutageScenario } from '../support/outage-scenario.js';

/**
 * Outages in the middle of an ingest, against services this test starts and stops itself (never the
 * machine's shared ones); the scenario is in test/support/outage-scenario.ts, and `npm run bench:outages` runs
 * it at 200 documents. The CI pass with REDIS_URL runs the queue on Redis, as production does: Redis is
 * stopped (losing every job: it runs without persistence) and PostgreSQL restarted. The pass without it runs
 * the other supported production setup, the queue on PostgreSQL (BullMQ's PostgreSQL backend, no Redis): then
 * both faults are PostgreSQL restarts, each taking the database and the queue down at once. Both SIGKILL the
 * worker. Embedded mode's engines live inside the `serve` process, so its only fault is that process dying:
 * crash-recovery.e2e-spec.ts covers it.
 */
const queueOnRedis = Boolean(process.env.REDIS_URL);

describe(`outages mid-ingest, queue on ${queueOnRedis ? 'Redis' : 'PostgreSQL'} (own services)`, () => {
  it('loses and duplicates no document, answers 503 naming the dependency, and ends as an undisturbed run', async () => {
    // 44 BAAs + custody.yaml: enough that every fault lands mid-ingest, small enough for CI.
    const r = await runOutageScenario({ documents: 44, kb: 60, outageMs: 20_000, queueOnRedis });
    const n = r.files.length;

    // Each fault hit mid-ingest, or this test proves nothing; no process died of an outage.
    expect(r.atFault2).toBeLessThan(n);
    expect(r.atKill).toBeLessThan(n);
    expect(r.deadProcesses).toEqual([]);

    // During each outage: health answers 503 naming the dependency.
    for (const d of [r.during1, r.during2]) {
      expect(d.health.status).toBe(503);
      expect(d.health.body.down).toContain(d.dependency);
    }
    if (queueOnRedis) {
      // Redis down: PostgreSQL still serves reads, and uploads are stored and accepted.
      expect(r.during1.health.body).toMatchObject({ database: 'up', queue: { status: 'down' }, down: ['queue'] });
      expect(r.during1.read.status).toBe(200);
      expect(r.acceptedInOutage).toEqual(r.batches[1].map(() => 202));
    }
    // PostgreSQL down: reads and uploads are refused with the reason (nothing could be read or stored).
    for (const d of queueOnRedis ? [r.during2] : [r.during1, r.during2]) {
      expect(d.read).toEqual({ status: 503, error: 'unavailable', dependency: 'database' });
      expect(d.upload).toEqual({ status: 503, error: 'unavailable', dependency: 'database' });
    }
    // Once it is back, uploads are accepted again.
    expect(r.acceptedAfter).toEqual(r.acceptedAfter.map(() => 202));

    // 0 lost, 0 duplicated: every file once, processed, with exactly one receipt and one outcome.
    expect(r.docs.map((d) => d.fileName).sort()).toEqual([...r.files].sort());
    expect(r.docs.filter((d) => d.status !== 'processed')).toEqual([]);
    expect(r.receipts).toBe(n);
    expect(r.outcomes).toHaveLength(n);
    expect(new Set(r.outcomes).size).toBe(n);

    // The same graph, findings and score as an undisturbed audit of the same files.
    expect(r.served).toEqual(r.reference);
    expect(r.score).toBe(r.referenceScore);
    // Figures for the record: the time to settle is a measurement, not an assertion.
    console.log(`outages (${queueOnRedis ? 'redis' : 'postgres'} queue): ${r.docs.length} documents, 0 lost, 0 duplicated; health answered in ${r.during1.health.ms} ms and ${r.during2.health.ms} ms during the outages; settled ${r.settleMs} ms after the worker restart; score ${r.score} = reference ${r.referenceScore}`);
  }, 900_000);
});
