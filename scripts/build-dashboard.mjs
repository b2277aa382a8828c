#!/usr/bin/env node
// Bundles the browser dashboard (apps/dashboard/src/main.ts → dist/dashboard/app.js, plus the chunk it
// imports once the first map request is sent: see main.ts) and copies its static files. The API serves
// dist/dashboard as-is. Exits non-zero on any error so `npm run build` fails loudly.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps/dashboard/src');
// CUSTODY_DASHBOARD_OUT: another folder (browser specs build their own, so parallel specs never delete each other's chunks).
const out = process.env.CUSTODY_DASHBOARD_OUT ?? join(root, 'dist/dashboard');

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
    // V8's explicit compile hint: compile every function of these files with the file (on the background
    // thread that compiles a streamed script), not lazily on its first call. The map's first draw and frame call
    // much of Cytoscape for the first time; lazily, each of those compiles ran on the main thread inside the
    // first view (the map's fit() alone: ~185 -> ~95 ms of main-thread CPU in the dashboard bench's trace,
    // test/bench/support/dashboard-trace.ts). Engines without the hint read a comment.
    banner: { js: '//# allFunctionsCalledOnLoad' },
  });
  if (result.errors.length > 0) process.exit(1);
  await copyFile(join(src, 'styles.css'), join(out, 'styles.css'));
  // The first view's chunks are asked for while the page is parsed (modulepreload): the dashboard's code
  // (Cytoscape is most of it) then downloads and compiles beside the first view's API reads, instead of after
  // app.js has run. The first view's: what app.js imports, and the dashboard it loads (main.ts), with what they
  // import; not what the dashboard itself loads on demand (the SVG exporter), which stays off the first view.
  const chunks = firstViewChunks(result.metafile.outputs, 'app.js');
  const preload = chunks.map((f) => `  <link rel="modulepreload" href="${f}">\n`).join('');
  const html = await readFile(join(src, 'index.html'), 'utf8');
  if (!html.includes('</head>')) throw new Error('index.html has no </head> to put the module preloads before');
  await writeFile(join(out, 'index.html'), html.replace('</head>', `${preload}</head>`));
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(`dashboard built: ${out} (${Math.round(bytes / 1024)} KiB)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

/** Chunk files (basenames) reachable from the entry: static imports from anywhere, dynamic ones from the entry only. */
function firstViewChunks(outputs, entry) {
  const byName = new Map(Object.entries(outputs).map(([path, o]) => [basename(path), o]));
  const seen = new Set();
  const visit = (name, fromEntry) => {
    for (const i of byName.get(name)?.imports ?? []) {
      const next = basename(i.path);
      if (i.external || seen.has(next) || (i.kind === 'dynamic-import' && !fromEntry)) continue;
      seen.add(next);
      visit(next, false);
    }
  };
  visit(entry, true);
  return [...seen].filter((f) => /^chunk-.*\.js$/.test(f)).sort();
}
