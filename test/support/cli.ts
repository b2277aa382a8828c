import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { freshDatabase } from './database.js';

/**
 * Runs CLI verbs in this process against a fresh database (see `freshDatabase`) and a temp home, for one
 * describe block: the CLI reads its configuration from the environment, so DATABASE_URL and CUSTODY_HOME
 * point at this test's own for the block and are restored after (REDIS_URL is unset: BullMQ is not needed).
 * `run` returns the exit code and keeps what was printed (console.log, console.error, stdout) in `out`.
 */
export function useCliDatabase(register: (program: Command) => void) {
  const saved = { url: process.env.DATABASE_URL, redis: process.env.REDIS_URL, home: process.env.CUSTODY_HOME, code: process.exitCode };
  const ctx = { url: '', home: '', out: [] as string[] };
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
    ctx.url = db.url;
    ctx.home = mkdtempSync(join(tmpdir(), 'custody-cli-'));
    process.env.DATABASE_URL = db.url;
    delete process.env.REDIS_URL;
    process.env.CUSTODY_HOME = ctx.home;
  }, 120_000);
  afterAll(async () => {
    for (const [k, v] of [['DATABASE_URL', saved.url], ['REDIS_URL', saved.redis], ['CUSTODY_HOME', saved.home]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await db?.drop();
    if (ctx.home) rmSync(ctx.home, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<number> {
    const program = new Command('custody').exitOverride();
    register(program);
    ctx.out = [];
    process.exitCode = 0;
    const push = (s: unknown) => void ctx.out.push(String(s).replace(/\n$/, ''));
    const spies = [
      jest.spyOn(console, 'log').mockImplementation(push),
      jest.spyOn(console, 'error').mockImplementation(push),
      jest.spyOn(process.stdout, 'write').mockImplementation((s: unknown) => (push(s), true)),
    ];
    try {
      await program.parseAsync(['node', 'custody', ...args]);
      return Number(process.exitCode ?? 0);
    } finally {
      for (const s of spies) s.mockRestore();
      process.exitCode = saved.code;
    }
  }
  return Object.assign(ctx, { run });
}
