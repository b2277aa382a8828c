import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@custody/domain';
import { auditFiles } from './audit-files.js';

describe('auditFiles', () => {
  it('names the file it could not read, as bad input (not an internal error without a path)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-audit-files-'));
    try {
      writeFileSync(join(dir, 'a.md'), '# Notes\n');
      writeFileSync(join(dir, 'b.md'), '# Terms\n');
      // b.md is a file when the folder is walked and a folder when it is read (a workspace changed meanwhile):
      // readFileSync's own message ("EISDIR: illegal operation on a directory, read") names no file.
      const onProgress = (_done: number, _total: number, file: string) => {
        if (file === 'a.md') (rmSync(join(dir, 'b.md')), mkdirSync(join(dir, 'b.md')));
      };
      const failure = await auditFiles([dir], { onProgress }).then(() => undefined, (e: unknown) => e);
      expect(failure).toBeInstanceOf(InvalidInputError);
      expect((failure as Error).message).toBe('b.md: cannot be read (EISDIR: illegal operation on a directory, read)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
