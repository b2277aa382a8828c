import type { Block, Row } from '../clauses/structure.js';
import { NAME_AT } from './subprocessor-names.js';

/**
 * A cookie table whose descriptive column says it also names the third party ("Purpose of cookie, relevant third-party and
 * additional information"): each cell writes that party in a parenthesis after the purpose ("Security (Google reCAPTCHA)",
 * "Operations (Algolia documentation search)"). The party is the name that opens the parenthesis, without the words the
 * cell adds after it in lower case ("for websocket fallback", "payment processing"), without the tracker it runs on the
 * vendor's pages ("Reddit Pixel", "LinkedIn Insight Tag" are Reddit's and LinkedIn's) and, of two spellings of one party
 * ("Meta/Facebook Pixel"), the first. A column that is only the provider's (subprocessor-trackers.ts PROVIDER_COLUMN) is
 * read whole elsewhere; a cell that names no party in a parenthesis ("Authentication") names nobody.
 */
const PARTY_AMONG_OTHERS = /\bthird[- ]part(?:y|ies)\b|\bproviders?\b/i;
const ONLY_PARTY = /^\W*(?:(?:cookie|third[- ]party)\s+)?(?:providers?|third[- ]part(?:y|ies))\W*$/i;
const TRACKER_AFTER = /\s+(?:[\p{Lu}][\p{L}]+\s+)?(?:Pixel|Tag|SDK)$/u;

/** The column of a cookie table whose title says its cells name the third party among other things, or -1. */
export function partyAmongOthersColumn(block: Block): number {
  return block.header?.findIndex((c) => PARTY_AMONG_OTHERS.test(c.text) && !ONLY_PARTY.test(c.text) && c.text.includes(' ')) ?? -1;
}

/** The party a cell of that column writes in its first parenthesis, with its offset in the row's view. */
export function partyInParenthesis(row: Row, cell: { text: string; at: number }): { name: string; at: number } | undefined {
  const open = cell.text.indexOf('(');
  if (open < 0) return undefined;
  const close = cell.text.indexOf(')', open);
  const inside = cell.text.slice(open + 1, close < 0 ? undefined : close);
  const first = inside.split('/')[0];
  const n = NAME_AT.exec(first);
  if (!n || first.indexOf(n[1]) !== first.length - first.trimStart().length) return undefined;
  const words = n[1].split(/\s+/);
  const name = words.length > 1 ? n[1].replace(TRACKER_AFTER, '') : n[1];
  const at = cell.at + open + 1 + first.indexOf(name);
  return row.view.startsWith(name, at) ? { name, at } : undefined;
}
