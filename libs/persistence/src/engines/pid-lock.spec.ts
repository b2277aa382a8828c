import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodyError } from '@custody/domain';
import { isProcessAlive, takePidLock } from './pid-lock.js';

/** The pid of a process that has exited (and been reaped), so no process has it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('pid lock and process liveness', () => {
  let dir: string;
  const refuse = (holder: number | undefined) => new CustodyError('home_locked', `held by ${holder}`);
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'custody-pidlock-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells a running process from one that has exited', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
  });

  it('refuses a lock a live process holds, takes over one a dead process left, and releases it', () => {
    const file = join(dir, 'lock.pid');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(file, String(child.pid));
      expect(() => takePidLock(file, refuse)).toThrow(`held by ${child.pid}`);
    } finally {
      child.kill();
    }
    writeFileSync(file, String(deadPid()));
    const release = takePidLock(file, refuse);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });
});
