import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, operative } from './fact-context.js';

type V = Fact<'offshore_processing'>['value'];

const PREFILTER = /\b(?:outside|countr|offshore|overseas|abroad|international|europe|eea\b|eu\b|india|philippines|canada|mexico|ireland|germany|kingdom|switzerland|united states|u\.s\.|located|region|singapore|australia|brazil|israel|poland|ukraine|pakistan|japan|france|netherlands|colombia|argentina|costa rica|across borders|cross-border)/i;
const PROCESS = /\b(?:transfer|process|stor|host|access|maintain|locat|perform|handl|hold|kept|keep|server|data cent(?:er|re)|transmit|send|sent|move|review|support|receiv|print)\w*/i;
const FOREIGN = String.raw`(?:india|the philippines|philippines|canada|mexico|ireland|germany|france|the netherlands|israel|ukraine|poland|pakistan|brazil|colombia|argentina|costa rica|singapore|australia|japan|the united kingdom|united kingdom|the uk|switzerland|the european union|european union|the eu|the eea|the european economic area)`;
const YES: RegExp[] = [
  // "in the United States, Ireland and Singapore": a foreign place in a list that starts with the US.
  new RegExp(String.raw`\b(?:in|within)\s+(?:the\s+)?(?:united states|u\.s\.|usa)(?:,\s*|\s+and\s+|\s+or\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i'),
  /\boutside (?:of )?(?:the )?(?:(?:fifty|50|continental|contiguous|48 contiguous)(?: \(50\))? )?(?:united states|u\.s\.(?:a\.)?|usa|us|country|countries|region|jurisdiction)\b/i,
  /\b(?:other|foreign|third) countr(?:y|ies)\b|\blocations? other than\b|\boffshore\b|\boverseas\b|\binternationally\b|\bacross borders\b|\bcross-border\b/i,
  new RegExp(String.raw`\b(?:in|within|to|from|located in)\s+(?:the\s+member\s+states\s+of\s+)?${FOREIGN}\b(?!\s+(?:standard|data protection|general data|gdpr|laws?|regulations?|directive|representative|residents?|users?|citizens?))`, 'i'),
];
const US = String.raw`(?:the\s+)?(?:(?:continental|contiguous|fifty|50)\s+)?(?:united states|u\.s\.(?:a\.)?|usa)(?![a-z])`;
const NO: RegExp[] = [
  /\b(?:only|solely|exclusively|entirely)\s+(?:with)?in\s+(?:the\s+)?(?:continental\s+)?(?:united states|u\.s\.(?:a\.)?|usa)\b/i,
  // "exclusively in data centers located in the United States", "only at facilities within the U.S.".
  new RegExp(String.raw`\b(?:only|solely|exclusively|entirely)\s+(?:(?:with)?in|at|on|from)\s+(?:[\w-]+\s+){1,5}?(?:(?:located|situated|based|hosted|operated)\s+)?(?:(?:with)?in|at)\s+${US}`, 'i'),
  /\b(?:all|any)\s+(?:[\w-]+\s+){0,4}(?:is|are|shall be|will be|remains?|shall remain)\s+(?:stored|processed|hosted|maintained|located)\s+(?:only\s+|solely\s+|exclusively\s+)?(?:with)?in\s+(?:the\s+)?(?:united states|u\.s\.(?:a\.)?|usa)\b/i,
  /\bnot\b[^.;]{0,30}\b(?:use|permit|allow|engage)\b[^.;]{0,30}\b(?:offshore|overseas)\b/i,
];
// "only in the United States and Ireland": the list goes on to a foreign place.
const FOREIGN_AFTER = new RegExp(String.raw`^(?:,\s*|\s+(?:and|or)\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i');
// "… only from offices in the United States, but backups are kept in Canada": a foreign place later on.
const FOREIGN_LATER = new RegExp(String.raw`\b(?:in|within|to|located in)\s+${FOREIGN}\b`, 'i');
const FROM_ABROAD = /\bfrom outside\b|\b(?:access|use)\w* (?:the services )?from (?:other|another|outside)|\bif you (?:are|reside|live) (?:located )?(?:in|outside)\b|\bresidents? of\b|\bvisitors? (?:from|located)\b|\bfrom other regions\b/i;

/**
 * `offshore_processing`: is customer data processed or stored outside the United States? yes for transfer,
 * storage or processing outside the US or the user's country, in other countries, or in named foreign
 * locations (e.g. servers within the EU); no for a negated transfer abroad ("shall not transfer PHI
 * outside the United States") or US-only storage. A stated foreign location wins over a US-only clause.
 */
export function extractOffshore(ctx: FactContext): Fact<'offshore_processing'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    if (!PROCESS.test(v)) continue;
    const no = NO.map((re) => re.exec(v)).find((m) => m !== null);
    const rest = no ? v.slice(no.index + no[0].length) : '';
    if (no && !FOREIGN_AFTER.test(rest) && !FOREIGN_LATER.test(rest)) {
      cands.push({ value: 'no', evidence: evidenceAt(ctx, s, no.index, no.index + no[0].length), confidence: 0.85 });
      continue;
    }
    for (const re of YES) {
      const m = re.exec(v);
      if (!m) continue;
      const negated = /\b(?:not|never|no|nor|prohibited from)\b[^.;]{0,80}$/i.test(v.slice(Math.max(0, m.index - 90), m.index));
      const usTarget = /\b(?:united states|u\.s\.|usa|us)\b/i.test(m[0]);
      if (negated && usTarget) {
        cands.push({ value: 'no', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.85 });
        break;
      }
      if (negated || (FROM_ABROAD.test(v) && !/\bother countr|\blocations? other than|\boffshore|\boverseas/i.test(m[0]))) break;
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.8 });
      break;
    }
  }
  return decide('offshore_processing', cands, ['yes', 'no']);
}
