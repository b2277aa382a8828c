import type { Sentence } from '../text/sentences.js';
import type { Block, Cell, Row } from './structure.js';
import { blocksOf, cellUnder } from './structure.js';
import {
  ACCESS_COLUMN,
  BARE_INTRO,
  CATEGORY_TITLE,
  NAME_TITLE_WORD,
  TITLE_WORD,
  THIRD_PARTY_MENTION,
  COOKIE_TABLE,
  NAME_COLUMN,
  NO_ACCESS_CELL,
  NOT_RECIPIENT_INTRO,
  OTHER_COLUMN,
  RECIPIENT_COLUMN,
  RECIPIENT_HEADING,
  RECIPIENT_INTRO,
  ROLE_COLUMN,
  SHARED_COLUMN,
  SHARED_WITH_COLUMN,
} from './recipient-lists.js';

/**
 * What a list or table is a list of, read from its context: `recipients` (its entries receive data: a
 * sub-processor table, "we share your data with:"), `other` (products, data categories, integrations the user
 * chooses, links: its entries are not recipients), or `unknown` (nothing decides; a reader has to look).
 */
export type ListRole = 'recipients' | 'other' | 'unknown';

export interface ListContext {
  role: ListRole;
  /** Why, in words a reviewer can check. */
  reason: string;
  /** For tables: the column that holds the entity's name (0 when no header says otherwise). */
  nameColumn: number;
  /** For tables: a column whose cells say whether the entity gets personal data at all, if any. */
  accessColumn?: number;
  /**
   * For tables: the name column is a column of where each row's data goes ("Who do we share personal data with?"), whose
   * cell may hold several recipients, one sentence each, among descriptions of them.
   */
  sharedWith?: boolean;
}

/** Whether a table's first row reads as column titles: short cells, each a name title or another known title. */
export function isHeaderRow(cells: Cell[]): boolean {
  const filled = cells.filter((c) => c.text !== '');
  if (filled.length < 2) return false;
  const titles = filled.filter((c) => NAME_COLUMN.test(c.text) || OTHER_COLUMN.test(c.text) || ACCESS_COLUMN.test(c.text) || TITLE_WORD.test(c.text));
  // Every title cell is short; at least half of them hold a title word (the others may be "Garanties", "Notes").
  return filled.every((c) => c.text.split(/\s+/).length <= 12 && !/[.;]$/.test(c.text)) && titles.length * 2 >= filled.length;
}

// Global twins of the vocabulary patterns, compiled once (a pattern per call was a tenth of the extractor's time).
const GLOBAL = new Map<RegExp, RegExp>();

/** Start of the last match of a pattern in `s`, or -1. */
function lastMatch(re: RegExp, s: string): number {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = 0;
  let last = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    last = m.index;
    if (m[0].length === 0) g.lastIndex++;
  }
  return last;
}

/**
 * Reads the role of a block from, in order: its introducing sentence (the cue nearest the list wins when it has
 * both kinds: "the information we collect is shared with these providers:"), a table's header (a
 * "Sub-processor" or "Recipient" column), then its heading. A cookie table is never a recipient list by itself.
 */
export function listContext(block: Block): ListContext {
  const header = block.header;
  let nameColumn = 0;
  let accessColumn: number | undefined;
  if (header) {
    let byName = header.findIndex((c) => NAME_COLUMN.test(c.text));
    // "Cookie name", "Tag name": a column of cookies, not of the parties behind them.
    if (byName < 0) byName = header.findIndex((c) => NAME_TITLE_WORD.test(c.text) && !ACCESS_COLUMN.test(c.text) && !/\b(?:cookies?|trackers?|tags?|pixels?|keys?|storage)\b/i.test(c.text));
    if (byName >= 0) nameColumn = byName;
    // No column names the row's entity, but one says who gets the row's data: that column holds the recipients.
    const sharedWith = byName < 0 ? header.findIndex((c) => SHARED_WITH_COLUMN.test(c.text) && !CATEGORY_TITLE.test(c.text)) : -1;
    if (sharedWith >= 0) {
      const title = header[sharedWith].text;
      const access = header.findIndex((c, i) => i !== sharedWith && ACCESS_COLUMN.test(c.text));
      return { role: 'recipients', reason: `a table whose column "${title}" says who receives each row's data`, nameColumn: sharedWith, sharedWith: true, ...(access >= 0 ? { accessColumn: access } : {}) };
    }
    const access = header.findIndex((c, i) => i !== nameColumn && ACCESS_COLUMN.test(c.text) && !NAME_COLUMN.test(c.text));
    if (access >= 0) accessColumn = access;
  }
  const base = { nameColumn, ...(accessColumn !== undefined ? { accessColumn } : {}) };
  // A table whose entity column holds categories ("Category of Recipients") names no one.
  const nameTitle = header?.[nameColumn]?.text ?? '';
  if (header && CATEGORY_TITLE.test(nameTitle) && !/\bnames?\b|\bnom\b/i.test(nameTitle)) return { role: 'other', reason: `a table of categories ("${nameTitle}")`, ...base };
  // The part of the intro that announces the list is its end: the last 300 characters keep the scan short on long sentences.
  const intro = block.intro && !block.intro.isHeading ? block.intro.view.slice(-300) : undefined;
  const cookieTable = header !== undefined && header.some((c) => COOKIE_TABLE.test(c.text)) && !header.some((c) => RECIPIENT_COLUMN.test(c.text));
  // A column titled as the recipients ("Sub-processor", "Name or Category of Data Recipients") says it first.
  if (header && ((!cookieTable && (RECIPIENT_COLUMN.test(nameTitle) || /\brecipients?\b|\bsub-?processors?\b|\bdestinataires?\b|\bempfänger\b/i.test(nameTitle))) || ROLE_COLUMN.test(nameTitle))) {
    return { role: 'recipients', reason: `a table whose name column is "${nameTitle}"`, ...base };
  }
  // An entity column beside a column of what is passed to it ("Third Party | Types of data shared").
  const named = header !== undefined && (NAME_COLUMN.test(nameTitle) || NAME_TITLE_WORD.test(nameTitle));
  const shared = header?.find((c, i) => i !== nameColumn && SHARED_COLUMN.test(c.text));
  if (named && shared && !cookieTable) return { role: 'recipients', reason: `a table of "${nameTitle}" with a column "${shared.text}"`, ...base };
  if (intro) {
    const rec = lastMatch(RECIPIENT_INTRO, intro);
    const not = lastMatch(NOT_RECIPIENT_INTRO, intro);
    if (not >= 0 && not >= rec) return { role: 'other', reason: `introduced as something other than recipients: "${intro.slice(not, not + 60).trim()}"`, ...base };
    if (rec >= 0 && !cookieTable) return { role: 'recipients', reason: `introduced as recipients: "${intro.slice(rec, rec + 60).trim()}"`, ...base };
    if (not < 0 && BARE_INTRO.test(intro) && block.lead && THIRD_PARTY_MENTION.test(block.lead)) {
      return { role: 'recipients', reason: `introduced by "${intro.slice(-40).trim()}" after a mention of third-party services`, ...base };
    }
  }
  const heading = block.heading ?? (block.intro?.isHeading ? block.intro.view : undefined);
  if (heading && heading.length < 120) {
    const rec = lastMatch(RECIPIENT_HEADING, heading);
    const not = lastMatch(NOT_RECIPIENT_INTRO, heading);
    if (not >= 0 && not >= rec) return { role: 'other', reason: `under a heading about something other than recipients: "${heading}"`, ...base };
    if (rec >= 0 && !cookieTable) return { role: 'recipients', reason: `under the heading "${heading}"`, ...base };
  }
  return { role: 'unknown', reason: cookieTable ? 'a cookie table: its providers are not said to receive data' : 'neither the heading nor the introducing sentence says the entries receive data', ...base };
}

/**
 * Whether a table row's access cell says the entity gets no personal data ("No", "None"). The cell is found as the
 * name cell is (`cellUnder`): a row missing its leading, spanned cells aligns with the header's last columns.
 */
export function rowHasNoAccess(ctx: ListContext, block: Block, row: Row): boolean {
  if (ctx.accessColumn === undefined || !row.cells) return false;
  const c = cellUnder(block, row, ctx.accessColumn);
  return c !== undefined && NO_ACCESS_CELL.test(c.text);
}

/** A sentence's place in a block: the block, its context and, for the sentence a row starts in, the row. */
export interface BlockEntry {
  block: Block;
  readonly context: ListContext;
  row?: Row;
}

/**
 * Every list item and table sentence of a text, keyed by sentence index, with its block and the block's context
 * (read once per block). A table's header sentences and a row's later sentences have an entry without a row.
 */
export function blockIndex(text: string, sentences: Sentence[]): Map<number, BlockEntry> {
  const out = new Map<number, BlockEntry>();
  for (const block of blocksOf(text, sentences, isHeaderRow)) {
    // The context is read when an extractor first asks (most blocks hold no capitalised entry and are never asked).
    let context: ListContext | undefined;
    const lazy = () => (context ??= listContext(block));
    const starts = new Map(block.rows.map((r) => [r.sentence.index, r]));
    for (const i of block.members) {
      const row = starts.get(i);
      out.set(i, { block, get context() { return lazy(); }, ...(row ? { row } : {}) });
    }
  }
  return out;
}
