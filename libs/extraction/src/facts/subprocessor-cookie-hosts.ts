import type { Block, Row } from '../clauses/structure.js';
import { cellUnder } from '../clauses/structure.js';
import type { FactContext } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { rowSentence } from './subprocessor-lists.js';
import { core } from './subprocessor-name-keys.js';
import { siteOf } from './subprocessor-rows.js';
import { rowHoldsNoPersonalData } from './subprocessor-trackers.js';

/**
 * The web hosts of a cookie or tracker table ("| IDE | doubleclick.net | Third Party |", "| Domain | Cookies | Used as |"
 * with "3rd Party" rows): a host that sets a third party's cookie on the vendor's pages is that party as the table
 * writes it, and it receives visitors' data (README: names as the document writes them). The table's own marks decide:
 * a row marked third party is read, a row marked first party is not (a cookie the site sets itself, whoever wrote its
 * script); a table without such marks is read only in a column titled for who sets the cookie ("Provider", "Set by",
 * "Source"). The service's own hosts are never recipients: those named after the vendor, those its first-party rows list
 * together as its sites ("askubuntu.com, stackexchange.com, superuser.com | … | 1st Party"), the site the prose calls
 * its own ("the vr.fi website"), and their subdomains.
 */

// A cell that says whose cookie the row's is ("First Party", "3rd Party", "Third party").
const PARTY_MARK = /^(?:(first|1st)|third|3rd)[\s-]*part(?:y|ies)$/i;
// One web host as a table writes it (".doubleclick.net", "www.linkedin.com", "t.co"); a URL or a path is no host.
const HOST = /^\.?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})$/i;
// A column title saying the column holds who sets each cookie, for a table that marks no row first or third party.
// Not "Domain" or "Host" alone: such a column says where a cookie is stored, and a column beside it often names the
// party ("| _hjSession | .vendor.com | … | Hotjar |"), so its hosts are read only in rows marked third party.
const SETTER_TITLE = /^(?:(?:cookie|third[- ]party)\s+)?(?:set\s+by|providers?|source)$/i;
// A host the prose calls the service's own site: "the vr.fi website", "our example.com pages", "cookies used on vr.fi"
// (not "cookies set by x.com", which names another party). A domain is the service's own only as "our x.com domain":
// "cookies set on the doubleclick.net domain" names the third party's.
const OWN_SITE_PROSE = /\b(?:the|our)\s+(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\s+(?:web\s?)?(?:sites?|pages|app)\b|\bour\s+(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\s+domains?\b|\bcookies\s+(?:used|set)\s+(?:on|in)\s+(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi;
// A column of cookie names: a name may look like a host ("connect.sid", ".AspNetCore.Antiforgery") but sets nothing.
const COOKIE_NAME_TITLE = /^(?:cookies?|(?:cookie\s+)?names?|trackers?)$/i;
// What follows the vendor's name in a host of its own ("boxcdn", "vodafone-static"): where a service keeps its files.
// Any other host that only begins with the vendor's name ("stackadapt" for Stack, "company-target" for a "Company") is
// another party's.
const OWN_HOST_TAIL = /^-?(?:cdn|static|img|images|assets|media|api|apps?|cloud|content|usercontent|mail|email)$/;
// Emphasis around a cell's text ("**www.forbusiness.viber.com**").
const bare = (t: string): string => t.replace(/^(?:\*\*|__)+|(?:\*\*|__)+$/g, '').trim();

/** Whether a row is marked as a first-party or a third-party cookie, or undefined when it carries no such mark. */
function rowParty(row: Row): 'first' | 'third' | undefined {
  for (const c of row.cells ?? []) {
    const m = PARTY_MARK.exec(bare(c.text));
    if (m) return m[1] ? 'first' : 'third';
  }
  return undefined;
}

/**
 * The host a cell names as a whole (without a leading dot or "www.", which names the same site), with its offset; a
 * cell may repeat its column title first ("Provider<br><br>vr.fi").
 */
function hostOf(cell: { text: string; at: number }, title = ''): { host: string; at: number } | undefined {
  let t = bare(cell.text);
  if (title && t.length > title.length && t.toLowerCase().startsWith(title.toLowerCase())) t = t.slice(title.length).trim();
  const m = HOST.exec(t);
  if (!m) return undefined;
  const host = m[1].replace(/^www\./i, '');
  return { host, at: cell.at + cell.text.indexOf(t) + t.length - host.length };
}

type HostIndex = { own: Set<string>; listed: Set<string>; vendor: string[] };
const indexes = new WeakMap<FactContext, HostIndex>();

/**
 * The document's table hosts: `own`, the sites its first-party rows list several at a time (the service's sites), and
 * `listed`, every host a table cell names alone (so that a subdomain is written as its listed parent), and `vendor` the
 * name keys of the vendor and the document's parties (its own hosts are named after them).
 */
function hostIndex(ctx: FactContext): HostIndex {
  const known = indexes.get(ctx);
  if (known) return known;
  const own = new Set<string>();
  const listed = new Set<string>();
  for (const line of ctx.text.split('\n')) {
    if (!line.includes('|')) continue;
    const cells = line.split('|').map(bare);
    const first = cells.some((c) => PARTY_MARK.exec(c)?.[1] !== undefined);
    for (const c of cells) {
      const h = hostOf({ text: c, at: 0 });
      if (h) listed.add(h.host.toLowerCase());
      const several = c.split(/\s*,\s*/);
      if (first && several.length > 1 && several.every((x) => HOST.test(x))) for (const x of several) own.add(siteOf(x.replace(/^\./, '')));
    }
  }
  // The site the document is about, in its prose ("the cookies used on the vr.fi website", "Cookies used in vr.fi").
  for (const m of ctx.text.matchAll(OWN_SITE_PROSE)) own.add(siteOf(m[1] ?? m[2] ?? m[3]));
  const vendor = [...ctx.vendorNames, ...ctx.partyNames].map(core).filter((k) => k.length >= 2);
  const index = { own, listed, vendor };
  indexes.set(ctx, index);
  return index;
}

/** The cell of a row that names the host setting its cookie: the one host cell of a marked row, else under a setter title. */
function hostCell(block: Block, row: Row): { host: string; at: number } | undefined {
  const cells = row.cells ?? [];
  if (rowParty(row) === undefined) {
    const k = block.header?.findIndex((c) => SETTER_TITLE.test(bare(c.text))) ?? -1;
    const missing = block.header && k >= 0 ? block.header.length - cells.length : 0;
    const cell = k >= 0 ? cells[k - Math.max(0, missing)] : undefined;
    return cell ? hostOf(cell, bare(block.header![k].text)) : undefined;
  }
  // The titles: the header, or the first row where the vocabulary did not take that for one ("| Cookie | Host | Used as |").
  const titles = block.header ?? (block.rows[0] !== row ? block.rows[0]?.cells : undefined);
  const k = titles?.findIndex((c) => COOKIE_NAME_TITLE.test(bare(c.text))) ?? -1;
  const name = k >= 0 ? cellUnder(block, row, k) : undefined;
  const hosts = cells.filter((c) => c !== name).map((c) => hostOf(c)).filter((h) => h !== undefined);
  return hosts.length === 1 ? hosts[0] : undefined;
}

/**
 * Reads the host of a third party's cookie in a tracker-table row, written as the table writes it (a subdomain as its
 * parent when the tables list that too: "dpm.demdex.net" and "demdex.net" are one party). Whether a name was read.
 */
export function readHostRow(ctx: FactContext, { add }: NameCollector, block: Block, row: Row): boolean {
  if (rowParty(row) === 'first' || rowHoldsNoPersonalData(row)) return false;
  const h = hostCell(block, row);
  if (!h) return false;
  const { own, listed, vendor } = hostIndex(ctx);
  const site = siteOf(h.host);
  const label = site.split('.')[0];
  if (own.has(site) || vendor.some((k) => label === k || (k.length >= 3 && label.startsWith(k) && OWN_HOST_TAIL.test(label.slice(k.length))))) return false;
  // The shortest parent of a subdomain the tables also list, down to the registered name.
  let name = h.host;
  let at = h.at;
  const labels = h.host.split('.');
  for (let i = labels.length - 1; i >= 1; i--) {
    const parent = labels.slice(i).join('.');
    if (parent.length < site.length) continue;
    if (listed.has(parent.toLowerCase())) {
      at += h.host.length - parent.length;
      name = parent;
      break;
    }
  }
  add(name, rowSentence(row), at, true, 'site', undefined, true);
  return true;
}
