import { kindLabel, lensLabel, subjectSystems, type AuditDiff, type AuditReport, type Finding, isoDay, type TriageChange } from '@custody/domain';

/**
 * `custody diff` for a person: each change under a heading that says what the mark means (`+` new, `-` gone), a
 * finding by its title and the systems it is about (by name: subjects such as `system:scribe` are ids), its id last
 * for a triage or baseline file, and the score said to be exposure, where lower is better.
 */
type Side = Pick<AuditReport, 'systems'> & Partial<Pick<AuditReport, 'practice' | 'lens'>>;

export function diffText(diff: AuditDiff, before: Side, after: Side): string {
  const { appeared, disappeared, changed, triaged } = diff;
  const line = (mark: string, severity: string, f: Finding, report: Pick<AuditReport, 'systems'>, tail = '') =>
    `${mark} [${severity}] ${f.title}${who(f, report)}${tail} (${f.id})`;
  const section = (head: string, lines: string[]) => (lines.length ? [`${head} (${lines.length}):`, ...lines] : []);
  const sign = diff.score.delta >= 0 ? '+' : '';
  return [
    ...caveats(before, after),
    `exposure score ${diff.score.before} → ${diff.score.after} (${sign}${diff.score.delta}; lower is less exposed)`,
    ...section('new findings', appeared.map((f) => line('+', f.severity, f, after))),
    ...section('gone (fixed, or no longer found)', disappeared.map((f) => line('-', f.severity, f, before))),
    ...section('severity or data changed', changed.map((c) => line('~', `${c.before.severity} → ${c.after.severity}`, c.after, after))),
    ...section('triage changed', triaged.map((t) => line('*', t.finding.severity, t.finding, after, `: ${triageText(t)}`))),
    // Said outright (a bare score line reads like output cut short), and only what was compared: a lens
    // moves the score without a finding appearing, changing or being triaged.
    ...(appeared.length + disappeared.length + changed.length + triaged.length === 0 ? ['no finding appeared or disappeared, and none changed severity, categories or triage'] : []),
  ].join('\n');
}

/**
 * What makes the two audits not like for like, said before the score: two practices (the wrong file passed), or
 * two lenses (a lens re-weights every finding, so the score moves with nothing fixed).
 */
function caveats(before: Side, after: Side): string[] {
  const out: string[] = [];
  const name = (s: Side) => s.practice?.name;
  if (name(before) && name(after) && name(before) !== name(after)) {
    out.push(`note: these are audits of two practices (before: ${name(before)}, after: ${name(after)}); every finding of one shows as new or gone`);
  }
  if (before.lens && after.lens && before.lens !== after.lens) {
    out.push(`note: the audits use different lenses (before: ${lensLabel(before.lens)}, after: ${lensLabel(after.lens)}); the score changes with the lens even where nothing else did`);
  }
  return out;
}

/**
 * ` — Scribewell AI · Missing BAA`: the subject's systems by name (not every system a finding touches: a fleet
 * finding touches each install) and the kind in words, when the report names them.
 */
function who(f: Finding, report: Pick<AuditReport, 'systems'>): string {
  const names = (f.subject ? subjectSystems(f.subject) : []).map((id) => report.systems?.find((s) => s.id === id)?.name ?? id);
  const parts = [names.join(', '), f.kind && kindLabel(f.kind)].filter(Boolean);
  return parts.length ? ` — ${parts.join(' · ')}` : '';
}

/** `open → accepted (reason; by who on 2026-12-01)`: the decision as the later audit records it. */
function triageText(t: TriageChange): string {
  const word = (s: string) => s.replace(/_/g, ' ');
  const { reason, by, at } = t.finding.triage ?? {};
  const whoBy = [by && `by ${by}`, at && `on ${isoDay(at)}`].filter(Boolean).join(' ');
  const why = [reason, whoBy].filter(Boolean).join('; ');
  return `${word(t.before)} → ${word(t.after)}${why ? ` (${why})` : ''}`;
}
