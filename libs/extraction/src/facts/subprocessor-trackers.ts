import type { Block, Row } from '../clauses/structure.js';
import { COOKIE_TABLE, TRACKER_SENTENCE } from '../clauses/recipient-lists.js';
import { core, inLink, NAME_AT, TOKEN, wholeCell } from './subprocessor-names.js';

/**
 * The third party behind a row of a cookie or tracker table. Such tables are not lists of recipients by
 * themselves (many rows are the vendor's own cookies), so their name column is not read as names. A row is about
 * a third party that receives visitors' data when it links to that party's own privacy policy: "Vimeo | vuid |
 * Vimeo hosts our videos. [Vimeo's privacy policy](…)". The vendor's own cookies link to no one else's policy.
 *
 * The entity is a cell that is one name as a whole and starts with the policy's owner ("Marketo Munchkin" and
 * "[Marketo's privacy policy]"); a cell of two things ("Google Tag Manager with Google Analytics") is left alone.
 * It is written as the row writes the party: the cell's name when the row's prose names it again ("Google
 * reCAPTCHA tracks …"), else the owner's name when the prose uses that ("Marketo's cookie allows …").
 * A row that says its cookie holds no personal information names no recipient (README conventions).
 */
export type TrackerRowReading = { name: string; at: number } | { name: string; at: number; reason: string };

// "Vimeo's privacy policy", "G2 Privacy Policy", "N.Rich privacy notice": the owner of a linked policy.
// Case-sensitive (a name starts with a capital), so the title words are spelt in both cases.
const OWNER_POLICY = new RegExp(String.raw`(?:^|[\s|])(${TOKEN}(?:\s+${TOKEN}){0,2})(?:['’]s?)?\s+(?:[Pp]rivacy|[Cc]ookie|[Dd]ata)\s+(?:[Pp]olic(?:y|ies)|[Nn]otice|[Ss]tatement)(?![\p{L}])`, 'gu');
const NO_PERSONAL_DATA = /\bno\s+personal(?:ly\s+identifiable)?\s+(?:information|data)\b|\bdoes\s+not\s+(?:collect|store|contain|process)\s+(?:any\s+)?personal(?:ly\s+identifiable)?\s+(?:information|data)\b/i;

/** Whether a tracker-table row says its cookie holds no personal information (README conventions: no recipient). */
export const rowHoldsNoPersonalData = (row: Row): boolean => NO_PERSONAL_DATA.test(row.view);

// A provider cell that names the site itself or its owner ("Website owner", "Us", "This website", "First party"): the
// vendor's own cookie, not an organisation.
const FIRST_PARTY = /^(?:(?:the|this|our)\s+)?(?:(?:web\s?)?site|website|app|service|domain)(?:\s+(?:owner|operator|publisher|itself))?$|^(?:us|we|ourselves|first[- ]?party|own|self)$/i;

/** Whether a table is about cookies or trackers: by a column title, else by its heading or intro. */
export function isTrackerTable(block: Block): boolean {
  if (block.header?.some((c) => COOKIE_TABLE.test(c.text))) return true;
  const intro = block.intro;
  return (block.heading !== undefined && TRACKER_SENTENCE.test(block.heading)) || (intro !== undefined && TRACKER_SENTENCE.test(intro.view));
}

/**
 * The party a tracker-table row names as receiving data, with its offset in `row.view`, or a rejection with its
 * reason; undefined when the row links to no third party's policy. `links` are the text's link ranges.
 */
export function trackerRowEntity(row: Row, links: [number, number][]): TrackerRowReading | undefined {
  const v = row.view;
  const cells = row.cells ?? [];
  OWNER_POLICY.lastIndex = 0;
  for (let m = OWNER_POLICY.exec(v); m; m = OWNER_POLICY.exec(v)) {
    const owner = m[1].replace(/['’]s$/u, '');
    const ownerAt = m.index + m[0].indexOf(owner);
    const linkEnd = m.index + m[0].length;
    // The policy must be a link of the source: a sentence that merely mentions "X's privacy policy" is not the row's reference.
    if (!inLink(links, row.start + ownerAt, row.start + linkEnd)) continue;
    const key = core(owner);
    if (key.length < 2) continue;
    const cell = cells.find((c) => c.at < ownerAt && c.text !== '' && core(c.text).startsWith(key));
    if (!cell) continue;
    const whole = wholeCell(cell.text);
    const name = whole !== undefined ? NAME_AT.exec(whole)?.[1] : undefined;
    if (!whole || name !== whole) return undefined;
    const at = cell.at + cell.text.indexOf(whole);
    if (NO_PERSONAL_DATA.test(v)) return { name: whole, at, reason: 'the tracker table says this cookie holds no personal information' };
    // Where else the row names the party: outside its own cell and outside the policy link.
    const rest = (from: number, what: string): number => {
      for (let i = v.indexOf(what, from); i >= 0; i = v.indexOf(what, i + 1)) {
        if (i >= cell.at && i < cell.at + cell.text.length) continue;
        if (i >= ownerAt && i < linkEnd) continue;
        if (/[\p{L}\p{N}]/u.test(v[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(v[i + what.length] ?? ' ')) continue;
        return i;
      }
      return -1;
    };
    if (whole !== owner && rest(0, whole) < 0) {
      const ownerElsewhere = rest(cell.at + cell.text.length, owner);
      if (ownerElsewhere >= 0) return { name: owner, at: ownerElsewhere };
    }
    return { name: whole, at };
  }
  return undefined;
}

// The column of a cookie table that says who sets each cookie ("Provider", "Who sets these cookies", "Set by", or
// "Third party" in a table of third-party cookies): its entries are the parties whose cookies collect visitors' data on
// the vendor's pages (the vendor's own rows are dropped by the caller's checks of the vendor's names).
// "Company", "Partner name", "Company/partner name" in a table of cookies or trackers name whose each one is too.
const PROVIDER_COLUMN = /^(?:(?:cookie|third[- ]party)\s+)?(?:providers?|set\s+by|supplier|vendor|who\s+sets\s+(?:these|this|the)\s+cookies?)$|^third[- ]part(?:y|ies)$|^(?:company|partner)(?:\s*\/\s*(?:company|partner))?(?:\s+names?)?$/i;
// A title cell in bold ("**Partner name**") is the same title.
const unbold = (t: string): string => t.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
// A web address after the party's name in its cell ("PerimeterX (https://…/privacy/)", "Wix.com https://…",
// "Hotjar www.hotjar.com", "Botwall (see https://…)"): the party's own page, not part of its name.
const TRAILING_ADDRESS = /\s*(?:\([^()]*?(?:https?:\/\/|www\.)[^)]*\)|(?:https?:\/\/|www\.)\S*)\s*$/;
// A "Third party" column may answer yes or no before naming the party ("Yes - Statwise", "No (first party)"): a "No"
// names no third party, a "Yes" is no part of the name that follows it.
const ANSWER = /^(?:(yes)|no)\b[\s,:;()\u2013\u2014-]*/i;
// A kind of party rather than one ("Ad Networks", "Advertising Partners"): a plural of a word for a party.
const KIND_OF_PARTY = /\b(?:networks|partners|providers|advertisers|compan(?:ies)|vendors|processors|platforms|affiliates|exchanges|agencies)$/i;

/** A tracker table's provider column, its title, and the row that titles it when that is not the header. */
export function providerColumn(block: Block, text: string): { column: number; title: string; row?: Row } | undefined {
  const h = block.header?.findIndex((c) => PROVIDER_COLUMN.test(unbold(c.text))) ?? -1;
  if (h >= 0) return { column: h, title: block.header![h].text };
  for (const row of block.rows.slice(0, 2)) {
    const k = (row.cells ?? []).findIndex((c) => PROVIDER_COLUMN.test(unbold(c.text)));
    if (k >= 0) return { column: k, title: row.cells![k].text, row };
  }
  // A table whose rows run over several sentences is read as several blocks: its title row is then a line above the
  // block, in the same run of "cell | cell" lines.
  let end = block.rows[0] ? text.lastIndexOf('\n', block.rows[0].start - 1) : -1;
  for (let n = 0; n < 30 && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!line.includes('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    const k = cells.findIndex((c) => PROVIDER_COLUMN.test(unbold(c)));
    if (k >= 0) return { column: k - (line.trimStart().startsWith('|') ? 1 : 0), title: cells[k] };
    end = start - 1;
  }
  return undefined;
}

/**
 * The parties a provider cell names, with their offsets in the row's view: each link of a cell made of links
 * ("Marketo Google Analytics Sumo" where each is a link to its policy), else the cell as one name, without the column
 * title a cell may repeat ("ProviderGoogle"). A cell of two parties ("Meta / Facebook") or a domain ("vr.fi") is left alone.
 * `rowStart` is the row's offset in the text and `links` the text's link ranges.
 */
export function providerCellNames(cell: { text: string; at: number }, title: string, rowStart: number, links: [number, number][]): { name: string; at: number }[] {
  const from = rowStart + cell.at;
  const to = from + cell.text.length;
  const inside = links.filter(([a, b]) => a >= from && b <= to);
  const covered = inside.reduce((n, [a, b]) => n + (b - a), 0);
  const parts = inside.length > 1 && covered >= cell.text.replace(/\s+/g, '').length * 0.9
    ? inside.map(([a, b]) => ({ text: cell.text.slice(a - from, b - from), at: cell.at + a - from }))
    : [{ text: cell.text, at: cell.at }];
  const out: { name: string; at: number }[] = [];
  for (const p of parts) {
    let { text, at } = p;
    if (text.length > title.length && text.toLowerCase().startsWith(title.toLowerCase())) {
      at += title.length;
      text = text.slice(title.length);
    }
    const answer = ANSWER.exec(text);
    if (answer && !answer[1]) continue;
    let name = text.slice(answer ? answer[0].length : 0).replace(TRAILING_ADDRESS, '');
    // The parenthesis an answer opened ("Yes (Statwise)") closes after the name.
    if (answer) name = name.replace(/\)$/, '');
    name = name.trim();
    at += text.indexOf(name);
    if (!name || /\s\/\s|;|,/.test(name) || name.split(/\s+/).length > 6 || FIRST_PARTY.test(name) || KIND_OF_PARTY.test(name)) continue;
    // What is left of an address or a parenthesis the cell did not close is no name.
    if (/:\/\/|\bwww\./i.test(name) || (name.match(/\(/g)?.length ?? 0) !== (name.match(/\)/g)?.length ?? 0)) continue;
    if (!/^(?:[\p{Lu}0-9]|\p{Ll}+\p{Lu})/u.test(name) || /^[\p{Ll}\d-]+(?:\.[\p{Ll}-]+)+$/u.test(name)) continue;
    out.push({ name, at });
  }
  return out;
}
