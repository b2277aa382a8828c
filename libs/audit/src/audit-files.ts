import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { defaultLens, InvalidInputError, type AuditReport, type Lens } from '@custody/domain';
import type { VendorEntry } from '@custody/integrations';
import { TRIAGE_FILE_NAME } from '@custody/graph';
import type { RuleSettings, TriageMap } from '@custody/rules';
import { analyzeDocument } from './analyze-document.js';
import { analyseAndProject, composeReport, evaluateGraph, type AnalyzedDocument } from './build-audit.js';

/**
 * Every file under the given paths (folders walked recursively; hidden entries, node_modules and the triage
 * file skipped: triage decisions are input to the audit, not evidence).
 */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new InvalidInputError(`${p}: no such file or folder`);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules' || name === TRIAGE_FILE_NAME) continue;
        walk(join(p, name));
      }
    } else if (st.isFile()) out.push(p);
  };
  for (const p of paths) walk(resolve(p));
  return out;
}

/** The folder file names in an audit report are relative to: the one folder audited, else the working directory. */
export function auditRoot(paths: readonly string[]): string {
  return paths.length === 1 && statSync(resolve(paths[0]!), { throwIfNoEntry: false })?.isDirectory() ? resolve(paths[0]!) : process.cwd();
}

/**
 * The whole audit in memory, with no database or queue: what `custody audit` runs (e.g. in a config repo's
 * CI). It uses the same analysis, projection, rules and score as the service.
 */
export async function auditFiles(paths: string[], opts: { vendors?: VendorEntry[]; lens?: Lens; settings?: RuleSettings; now?: Date; name?: string; maxBytes?: number; maxManifestBytes?: number; maxDeclarations?: number; triage?: TriageMap; onProgress?: (done: number, total: number, file: string) => void } = {}): Promise<AuditReport> {
  const files = collectFiles(paths);
  const root = auditRoot(paths);
  const now = opts.now ?? new Date();
  // Analysis and projection in their own frame, so no parse outlives the projection here (analyseAndProject).
  const { graph, documents } = await analyseAndProject(files, async (file, i) => {
    const name = relative(root, file) || basename(file);
    const doc = await analyzeFile(file, name, opts);
    opts.onProgress?.(i + 1, files.length, name);
    return doc;
  }, { asOf: now.toISOString(), vendors: opts.vendors });
  const lens = opts.lens ?? defaultLens(graph.practice);
  const evaluation = evaluateGraph(graph, { lens, settings: opts.settings, now, triage: opts.triage });
  const name = opts.name ?? graph.practice.name;
  return composeReport({ workspace: { id: 'local', name }, graph, evaluation, documents, lens, generatedAt: now.toISOString() });
}

/** One file read and analysed; its bytes are this frame's alone, so they are not kept alive by the audit's. */
async function analyzeFile(file: string, name: string, opts: { maxBytes?: number; maxManifestBytes?: number; maxDeclarations?: number; vendors?: VendorEntry[] }): Promise<AnalyzedDocument> {
  const bytes = readBytes(file, name);
  const result = await analyzeDocument(bytes, name, { maxBytes: opts.maxBytes, maxManifestBytes: opts.maxManifestBytes, maxDeclarations: opts.maxDeclarations, vendors: opts.vendors });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: sha256, sha256, file: name, ...result };
}

/**
 * A file's bytes, or bad input naming the file: a read's own error (EIO, EISDIR …) names no path, and the CLI
 * would print it as an internal error with a stack.
 */
function readBytes(file: string, name: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InvalidInputError(`${name}: cannot be read (${(e as Error).message})`, { file: name, code: (e as NodeJS.ErrnoException).code });
  }
}
