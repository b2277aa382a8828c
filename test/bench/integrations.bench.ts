/**
 * Integrations bench: parses every config in the shared measurement corpus and reports, per format and
 * overall, files parsed / unparsed / crashed, recall of the hand-labelled flows, flows produced that
 * are not labelled, secrets found against `secrets_present`, secret text leaked into output, and the
 * fleet-export throughput on a generated 10,000-row CSV.
 *
 * Run: `npm run bench:integrations` (add `--json` for machine-readable output).
 * Corpus: `../shared/corpus/configs/` from the repo root (override with CUSTODY_CONFIG_CORPUS).
 *
 * Matching heuristic (labels are free text, so this is documented and deliberately simple):
 *  - Each side of a labelled flow ("from", "to") is tokenised into strong tokens (host names, IPs,
 *    host:port, ports, URL paths, `${VARS}`, UUID/hex prefixes, e-mail addresses, quoted names) and
 *    content words (4+ letters, minus a stop list of words every config shares: mirth, channel,
 *    server, http, file, database, patient, …).
 *  - A produced flow's side is described by its system's id, name and hosts, plus the flow endpoint.
 *    When no specific token is shared, shared stop-list words count at half weight, so a generic label
 *    ("HTTP client (not named)") can match a generic produced system ("HTTP client of port 8099").
 *  - A labelled flow is found when some produced flow shares at least one token on the `from` side
 *    and at least one on the `to` side (direction respected). Matching is one-to-one, best score
 *    first, so one produced flow cannot satisfy two labels. Flows matching only with from/to swapped
 *    are counted separately as "reversed" and are NOT counted as found.
 *  - Transport agreement (label text mentions the produced transport family) is reported, not required.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowDecl, ParseResult, SystemDecl } from '@custody/domain';
import { parseConfig, parseFleet } from '../../libs/integrations/src/index.js';
import { findSecrets } from '../../libs/integrations/src/redact/redact.js';

interface Label { from: string; to: string; transport: string; data: string[]; evidence?: string }
interface Expected { file: string; format: string; flows: Label[]; secrets_present: boolean }

const json = process.argv.includes('--json');
const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.env.CUSTODY_CONFIG_CORPUS ?? join(root, '..', 'shared', 'corpus', 'configs');

const STOP = new Set(
  'mirth channel channels server service http https file files database local directory client clients patient patients data from with not named sender senders engine message messages workflow flow system systems store the and via into over connect connector destination source listener reader writer api rest fhir hl7v2 hl7 json plus only port host none unknown for any per its'.split(' '),
);

function tokens(text: string): { strong: Set<string>; words: Set<string>; weak: Set<string> } {
  const t = text.toLowerCase();
  const strong = new Set<string>();
  for (const m of t.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^\s/'"),;]+)(\/[^\s'"),;]*)?/g)) {
    const hp = m[1].replace(/^[^@]*@/, '');
    strong.add(hp);
    strong.add(hp.split(':')[0]);
    if (m[2]) for (const seg of m[2].split('/').filter((s) => s.length >= 3 && !STOP.has(s))) strong.add(seg);
  }
  for (const m of t.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g)) (strong.add(m[0]), strong.add(m[0].split(':')[0]));
  for (const m of t.matchAll(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}\b/g)) strong.add(m[0]);
  for (const m of t.matchAll(/\b[\w.-]+:(\d{2,5})\b/g)) strong.add(m[1]);
  for (const m of t.matchAll(/\$\{([^}]+)\}/g)) strong.add(`\${${m[1]}}`);
  for (const m of t.matchAll(/\b[0-9a-f]{8}(?=-[0-9a-f]{4}|-\.\.\.|\b)/g)) strong.add(m[0]);
  for (const m of t.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) strong.add(m[0]);
  for (const m of t.matchAll(/\/[a-z0-9_.-]{3,}(?:\/[a-z0-9_.-]+)*/g)) strong.add(m[0]);
  for (const m of t.matchAll(/\b\d{4,5}\b/g)) strong.add(m[0]);
  for (const m of t.matchAll(/'([^']{3,})'/g)) strong.add(m[1].trim());
  const words = new Set<string>();
  const weak = new Set<string>();
  for (const w of t.split(/[^a-z0-9_]+/)) {
    if (w.length < 3 || /^\d+$/.test(w)) continue;
    if (STOP.has(w)) weak.add(w);
    else words.add(w);
  }
  return { strong, words, weak };
}

/**
 * Shared tokens between a label side and a produced side. When nothing specific is shared, generic
 * words count at half weight ("HTTP client (not named)" matches a produced "HTTP client of port 8099").
 */
function overlap(label: ReturnType<typeof tokens>, desc: ReturnType<typeof tokens>): number {
  let s = 0;
  for (const x of label.strong) if (desc.strong.has(x) || [...desc.strong].some((d) => d.includes(x) && x.length >= 6)) s += 2;
  for (const x of label.words) if (desc.words.has(x) || desc.strong.has(x)) s += 1;
  if (!s) for (const x of label.weak) if (desc.weak.has(x)) s += 0.5;
  return s;
}

function describe(sys: SystemDecl | undefined, id: string, endpoint?: string): ReturnType<typeof tokens> {
  return tokens([id.replace(/-/g, ' '), sys?.name ?? '', ...(sys?.hosts ?? []), endpoint ?? ''].join(' \n '));
}

const FAMILY: [RegExp, string[]][] = [
  [/mllp|tcp|syslog|hl7v2 pix/i, ['mllp', 'mllp_tls', 'tcp']],
  [/https|http|rest|api|webhook|gmail|sendgrid|slack|sheets|calendar/i, ['https', 'http', 'api', 'unknown']],
  [/file/i, ['file', 'sftp', 'ftp']],
  [/database|jdbc|sql|redis|cdc/i, ['database']],
  [/smtp|email/i, ['smtp', 'smtp_tls']],
  [/websocket/i, ['websocket']],
  [/kafka|pub\/sub|queue/i, ['queue']],
  [/channel writer|channel reader|in-engine/i, ['api']],
  [/unknown|unspecified|custom|aws service/i, ['unknown', 'api']],
];
const transportAgrees = (label: string, t: string) => FAMILY.some(([re, ts]) => re.test(label) && ts.includes(t));

function match(labels: Label[], result: ParseResult) {
  const sys = new Map(result.systems.map((s) => [s.id, s]));
  const cands: { li: number; fi: number; score: number }[] = [];
  const reversed = new Set<number>();
  labels.forEach((l, li) => {
    const lf = tokens(l.from);
    const lt = tokens(l.to);
    result.flows.forEach((f: FlowDecl, fi) => {
      const df = describe(sys.get(f.from), f.from, f.endpoint);
      const dt = describe(sys.get(f.to), f.to, f.endpoint);
      const a = overlap(lf, df);
      const b = overlap(lt, dt);
      if (a > 0 && b > 0) cands.push({ li, fi, score: a + b });
      else if (overlap(lf, dt) > 0 && overlap(lt, df) > 0) reversed.add(li);
    });
  });
  cands.sort((x, y) => y.score - x.score);
  const usedL = new Set<number>();
  const usedF = new Set<number>();
  let transportOk = 0;
  for (const c of cands) {
    if (usedL.has(c.li) || usedF.has(c.fi)) continue;
    usedL.add(c.li);
    usedF.add(c.fi);
    if (transportAgrees(labels[c.li].transport, result.flows[c.fi].transport)) transportOk++;
  }
  return { found: usedL.size, extra: result.flows.length - usedF.size, reversedOnly: [...reversed].filter((l) => !usedL.has(l)).length, transportOk, missed: labels.filter((_, i) => !usedL.has(i)) };
}

/**
 * Counts secret values (as detected in the raw input) that reappear in the output. A value counts as
 * leaked when it appears with the same one-character context it had in the input (e.g. `'root'`,
 * `>12345<`), or anywhere when it is long or not a plain word (≥ 12 chars, or ≥ 6 with a digit or
 * symbol). Structural metadata is excluded: redaction records and evidence `path`s hold key names
 * (`password`), never values.
 */
function leaks(text: string, result: ParseResult): number {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (key !== 'path') out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'redactions') walk(x, k);
  };
  walk(result);
  const hay = out.join('\n');
  let n = 0;
  for (const s of findSecrets(text)) {
    const v = text.slice(s.start, s.end);
    if (v.length < 3 || v.includes('\n')) continue;
    const framed = text.slice(Math.max(0, s.start - 1), s.end + 1);
    const distinctive = v.length >= 12 || (v.length >= 6 && /[^A-Za-z]/.test(v));
    if (hay.includes(framed) || (distinctive && hay.includes(v))) n++;
  }
  return n;
}

interface Row { file: string; format: string; status: 'parsed' | 'unparsed' | 'rejected' | 'crashed'; reason?: string; labelled: number; found: number; extra: number; reversedOnly: number; transportOk: number; secretsFound: number; secretsLabelled: boolean; leaked: number; missed: string[] }

/** Results by file, kept for the matching control. */
const results = new Map<string, { labels: Label[]; result: ParseResult }>();

/**
 * Control for the matching heuristic: each file's labels matched against another file's output (the
 * next file in the corpus). A lenient matcher would "find" flows there too; this rate is its noise floor.
 */
function chanceRecall(): number | null {
  const files = [...results.keys()];
  let labelled = 0;
  let found = 0;
  files.forEach((f, i) => {
    const other = results.get(files[(i + 1) % files.length])!;
    const mine = results.get(f)!;
    labelled += mine.labels.length;
    found += match(mine.labels, other.result).found;
  });
  return labelled ? Number((found / labelled).toFixed(3)) : null;
}

function runCorpus(): Row[] {
  if (!existsSync(join(corpus, 'expected.json'))) return [];
  const expected: Expected[] = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'));
  const byFile = new Map(expected.map((e) => [e.file, e]));
  const rows: Row[] = [];
  for (const file of readdirSync(corpus).filter((f) => byFile.has(f)).sort()) {
    const e = byFile.get(file)!;
    const bytes = readFileSync(join(corpus, file));
    const base = { file, labelled: e.flows.length, secretsLabelled: e.secrets_present, found: 0, extra: 0, reversedOnly: 0, transportOk: 0, secretsFound: 0, leaked: 0, missed: [] as string[] };
    try {
      const r = parseConfig(bytes, file);
      results.set(file, { labels: e.flows, result: r });
      const crash = r.unparsed?.find((u) => u.reason.startsWith('parser error'));
      const m = match(e.flows, r);
      rows.push({
        ...base,
        format: r.format,
        status: crash ? 'crashed' : r.flows.length || !r.unparsed?.length ? 'parsed' : 'unparsed',
        reason: crash?.reason,
        found: m.found,
        extra: m.extra,
        reversedOnly: m.reversedOnly,
        transportOk: m.transportOk,
        secretsFound: r.redactions.length,
        leaked: leaks(bytes.toString('utf8'), r),
        missed: m.missed.map((l) => `${l.from.slice(0, 60)} -> ${l.to.slice(0, 60)}`),
      });
    } catch (err) {
      const invalid = (err as { code?: string }).code === 'invalid_input';
      rows.push({ ...base, format: '?', status: invalid ? 'rejected' : 'crashed', reason: (err as Error).message, missed: e.flows.map((l) => `${l.from.slice(0, 60)} -> ${l.to.slice(0, 60)}`) });
    }
  }
  return rows;
}

function fleetBench(n = 10_000) {
  const vendors = ['Upheal', 'Freed', 'Mentalyc', 'Heidi', 'Suki'];
  const subs = ['OpenAI;Deepgram', 'Anthropic', 'Azure OpenAI;AssemblyAI', 'Google Gemini', ''];
  const lines = ['install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region'];
  for (let i = 0; i < n; i++) {
    lines.push([`inst-${i}`, `Clinician ${i % 400}`, `Site ${i % 12}`, vendors[i % 5], `2.${i % 7}.0`, ['always', 'per_session', 'off'][i % 3], i % 4 ? 'true' : 'false', 30 + (i % 90), 365, ['allowed', 'opt_out', 'opt_in', 'prohibited'][i % 4], ['none', 'verbal', 'written'][i % 3], subs[i % 5], i % 10 ? 'US' : 'EU'].join(','));
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const t0 = performance.now();
  const r = parseFleet(bytes, 'fleet.csv');
  const ms = performance.now() - t0;
  const installs = r.systems.filter((s) => s.role === 'ai_notetaker').length;
  return { rows: n, installs, flows: r.flows.length, ms: Math.round(ms), rowsPerSecond: Math.round((n / ms) * 1000) };
}

function summarise(rows: Row[]) {
  const sum = (rs: Row[]) => {
    const labelled = rs.reduce((a, r) => a + r.labelled, 0);
    const found = rs.reduce((a, r) => a + r.found, 0);
    return {
      files: rs.length,
      parsed: rs.filter((r) => r.status === 'parsed').length,
      unparsed: rs.filter((r) => r.status === 'unparsed' || r.status === 'rejected').length,
      crashed: rs.filter((r) => r.status === 'crashed').length,
      labelledFlows: labelled,
      found,
      recall: labelled ? Number((found / labelled).toFixed(3)) : null,
      extraFlows: rs.reduce((a, r) => a + r.extra, 0),
      reversedOnly: rs.reduce((a, r) => a + r.reversedOnly, 0),
      transportAgreement: found ? Number((rs.reduce((a, r) => a + r.transportOk, 0) / found).toFixed(3)) : null,
      secretFiles: { labelled: rs.filter((r) => r.secretsLabelled).length, detected: rs.filter((r) => r.secretsFound > 0).length, agree: rs.filter((r) => r.secretsLabelled === r.secretsFound > 0).length },
      secretsRedacted: rs.reduce((a, r) => a + r.secretsFound, 0),
      leaked: rs.reduce((a, r) => a + r.leaked, 0),
    };
  };
  const formats = [...new Set(rows.map((r) => r.format))].sort();
  return { overall: sum(rows), byFormat: Object.fromEntries(formats.map((f) => [f, sum(rows.filter((r) => r.format === f))])) };
}

const rows = runCorpus();
const fleet = fleetBench();
const summary = { ...summarise(rows), chanceRecall: chanceRecall() };
if (json) {
  console.log(JSON.stringify({ corpus: rows.length ? corpus : null, ...summary, fleet, files: rows }, null, 2));
} else {
  if (!rows.length) console.log(`(no corpus at ${corpus}: skipping corpus figures)`);
  else {
    console.log(`corpus: ${corpus}`);
    console.log('format            files parsed unparsed crashed  recall (found/labelled)  extra reversed  secrets(lab/det/agree) redacted leaked');
    for (const [f, s] of [...Object.entries(summary.byFormat), ['OVERALL', summary.overall] as const]) {
      console.log(`${String(f).padEnd(17)} ${String(s.files).padStart(5)} ${String(s.parsed).padStart(6)} ${String(s.unparsed).padStart(8)} ${String(s.crashed).padStart(7)}  ${String(s.recall).padStart(6)} (${s.found}/${s.labelledFlows})`.padEnd(80) + `${String(s.extraFlows).padStart(5)} ${String(s.reversedOnly).padStart(8)}  ${`${s.secretFiles.labelled}/${s.secretFiles.detected}/${s.secretFiles.agree}`.padStart(20)} ${String(s.secretsRedacted).padStart(8)} ${String(s.leaked).padStart(6)}`);
    }
    console.log(`transport agreement on found flows: ${summary.overall.transportAgreement}`);
    console.log(`matching control (labels vs another file's output): recall ${summary.chanceRecall}`);
    for (const r of rows) {
      if (r.missed.length || r.status !== 'parsed' || r.secretsLabelled !== r.secretsFound > 0) {
        console.log(`  ${r.file} [${r.status}] found ${r.found}/${r.labelled}, extra ${r.extra}, secrets labelled=${r.secretsLabelled} redacted=${r.secretsFound}${r.reason ? `, ${r.reason}` : ''}`);
        for (const m of r.missed) console.log(`      missed: ${m}`);
      }
    }
  }
  console.log(`fleet: ${fleet.rows} rows → ${fleet.installs} installs, ${fleet.flows} flows in ${fleet.ms} ms (${fleet.rowsPerSecond} rows/s)`);
}
