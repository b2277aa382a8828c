import type { Command } from 'commander';
import { InvalidInputError, LENSES, SEVERITIES, severityRank, type Lens, type Severity } from '@custody/domain';
import type { ReportFormat } from '@custody/reports';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { progressBar } from '../progress.js';


export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('audit documents and configs in memory (no service needed) and print a report')
    .argument('<paths...>', 'files or folders: contracts, BAAs, policies, configs, fleet exports, custody.yaml')
    .option('--lens <lens>', `client population lens (${LENSES.join(', ')})`)
    .option('--format <format>', 'md | json | html | pdf | csv | sarif', 'md')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--fail-on <severity>', `exit ${EXIT.findings} if an untriaged finding is at or above this severity (${SEVERITIES.join(', ')})`)
    .action(async (paths: string[], opts: { lens?: string; format: string; out?: string; failOn?: string }) => {
      // Loaded here, not at the top: `custody --version` and `rules` must not pay for the audit's modules.
      // One at a time: Jest's ESM loader fails on concurrent dynamic imports of shared modules.
      const { loadConfig } = await import('@custody/config');
      const { loadVendorCatalogue } = await import('@custody/integrations');
      const { auditFiles } = await import('@custody/audit');
      const { renderReport, REPORT_FORMATS } = await import('@custody/reports');
      const { auditRoot, manifestProblems } = await import('./audit-input.js');
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new InvalidInputError(`unknown format "${opts.format}"; expected ${REPORT_FORMATS.join(', ')}`);
      if (opts.lens && !LENSES.includes(opts.lens as Lens)) throw new InvalidInputError(`unknown lens "${opts.lens}"; expected ${LENSES.join(', ')}`);
      if (opts.failOn && !SEVERITIES.includes(opts.failOn as Severity)) throw new InvalidInputError(`unknown severity "${opts.failOn}"; expected ${SEVERITIES.join(', ')}`);
      const config = loadConfig();
      const vendors = config.vendorsFile ? loadVendorCatalogue(config.vendorsFile) : [];
      const report = await auditFiles(paths, { lens: opts.lens as Lens | undefined, vendors, onProgress: progressBar('reading') });
      const broken = manifestProblems(report, auditRoot(paths));
      if (broken.length) {
        // No report at all: a report without the practice's own map would look clean and pass --fail-on.
        for (const line of broken) process.stderr.write(`custody: ${line}\n`);
        process.stderr.write('custody: the stack manifest did not load; no report written\n');
        process.exitCode = EXIT.usage;
        return;
      }
      emit(await renderReport(report, opts.format as ReportFormat, { executablePath: config.chromiumPath }), opts.out);
      const bad = report.documents.filter((d) => d.status === 'failed' || d.status === 'unparsed');
      for (const d of bad) process.stderr.write(`custody: ${d.status}: ${d.reason ?? d.file}\n`);
      if (opts.failOn) {
        const threshold = severityRank(opts.failOn as Severity);
        const hits = report.findings.filter((f) => severityRank(f.severity) >= threshold && (!f.triage || f.triage.status === 'open'));
        if (hits.length) {
          process.stderr.write(`custody: ${hits.length} finding(s) at or above ${opts.failOn}\n`);
          process.exitCode = EXIT.findings;
        }
      }
    });
}
