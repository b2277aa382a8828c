import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CustodyError, type AuditReport } from '@custody/domain';
import { parseManifest } from '@custody/graph';

/**
 * Why an audit's input cannot be trusted, one line per problem: a stack manifest that did not load (YAML
 * syntax, schema, dangling ids: its own located problems), or one whose `documents:` names a file that does
 * not exist. Without the manifest the report would describe a different practice — one with no declared
 * flows and nothing to find — so `custody audit` refuses to write it (exit 2) rather than pass CI clean.
 *
 * `root` is the folder report file names are relative to (what `auditFiles` used).
 */
export function manifestProblems(report: AuditReport, root: string, opts: { maxManifestBytes?: number } = {}): string[] {
  const problems: string[] = [];
  for (const d of report.documents) {
    if (d.type !== 'manifest') continue;
    if (d.status !== 'processed') {
      problems.push(d.reason ?? `${d.file}: the stack manifest did not load`);
      continue;
    }
    const path = resolve(root, d.file);
    try {
      const text = readFileSync(path, 'utf8');
      // Without a `documents` key there is nothing to look for: skip parsing the whole manifest again (an
      // agency's manifest of 100,000 systems takes as long to parse as the rest of the audit).
      if (!/documents['"]?\s*:/.test(text)) continue;
      const manifest = parseManifest(text, d.file, { maxBytes: opts.maxManifestBytes });
      for (const [i, doc] of manifest.documents.entries()) {
        const listed = resolve(dirname(path), doc.file);
        if (!existsSync(listed) || !statSync(listed).isFile()) {
          problems.push(`${d.file}:${doc.line}: documents[${i}].file: "${doc.file}" does not exist (looked for ${listed})`);
        }
      }
    } catch (err) {
      // Read again here only to find its documents: a file that changed under us is still a problem to report.
      problems.push(err instanceof CustodyError ? err.message : `${d.file}: ${(err as Error).message}`);
    }
  }
  return problems;
}

/** The folder `auditFiles` names files relative to (one definition, in the audit core). */
export { auditRoot } from '@custody/audit';
