/**
 * Durations written in digits, words or both ("sixty (60) calendar days", "ten business days", "72 hours").
 *
 * Everything is reported in calendar days, rounded up, because the rules compare against calendar limits
 * (e.g. 164.410's 60 days): business/working days × 7/5 (a business week is 7 calendar days),
 * hours / 24, weeks × 7, months × 30, years × 365.
 */
const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD = `(?:${Object.keys(SMALL).join('|')}|hundred|a)`;

/** Parses "forty-five", "one hundred twenty", "ninety"; undefined if not a number in words. */
export function parseNumberWords(words: string): number | undefined {
  const tokens = words.toLowerCase().split(/[\s-]+/).filter((t) => t && t !== 'and');
  if (tokens.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let any = false;
  for (const t of tokens) {
    if (t === 'hundred') {
      current = (current || 1) * 100;
      any = true;
    } else if (t === 'a' && tokens.length > 1) {
      current += 1;
    } else if (t in SMALL) {
      current += SMALL[t];
      any = true;
    } else return undefined;
  }
  total += current;
  return any ? total : undefined;
}

/** A duration found in a sentence, as calendar days, with its position in the searched string. */
export interface Duration {
  days: number;
  index: number;
  length: number;
  unit: string;
}

const DURATION_RE = new RegExp(
  String.raw`\b(?:(\d{1,4})|(${WORD}(?:[\s-]+(?:and[\s-]+)?${WORD}){0,3}))` +
    String.raw`(?:\s*\(\s*(\d{1,4})\s*\))?[\s-]+(?:(calendar|business|working)[\s-]+)?(days?|hours?|weeks?|months?|years?)\b`,
  'gi',
);

/** All durations in `s`, converted to calendar days (see the module comment for the conversions). */
export function findDurations(s: string): Duration[] {
  const out: Duration[] = [];
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(s)) !== null) {
    const n = m[3] !== undefined ? Number(m[3]) : m[1] !== undefined ? Number(m[1]) : parseNumberWords(m[2]);
    if (n === undefined || !Number.isFinite(n)) continue;
    const kind = (m[4] ?? '').toLowerCase();
    const unit = m[5].toLowerCase().replace(/s$/, '');
    out.push({ days: toDays(n, unit, kind), index: m.index, length: m[0].length, unit });
  }
  return out;
}

function toDays(n: number, unit: string, kind: string): number {
  switch (unit) {
    case 'hour':
      return Math.ceil(n / 24);
    case 'week':
      return n * 7;
    case 'month':
      return n * 30;
    case 'year':
      return n * 365;
    default:
      return kind === 'business' || kind === 'working' ? Math.ceil((n * 7) / 5) : n;
  }
}

// French durations in digits or the small number words ("6 mois", "30 jours", "un an", "trois ans"), for the French
// policies of the OTA corpus. Apart from DURATION_RE so the English readings (breach days) are unchanged.
const FR_SMALL: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14,
  quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
const FR_UNIT: Record<string, string> = { jour: 'day', jours: 'day', semaine: 'week', semaines: 'week', mois: 'month', an: 'year', ans: 'year', année: 'year', années: 'year', heure: 'hour', heures: 'hour' };
// A compound reads whole, never its last word alone ("dix-huit mois" is 18 months, not "huit mois"): the words joined by
// hyphens, "et" between them ("vingt-et-un"), "quatre-vingt(s)" eighty. A range of digits ("12-18 mois") still reads its
// upper end.
// The unit is followed by no letter: "\b" does not close a word ending in "é" or "è" ("années") for a non-Unicode pattern.
const FR_WORD = String.raw`(?:${[...Object.keys(FR_SMALL), 'vingts'].join('|')})`;
const FR_DURATION_RE = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,4}|(?<!-)${FR_WORD}(?:-(?:et-)?${FR_WORD})*)\s+(jours?|semaines?|mois|ans?|années?|heures?)(?![\p{L}])`, 'giu');

/** The value of a French number in words, compounds included ("trente-six" 36, "quatre-vingt-dix" 90). */
function frenchNumber(words: string): number {
  let n = 0;
  for (const w of words.toLowerCase().split('-')) {
    if (w === 'et') continue;
    if (w.startsWith('vingt') && n === 4) n = 80;
    else n += FR_SMALL[w] ?? FR_SMALL[w.slice(0, -1)]; // "vingts" is "vingt"
  }
  return n;
}

/** All French durations in `s`, in calendar days (the same conversions as {@link findDurations}). */
export function findDurationsFr(s: string): Duration[] {
  const out: Duration[] = [];
  for (const m of s.matchAll(FR_DURATION_RE)) {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : frenchNumber(m[1]);
    const unit = FR_UNIT[m[2].toLowerCase()];
    out.push({ days: toDays(n, unit, ''), index: m.index, length: m[0].length, unit });
  }
  return out;
}
