import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@custody/config';
import { closeOnSignals, PipelineProcessor, startRuntime } from '@custody/pipeline';
import { WorkerModule } from './worker.module.js';

/**
 * The worker: an application context with no HTTP, only the pipeline's job processor. Run as many as you
 * like against the same PostgreSQL and Redis; deterministic job ids and idempotent handlers make that safe.
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('the worker runs in production mode only: set DATABASE_URL (and REDIS_URL); embedded mode processes jobs inside `custody serve`');
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { logger: ['error', 'warn', 'log'] });
  closeOnSignals(app, runtime);
  // Said once jobs are really taken: after the parsing sandbox is warm (PipelineProcessor.started).
  await app.get(PipelineProcessor).started;
  new Logger('Worker').log(`processing jobs (pid ${process.pid}, queue ${runtime.queue.kind}, concurrency ${config.workerConcurrency})`);
}

main().catch((err) => {
  console.error(`custody worker failed to start: ${err.message}`);
  process.exit(1);
});
