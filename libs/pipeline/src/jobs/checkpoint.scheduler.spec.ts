import { CheckpointScheduler } from './checkpoint.scheduler.js';
import type { Runtime } from '../runtime.js';

/** The scheduler against a recording stand-in for the checkpoint repository (the signing itself is tested in libs/persistence). */
function schedulerWith(anchorAll: (signer: unknown) => Promise<unknown[]>, currentAuditSigner: () => unknown = () => ({})) {
  const runtime = {
    config: { auditCheckpointIntervalMs: 3_600_000 },
    persistence: { checkpoints: { anchorAll } },
    auditSigner: {},
    currentAuditSigner,
  } as unknown as Runtime;
  return new CheckpointScheduler(runtime);
}

describe('CheckpointScheduler', () => {
  it('signs at start-up and once more on a graceful shutdown, after a pass under way has finished', async () => {
    const calls: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let n = 0;
    const s = schedulerWith(async () => {
      const i = ++n;
      calls.push(`start ${i}`);
      if (i === 1) await slow;
      calls.push(`end ${i}`);
      return [];
    });
    s.onApplicationBootstrap();
    s.onModuleDestroy();
    const shutdown = s.beforeApplicationShutdown();
    await Promise.resolve();
    expect(calls).toEqual(['start 1']);
    release();
    await shutdown;
    // The final pass starts only after the start-up pass ends (never two at once on one database).
    expect(calls).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('a failing pass is logged, not thrown: shutdown goes on', async () => {
    const s = schedulerWith(async () => { throw new Error('database gone'); });
    s.onApplicationBootstrap();
    s.onModuleDestroy();
    await expect(s.beforeApplicationShutdown()).resolves.toBeUndefined();
  });

  it('each pass signs with the key the runtime holds now (a rotation while the worker runs)', async () => {
    const keys = ['boot key', 'rotated key'];
    let asked = 0;
    const used: unknown[] = [];
    const s = schedulerWith(async (signer) => (used.push(signer), []), () => keys[Math.min(asked++, 1)]);
    s.onApplicationBootstrap();
    s.onModuleDestroy();
    await s.beforeApplicationShutdown();
    expect(used).toEqual(['boot key', 'rotated key']);
  });
});
