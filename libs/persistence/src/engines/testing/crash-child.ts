/**
 * Run by ../embedded-postgres.spec.ts as a process of its own (under tsx): starts an engine with the default crash
 * handling, then ends its database thread as a crash would. The process must die with the engine's error; if
 * it were still alive after 20 s, it exits 99 so the test sees a hang.
 */
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded-postgres.js';

const dir = process.argv[2]!;
const engine = await startEmbeddedPostgres(join(dir, 'db'), { socketDir: join(dir, 'run') });
console.log('started');
setTimeout(() => process.exit(99), 20_000);
await engine.thread.terminate();
