/**
 * A preload (`node --import …/event-loop-delay.mjs`) for a bench's service processes: the main thread's
 * event-loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution), read out by the bench with a signal.
 * The loop delay is the time a ready callback (a request's data, a query's answer) waits before the loop
 * runs it: a loop blocked by CPU work of its own shows it here whatever the machine's load, and a thread
 * kept off the CPU by other processes shows it too (the bench reads the thread's run-queue wait beside it).
 *
 * On SIGUSR2 the histogram since the previous signal is written to `$CUSTODY_BENCH_ELD_DIR/<pid>-<n>.json`
 * (n counts the signals from 1) and reset; the bench signals at the start and the end of each phase.
 * Only the main thread measures (worker threads load the preload too) and only when the folder is given.
 * With `CUSTODY_BENCH_CPU_PROFILE=1` the main thread is also profiled (node:inspector) from signal to signal,
 * each phase written as `<pid>-<n>.cpuprofile` (for support/profile-top.ts): `--cpu-prof` is not allowed in
 * NODE_OPTIONS, and it would profile start-up and shutdown with the phase that matters.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.CUSTODY_BENCH_ELD_DIR;
if (isMainThread && dir) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let n = 0;
  const session = process.env.CUSTODY_BENCH_CPU_PROFILE === '1' ? new Session() : undefined;
  if (session) {
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.start');
  }
  const ms = (ns) => Number((ns / 1e6).toFixed(1));
  process.on('SIGUSR2', () => {
    n += 1;
    const figures = {
      samples: h.count, p50Ms: ms(h.percentile(50)), p90Ms: ms(h.percentile(90)), p99Ms: ms(h.percentile(99)),
      maxMs: ms(h.max), meanMs: ms(h.mean),
    };
    writeFileSync(`${dir}/${process.pid}-${n}.json`, JSON.stringify(figures));
    h.reset();
    session?.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(`${dir}/${process.pid}-${n}.cpuprofile`, JSON.stringify(res.profile));
      session.post('Profiler.start');
    });
  });
}
