import type { Evidence, Fact } from '@custody/domain';
import { isHeaderRow } from '../clauses/list-context.js';
import type { Cell } from '../clauses/structure.js';
import { blocksOf } from '../clauses/structure.js';
import { findDurations, findDurationsFr } from '../text/numbers.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt, found, operative, silent } from './fact-context.js';
import { refusal } from '../clauses/refusal.js';

// French: "enregistrements téléphoniques", "les conversations … sont enregistrées".
const PREFILTER = /\b(?:audio|recording|recorded|voice|video|enregistr)|\b(?:not|never) records?\b/i;
// "Recording purposes", "recording and reporting purposes", "recording obligations": keeping records (bookkeeping), not audio.
// French: recordings of calls or conversations ("enregistrements téléphoniques", "les conversations orales sont enregistrées").
// Not "enregistré" alone: "données enregistrées" are data stored, "société enregistrée" a registered company.
const RECORDING = /\b(?:audio(?: files?| recordings?| data)?|recordings?(?![ -](?:(?:and|or)\s+[\w-]+\s+)?(?:purposes?|keeping|obligations?|requirements?|duties)\b)|recorded (?:sessions?|audio|calls?|visits?)|voice (?:recordings?|data)|video (?:recordings?|files?))\b|(?<![A-Za-z\u00c0-\u00ff])(?:enregistrements?\s+(?:t\u00e9l\u00e9phoniques|audio|vocaux|des\s+(?:appels|conversations))|(?:conversations|appels|communications)(?:\s+[A-Za-z\u00c0-\u00ff'-]+){0,4}?\s+(?:sont|seront|peuvent \u00eatre)\s+enregistr\u00e9(?:e|s|es)?)(?![A-Za-z\u00c0-\u00ff])/i;
const THESE_RECORDINGS = /(?<![A-Za-z\u00c0-\u00ff])ces\s+enregistrements(?![A-Za-z\u00c0-\u00ff])/i;
const RETENTION = /\b(?:retain|retention|retained|store|stored|kept|keep|keeps|held|hold|delete|deleted|deletes|purge|purged|destroy|destroyed|erase|erased|remove|removed|discard|discarded|conserv\w*|supprim\w*)/i;
// French: "conservées 6 mois", "pendant 13 mois", "de 1 à 30 jours", "pour une durée de".
const LEAD = /(?:\b(?:for|within|after|up to|no longer than|not longer than|maximum of|period of|of|than|until|at least)\s*(?:a (?:maximum|period) of\s*)?|(?<![A-Za-z\u00c0-\u00ff])(?:pendant|durant|de|\u00e0|jusqu'\u00e0|conserv[a-z\u00c0-\u00ff]*)\s*)$/i;
const ZERO = /\b(?:audio|recordings?|audio recordings?|audio files?)\s+(?:is|are)\s+(?:deleted|discarded|purged|destroyed)\s+(?:immediately|as soon as|right after|upon completion)\b/i;
// Recordings kept by no one, the refusal read by the shared negation reader (clauses/refusal.ts): "audio is never stored",
// "we do not retain recordings"; and sessions never recorded at all, "calls are never recorded", "we do not record
// visits". Each act with the subject that must stand before its negation (any one for a refused keeping: "Business
// Associate does not store video or audio").
const SESSION = String.raw`(?:sessions?|calls?|visits?|appointments?|consultations?|meetings?|conversations?|audio|video)`;
const KEPT_NONE: { act: RegExp; window: number; subject: RegExp }[] = [
  { act: /\b(?:stored|retained|saved|persisted)\b/i, window: 12, subject: /\b(?:audio|recordings?|audio recordings?|audio files?)\s+(?:is|are)\s+$/i },
  { act: /\b(?:store|retain|save|keep) (?:any |the )?(?:video (?:or|and) )?(?:audio|recordings?|audio recordings?)\b/i, window: 12, subject: /(?:)/ },
];
const NOT_RECORDED: { act: RegExp; window: number; subject: RegExp }[] = [
  { act: /\brecorded\b/i, window: 16, subject: new RegExp(String.raw`\b${SESSION}\b[^.;]{0,40}?\b(?:is|are|will be|shall be)\s+$`, 'i') },
  { act: new RegExp(String.raw`\brecords?\s+(?:any\s+|the\s+|your\s+)?(?:[\w-]+\s+){0,2}?${SESSION}\b`, 'i'), window: 16, subject: /(?:^|\W)(?:we|it|vendor|the company|company|the platform|the service)\s+(?:(?:do|does|will|shall)\s+)?$/i },
  { act: /\brecords?\b/i, window: 8, subject: /(?:^|\W)(?:we|it|vendor|the company|company|the platform|the service)\s+$/i },
];
/** The first act of `acts` refused with its subject before the negation, as [start, end) of the sentence, or undefined. */
function refusedWith(v: string, acts: { act: RegExp; window: number; subject: RegExp }[]): [number, number] | undefined {
  for (const { act, window, subject } of acts) {
    const r = refusal(v, act, window, undefined, (_m, at) => subject.test(v.slice(0, at)));
    if (r) return [r.index, r.act.index + r.act[0].length];
  }
  return undefined;
}
// Processing for a stated time is keeping for it ("We process personal data … for the period necessary …, but no longer
// than for a period of 3 years"): the verb with a length of time after it, not "within" or "after" (how soon it is done).
const PROCESSED_FOR = /\bprocess(?:es|ed|ing)?\b[^.;]*?\b(?:for a (?:maximum )?period of|for a maximum of|no longer than|not longer than|up to)\b/i;
const PARTIAL = /\b(?:every|all)\b/i;
// Recordings kept with no period ("the assistant records, processes, and retains your voice inputs", "voice recordings are
// stored in the cloud"): some audio is kept for as long as the text does not say, so a refusal elsewhere ("we do not
// retain the audio of your calls", one feature's audio) is not how long recordings are kept.
const KEEPS = /\b(?:retains?|retained|stores?|stored|keeps?|kept|saves?|saved)\b/i;
const RECORDS_AND_KEEPS = /\brecords?,?\s+(?:[\w-]+,?\s+){0,3}?(?:and\s+)?(?:retains?|stores?|keeps?|saves?)\b/i;
const RECORDING_CONDITION = /\b(?:unless|except|without (?:your|the|their|prior)|by default|but|if you|only if|only when|upon request)\b/i;

/**
 * `audio_or_recording_retention_days`: how long session audio or recordings are kept, in calendar days
 * (months × 30, years × 365; see text/numbers.ts). 0 when recordings are explicitly never stored, are
 * deleted immediately, or sessions are never recorded at all. Without a stated period (user-chosen, "temporarily", "as long as necessary") null.
 * With several periods the longest wins (the worst case for the practice).
 */
export function extractRecordingRetention(ctx: FactContext): Fact<'audio_or_recording_retention_days'> {
  let best: number | null = null;
  let keptOpen = false;
  const evidence: Evidence[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    if (!keptOpen && keptWithoutPeriod(v)) keptOpen = true;
    const never = refusedWith(v, NOT_RECORDED);
    // "We do not record every call", "not all sessions are recorded": some are, which says nothing of how long.
    if (never && !PARTIAL.test(v.slice(never[0], never[1])) && !RECORDING_CONDITION.test(v.slice(never[0])) && !/\b(?:may|might|can)\b/i.test(v.slice(0, never[0]))) {
      if (best === null) best = 0;
      evidence.push(evidenceAt(ctx, s, never[0], never[1]));
      continue;
    }
    const rec = RECORDING.exec(v);
    if (!rec || !(RETENTION.test(v) || PROCESSED_FOR.test(v))) continue;
    let matched = false;
    for (const d of [...findDurations(v), ...findDurationsFr(v)]) {
      const after = v.slice(d.index + d.length, d.index + d.length + 20);
      const lead = LEAD.test(v.slice(Math.max(0, d.index - 40), d.index)) || /^\s*(?:after|from|following|of inactivity)\b/i.test(after) || /-day\b/i.test(v.slice(d.index, d.index + d.length + 4));
      const clause = clauseAround(v, d.index, d.index + d.length);
      // "Les appels … sont enregistrés. Ces enregistrements sont conservés 6 mois": "ces enregistrements" points back to
      // the recordings named before it.
      if (!lead || !(RECORDING.test(clause) || (rec.index < d.index && THESE_RECORDINGS.test(clause)))) continue;
      if (periodOfAnother(v, d.index) || periodBeforeRecordings(v, d.index, d.index + d.length) || periodNamesOther(v, d.index + d.length)) continue;
      matched = true;
      const ev = evidenceAt(ctx, s, d.index, d.index + d.length);
      if (best === null || d.days > best) {
        best = d.days;
        evidence.unshift(ev);
      } else evidence.push(ev);
    }
    const zm = matched ? null : ZERO.exec(v);
    const z = matched ? undefined : zm ? [zm.index, zm.index + zm[0].length] : refusedWith(v, KEPT_NONE);
    if (z) {
      if (best === null) best = 0;
      evidence.push(evidenceAt(ctx, s, z[0], z[1]));
    }
  }
  for (const t of tableRetention(ctx)) {
    if (best === null || t.days > best) {
      best = t.days;
      evidence.unshift(t.evidence);
    } else evidence.push(t.evidence);
  }
  if (best === 0 && keptOpen) return silent('audio_or_recording_retention_days');
  return best === null ? silent('audio_or_recording_retention_days') : found<'audio_or_recording_retention_days'>(best, evidence, 0.8);
}

/** Whether the sentence keeps recordings, unrefused, and states no period for them (see {@link KEEPS}). */
function keptWithoutPeriod(v: string): boolean {
  const keep = KEEPS.exec(v);
  if (!keep || !(RECORDING.test(v) || RECORDS_AND_KEEPS.test(v))) return false;
  if (refusal(v, KEEPS, 30) !== null || findDurations(v).length > 0 || findDurationsFr(v).length > 0) return false;
  return !/\b(?:if|unless|when|where|may|might|can)\b/i.test(v.slice(0, keep.index));
}

// A column that says how long each row's data is kept ("Retention", "Legal basis and retention period").
// French: "Durée de conservation".
const RETENTION_COLUMN = /\b(?:retention|retained|storage (?:period|duration)|how long|kept|dur\u00e9e de conservation|conservation)\b/i;
// A period that runs from an open-ended event ("duration of the contract + 5 years", "until account deletion")
// states no number of days for the data.
const OPEN_PERIOD = /\+|\bplus\b|\b(?:duration|term|life(?:time)?|length) of\b|\buntil\b|\bas long as\b/i;

/**
 * Retention read from a table (README: Scaleway and Badoo labels): a row whose data cells name recordings ("Audio or
 * video recording", "Recording of interviews") keeps them for the period its retention column states ("1 year and
 * anonymization", "We retain the information for one year from the end of the research"). The column is found by its
 * header; a period tied to an open-ended event is no number.
 */
function tableRetention(ctx: FactContext): { days: number; evidence: Evidence }[] {
  // Cheap gates first: most documents have no table with a retention column.
  if (!ctx.text.includes('|') || !RECORDING.test(ctx.text) || !RETENTION_COLUMN.test(ctx.text)) return [];
  const out: { days: number; evidence: Evidence }[] = [];
  let last: Cell[] | undefined;
  for (const block of blocksOf(ctx.text, ctx.sentences, isHeaderRow)) {
    if (block.kind !== 'table') continue;
    // A table cut by a heading line goes on under the header it had: a headerless run of rows with the same number
    // of columns takes the last header seen.
    // A first row that names a retention column and states no period ("| Typologie des Traitements | Durée de conservation
    // … |") is the header, where the shared header test (column words in English) did not take it.
    const titles = block.header === undefined && block.rows.length > 1 && titleRow(block.rows[0].cells ?? []) ? block.rows[0].cells : undefined;
    const header = block.header ?? titles ?? (last && block.rows.every((r) => r.cells?.length === last!.length) ? last : undefined);
    if (!header) continue;
    last = header;
    const col = header.findIndex((c) => RETENTION_COLUMN.test(c.text));
    if (col < 0) continue;
    for (const row of titles ? block.rows.slice(1) : block.rows) {
      const cells = row.cells ?? [];
      const cell = cells[col];
      if (!cell || cells.length !== header.length || !cells.some((c, i) => i !== col && RECORDING.test(c.text))) continue;
      if (OPEN_PERIOD.test(cell.text)) continue;
      const durations = [...findDurations(cell.text), ...findDurationsFr(cell.text)];
      if (durations.length === 0) continue;
      const d = durations.reduce((a, b) => (b.days > a.days ? b : a));
      // Quote the cell, or the part of a long cell around the period (within the cell, at the source's offsets).
      const from = cell.text.length <= 300 ? 0 : Math.max(0, d.index - 150);
      const to = cell.text.length <= 300 ? cell.text.length : Math.min(cell.text.length, d.index + d.length + 150);
      const start = row.start + cell.at + from;
      const end = row.start + cell.at + to;
      out.push({ days: d.days, evidence: { quote: ctx.text.slice(start, end), start, end } });
    }
  }
  return out;
}

/** Whether a row reads as column titles of a retention table: a retention column named, no period stated in any cell. */
function titleRow(cells: Cell[]): boolean {
  return cells.filter((c) => c.text !== '').length >= 2 && cells.some((c) => RETENTION_COLUMN.test(c.text)) && cells.every((c) => findDurations(c.text).length === 0 && findDurationsFr(c.text).length === 0);
}

// "… recordings for 30 days and transcripts for 90 days": after a first period, a coordinator and another noun take the
// next period for themselves. Not when that noun is recordings again ("… and video recordings for 90 days").
const NOUN_FOR = String.raw`[^.;]{0,30}?\b(?:and|or|while|whereas)\s+((?:[\w'’-]+\s+){1,4}?)(?:(?:is|are|will be|may be)\s+(?:kept|retained|stored|held|deleted)\s+)?(?:for|up to|within)`;
const ANOTHER_NOUN_FOR = new RegExp(String.raw`^${NOUN_FOR}\s*$`, 'i');
// Words that are no noun of another thing: a pronoun for the recordings ("and then archive them for 12 months",
// "backups of them"), or a phrase opening with an adverb or preposition ("and in some cases for 12 months").
const NOT_ANOTHER_NOUN = /\b(?:them|it|they|these|those|such)\b|^(?:then|thereafter|afterwards|later|in|on|at|where|when|if|unless|after|until|only|also|sometimes|occasionally|up)\b/i;
const anotherNoun = (words: string) => !RECORDING.test(words) && !NOT_ANOTHER_NOUN.test(words);

/** Whether the period at `at` follows an earlier period and belongs to a noun coordinated after it, not to recordings. */
function periodOfAnother(v: string, at: number): boolean {
  const before = v.slice(Math.max(0, at - 120), at);
  const earlier = [...findDurations(before), ...findDurationsFr(before)].pop();
  if (!earlier) return false;
  const m = ANOTHER_NOUN_FOR.exec(before.slice(earlier.index + earlier.length));
  return m !== null && anotherNoun(m[1]);
}

// A period followed by the data it is for ("for a period of 3 years, in the case of logs and text dialog, and for a period
// of 1 month, in case of voice recordings"): the period is that data's, recordings' only when they are named there.
const FOR_DATA_AFTER = /^\s*\)?\s*,?\s*(?:in (?:the )?cases? of|as regards|as for|with (?:regard|respect) to|in respect of|regarding)\s+([^,;.]{1,80})/i;
function periodNamesOther(v: string, after: number): boolean {
  const m = FOR_DATA_AFTER.exec(v.slice(after));
  return m !== null && !RECORDING.test(m[1]) && !CALLS.test(m[1]);
}
// Calls or conversations named after a recording's period are the recorded ones ("kept for 90 days, in the case of sales calls").
const CALLS = /\b(?:calls?|conversations?|phone|telephone)\b/i;

// "… transcripts for 90 days and call recordings for 30 days": the recordings named after the period, with a period of
// their own, leave the first one to the noun before it.
const RECORDINGS_AFTER = new RegExp(String.raw`^${NOUN_FOR}\s`, 'i');
function periodBeforeRecordings(v: string, a: number, b: number): boolean {
  const m = RECORDINGS_AFTER.exec(v.slice(b));
  if (!m || !RECORDING.test(m[1])) return false;
  // Only when the clause names no recordings before the period ("audio recordings for 90 days and call recordings for 30").
  const clause = clauseAround(v, a, b);
  return !RECORDING.test(clause.slice(0, clause.indexOf(v.slice(a, b))));
}

// Where a clause ends: ';', ', while' / ', whereas' / ' but ', and in French a full stop after an accented word before a
// capital ("enregistrés. Les": the sentence splitter, which once read it as an initial, now cuts there too; kept so a
// clause never spans that stop whatever the splitter does) or "et" / "puis" opening a new subject ("… sont enregistrées et vos factures sont conservées 10 ans", ", puis les données de facturation …").
const CLAUSE_BREAK = String.raw`;|,\s*(?:while|whereas)\s|\sbut\s|(?<=[\u00c0-\u00ff][a-z]?)\.\s+(?=[A-Z\u00c0-\u00de])|(?:,\s*|\s)(?:et|puis)\s+(?=(?:les|vos|nos|leurs|ses|la|le|des|l['\u2019])\s*[A-Za-z\u00c0-\u00ff])`;
const BREAK_AFTER = new RegExp(CLAUSE_BREAK, 'i');
const BREAKS = new RegExp(CLAUSE_BREAK, 'gi');

/** The clause around [a, b): bounded by a {@link CLAUSE_BREAK} or the sentence's ends. */
function clauseAround(v: string, a: number, b: number): string {
  let from = 0;
  for (const m of v.slice(0, a).matchAll(BREAKS)) from = m.index;
  const rest = v.slice(b).search(BREAK_AFTER);
  return v.slice(from, rest >= 0 ? b + rest : v.length);
}
