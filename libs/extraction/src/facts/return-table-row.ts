import { isTableRow } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { periodFromEnd } from './kept-after-end.js';
import { speaksOfEnd } from './return-end-scope.js';

// A column that says how long each row's data is kept ("Retention period", "Durée de conservation"): only under one is a
// row's period a retention (a "Non-compete | 12 months after termination" row is no keeping of data).
const RETENTION_COLUMN = /\b(?:retention|retained|storage (?:period|duration)|how long|kept|durée de conservation|conserv\w*)\b/i;
// The row itself keeps ("Les données de profil sont conservées 36 mois après …"). A bare period in a purposes table
// ("Guarantee the security of services | Identity data | Legitimate interest | 5 years from the end of the contract",
// "5 ans à compter de la fin de la relation commerciale | … archive") is read by the OTA labels as the purpose's own
// archiving or limitation period, not the data going (Scaleway, Cdiscount: unspecified).
const KEEPS = /\b(?:retain(?:s|ed)?|kept|keeps?|stored?|held|conservée?s?)\b/i;
// How far back a row's table header may be, in rows.
const ROWS_BACK = 60;

/**
 * Whether a retention table's row keeps its data for a period counted from the end of the account or contract
 * ("Données de profil | conservées 36 mois après la désactivation d'un compte", "Account data | Kept for the duration of
 * the account + 3 years"): the category's delayed deletion (OTA README). The table's header (its first row) or the row
 * names retention.
 */
export function rowKeptAfterEnd(ctx: FactContext, s: Sentence): boolean {
  if (!KEEPS.test(s.view) || !periodFromEnd(s.view, 0, '', speaksOfEnd)) return false;
  let first = s;
  for (let i = s.index - 1; i >= 0 && s.index - i <= ROWS_BACK && isTableRow(ctx.sentences[i]); i--) first = ctx.sentences[i];
  return RETENTION_COLUMN.test(first.view) || RETENTION_COLUMN.test(s.view);
}
