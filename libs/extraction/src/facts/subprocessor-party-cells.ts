import { MAKERS_TAG_AFTER } from '../clauses/recipient-lists.js';
import type { Block, Row } from '../clauses/structure.js';
import { NAME_AT } from './subprocessor-names.js';

/**
 * A cookie table whose descriptive column says it also names the third party ("Purpose of cookie, relevant third-party and
 * additional information"): each cell writes that party in a parenthesis after the purpose ("Security (Google reCAPTCHA)",
 * "Operations (Algolia documentation search)"). The party is the name that opens the parenthesis, without the words the
 * cell adds after it in lower case ("for websocket fallback", "payment processing"), without the tracker it runs on the
 * vendor's pages ("Reddit Pixel", "LinkedIn Insight Tag" are Reddit's and LinkedIn's) and, of two spellings of one party
 * ("Meta/Facebook Pixel"), the first. A column that is only the provider's is read whole elsewhere; a cell that names no
 * party in a parenthesis ("Authentication") names nobody.
 */
const PARTY_WORD = /\bthird[- ]part(?:y|ies)\b|\bproviders?\b/i;
// The title must name something else first and join the party to it ("Purpose of cookie, relevant third-party …",
// "Purpose and provider", "Name (provider)"): a title that opens with the party ("Provider name", "Third-party provider",
// "Provider and purpose") titles cells that open with the party, whose parenthesis holds a country or a purpose.
const JOINER = /,|&|\/|\(|\band\b/i;

/** The column of a cookie table whose title says its cells name the third party among other things, or -1. */
export function partyAmongOthersColumn(block: Block): number {
  return (
    block.header?.findIndex((c) => {
      const p = PARTY_WORD.exec(c.text);
      return p !== null && JOINER.test(c.text.slice(0, p.index));
    }) ?? -1
  );
}

/**
 * The parties a cell of that column writes in its first parenthesis, with their offsets in the row's view. Names joined by
 * slashes are each a party ("Hotjar/Google Ads"), as in a name cell (subprocessor-rows.ts), unless they name one tag
 * ("Meta/Facebook Pixel": one maker under two names, the first kept).
 */
export function partiesInParenthesis(row: Row, cell: { text: string; at: number }): { name: string; at: number }[] {
  const open = cell.text.indexOf('(');
  if (open < 0) return [];
  const close = cell.text.indexOf(')', open);
  const inside = cell.text.slice(open + 1, close < 0 ? undefined : close);
  const parts = inside.split('/');
  const oneTag = MAKERS_TAG_AFTER.test(NAME_AT.exec(parts[parts.length - 1])?.[1] ?? '');
  const out: { name: string; at: number }[] = [];
  for (let i = 0, from = 0; i < (oneTag ? 1 : parts.length); from += parts[i].length + 1, i++) {
    const part = parts[i];
    const n = NAME_AT.exec(part);
    if (!n || part.indexOf(n[1]) !== part.length - part.trimStart().length) return i === 0 ? [] : out;
    const name = n[1].includes(' ') ? n[1].replace(MAKERS_TAG_AFTER, '') : n[1];
    const at = cell.at + open + 1 + from + part.indexOf(name);
    if (row.view.startsWith(name, at)) out.push({ name, at });
  }
  return out;
}
