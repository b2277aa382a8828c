/**
 * What `custody audit` needs to serve as a CI gate in a config repository: triage decisions from
 * `custody-triage.yaml`, a previous SARIF log as the baseline, SARIF paths relative to the repository
 * (`--src-root`) with lines found in the source files, and a gate that can fail only on new findings.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidInputError, severityRank, type Finding, type Severity } from '@custody/domain';
import { parseTriageFile, TRIAGE_FILE_NAME, type TriageDecision } from '@custody/graph';
import { auditRoot, collectFiles } from '@custody/audit';
import { parseSarifBaseline, type SarifBaseline, type SarifRenderOptions } from '@custody/reports';

const readInput = (file: string, what: string): string => {
  if (!existsSync(file)) throw new InvalidInputError(`${what} ${file}: no such file`);
  return readFileSync(file, 'utf8');
};

/**
 * The triage file to apply: `--triage FILE` if given, else `custody-triage.yaml` beside the audited
 * `custody.yaml`, else in the audited folder; undefined when there is none.
 */
export function findTriageFile(paths: string[], explicit?: string): string | undefined {
  if (explicit) return resolve(explicit);
  const manifest = collectFiles(paths).find((f) => /^custody\.ya?ml$/i.test(basename(f)));
  const candidates = [...(manifest ? [join(dirname(manifest), TRIAGE_FILE_NAME)] : []), join(auditRoot(paths), TRIAGE_FILE_NAME)];
  return candidates.find((f) => existsSync(f));
}

export function loadTriage(file: string): Map<string, TriageDecision> {
  return parseTriageFile(readInput(file, 'triage file'), relative(process.cwd(), file) || file);
}

/** Decisions that name no finding of this audit: fixed since, or a typo; said so the file stays honest. */
export function staleDecisions(triage: ReadonlyMap<string, TriageDecision>, findings: Finding[]): string[] {
  const ids = new Set(findings.map((f) => f.id));
  return [...triage.keys()].filter((id) => !ids.has(id));
}

export function loadBaseline(file: string): SarifBaseline {
  return parseSarifBaseline(readInput(file, 'baseline'), file);
}

/** Binary evidence (PDF, DOCX) has no lines: its quotes come from a text layer, not the file's bytes. */
function readSourceText(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8192).includes(0) || bytes.subarray(0, 5).toString('latin1') === '%PDF-' || bytes.subarray(0, 2).toString('latin1') === 'PK') return undefined;
  return bytes.toString('utf8');
}

/**
 * SARIF options for an audit of `paths`: artifact URIs relative to `srcRoot` (default: the working
 * directory, a repository's root in CI), which is recorded as SRCROOT, and source text for line look-ups.
 */
export function sarifOptionsFor(paths: string[], opts: { srcRoot?: string; baseline?: SarifBaseline } = {}): SarifRenderOptions {
  const root = auditRoot(paths);
  const srcRoot = resolve(opts.srcRoot ?? process.cwd());
  if (!statSync(srcRoot, { throwIfNoEntry: false })?.isDirectory()) throw new InvalidInputError(`--src-root ${srcRoot}: not a folder`);
  return {
    srcRoot: `${pathToFileURL(srcRoot).href.replace(/\/$/, '')}/`,
    artifactPath: (file) => {
      const rel = relative(srcRoot, resolve(root, file));
      if (rel.startsWith('..') || isAbsolute(rel)) throw new InvalidInputError(`${resolve(root, file)} is outside --src-root ${srcRoot}; pass the repository root as --src-root`);
      return rel.split(sep).join('/');
    },
    sourceText: (file) => readSourceText(resolve(root, file)),
    baseline: opts.baseline,
  };
}

/**
 * Findings that fail the gate: untriaged (open) and at or above `failOn`; with a baseline and `newOnly`,
 * only those the baseline did not have.
 */
export function gateHits(findings: Finding[], opts: { failOn: Severity; baseline?: SarifBaseline; newOnly?: boolean }): Finding[] {
  if (opts.newOnly && !opts.baseline) throw new InvalidInputError('--fail-on-new needs --baseline FILE (the SARIF of the run to compare with)');
  const threshold = severityRank(opts.failOn);
  // A template's review (Finding.template) rates no vendor: listed in the report, never a gate, as it is never scored.
  return findings.filter((f) => !f.template && severityRank(f.severity) >= threshold && (!f.triage || f.triage.status === 'open') && !(opts.newOnly && opts.baseline!.ids.has(f.id)));
}
