import type { Evidence, Fact } from '@custody/domain';
import { findDurations } from '../text/numbers.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt, found, operative, silent } from './fact-context.js';

const PREFILTER = /\b(?:audio|recording|recorded|voice|video)/i;
const RECORDING = /\b(?:audio(?: files?| recordings?| data)?|recordings?|recorded (?:sessions?|audio|calls?|visits?)|voice (?:recordings?|data)|video (?:recordings?|files?))\b/i;
const RETENTION = /\b(?:retain|retention|retained|store|stored|kept|keep|keeps|held|hold|delete|deleted|deletes|purge|purged|destroy|destroyed|erase|erased|remove|removed|discard|discarded)\b/i;
const LEAD = /\b(?:for|within|after|up to|no longer than|not longer than|maximum of|period of|of|than|until|at least)\s*(?:a (?:maximum|period) of\s*)?$/i;
const ZERO = /\b(?:audio|recordings?|audio recordings?|audio files?)\s+(?:is|are)\s+(?:(?:deleted|discarded|purged|destroyed)\s+(?:immediately|as soon as|right after|upon completion)|(?:never|not)\s+(?:stored|retained|saved|persisted))\b|\b(?:do|does|will) not (?:store|retain|save|keep) (?:any |the )?(?:video (?:or|and) )?(?:audio|recordings?|audio recordings?)\b/i;

/**
 * `audio_or_recording_retention_days`: how long session audio or recordings are kept, in calendar days
 * (months × 30, years × 365; see text/numbers.ts). 0 when recordings are explicitly never stored or are
 * deleted immediately. Without a stated period (user-chosen, "temporarily", "as long as necessary") null.
 * With several periods the longest wins (the worst case for the practice).
 */
export function extractRecordingRetention(ctx: FactContext): Fact<'audio_or_recording_retention_days'> {
  let best: number | null = null;
  const evidence: Evidence[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const rec = RECORDING.exec(v);
    if (!rec || !RETENTION.test(v)) continue;
    let matched = false;
    for (const d of findDurations(v)) {
      const after = v.slice(d.index + d.length, d.index + d.length + 20);
      const lead = LEAD.test(v.slice(Math.max(0, d.index - 40), d.index)) || /^\s*(?:after|from|following|of inactivity)\b/i.test(after) || /-day\b/i.test(v.slice(d.index, d.index + d.length + 4));
      if (!lead || !RECORDING.test(clauseAround(v, d.index, d.index + d.length))) continue;
      matched = true;
      const ev = evidenceAt(ctx, s, d.index, d.index + d.length);
      if (best === null || d.days > best) {
        best = d.days;
        evidence.unshift(ev);
      } else evidence.push(ev);
    }
    const z = matched ? null : ZERO.exec(v);
    if (z) {
      if (best === null) best = 0;
      evidence.push(evidenceAt(ctx, s, z.index, z.index + z[0].length));
    }
  }
  return best === null ? silent('audio_or_recording_retention_days') : found<'audio_or_recording_retention_days'>(best, evidence, 0.8);
}

/** The clause around [a, b): bounded by ';', a sentence end, or ', while' / ', whereas' / ' but '. */
function clauseAround(v: string, a: number, b: number): string {
  const left = v.slice(0, a);
  const cut = Math.max(left.lastIndexOf(';'), left.search(/(?:,\s*(?:while|whereas)|\sbut)\s[^;]*$/i));
  const from = cut >= 0 ? cut : 0;
  const rest = v.slice(b).search(/;|,\s*(?:while|whereas)\s|\sbut\s/i);
  return v.slice(from, rest >= 0 ? b + rest : v.length);
}
