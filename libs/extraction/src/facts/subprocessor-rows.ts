import type { ListContext } from '../clauses/list-context.js';
import { rowHasNoAccess } from '../clauses/list-context.js';
import type { Block, Row } from '../clauses/structure.js';
import { cellUnder } from '../clauses/structure.js';
import { partyKindPlural } from '../clauses/authorities.js';
import { PROVIDER_NOUN } from '../clauses/vocabulary.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt } from './fact-context.js';
import { common, ENDS_WITH_SUFFIX, NAME_AT, NAME_LIST_AT, readLead, splitNames, wholeCell } from './subprocessor-names.js';
import { CATEGORY_WORD, readItem, rowSentence } from './subprocessor-lists.js';
import { CELL_LABEL } from './subprocessor-patterns.js';
import { isTrackerTable, rowHoldsNoPersonalData } from './subprocessor-trackers.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import type { NameCollector } from './subprocessor-candidates.js';

/** The sub-processor reader's table rows and list entries: recipients tables, tracker tables, lists kept for review. */

/** A table row of a recipients table: the entity in its name column, unless the row says it gets no personal data. */
export function readRow(ctx: FactContext, { add, rejected }: NameCollector, block: Block, row: Row, context: ListContext, strong: boolean): void {
  const cell = cellUnder(block, row, context.nameColumn);
  if (!cell || !cell.text) return;
  const rs = rowSentence(row);
  if (rowHasNoAccess(context, block, row)) {
    rejected.push({ name: cell.text, ev: evidenceAt(ctx, rs, cell.at, cell.at + cell.text.length), reason: 'the table says this entity has no access to personal data' });
    return;
  }
  // A cell of where the row's data goes holds its recipients one sentence each ("Telavox AB, which provides telephony …
  // Zendesk Inc. which provides …"): each sentence's lead entity, as a list item's.
  if (context.sharedWith) {
    for (const e of cellEntries(cell.text)) readLead(e.text, cell.at + e.at, (raw, at) => kindLead(raw) || add(raw, rs, at, strong));
    return;
  }
  // A name the row's own link spells ("Commanders Act | https://www.commandersact.com/…", "The Trade Desk |
  // https://www.thetradedesk.com/…", "Platform161 | https://platform161.com/…") is the organisation's name as the
  // table writes it, whatever words it is made of (capitals, digits, "Institute", "House", a leading "The"): the
  // cell is marked so that neither the cleaning of prose names nor the word filters change or drop it.
  // So is a cell of several words in capitals whose row links to a privacy policy that is not the vendor's own
  // ("FUSIO BY S4M | http://www.s4m.io/privacy-policy/"): the policy's party as the table writes it, which the cleaning
  // of prose names would drop as shouting.
  const sited = sitedCell(cell.text, row) ?? (shoutedName(ctx, cell.text) ? policyLinkedCell(cell.text, row, ctx.text, ownPolicy(ctx, block)) : undefined);
  const whole = sited ?? wholeCell(cell.text);
  // "Our advertising Partner: Affilizz, AdMarketPlace and Microsoft": a label of the kind, then the names.
  const labelled = whole ? null : CELL_LABEL.exec(cell.text);
  const list = labelled && PROVIDER_NOUN.test(labelled[0]) ? NAME_LIST_AT.exec(cell.text.slice(labelled[0].length)) : null;
  const lower = whole || labelled ? undefined : lowerCaseBrand(cell.text, row);
  const policy = whole || labelled || lower ? undefined : policyLinkedCell(cell.text, row, ctx.text, ownPolicy(ctx, block));
  // A cell in sentence case whose words are all ordinary words of the document ("Cookie banner", "Account settings")
  // says how or where, not who, when the row answers a question ("Yes", "Required") or points back to the vendor's own
  // policy: such a table tells how the vendor collects. Elsewhere it is the name as the table writes it ("Amazon web
  // services", "Change healthcare" in a practice's policy that speaks of change and healthcare).
  if (whole && !sited && SENTENCE_CASE.test(whole) && !ENDS_WITH_SUFFIX.test(whole) && common(ctx, whole) && howOrWhereRow(ctx, block, row, cell)) {
    const at = cell.at + Math.max(0, cell.text.indexOf(whole));
    rejected.push({ name: whole, ev: evidenceAt(ctx, rs, at, at + whole.length), reason: 'an ordinary phrase of the document in a table cell, not a name', rank: 'no name' });
    return;
  }
  // A row whose own purpose cell says the party serves the vendor's advertising or analytics ("Facebook | … |
  // Advertising | …") names that party in that role: a social network or platform listed so runs the vendor's ads or
  // measurement on the visitors' data, as "Facebook Pixel" does, not a sign-in or a page of the vendor's.
  // A cookie or tracker table's party column names who sets each cookie on the vendor's pages ("_fbp | Facebook | … |
  // Measures audience statistics"): a social network or platform there runs its tracker on the visitors, as "Facebook
  // Pixel" does, unless the row says it signs the user in or supplies the data, or that the cookie holds no personal data.
  const role = adOrAnalyticsRow(row, cell) ? 'ad' : isTrackerTable(block) && !signInRow(row, cell) && !rowHoldsNoPersonalData(row) ? true : false;
  // "Microsoft/LinkedIn/": one row for two organisations written as one word joined by slashes; each is a party.
  if (whole) {
    const at = cell.at + Math.max(0, cell.text.indexOf(whole));
    if (SLASH_JOINED.test(whole)) {
      const joined = whole.split('/').filter((p) => p !== '');
      for (let i = 0, from = 0; i < joined.length; from += joined[i].length + 1, i++) add(joined[i], rs, at + from, strong, true, undefined, role);
    } else add(whole, rs, at, strong, sited ? 'site' : partyColumn(block, context) ? 'party' : true, undefined, role);
  } else if (lower) add(lower, rs, cell.at, strong, true, undefined, role);
  else if (policy) add(policy, rs, cell.at, strong, 'site', undefined, role);
  else if (labelled && list) splitNames(list[1], cell.at + labelled[0].length + list[0].length - list[1].length, (n, at) => add(n, rs, at, true));
  else readLead(cell.text, cell.at, (raw, at) => add(raw, rs, at, strong));
}

// Capitalised single-word names joined by slashes, with no space anywhere ("Microsoft/LinkedIn/"); "Meta / Facebook" (a
// party and its former name, spaced) is left whole.
const SLASH_JOINED = /^\p{Lu}[\p{L}\p{N}.&-]*(?:\/\p{Lu}[\p{L}\p{N}.&-]*)+\/?$/u;

// A purpose cell that is the advertising or analytics role itself ("Advertising", "Analytics", "Advertising (Google Ad
// Manager …)", "Targeted advertising"): short, opening with the role word. A longer description is not asked.
const AD_OR_ANALYTICS_CELL = /^(?:(?:targeted|interest[- ]based|online|personali[sz]ed|digital)\s+)?(?:advertising|analytics|marketing|targeting|retargeting|remarketing|measurement)\b(?:\s*[(,/&]|\s+(?:and|&)\s+[\p{L}]+)?[^.;|]{0,80}$/iu;

// A cell saying the party is a sign-in or a source of the data ("Profile we receive when you log in", "Sign in with
// Facebook"): the platform gives the vendor data, whatever the vendor then does with it (README: sign-in providers and
// data sources are not recipients).
const SIGN_IN_OR_SOURCE = /\bsign(?:ing)?[\s-]?(?:in|on|up)\b|\blog(?:ging)?[\s-]?(?:in|on)\b|\blogin\b|\bwe\s+(?:receive|obtain|get|collect)\b[^.;|]{0,40}\bfrom\b|\b(?:received|obtained|imported)\s+from\b|\b(?:we|you)\s+(?:receive|obtain|import)\b/i;

/**
 * Whether another cell of a row says its party signs the user in or supplies the data: a sign-in ("Sign in with Apple"),
 * data the vendor receives, or the party itself sharing with someone ("when they have consented to Spotify sharing these
 * preferences with Acme").
 */
export function signInRow(row: Row, name: { text: string }, strict = false): boolean {
  const party = name.text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
  const gives = party.length >= 2 ? new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(party)}\s+(?:shar(?:e|es|ing)|provid(?:e|es|ing)|send(?:s|ing)?|pass(?:es|ing)?)\b[^|.]{0,60}\b(?:with|to)\b`, 'iu') : undefined;
  const signIn = strict ? SIGNS_IN_WITH : SIGN_IN_OR_SOURCE;
  return (row.cells ?? []).some((c) => c.text !== name.text && (signIn.test(c.text) || (gives !== undefined && gives.test(c.text))));
}
// `strict`: a purpose that is the sign-in itself ("Sign-in with Apple", "Enabling subscription via Facebook Login"), not a
// cookie that watches logins ("helps detect suspicious login activity").
const SIGNS_IN_WITH = /\bsign(?:ing)?[\s-]?(?:in|on|up)\s+(?:with|via|using|through)\b|\b(?:via|with|through|using)\s+(?:[\p{Lu}][\p{L}]*\s+){0,2}(?:login|log[\s-]?in|sign[\s-]?in|connect)\b/iu;

/**
 * Whether another cell of a recipients-table row gives the party's purpose as advertising or analytics, and none says
 * the party signs the user in or supplies the data.
 */
export function adOrAnalyticsRow(row: Row, name: { text: string }): boolean {
  const others = (row.cells ?? []).filter((c) => c.text !== name.text).map((c) => c.text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim());
  return others.some((t) => AD_OR_ANALYTICS_CELL.test(t)) && !others.some((t) => SIGN_IN_OR_SOURCE.test(t));
}

/**
 * The sentences of a cell, each with its offset: a stop, then a space, then a capital ends one ("… data assistant.
 * Zendesk Inc. which …"); a legal suffix's stop does not ("Braze, Ltd. which provides").
 */
export function cellEntries(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?]\s+(?=[\p{Lu}\d])/gu)) {
    const end = m.index + 1;
    // "Apple Distribution International Ltd. and Google LLC" has no capital after the stop; "Acme Ltd. Zendesk …" is
    // two entries all the same: the suffix's stop ends the first when a capital follows.
    out.push({ text: text.slice(from, end).trim(), at: from + (text.slice(from).length - text.slice(from).trimStart().length) });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ text: text.slice(from).trim(), at: from });
  return out.filter((e) => e.text !== '');
}

/**
 * Whether a lead of such a cell names a kind of party, not one: its head noun (before "of", "within", …) is a plural kind
 * ("Suppliers of IT Services", "Nimbus Group Companies", "Event Organisers"), as the lead of an entry of a list of
 * categories is (isCategoryList). Such a column's cells are as often categories as names; a legal suffix makes a name.
 */
function kindLead(raw: string): boolean {
  if (ENDS_WITH_SUFFIX.test(raw.trim())) return false;
  const head = raw.split(/\s+(?:of|within|in|for|from|at|with)\s+/i)[0].trim();
  return CATEGORY_WORD.test(head) || partyKindPlural(head.slice(head.lastIndexOf(' ') + 1));
}

// A column title naming the parties a vendor engages ("Sub-processor", "Vendor", "Service provider").
const PARTY_TITLE = /\b(?:sub-?processors?|vendors?|providers?|processors?|suppliers?)\b/i;

/**
 * Whether the table's name column is titled as the vendor's engaged parties: a cell under such a title is strong evidence
 * of a company, so a product named with an institution word ("NextGen Office") is read as that product (see productCell).
 */
function partyColumn(block: Block, context: ListContext): boolean {
  const head = block.header?.[context.nameColumn];
  return head !== undefined && PARTY_TITLE.test(head.text);
}

/**
 * A name cell written in lower case ("emetriq", "hurra.com") is the brand as the table writes it
 * when the same row links to that party's own site ("https://www.emetriq.com/datenschutz/"): one word, its letters
 * part of the link's host. Without such a link a lower-case cell may be a kind ("hosting") and is left to readLead.
 */
export function lowerCaseBrand(text: string, row: Row): string | undefined {
  // A cell with a parenthesis after the word ("usemax (Emego GmbH)") names the company too: left to the other readers.
  const m = /^(\p{Ll}[\p{L}\d.-]*[\p{L}\d])$/u.exec(text.trim());
  return m && linksToOwnSite(m[1], text, row) ? m[1] : undefined;
}

/**
 * The name cell of a row of a recipients table whose other cell links to a privacy policy ("gskinner |
 * https://createjs.com/legal/privacy.html", "FUSIO BY S4M | http://www.s4m.io/privacy-policy/"): the policy is the
 * named party's, so the cell is that party as the table writes it, in whatever case, even when the link's site is
 * another name of it. Not a cell that opens with an ordinary word of the document ("hosting | https://…/privacy"
 * is a kind of service), nor several lower-case words ("payment processing"), nor more than four words or sentence punctuation.
 */
export function policyLinkedCell(text: string, row: Row, doc: string, own: (url: string) => boolean = () => false): string | undefined {
  const t = text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
  if (!t || t.split(/\s+/).length > 4 || /[,;:|()]|\.\s|\.$/.test(t) || !/^[\p{L}\p{N}]/u.test(t)) return undefined;
  // An ordinary word is written so elsewhere in the document too; a brand in lower case ("gskinner") only in its row.
  // Several lower-case words are a kind of service ("payment processing"); a lower-case brand is one token.
  const first = t.split(/\s+/)[0];
  if (/^\p{Ll}/u.test(t) && /\s/.test(t)) return undefined;
  if (/^\p{Ll}[\p{Ll}-]*$/u.test(first) && (doc.match(new RegExp(String.raw`(?<![\p{L}\p{N}.])${first}(?![\p{L}\p{N}])`, 'gu'))?.length ?? 0) > 1) return undefined;
  return (row.cells ?? []).some((c) => c.text !== text && POLICY_LINK.test(c.text) && !own(c.text)) ? t : undefined;
}

// Several words in capitals (digits and "&" allowed): what cleanName drops as shouting in prose.
const SHOUTED_CELL = /^[\p{Lu}\d&.-]+(?:\s+[\p{Lu}\d&.-]+)+$/u;

/**
 * Whether a cell in capitals may be a party's name: not an answer ("NOT APPLICABLE"), not a category of recipients
 * ("SOCIAL MEDIA PLATFORMS", "SERVICE PROVIDERS"), not words the document writes in lower case in its prose
 * ("MEASUREMENT AND ANALYTICS"): capitals in a table are as often a row's category or heading as a name.
 */
function shoutedName(ctx: FactContext, text: string): boolean {
  const t = text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
  return SHOUTED_CELL.test(t) && !ANSWER_CELL.test(t) && !CATEGORY_WORD.test(t) && !common(ctx, t.toLowerCase());
}
const SENTENCE_CASE = /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}[\p{L}-]*)+$/u;
const ANSWER_CELL = /^(?:yes|no|true|false|optional|required|mandatory|n\/a|not applicable|[✓✔✗✘x])$/i;

/** Whether a row's other cells answer a question ("Yes", "Required") or link to the vendor's own policy. */
function howOrWhereRow(ctx: FactContext, block: Block, row: Row, cell: { text: string }): boolean {
  const own = ownPolicy(ctx, block);
  return (row.cells ?? []).some((c) => c !== cell && (ANSWER_CELL.test(c.text.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim()) || (POLICY_LINK.test(c.text) && own(c.text))));
}

/**
 * Which policy links of a table are not a named party's own: the vendor's own policy (its site's name is one of the
 * vendor's names: "https://www.acme.com/privacy" in Acme's policy), or one link that every row of the table repeats.
 * Such a row says where to read more ("Yes | Cookie banner | acme.com/privacy"); its cells name no one.
 */
export function ownPolicy(ctx: FactContext, block: Block): (url: string) => boolean {
  const vendor = ctx.vendorNames.map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((k) => k.length >= 3);
  const urlOf = (cell: string): string | undefined => /\bhttps?:\/\/[^\s)\]|]+/i.exec(cell)?.[0];
  const perRow = block.rows.map((r) => new Set((r.cells ?? []).map((c) => urlOf(c.text)).filter((u): u is string => u !== undefined)));
  return (cell: string): boolean => {
    const url = urlOf(cell);
    const host = url && /^https?:\/\/([^/?#]+)/i.exec(url)?.[1];
    if (!url || !host) return false;
    const site = siteOf(host).replace(/\.[a-z.]+$/, '').replace(/[^a-z0-9]/g, '');
    if (vendor.some((k) => site === k || site.includes(k))) return true;
    return block.rows.length > 2 && perRow.every((set) => set.has(url));
  };
}
const POLICY_LINK = /^\[?[^\s|]*\bhttps?:\/\/\S*(?:privacy|privacidad|datenschutz|confidentialite|legal|policy|gdpr)\S*$/i;

/**
 * A short name cell (a trailing parenthesis left out, as {@link wholeCell} does) whose row links to the party's own
 * site (see {@link linksToOwnSite}): the name as written, else undefined.
 */
function sitedCell(text: string, row: Row): string | undefined {
  const bare = text.replace(/^(?:\*\*|__)|(?:\*\*|__|\\)$/g, '').trim();
  const note = /\s*\(([^)]*)\)$/.exec(bare);
  const t = note ? bare.slice(0, note.index) : bare;
  if (!t || t.split(/\s+/).length > 6 || /[,;:|]|\.\s/.test(t) || !/^[\p{L}\p{N}]/u.test(t) || !linksToOwnSite(t, text, row)) return undefined;
  // A parenthesis holding the company's legal name belongs to the name ("usemax (Emego GmbH)"); a country or acronym does
  // not, nor a note that only ends with another company's name ("(a subsidiary of Nimbus Inc.)", "(formerly Adsmith Ltd)").
  const legal = note ? NAME_AT.exec(note[1]) : null;
  return legal && note && legal[0].trim() === note[1].trim() && ENDS_WITH_SUFFIX.test(legal[1]) ? bare : t;
}

/**
 * Whether another cell of the row links to the named party's own site: the name's letters and digits (four or more)
 * are in the link's site ("DMA Institute" and "https://www.dma-institute.com/…", "RTB House" and "rtbhouse.com").
 * The site is the host without its subdomains: a word that is only a subdomain names a part of someone else's site
 * ("Analytics" and "https://analytics.google.com/…", "Support" and "support.zendesk.com"), not an organisation.
 */
export function linksToOwnSite(name: string, text: string, row: Row): boolean {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key.length < 4) return false;
  for (const c of row.cells ?? []) {
    const host = /\bhttps?:\/\/([^/\s)\]|]+)/i.exec(c.text)?.[1] ?? /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.exec(c.text.trim())?.[0];
    if (c.text !== text && host && siteOf(host).replace(/[^a-z0-9]/g, '').includes(key)) return true;
  }
  return false;
}

/**
 * A host's registered name with its public suffix ("analytics.google.com" → "google.com", "www.kestrel.co.jp" →
 * "kestrel.co.jp"): a two-letter country domain under a generic second level ("co", "com", "ne", …) is one suffix.
 */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').split('.');
  const suffix = labels.length > 2 && /^[a-z]{2}$/.test(labels[labels.length - 1]) && /^(?:co|com|net|org|ne|or|ac|gov|go|edu|ltd|plc)$/.test(labels[labels.length - 2]) ? 2 : 1;
  return labels.slice(-suffix - 1).join('.');
}

/** A list nothing says is a list of recipients: its first entries are kept for review, not asserted. */
export function readUndecided(ctx: FactContext, { add }: NameCollector, block: Block, context: ListContext): void {
  const reason = `in a ${block.kind} that may name recipients: ${context.reason}`;
  for (const row of block.rows.slice(0, 3)) {
    const rs = rowSentence(row);
    if (block.kind === 'table') {
      const cell = cellUnder(block, row, context.nameColumn);
      const whole = cell && cell.text ? wholeCell(cell.text) : undefined;
      if (cell && whole) add(whole, rs, cell.at + Math.max(0, cell.text.indexOf(whole)), false, true, reason);
    } else readItem(ctx, rs, (raw, ss, at) => add(raw, ss, at, false, false, reason));
  }
}
