import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFiles } from '../audit-files.js';

/** Audit a workspace folder holding these files (name → text), written to a temporary folder removed afterwards. */
export async function auditFolder(files: Record<string, string>, now: Date) {
  const dir = mkdtempSync(join(tmpdir(), 'custody-folder-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return await auditFiles([dir], { now });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
