import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './database.js';
import type { Proc } from './processes.js';

/**
 * What a test that runs Custody as real processes owns: a documents folder, a Custody home, the processes it
 * started and (in production mode) a fresh database — all killed, dropped and removed after the file's tests.
 */
export function processScratch(name: string): { dir: string; home: string; procs: Proc[]; db?: Awaited<ReturnType<typeof freshDatabase>> } {
  const scratch: ReturnType<typeof processScratch> = {
    dir: mkdtempSync(join(tmpdir(), `custody-${name}-docs-`)),
    home: mkdtempSync(join(tmpdir(), `custody-${name}-home-`)),
    procs: [],
  };
  afterAll(async () => {
    for (const p of scratch.procs) await p.kill('SIGKILL');
    await scratch.db?.drop();
    rmSync(scratch.dir, { recursive: true, force: true });
    rmSync(scratch.home, { recursive: true, force: true });
  });
  return scratch;
}
