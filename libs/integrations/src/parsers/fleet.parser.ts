import { CONSENT_CAPTURE_MODES, InvalidInputError, PRACTICE_ID, RECORDING_MODES, TRAINING_SETTINGS, type Evidence, type FlowDecl, type ParseResult, type SystemDecl } from '@custody/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { lookupVendor } from '../catalogue/lookup.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { slug } from '../safe/text.js';
import type { ParseOptions } from '../types.js';

type Row = Record<string, unknown>;
// The notetaker settings vocabulary is the domain's (shared with the manifest and the webhook).
const RECORDING: readonly string[] = RECORDING_MODES;
const TRAINING: readonly string[] = TRAINING_SETTINGS;
const CONSENT: readonly string[] = CONSENT_CAPTURE_MODES;

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '').trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return undefined;
}
function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v ?? '').trim();
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}
function oneOf(v: unknown, allowed: readonly string[]): string | undefined {
  const s = String(v ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return allowed.includes(s) ? s : undefined;
}
const str = (v: unknown) => String(v ?? '').trim();

/** Typed notetaker settings of one install (product.md). Unknown enum values are kept raw and flagged. */
export function installSettings(r: Row): { settings: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const en = (k: string, allowed: readonly string[]) => {
    const raw = str(r[k]);
    const v = oneOf(raw, allowed);
    if (raw && !v) problems.push(`${k}='${raw}'`);
    return v ?? (raw || undefined);
  };
  const subs = Array.isArray(r.subprocessors) ? r.subprocessors.map(str) : str(r.subprocessors).split(';').map((s) => s.trim());
  const settings: Record<string, unknown> = {
    recording: en('recording', RECORDING),
    can_disable: bool(r.can_disable),
    audio_retention_days: num(r.audio_retention_days),
    transcript_retention_days: num(r.transcript_retention_days),
    training: en('training', TRAINING),
    consent_capture: en('consent_capture', CONSENT),
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

/** Parses a fleet export text (secrets already redacted) into install systems and flows. */
export function parseFleetText(text: string, format: 'fleet-csv' | 'fleet-json', opts: ParseOptions = {}): ParseResult {
  let rows: { row: Row; line: number; path: string }[];
  if (format === 'fleet-csv') {
    let records: { record: Row; info: { lines: number } }[];
    try {
      records = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, relax_column_count: true, bom: true }) as never;
    } catch (err) {
      throw new InvalidInputError(`malformed fleet CSV: ${(err as Error).message}`);
    }
    rows = records.map((r, i) => ({ row: r.record, line: r.info.lines, path: `row[${i + 1}]` }));
  } else {
    const { value, lines } = parseJsonWithLines(text);
    const list = Array.isArray(value) ? value : ((value as Row).installs ?? (value as Row).fleet ?? (value as Row).items);
    if (!Array.isArray(list)) throw new InvalidInputError('fleet JSON must be an array of installs (or { installs: [...] })');
    const base = Array.isArray(value) ? '' : 'installs';
    rows = list.map((row, i) => ({ row: row as Row, line: lines.get(joinPath(base, i)) ?? 1, path: joinPath(base, i) }));
  }
  const file = opts.fileName;
  const ev = (path: string, line: number, quote: string): Evidence => ({ quote: quote.length > 240 ? `${quote.slice(0, 239)}…` : quote, path, line, ...(file ? { file } : {}) });
  const systems: SystemDecl[] = [{ id: PRACTICE_ID, name: 'Practice', role: 'practice', evidence: [ev('header', 1, format === 'fleet-csv' ? text.split('\n', 1)[0].replace(/\r$/, '') : 'fleet export')] }];
  const flows: FlowDecl[] = [];
  const unparsed: { reason: string; path?: string }[] = [];
  const warnings: string[] = [];
  const subs = new Map<string, SystemDecl>();
  const ids = new Set<string>();
  const textLines = format === 'fleet-csv' ? text.split('\n') : undefined;
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
    const { settings, problems } = installSettings(row);
    if (problems.length) warnings.push(`${path}: unrecognised setting values ${problems.join(', ')}`);
    let id = `install-${slug(installId)}`;
    for (let k = 2; ids.has(id); k++) id = `install-${slug(installId)}-${k}`;
    ids.add(id);
    const vendor = str(row.vendor) || 'Unknown notetaker';
    const quote = textLines ? (textLines[line - 1] ?? '').replace(/\r$/, '') : `install_id ${installId}`;
    const e = ev(path, line, quote);
    systems.push({ id, name: `${vendor} install ${installId}${settings.clinician ? ` (${settings.clinician})` : ''}`, role: 'ai_notetaker', settings, group: { vendor, site: settings.site as string | undefined }, evidence: [e] });
    flows.push({ from: PRACTICE_ID, to: id, data: ['session_recording', 'session_transcript'], transport: 'https', purpose: 'documentation', evidence: [e] });
    for (const name of settings.subprocessors as string[]) {
      const sid = `subprocessor-${slug(name)}`;
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
