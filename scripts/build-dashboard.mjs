#!/usr/bin/env node
// Bundles the browser dashboard (apps/dashboard/src/main.ts → dist/dashboard/app.js, plus the chunk it
// imports once the first map request is sent: see main.ts) and copies its static files. The API serves
// dist/dashboard as-is. Exits non-zero on any error so `npm run build` fails loudly.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps/dashboard/src');
const out = join(root, 'dist/dashboard');

try {
  await mkdir(out, { recursive: true });
  // Chunk names carry a content hash: drop the previous build's, so stale code is never served.
  await Promise.all((await readdir(out)).filter((f) => f.startsWith('chunk-')).map((f) => rm(join(out, f))));
  const result = await build({
    entryPoints: { app: join(src, 'main.ts') },
    outdir: out,
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    minify: process.env.CUSTODY_DASHBOARD_MINIFY !== '0',
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    // The dashboard tsconfig maps @custody/domain and the pure graph projection to their sources.
    tsconfig: join(root, 'apps/dashboard/tsconfig.json'),
    logLevel: 'warning',
    metafile: true,
  });
  if (result.errors.length > 0) process.exit(1);
  await Promise.all(['index.html', 'styles.css'].map((f) => copyFile(join(src, f), join(out, f))));
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(`dashboard built: ${out} (${Math.round(bytes / 1024)} KiB)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
