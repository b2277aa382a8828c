import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname ?? process.cwd(), '../..');
export const DIST = (p: string) => resolve(REPO, 'dist', p);
/** The CLI as users run it (`bin`, `npm start`, `npm run custody`): the bundle, not the compiled modules. */
export const CLI_ENTRY = 'apps/cli/bundle/main.js';

export interface Proc {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a built Custody entry point (`dist/...`) as a real child process, capturing its output. */
export function startNode(entry: string, args: string[], env: Record<string, string | undefined>): Proc {
  const child = spawn(process.execPath, [DIST(entry), ...args], {
    cwd: REPO,
    env: { ...cleanEnv(), ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // CUSTODY_TEST_SERVICE_LOG: a file each service's output is also appended to (a bench's service that dies says why).
  const log = process.env.CUSTODY_TEST_SERVICE_LOG;
  const take = (d: Buffer) => {
    out += d;
    if (log) appendFileSync(log, `[${child.pid} ${entry}] ${d}`);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolveP, reject) => {
        const started = Date.now();
        const tick = () => {
          const m = out.match(pattern);
          if (m) return resolveP(m);
          if (child.exitCode !== null) return reject(new Error(`process exited (${child.exitCode}) before ${pattern}:\n${out}`));
          if (Date.now() - started > timeoutMs) return reject(new Error(`timeout waiting for ${pattern}:\n${out}`));
          setTimeout(tick, 50);
        };
        tick();
      });
    },
    kill(signal = 'SIGTERM') {
      return new Promise((r) => {
        if (child.exitCode !== null || child.signalCode) return r();
        child.once('exit', () => r());
        child.kill(signal);
      });
    },
  };
}

/** The test process's env without the service URLs, so each spawn states its mode explicitly. */
function cleanEnv(): Record<string, string | undefined> {
  const { DATABASE_URL: _d, REDIS_URL: _r, NODE_OPTIONS: _n, CUSTODY_CHILD_NODE_OPTIONS: child, ...rest } = process.env;
  // The test's own NODE_OPTIONS (jest's --experimental-vm-modules) are not the service's; a profile of the
  // services (--cpu-prof, a preload) is asked for explicitly with CUSTODY_CHILD_NODE_OPTIONS.
  return child ? { ...rest, NODE_OPTIONS: child } : rest;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
