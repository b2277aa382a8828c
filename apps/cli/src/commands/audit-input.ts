import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { categoryList, counted, CustodyError, nameKey, PRACTICE_ID, templateReach, type AuditReport, type GraphSystem } from '@custody/domain';
import { isPrivacyPracticesNotice, parseManifest } from '@custody/graph';

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

/**
 * Why there is no audit to report: no contract, config, fleet export or stack manifest was read. An empty
 * folder, a mistyped glob or a folder of READMEs would otherwise give "0 / 100 (no exposure)" and pass
 * `--fail-on` — a clean bill of health for evidence nobody read. Undefined when something was read.
 */
export function nothingRead(report: AuditReport, paths: string[]): string | undefined {
  // Failed documents are evidence that was not read either: with nothing else, --allow-partial (a partial audit
  // accepted) must not turn them into a clean report.
  if (report.documents.some((d) => d.status === 'processed')) return undefined;
  const where = paths.join(', ');
  const n = report.documents.length;
  if (n === 0) return `no files in ${where}: nothing to audit; no report written (point it at contracts, BAAs, policies, configs, a fleet export or custody.yaml)`;
  const failed = report.documents.filter((d) => d.status === 'failed').length;
  const files = n === 1 ? 'the one file in it' : `the ${n} files in it`;
  const why = failed === 0
    ? `${n === 1 ? 'the one file in it is not' : `none of the ${n} files in it is`} a contract, config, fleet export or custody.yaml`
    : failed === n ? `${files} could not be read` : `of ${files}, ${failed} could not be read and the others are not evidence`;
  return `nothing to audit in ${where}: ${why} (listed above); no report written`;
}

/**
 * Contracts that were read but speak for no system: their terms are in the report's contract table, yet no
 * finding counts them, which a reader cannot tell from the table alone. One line each, with how to link it.
 */
export function unlinkedContracts(report: AuditReport): string[] {
  // With no system of the practice's own, a contract naming a vendor was assessed (assessed-vendors.ts): one left
  // unlinked is a payer's or government body's, or the practice's own notice, and no custody.yaml entry would help.
  const assessing = report.systems.every((s) => s.id === PRACTICE_ID || s.assessed);
  const practice = nameKey(report.practice.name);
  return report.documents.filter((d) => d.type === 'contract' && d.status === 'processed' && !d.system)
    .map((d) => {
      const vendor = d.info?.vendor;
      if (assessing && isPrivacyPracticesNotice(d.info?.title)) {
        return `not assessed: ${d.file}: it is a notice of privacy practices (a covered entity's notice to its own clients), not a vendor's terms, so it raises no finding`;
      }
      if (assessing && vendor) {
        return `not assessed: ${d.file}: ${nameKey(vendor) === practice ? 'it is your practice\'s own document, not a vendor\'s'
          : `${vendor} is no vendor you contract with (a payer or government body answers for records under its own HIPAA duties, not terms you accept)`}, so its terms raise no finding`;
      }
      return `not linked: ${d.file}: ${vendor ? `its vendor (${vendor}) matches no system` : 'it names no vendor and none of its parties matches a system'}, so its terms raise no finding; ` +
        'list it under documents: in custody.yaml with the system it covers';
    });
}

/**
 * The lines that say a report is a vendor assessment (the input gave no systems, so each contract's vendor was
 * assessed from its terms: libs/graph assessed-vendors.ts), with what each vendor is assumed to receive. Without them
 * a CI log shows findings about flows no one declared. What was not assessed as a vendor says so on its own line: a
 * template (its party's name left blank) is reviewed as written and not scored; terms whose vendor's name was not
 * found are scored under the file's name, which is not the vendor's. Empty for an audit of declared systems.
 */
export function assessmentNote(report: AuditReport): string[] {
  const vendors = report.systems.filter((s) => s.assessed);
  if (!vendors.length) return [];
  const files = (s: GraphSystem) => s.contracts.filter((c) => !c.via).map((c) => basename(c.file)).join(', ');
  const lines: string[] = [];
  const named = vendors.filter((v) => !v.template);
  if (named.length) {
    const each = named.map((v) => `${v.name} (${categoryList([...new Set(report.flows.filter((f) => f.assessed && f.to === v.id).flatMap((f) => f.data))])})`);
    lines.push(`vendor assessment: no system was given, so each contract's vendor is assessed from its terms as if you send it: ${each.join('; ')}; ` +
      'declare your systems in custody.yaml to audit your own stack');
  }
  for (const v of vendors) {
    if (v.template) {
      // Its review: on it, and on the sub-processors only its clauses name (bound by its flow-down alone).
      const reach = templateReach(report, v.id);
      const found = report.findings.filter((f) => f.template && f.systems.some((id) => reach.has(id))).length;
      lines.push(`template, not assessed: ${files(v)} leaves the vendor's name blank, so no vendor is assessed from it: its clauses are reviewed as written ` +
        `(${found ? `${counted(found, 'finding')} marked template review` : 'no finding on them'}) and not scored or gated by --fail-on${named.length ? `, so it does not count toward ${named.length === 1 ? `${named[0]!.name}'s score` : 'the vendors\' score'}` : ' (the score is not applicable)'}; ` +
        'assess the vendor\'s own signed agreement before adopting it');
    } else if (v.unnamed) {
      lines.push(`vendor not named: no vendor name was found in ${files(v)}, so its terms are assessed and scored under the file's name ("${v.name}"), not the vendor's; ` +
        'if it is another document of a vendor named here, list both under that vendor in custody.yaml');
    }
  }
  return lines;
}
