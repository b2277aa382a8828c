import type { Block, Row } from '../clauses/structure.js';
import { cellUnder } from '../clauses/structure.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { readHostRow } from './subprocessor-cookie-hosts.js';
import { rowSentence } from './subprocessor-lists.js';
import { signInRow } from './subprocessor-rows.js';
import { partyAmongOthersColumn, partiesInParenthesis } from './subprocessor-party-cells.js';
import { providerCellNames, providerColumn, rowHoldsNoPersonalData, trackerRowEntity } from './subprocessor-trackers.js';

/**
 * A row of a cookie or tracker table that links to a third party's own policy, or whose provider column names who sets
 * the cookie: that party gets visitors' data. Whether the row was read so (else the reader goes on to its sentence).
 */
export function readTrackerRow(ctx: FactContext, collector: NameCollector, block: Block, row: Row): boolean {
  const { add, rejected } = collector;
  // A column that says who sets each cookie: every party named there collects visitors' data on the vendor's pages.
  const col = providerColumn(block, ctx.text);
  const cell = col && row !== col.row ? cellUnder(block, row, col.column) : undefined;
  if (col) {
    const rs = rowSentence(row);
    // As in a row read by its policy link: a cookie said to hold no personal information names no recipient.
    const none = rowHoldsNoPersonalData(row);
    if (cell && cell.text) {
      const parties = providerCellNames(cell, col.title, row.start, ctx.links);
      // A row whose party signs the user in or supplies the data ("Sign in with Apple | Apple") names a source, not a recipient.
      const source = signInRow(row, cell, true);
      for (const p of parties) {
        if (source) rejected.push({ name: p.name, ev: evidenceAt(ctx, rs, p.at, p.at + p.name.length), reason: 'the row says this party signs the user in or supplies the data' });
        else if (none) rejected.push({ name: p.name, ev: evidenceAt(ctx, rs, p.at, p.at + p.name.length), reason: 'the tracker table says this cookie holds no personal information' });
        else add(p.name, rs, p.at, true, true, undefined, true);
      }
      // A provider cell that is a web host (".doubleclick.net") is read as a host, unless it is the service's own.
      if (parties.length === 0) readHostRow(ctx, collector, block, row);
    }
    return true;
  }
  // A descriptive column that also names the third party, in a parenthesis after the purpose (subprocessor-party-cells.ts).
  const partyColumn = partyAmongOthersColumn(block);
  const partyCell = partyColumn >= 0 ? cellUnder(block, row, partyColumn) : undefined;
  const parties = partyCell && !rowHoldsNoPersonalData(row) ? partiesInParenthesis(row, partyCell) : [];
  for (const p of parties) add(p.name, rowSentence(row), p.at, true, true, undefined, true);
  if (parties.length > 0) return true;
  const t = trackerRowEntity(row, ctx.links);
  if (t) {
    const rs = rowSentence(row);
    if ('reason' in t) rejected.push({ name: t.name, ev: evidenceAt(ctx, rs, t.at, t.at + t.name.length), reason: t.reason });
    else add(t.name, rs, t.at, true, true, undefined, true);
    return true;
  }
  // Else the host the row names as setting a third party's cookie ("| IDE | doubleclick.net | Third Party |").
  return readHostRow(ctx, collector, block, row);
}
