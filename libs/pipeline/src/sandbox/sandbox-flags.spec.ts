import { readFileSync } from 'node:fs';
import { REGEXP_NATIVE, SandboxProcess } from './sandbox-process.js';

/**
 * A sandbox process is started with the regexp tiering the extraction library wants, so the library leaves V8's
 * flags alone once running (changing them at run time is unsupported by V8; a crash while a process warms up would
 * read as "the parsing sandbox did not start").
 */
describe('SandboxProcess start flags', () => {
  it('starts the child with --no-regexp-tier-up, a tiering flag of its own that the extraction library keeps (regexp-tier.spec)', () => {
    const p = new SandboxProcess({ timeoutMs: 10_000, heapMb: 128, rssMb: 512 }, () => undefined);
    try {
      const argv = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toContain(REGEXP_NATIVE);
    } finally {
      p.stop();
    }
  });
});
