import type { Command } from 'commander';
import { diffAudits, InvalidInputError, kindLabel, type AuditReport } from '@custody/domain';
import { emit } from '../output.js';
import { readBytes } from './extract.command.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules: id, kind, title and citations')
    .option('--format <format>', 'md | json', 'md')
    .action(async (opts: { format: string }) => {
      mdOrJson(opts.format);
      const { describeRules } = await import('@custody/rules');
      const rules = describeRules();
      if (opts.format === 'json') return emit(JSON.stringify(rules, null, 2));
      // The kind in words (as the dashboard and report name it); the id is what triage and baseline files use.
      emit(rules.map((r) => `${r.id.padEnd(36)} ${kindLabel(r.kind).padEnd(34)} ${r.title}\n${' '.repeat(37)}cites ${r.citations.map((c) => c.ref).join('; ')}`).join('\n'));
    });

  program
    .command('diff')
    .description('compare two `audit --format json` outputs: score change, findings that appeared, disappeared, changed or were triaged')
    .argument('<before>')
    .argument('<after>')
    .option('--format <format>', 'md | json', 'md')
    .action(async (before: string, after: string, opts: { format: string }) => {
      mdOrJson(opts.format);
      const a = readReport(before);
      const b = readReport(after);
      const diff = diffAudits(a, b);
      if (opts.format === 'json') return emit(JSON.stringify(diff, null, 2));
      const { diffText } = await import('./diff-text.js');
      emit(diffText(diff, a, b));
    });
}

/** An unknown --format is refused before anything is read (it used to print Markdown for any value but json). */
function mdOrJson(format: string): void {
  if (format !== 'md' && format !== 'json') throw new InvalidInputError(`unknown format "${format}"; expected md or json`);
}

function readReport(file: string): AuditReport {
  const fail = (why: string) => new InvalidInputError(`${file}: ${why} (expected the output of \`custody audit --format json\`)`);
  const bytes = readBytes(file);
  let text: string;
  try {
    // A view of the bytes, not a copy: a fleet's report is hundreds of megabytes, and past V8's longest string
    // (some 100,000 installs) decoding throws, which is this file's problem, not an internal error.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } catch (err) {
    throw fail((err as Error).message);
  }
  if (text.trim() === '') throw fail('empty file');
  let r: AuditReport;
  try {
    r = JSON.parse(text) as AuditReport;
  } catch (err) {
    throw fail(`not JSON (${(err as Error).message})`);
  }
  if (!r?.score || !Array.isArray(r.findings)) throw fail('not an audit report');
  return r;
}
