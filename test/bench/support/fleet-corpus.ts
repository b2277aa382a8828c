import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../../libs/rules/src/testing/prng.js';

/**
 * A synthetic AI-notetaker fleet in the shape of product.md (one CSV row per install), for the fleet bench.
 * Deterministic for a given size and seed, so runs are comparable.
 *
 * The mix is meant to look like a real multi-site agency rather than 10,000 copies of one row:
 * - three vendors with their own default settings and market shares (55 / 30 / 15 %), each with a current
 *   and an older version;
 * - 40 sites, each mostly on one vendor (agencies standardise per site), with a minority of installs on
 *   another vendor;
 * - clinicians with one to four machines each;
 * - drift: about 8 % of installs differ from their vendor default in one setting (training switched on,
 *   longer retention, recording always on, consent capture off, EU or offshore storage, an extra
 *   sub-processor), about 3 % run the older version, and a few rows use other spellings of the same values
 *   (`Yes`, `per-session`, ` 90 `) as exports from different console versions do.
 */
export interface FleetCorpus {
  dir: string;
  files: string[];
  rows: number;
  bytes: number;
  vendors: string[];
  sites: number;
  driftedRows: number;
}

interface VendorProfile {
  name: string;
  share: number;
  versions: [string, string];
  host: string;
  defaults: {
    recording: string;
    can_disable: string;
    audio_retention_days: number;
    transcript_retention_days: number;
    training: string;
    consent_capture: string;
    subprocessors: string[];
    storage_region: string;
  };
}

const VENDORS: VendorProfile[] = [
  {
    name: 'Scribewell AI', share: 0.55, versions: ['4.8.2', '4.7.9'], host: 'app.scribewell.example',
    defaults: { recording: 'always', can_disable: 'false', audio_retention_days: 90, transcript_retention_days: 365, training: 'opt_out', consent_capture: 'none', subprocessors: ['OpenAI', 'Deepgram'], storage_region: 'US' },
  },
  {
    name: 'Notely Health', share: 0.3, versions: ['2.3.0', '2.1.4'], host: 'api.notely.example',
    defaults: { recording: 'per_session', can_disable: 'true', audio_retention_days: 0, transcript_retention_days: 30, training: 'prohibited', consent_capture: 'written', subprocessors: ['Anthropic', 'AssemblyAI'], storage_region: 'US' },
  },
  {
    name: 'Cadence Scribe', share: 0.15, versions: ['1.12.1', '1.9.0'], host: 'cloud.cadencescribe.example',
    defaults: { recording: 'per_session', can_disable: 'true', audio_retention_days: 30, transcript_retention_days: 180, training: 'opt_in', consent_capture: 'verbal', subprocessors: ['Azure OpenAI'], storage_region: 'US' },
  },
];

const CITIES = ['Oakland', 'Fresno', 'San Jose', 'Sacramento', 'Stockton', 'Modesto', 'Berkeley', 'Hayward', 'Salinas', 'Merced'];
const FIRST = ['Rosa', 'Marcus', 'Priya', 'Tomás', 'Aisha', 'Daniel', 'Mei', 'Kwame', 'Elena', 'Jordan', 'Fatima', 'Luis', 'Hannah', 'Oluwaseun', 'Grace', 'Nikhil'];
const LAST = ['Delgado', 'Bell', 'Raman', 'Herrera', 'Okafor', 'Nguyen', 'Chen', 'Mensah', 'Petrova', 'Reyes', 'Haddad', 'Ortiz', 'Kim', 'Adeyemi', 'Walsh', 'Iyer'];
const CREDS = ['LMFT', 'LCSW', 'PsyD', 'PhD', 'ASW', 'LPCC', 'MD'];

// The PRNG (mulberry32, the specs' own) is seeded: the corpus must not change between runs.

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeFleetCorpus(dir: string, rows = 10_000, seed = 20_260_101): FleetCorpus {
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sites = Array.from({ length: 40 }, (_, i) => {
    // Sites standardise on one vendor, weighted by market share.
    const r = rnd();
    const vendor = r < VENDORS[0].share ? 0 : r < VENDORS[0].share + VENDORS[1].share ? 1 : 2;
    return { name: `${CITIES[i % CITIES.length]} - Clinic ${String(i + 1).padStart(2, '0')}`, code: `S${String(i + 1).padStart(2, '0')}`, vendor };
  });
  const header = 'install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region';
  const lines = [header];
  let drifted = 0;
  let clinician = 0;
  let machinesLeft = 0;
  let clinicianName = '';
  let site = sites[0];
  for (let i = 0; i < rows; i++) {
    if (machinesLeft === 0) {
      clinician++;
      machinesLeft = 1 + Math.floor(rnd() * 4);
      clinicianName = `${pick(FIRST)} ${pick(LAST)} ${pick(CREDS)} #${clinician}`;
      site = sites[Math.floor(rnd() * sites.length)];
    }
    machinesLeft--;
    // 12 % of installs are on a vendor other than the site's standard one.
    const vi = rnd() < 0.12 ? Math.floor(rnd() * VENDORS.length) : site.vendor;
    const v = VENDORS[vi];
    const s = { ...v.defaults, subprocessors: [...v.defaults.subprocessors] };
    let version = v.versions[0];
    if (rnd() < 0.03) version = v.versions[1];
    if (rnd() < 0.08) {
      drifted++;
      switch (Math.floor(rnd() * 7)) {
        case 0: s.training = 'allowed'; break;
        case 1: s.audio_retention_days = 365; s.transcript_retention_days = 2555; break;
        case 2: s.recording = 'always'; s.can_disable = 'false'; break;
        case 3: s.consent_capture = 'none'; break;
        case 4: s.storage_region = pick(['EU', 'IN', 'PH']); break;
        case 5: s.subprocessors.push(pick(['Google Gemini', 'Rev.com', 'Speechmatics'])); break;
        default: s.training = 'opt_out'; s.recording = 'always'; break;
      }
    }
    let recording = s.recording;
    let canDisable = s.can_disable;
    let audio = String(s.audio_retention_days);
    // Older console exports spell the same values differently.
    if (rnd() < 0.02) {
      recording = recording === 'per_session' ? 'per-session' : recording.toUpperCase();
      canDisable = canDisable === 'true' ? 'Yes' : 'No';
      audio = ` ${audio} `;
    }
    lines.push([
      `${site.code}-LT-${String(i + 1).padStart(5, '0')}`, clinicianName, site.name, v.name, version, recording, canDisable, audio,
      String(s.transcript_retention_days), s.training, s.consent_capture, s.subprocessors.join(';'), s.storage_region,
    ].map(csvCell).join(','));
  }
  const csv = `${lines.join('\n')}\n`;
  writeFileSync(join(dir, 'fleet.csv'), csv);
  const manifest = [
    'version: 1',
    'practice:',
    '  name: Central Valley Behavioral Health',
    '  jurisdiction: US-CA',
    '  lenses: [default]',
    '  records: { psychotherapy_notes_kept_separately: true }',
    'systems:',
    '  - { id: ehr, name: CarePath EHR, role: ehr, holds: [progress_notes, psychotherapy_notes, diagnosis, claims, demographics], hosts: [api.carepath.example] }',
    ...VENDORS.map((v, i) => `  - { id: notetaker-${i + 1}, name: ${v.name}, role: ai_notetaker, hosts: [${v.host}] }`),
    '  - { id: clearinghouse, name: ClaimBridge, role: clearinghouse }',
    'flows:',
    '  - { from: practice, to: ehr, data: [progress_notes, psychotherapy_notes, diagnosis, demographics], transport: https, purpose: documentation }',
    ...VENDORS.map((_, i) => `  - { from: notetaker-${i + 1}, to: ehr, data: [progress_notes], transport: https, purpose: AI-drafted progress notes }`),
    '  - { from: ehr, to: clearinghouse, data: [claims, diagnosis], transport: sftp, purpose: payment }',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'custody.yaml'), manifest);
  return { dir, files: ['custody.yaml', 'fleet.csv'], rows, bytes: Buffer.byteLength(csv) + Buffer.byteLength(manifest), vendors: VENDORS.map((v) => v.name), sites: sites.length, driftedRows: drifted };
}
