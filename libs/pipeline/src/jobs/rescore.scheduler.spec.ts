import type { JobQueue } from './job-queue.js';
import { RescoreScheduler } from './rescore.scheduler.js';

describe('RescoreScheduler', () => {
  it('schedules a re-score of every workspace at start-up, at a time shared by workers started together', async () => {
    const added: { name: string; data: { at: string } }[] = [];
    const jobs = { add: async (name: string, data: { at: string }) => (added.push({ name, data }), 'id') } as unknown as JobQueue;
    const scheduler = new RescoreScheduler(jobs);
    const t0 = Date.now();
    await scheduler.onApplicationBootstrap();
    scheduler.onModuleDestroy();
    expect(added).toHaveLength(1);
    expect(added[0]!.name).toBe('rescore');
    const at = Date.parse(added[0]!.data.at);
    expect(at % 60_000).toBe(0);
    expect(t0 - at).toBeLessThan(60_000);
  });
});
