import type { Runtime } from '@custody/pipeline';
import { loadServiceRuntime } from '../load-service.js';

/** Runs an admin verb on the configured database (embedded home or DATABASE_URL), then closes the engines. */
export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const { config, pipeline } = await loadServiceRuntime();
  const runtime = await pipeline.startRuntime(config.loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
