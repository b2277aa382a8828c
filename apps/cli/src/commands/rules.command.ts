import type { Command } from 'commander';
import { diffAudits, InvalidInputError, isoDay, type AuditReport, type TriageChange } from '@custody/domain';
import { emit } from '../output.js';
import { readBytes } from './extract.command.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules: id, kind, title and citations')
    .option('--format <format>', 'md | json', 'md')
    .action(async (opts: { format: string }) => {
      const { describeRules } = await import('@custody/rules');
      const rules = describeRules();
      if (opts.format === 'json') return emit(JSON.stringify(rules, null, 2));
      emit(rules.map((r) => `${r.id.padEnd(36)} ${r.kind.padEnd(34)} ${r.title}\n${' '.repeat(37)}${r.citations.map((c) => c.ref).join('; ')}`).join('\n'));
    });

  program
    .command('diff')
    .description('compare two `audit --format json` outputs: score change, findings that appeared, disappeared, changed or were triaged')
    .argument('<before>')
    .argument('<after>')
    .option('--format <format>', 'md | json', 'md')
    .action((before: string, after: string, opts: { format: string }) => {
      const a = readReport(before);
      const b = readReport(after);
      const diff = diffAudits(a, b);
      const { appeared, disappeared, triaged } = diff;
      if (opts.format === 'json') return emit(JSON.stringify(diff, null, 2));
      emit([
        `score ${diff.score.before} → ${diff.score.after} (${diff.score.delta >= 0 ? '+' : ''}${diff.score.delta})`,
        ...appeared.map((f) => `+ [${f.severity}] ${f.id} — ${f.title}`),
        ...disappeared.map((f) => `- [${f.severity}] ${f.id} — ${f.title}`),
        ...diff.changed.map((c) => `~ [${c.before.severity} → ${c.after.severity}] ${c.after.id} — ${c.after.title}`),
        ...triaged.map((t) => `* [${t.finding.severity}] ${t.finding.id} — ${t.finding.title}: ${triageText(t)}`),
        // Said outright (a bare score line reads like output cut short), and only what was compared: a lens
        // moves the score without a finding appearing, changing or being triaged.
        ...(appeared.length + disappeared.length + diff.changed.length + triaged.length === 0 ? ['no finding appeared or disappeared, and none changed severity, categories or triage'] : []),
      ].join('\n'));
    });
}

/** `open → accepted (reason; by who on 2026-12-01)`: the decision as the later audit records it. */
function triageText(t: TriageChange): string {
  const word = (s: string) => s.replace(/_/g, ' ');
  const { reason, by, at } = t.finding.triage ?? {};
  const who = [by && `by ${by}`, at && `on ${isoDay(at)}`].filter(Boolean).join(' ');
  const why = [reason, who].filter(Boolean).join('; ');
  return `${word(t.before)} → ${word(t.after)}${why ? ` (${why})` : ''}`;
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
