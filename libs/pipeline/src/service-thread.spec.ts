/** Service threads answer their start: ready, failed, exited — or, for one that says nothing, a timeout. */
describe('startServiceThread', () => {
  const code = (js: string) => new URL(`data:text/javascript,${encodeURIComponent(js)}`);

  it('gives up on a thread that neither says ready nor exits, and ends it', async () => {
    // Only this start is shortened: the next test's threads get the default, however loaded the machine is.
    process.env.CUSTODY_THREAD_START_TIMEOUT_MS = '300';
    try {
      const { startServiceThread } = await import('./service-thread.js');
      const started = Date.now();
      await expect(startServiceThread(code('setInterval(() => {}, 1000);'), {}, 'silent')).rejects.toMatchObject({
        code: 'thread_unavailable', message: expect.stringContaining('did not say ready within 300 ms'),
      });
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      delete process.env.CUSTODY_THREAD_START_TIMEOUT_MS;
    }
  });

  it('starts a thread that says ready, and reports one that fails with its reason', async () => {
    const { startServiceThread } = await import('./service-thread.js');
    const ready = await startServiceThread(code(`import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ type: 'ready' });
      parentPort.on('message', (m) => { if (m.type === 'close') { parentPort.postMessage({ type: 'closed' }); process.exit(0); } });`), {}, 'ready');
    await ready.close();
    await expect(startServiceThread(code(`import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ type: 'failed', message: 'no database' });`), {}, 'failing'))
      .rejects.toMatchObject({ code: 'thread_unavailable', message: expect.stringContaining('no database') });
  });
});
