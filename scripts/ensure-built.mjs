#!/usr/bin/env node
// Builds (`npm run build`) only when a source is newer than the last successful build, so `npm run custody`
// starts at once when nothing changed. Prints nothing when the build is current; a build's own output goes to
// stderr, so `npm run -s custody … > out` holds nothing but the command's output.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist/.build-stamp');
/** What `npm run build` reads: sources, the dashboard's static files, compiler and bundler settings. */
const INPUTS = ['apps', 'libs', 'scripts/build-cli.mjs', 'scripts/build-dashboard.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const SOURCE = /\.(ts|mts|js|mjs|json|html|css)$/;

function newestInput() {
  let newest = 0;
  const visit = (p) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else if (SOURCE.test(p) && !p.endsWith('.spec.ts')) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of INPUTS) visit(join(root, p));
  return newest;
}

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const cli = statSync(join(root, 'dist/apps/cli/bundle/main.js'), { throwIfNoEntry: false });
if (!cli || newestInput() > built) {
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The stamp takes the build's start time: a source saved during the build triggers the next one.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
}
