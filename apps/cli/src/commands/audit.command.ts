import type { Command } from 'commander';
import { counted, InvalidInputError, LENSES, SEVERITIES, type Lens, type Severity } from '@custody/domain';
import type { ReportFormat } from '@custody/reports';
import { EXIT } from '../exit-codes.js';
import { boundHeapGrowth } from '../heap-growth.js';
import { emit, emitChunks } from '../output.js';
import { progressBar } from '../progress.js';


export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('audit documents and configs in memory (no service needed) and print a report')
    .argument('<paths...>', 'files or folders: contracts, BAAs, policies, configs, fleet exports, custody.yaml')
    .option('--lens <lens>', `client population lens (${LENSES.join(', ')})`)
    .option('--format <format>', 'md | json | ndjson | html | pdf | csv | sarif (json and ndjson are streamed)', 'md')
    .option('--max-manifest-mb <mb>', 'largest custody.yaml to read, in MB (an agency-sized manifest of 100,000 systems is ~50 MB)', '64')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--fail-on <severity>', `exit ${EXIT.findings} if an untriaged finding is at or above this severity (${SEVERITIES.join(', ')}); a template's review (its vendor's name left blank) never gates`)
    .option('--triage <file>', 'triage decisions to apply (default: custody-triage.yaml beside custody.yaml)')
    .option('--baseline <file>', 'a previous `--format sarif` output: results are marked new/unchanged/absent')
    .option('--fail-on-new', 'with --baseline: the --fail-on gate (default: any severity) counts only findings the baseline does not have')
    .option('--src-root <dir>', 'SARIF: the folder artifact paths are relative to (default: the working directory, e.g. the repository root)')
    .option('--allow-partial', `accept an audit some documents could not be read for (too complex, unreadable): listed on stderr, but not exit ${EXIT.usage}`)
    .action(async (paths: string[], opts: { lens?: string; format: string; maxManifestMb: string; out?: string; failOn?: string; triage?: string; baseline?: string; failOnNew?: boolean; srcRoot?: string; allowPartial?: boolean }) => {
      // The audit's garbage, not what it keeps, would otherwise set its peak memory (heap-growth.ts).
      boundHeapGrowth();
      // Loaded here, not at the top: `custody --version` and `rules` must not pay for the audit's modules.
      // One at a time: Jest's ESM loader fails on concurrent dynamic imports of shared modules.
      const { loadConfig } = await import('@custody/config');
      const { loadVendorCatalogue } = await import('@custody/integrations');
      const { auditFiles } = await import('@custody/audit');
      const { githubIngestionProblems, jsonChunks, ndjsonChunks, renderReport, renderSarif, REPORT_FORMATS } = await import('@custody/reports');
      const { assessmentNote, auditRoot, manifestProblems, nothingRead, unlinkedContracts } = await import('./audit-input.js');
      const { findTriageFile, gateHits, loadBaseline, loadTriage, sarifOptionsFor, staleDecisions } = await import('./audit-ci.js');
      if (opts.format !== 'ndjson' && !(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new InvalidInputError(`unknown format "${opts.format}"; expected ${REPORT_FORMATS.join(', ')}, ndjson`);
      const maxManifestMb = Number(opts.maxManifestMb);
      if (!(maxManifestMb > 0)) throw new InvalidInputError(`--max-manifest-mb must be a positive number, not "${opts.maxManifestMb}"`);
      if (opts.lens && !LENSES.includes(opts.lens as Lens)) throw new InvalidInputError(`unknown lens "${opts.lens}"; expected ${LENSES.join(', ')}`);
      if (opts.failOn && !SEVERITIES.includes(opts.failOn as Severity)) throw new InvalidInputError(`unknown severity "${opts.failOn}"; expected ${SEVERITIES.join(', ')}`);
      if (opts.failOnNew && !opts.baseline) throw new InvalidInputError('--fail-on-new needs --baseline FILE (the SARIF of the run to compare with)');
      const config = loadConfig();
      const vendors = config.vendorsFile ? loadVendorCatalogue(config.vendorsFile) : [];
      const baseline = opts.baseline ? loadBaseline(opts.baseline) : undefined;
      const triageFile = findTriageFile(paths, opts.triage);
      const triage = triageFile ? loadTriage(triageFile) : undefined;
      const maxManifestBytes = Math.round(maxManifestMb * 1024 * 1024);
      // The declarations budget is the operator's (CUSTODY_PARSE_MAX_DECLARATIONS), as for uploads: an agency's fleet
      // export of 100,000 installs declares ~380,000 systems and flows, over the 50,000 default.
      const report = await auditFiles(paths, { lens: opts.lens as Lens | undefined, vendors, triage, maxManifestBytes, maxDeclarations: config.parseMaxDeclarations, onProgress: progressBar('reading') });
      const broken = manifestProblems(report, auditRoot(paths), { maxManifestBytes });
      if (broken.length) {
        // No report at all: a report without the practice's own map would look clean and pass --fail-on.
        for (const line of broken) process.stderr.write(`custody: ${line}\n`);
        process.stderr.write('custody: the stack manifest did not load; no report written\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const empty = nothingRead(report, paths);
      if (empty) {
        for (const d of report.documents) process.stderr.write(`custody: ${d.status}: ${d.reason ?? d.file}\n`);
        process.stderr.write(`custody: ${empty}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      for (const id of triage ? staleDecisions(triage, report.findings) : []) process.stderr.write(`custody: ${triageFile}: no finding ${id} in this audit (fixed, or a typo?)\n`);
      if (opts.format === 'sarif') {
        const sarif = renderSarif(report, sarifOptionsFor(paths, { srcRoot: opts.srcRoot, baseline }));
        for (const p of githubIngestionProblems(JSON.parse(sarif))) process.stderr.write(`custody: SARIF: ${p}\n`);
        emit(sarif, opts.out);
      } else if (opts.format === 'json' || opts.format === 'ndjson') {
        await emitChunks(opts.format === 'json' ? jsonChunks(report) : ndjsonChunks(report), opts.out);
      } else emit(await renderReport(report, opts.format as ReportFormat, { executablePath: config.chromiumPath }), opts.out);
      const bad = report.documents.filter((d) => d.status === 'failed' || d.status === 'unparsed');
      for (const d of bad) process.stderr.write(`custody: ${d.status}: ${d.reason ?? d.file}\n`);
      for (const line of unlinkedContracts(report)) process.stderr.write(`custody: ${line}\n`);
      for (const line of assessmentNote(report)) process.stderr.write(`custody: ${line}\n`);
      if (opts.failOn || opts.failOnNew) {
        const failOn = (opts.failOn ?? 'info') as Severity;
        const hits = gateHits(report.findings, { failOn, baseline, newOnly: opts.failOnNew });
        if (hits.length) {
          process.stderr.write(`custody: ${counted(hits.length, `${opts.failOnNew ? 'new ' : ''}untriaged finding`)} at or above ${failOn}\n`);
          process.exitCode = EXIT.findings;
        }
      }
      // A document that failed (too complex, unreadable, an error while reading) left the audit partial: its
      // vendor's terms or its flows are missing, and the findings they would raise with them, so a green CI
      // run would vouch for evidence nobody read. The report is written all the same (it lists them); the exit
      // says unreadable input unless the user accepted a partial audit. Unparsed files (a README, a format
      // Custody does not read, a config with nothing to interpret) are not evidence and do not count.
      const failed = report.documents.filter((d) => d.status === 'failed');
      if (failed.length && !opts.allowPartial) {
        process.stderr.write(`custody: partial audit: ${failed.length} of ${counted(report.documents.length, 'document')} could not be read (listed above); exit ${EXIT.usage} (--allow-partial accepts a partial audit)\n`);
        process.exitCode = EXIT.usage;
      }
    });
}
