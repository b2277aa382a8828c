/**
 * Entry of embedded mode's job thread: the pipeline's job processor (extract, project, score, the reconciler
 * and schedulers) as in a production worker, on the embedded databases the main thread started, reached
 * through their sockets. Scoring a large fleet is seconds of CPU, garbage and copying at a time; here it does
 * not hold up the main thread's event loop, which answers HTTP.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { NestFactory } from '@nestjs/core';
import { connectThreadRuntime, lowerThreadPriority, type Runtime } from '@custody/pipeline';
import { WorkerModule } from './worker.module.js';
import type { JobThreadInit, JobThreadReply, JobThreadRequest } from './job-thread-protocol.js';

const port = parentPort!;
const init = workerData as JobThreadInit;
const reply = (m: JobThreadReply) => port.postMessage(m);

// Before anything starts: the thread's own helper threads and sandboxes inherit its priority (config
// jobThreadNice: by default the same as the HTTP thread's, see the config schema for why).
if (init.config.jobThreadNice > 0) lowerThreadPriority(init.config.jobThreadNice);

let runtime: Runtime | undefined;
try {
  // Two connections: the processor mostly runs one query at a time, the reconciler and schedulers beside it.
  runtime = await connectThreadRuntime(init.config, init.endpoints, { embedded: true, poolSize: 2 });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { logger: ['error', 'warn'] });
  port.on('message', (m: JobThreadRequest) => {
    if (m.type !== 'close') return;
    // Workers finish or release their jobs (the processor's onModuleDestroy), then this thread's pool goes.
    void (async () => {
      await app.close();
      await runtime!.close();
      reply({ type: 'closed' });
      port.close(); // nothing left to keep the thread alive: it exits with code 0
    })();
  });
  reply({ type: 'ready' });
} catch (err) {
  await runtime?.close().catch(() => undefined);
  reply({ type: 'failed', message: (err as Error)?.message ?? String(err) });
  port.close();
}
