const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A date in the common contract forms: "March 30, 2020", "30 March 2020", "2020-03-30", "9/19/17". */
export const DATE = String.raw`(?:${MONTH_RE}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:day of\s+)?${MONTH_RE},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})`;

/** ISO date (YYYY-MM-DD) of a date string in one of the {@link DATE} forms; undefined if invalid. */
export function toIsoDate(raw: string): string | undefined {
  const s = raw.trim().toLowerCase().replace(/(\d)(?:st|nd|rd|th)/, '$1').replace(/day of\s+/, '');
  let y: number;
  let mo: number;
  let d: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(s))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 100) y += 2000;
  } else if ((m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s))) [mo, d, y] = [monthIndex(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), monthIndex(m[2]), Number(m[3])];
  else return undefined;
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200)) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthIndex(name: string): number {
  const i = MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3)));
  return i + 1;
}
