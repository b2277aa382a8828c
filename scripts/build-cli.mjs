#!/usr/bin/env node
// Bundles the compiled CLI (dist/apps/cli/src/main.js → dist/apps/cli/bundle/) so `custody` starts fast: Node
// reads a few files instead of resolving, reading and compiling hundreds of modules one by one (measured: a
// third less CPU for `rules`, `extract` and `audit`). Code splitting keeps each command's dynamic imports
// lazy. The service stack (Nest, TypeORM, BullMQ, PGlite, drivers) stays external: it loads only for `serve`
// and the admin verbs and needs its own files at run time. The bundle sits as deep under dist/ as the
// compiled files, so paths found from `import.meta.url` (the dashboard, the example) resolve the same.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/apps/cli/bundle');
const SERVICE = ['@nestjs/*', 'typeorm', '@electric-sql/*', 'bullmq', 'pg', 'ioredis', 'reflect-metadata', 'rxjs', 'express', 'multer', 'unpdf', 'mammoth', 'playwright-core'];

try {
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    // The parsing sandbox forks `./sandbox-child.js` beside the code that spawns it (sandbox-process); bundled,
    // that code sits in this folder, so the child is an entry of the bundle too.
    entryPoints: {
      main: join(root, 'dist/apps/cli/src/main.js'),
      'sandbox-child': join(root, 'dist/libs/pipeline/src/sandbox/sandbox-child.js'),
      // Each embedded database runs in a worker thread started from `./pglite-worker.js` beside the code that
      // starts it (embedded-postgres), bundled into this folder too; PGlite itself stays external.
      'pglite-worker': join(root, 'dist/libs/persistence/src/engines/pglite-worker.js'),
      // Embedded `serve` processes jobs in a worker thread started from `./job-thread-entry.js` (job-thread.ts).
      'job-thread-entry': join(root, 'dist/apps/worker/src/job-thread-entry.js'),
      // …and the API composes grouped graphs and findings pages in a thread from `./read-thread-entry.js`.
      'read-thread-entry': join(root, 'dist/apps/api/src/services/read-thread-entry.js'),
    },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: SERVICE,
    // Bundled CommonJS packages may call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __custodyRequire } from 'node:module'; const require = __custodyRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  if (result.errors.length > 0) process.exit(1);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
