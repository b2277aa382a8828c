import { CONSENT_CAPTURE_MODES, InvalidInputError, parseRetentionDays, PRACTICE_ID, RECORDING_MODES, TRAINING_SETTINGS, type Evidence, type FlowDecl, type ParseResult, type SystemDecl, type SystemSettings } from '@custody/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { lookupVendor } from '../catalogue/lookup.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { slug } from '../safe/text.js';
import type { ParseOptions } from '../types.js';
import { readPlainCsv } from './plain-csv.js';

type Row = Record<string, unknown>;
// The notetaker settings vocabulary is the domain's (shared with the manifest and the webhook).

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '').trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return undefined;
}
function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  const s = String(v ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}
const str = (v: unknown) => String(v ?? '').trim();

/**
 * Typed notetaker settings of one install (product.md), parsed here once: the graph and the rules read typed
 * values. A value outside the vocabulary is left out and named in `problems` (the parse warns with it).
 */
export function installSettings(r: Row): { settings: SystemSettings; problems: string[] } {
  const problems: string[] = [];
  const typed = <T>(k: string, parse: (v: unknown) => T | undefined): T | undefined => {
    const raw = typeof r[k] === 'string' ? str(r[k]) : r[k];
    const v = raw === '' || raw === undefined || raw === null ? undefined : parse(raw);
    if (v === undefined && raw !== '' && raw !== undefined && raw !== null) problems.push(`${k}='${str(raw)}'`);
    return v;
  };
  const subs = Array.isArray(r.subprocessors) ? r.subprocessors.map(str) : str(r.subprocessors).split(';').map((s) => s.trim());
  const settings: SystemSettings = {
    recording: typed('recording', (v) => oneOf(v, RECORDING_MODES)),
    can_disable: typed('can_disable', bool),
    audio_retention_days: typed('audio_retention_days', parseRetentionDays),
    transcript_retention_days: typed('transcript_retention_days', parseRetentionDays),
    training: typed('training', (v) => oneOf(v, TRAINING_SETTINGS)),
    consent_capture: typed('consent_capture', (v) => oneOf(v, CONSENT_CAPTURE_MODES)),
    subprocessors: subs.filter(Boolean),
    storage_region: str(r.storage_region) || undefined,
    install_id: str(r.install_id),
    clinician: str(r.clinician) || undefined,
    site: str(r.site) || undefined,
    vendor: str(r.vendor) || undefined,
    version: str(r.version) || undefined,
  };
  return { settings, problems };
}

/** The settings an install shares with its class (every setting but who and where it is), in the order parsed. */
const CLASS_SETTINGS = ['recording', 'can_disable', 'audio_retention_days', 'transcript_retention_days', 'training', 'consent_capture', 'subprocessors', 'storage_region'] as const;

/** What {@link installSettings} makes of a class's cells: its typed values, their problems and its sub-processors' ids. */
interface InstallClass {
  typed: SystemSettings;
  problems: string[];
  subprocessors: { name: string; sid: string }[];
}

/**
 * Install classes (issue 11): a fleet export's rows repeat a few dozen combinations of setting cells, so each
 * combination's typed settings (and their problems, and its sub-processors' ids) are worked out once and every
 * row of it gets those values, not a parse of its eight cells. A trie of the cells (Map keys compare strings by
 * text): no key text per row. Rows whose cells are not all strings or missing (a JSON export's numbers, lists)
 * are parsed on their own.
 */
class InstallClasses {
  private readonly root = new Map<unknown, unknown>();

  of(row: Row): InstallClass {
    let node = this.root;
    for (let i = 0; i < CLASS_SETTINGS.length; i++) {
      const v = row[CLASS_SETTINGS[i]!];
      if (v !== undefined && typeof v !== 'string') return classOf(row);
      let next = node.get(v) as Map<unknown, unknown> | InstallClass | undefined;
      if (next === undefined) {
        next = i === CLASS_SETTINGS.length - 1 ? classOf(row) : new Map<unknown, unknown>();
        node.set(v, next);
      }
      if (i === CLASS_SETTINGS.length - 1) return next as InstallClass;
      node = next as Map<unknown, unknown>;
    }
    return classOf(row);
  }
}

/** One class's values: {@link installSettings} of its cells alone (the install's own cells are read per row). */
function classOf(row: Row): InstallClass {
  const cells: Row = {};
  for (const k of CLASS_SETTINGS) if (Object.hasOwn(row, k)) cells[k] = row[k];
  const { settings, problems } = installSettings(cells);
  // One list for the class's installs: frozen, as nothing edits a parsed install's settings (changes replace them).
  Object.freeze(settings.subprocessors);
  const subprocessors = (settings.subprocessors as string[]).map((name) => ({ name, sid: `subprocessor-${slug(name)}` }));
  return { typed: settings, problems, subprocessors };
}

/** An install's settings: its class's typed values (the class's list of sub-processors), then its own cells. */
function withOwnCells(c: InstallClass, r: Row): SystemSettings {
  const t = c.typed;
  return {
    recording: t.recording, can_disable: t.can_disable, audio_retention_days: t.audio_retention_days, transcript_retention_days: t.transcript_retention_days,
    training: t.training, consent_capture: t.consent_capture, subprocessors: t.subprocessors, storage_region: t.storage_region,
    install_id: str(r.install_id), clinician: str(r.clinician) || undefined, site: str(r.site) || undefined, vendor: str(r.vendor) || undefined, version: str(r.version) || undefined,
  };
}

/** Any CSV, through csv-parse (quotes, ragged rows, a BOM). */
export function parseCsvRecords(text: string): { record: Row; line: number }[] {
  try {
    const records = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, relax_column_count: true, bom: true }) as { record: Row; info: { lines: number } }[];
    return records.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    throw new InvalidInputError(`malformed fleet CSV: ${csvProblem(err as CsvError, text)}`);
  }
}

type CsvError = Error & { code?: string; lines?: number };

/**
 * csv-parse's error said as a person fixing the export needs it: the line to look at and what to change. Its own
 * message names the line where parsing stopped, which for a quote never closed is the end of the file.
 */
export function csvProblem(err: CsvError, text: string): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted field opened on line ${openQuoteLine(text)} is never closed (a quote inside a quoted field is written twice: "")`;
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `line ${err.lines}: a quote in the middle of a field (quote the whole field and write the quote twice: "5"" screen")`;
    default:
      return err.lines === undefined ? err.message : `line ${err.lines}: ${err.message}`;
  }
}

/** The line on which the quoted field left open at the end of the text began. */
function openQuoteLine(text: string): number {
  let open = false;
  let line = 1;
  let openedOn = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      // A doubled quote inside a quoted field is a literal quote and leaves the field open.
      if (open && text[i + 1] === '"') i++;
      else if ((open = !open)) openedOn = line;
    }
  }
  return openedOn;
}

/** Parses a fleet export text (secrets already redacted) into install systems and flows. */
export function parseFleetText(text: string, format: 'fleet-csv' | 'fleet-json', opts: ParseOptions = {}): ParseResult {
  let rows: { row: Row; line: number; path: string }[];
  if (format === 'fleet-csv') {
    const records = readPlainCsv(text) ?? parseCsvRecords(text);
    rows = records.map((r, i) => ({ row: r.record, line: r.line, path: `row[${i + 1}]` }));
  } else {
    const { value, lines } = parseJsonWithLines(text);
    const list = Array.isArray(value) ? value : ((value as Row).installs ?? (value as Row).fleet ?? (value as Row).items);
    if (!Array.isArray(list)) throw new InvalidInputError('fleet JSON must be an array of installs (or { installs: [...] })');
    const base = Array.isArray(value) ? '' : 'installs';
    rows = list.map((row, i) => ({ row: row as Row, line: lines.get(joinPath(base, i)) ?? 1, path: joinPath(base, i) }));
  }
  const file = opts.fileName;
  // Fields assigned, not spread in: one item per row (V8 builds a literal with a spread in it several times slower).
  const ev = (path: string, line: number, quote: string): Evidence => {
    const e: Evidence = { quote: quote.length > 240 ? `${quote.slice(0, 239)}…` : quote, path, line };
    if (file) e.file = file;
    return e;
  };
  const systems: SystemDecl[] = [{ id: PRACTICE_ID, name: 'Practice', role: 'practice', evidence: [ev('header', 1, format === 'fleet-csv' ? text.split('\n', 1)[0].replace(/\r$/, '') : 'fleet export')] }];
  const flows: FlowDecl[] = [];
  const unparsed: { reason: string; path?: string }[] = [];
  const warnings: string[] = [];
  const subs = new Map<string, SystemDecl>();
  const ids = new Set<string>();
  const textLines = format === 'fleet-csv' ? text.split('\n') : undefined;
  const classes = new InstallClasses();
  for (const { row, line, path } of rows) {
    if (!row || typeof row !== 'object') {
      unparsed.push({ reason: 'install row is not an object', path });
      continue;
    }
    const installId = str(row.install_id);
    if (!installId) {
      unparsed.push({ reason: 'row without install_id', path });
      continue;
    }
    const installClass = classes.of(row);
    const settings = withOwnCells(installClass, row);
    const problems = installClass.problems;
    if (problems.length) warnings.push(`${path}: unrecognised setting values ${problems.join(', ')}`);
    let id = `install-${slug(installId)}`;
    for (let k = 2; ids.has(id); k++) id = `install-${slug(installId)}-${k}`;
    ids.add(id);
    const vendor = str(row.vendor) || 'Unknown notetaker';
    const textLine = textLines ? (textLines[line - 1] ?? '') : undefined;
    const quote = textLine === undefined ? `install_id ${installId}` : textLine.endsWith('\r') ? textLine.slice(0, -1) : textLine;
    const e = ev(path, line, quote);
    systems.push({ id, name: `${vendor} install ${installId}${settings.clinician ? ` (${settings.clinician})` : ''}`, role: 'ai_notetaker', settings, group: { vendor, site: settings.site as string | undefined }, evidence: [e] });
    flows.push({ from: PRACTICE_ID, to: id, data: ['session_recording', 'session_transcript'], transport: 'https', purpose: 'documentation', evidence: [e] });
    for (const { name, sid } of installClass.subprocessors) {
      let sys = subs.get(sid);
      if (!sys) {
        const v = lookupVendor(name, opts.vendors);
        sys = { id: sid, name: v?.name ?? name, role: v?.role ?? 'other', settings: v?.kind ? { kind: v.kind } : undefined, evidence: [e] };
        subs.set(sid, sys);
      }
      const kind = sys.settings?.kind;
      const data = kind === 'transcription' ? (['session_recording'] as const) : sys.role === 'llm_provider' ? (['session_transcript'] as const) : (['session_recording', 'session_transcript'] as const);
      flows.push({ from: id, to: sid, data: [...data], transport: 'https', purpose: 'subprocessor', evidence: [e] });
    }
  }
  const result: ParseResult = { format, systems: [...systems, ...subs.values()], flows, redactions: [] };
  if (unparsed.length) result.unparsed = unparsed;
  if (warnings.length) result.warnings = warnings.slice(0, 200);
  return result;
}
