import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, redactedConfig } from '@custody/config';
import { closeOnSignals, startRuntime } from '@custody/pipeline';
import { createApiApp } from './bootstrap.js';

/**
 * Production API process. With DATABASE_URL and REDIS_URL set it only serves HTTP and enqueues jobs;
 * `npm run start:worker` processes them. Without them (embedded), it processes jobs itself.
 */
async function main() {
  const config = loadConfig();
  // Production: jobs run in the worker process, so this pool is the request path's alone (bounded queries).
  const runtime = await startRuntime(config, { requestPath: Boolean(config.databaseUrl) });
  const app = await createApiApp(runtime, { processJobs: runtime.embedded });
  await app.listen(config.port, config.host);
  const log = new Logger('Custody');
  log.log(`API on http://${config.host}:${config.port} (${runtime.embedded ? 'embedded' : 'production'}) ${JSON.stringify({ queue: runtime.queue.kind, home: redactedConfig(config).home })}`);
  closeOnSignals(app, runtime);
}

main().catch((err) => {
  console.error(`custody api failed to start: ${err.message}`);
  process.exit(1);
});
