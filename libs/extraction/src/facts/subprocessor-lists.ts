import type { Block, Row } from '../clauses/structure.js';
import { cellsOf, isListItem, ITEM_MARKER, isTableRow } from '../clauses/structure.js';
import { isRunInTitle, isTitleParagraph, runInBlock } from '../clauses/run-in-titles.js';
import type { ListContext } from '../clauses/list-context.js';
import { listContext } from '../clauses/list-context.js';
import { POLICY_WORDS } from '../clauses/vocabulary.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { BRAND_SHAPE, common, HAS_SUFFIX, NAME_AT, NOT_A_NAME, readLead } from './subprocessor-names.js';

/**
 * Structure readers for sub-processor names: the lead entity of a list item or table row (a table's header row is
 * not a name), a row as a sentence-like span for evidence, and whether a list is one of categories of recipients.
 */
// A markdown table's separator row ("|---|:--|"): the row above it is the header, not a name.
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;
export const CATEGORY_WORD = /\b(?:providers|vendors|suppliers|advertisers|publishers|brokers|processors|sub-?processors|affiliates|subsidiaries|agencies|authorities|insurers|contractors|entities|organi[sz]ations|businesses|parties|developers|merchants|sellers|resellers|buyers|users|members|customers|creators|programs|partners|companies|advisors|advisers|brands|platforms|networks|institutions|banks|carriers|regulators|courts)$/i;
const categoryMemo = new WeakMap<Block, boolean>();
// An entry of a few words ending in a colon, with nothing after it (emphasis aside): a lead of the entries under it.
const SUB_LEAD = /^[^:]{1,60}:\s*(?:\*\*|__|\*|_)?\s*$/;
/**
 * Whether at least half of a list's entries are categories of recipients rather than names: the lead words of the
 * entry end in a plural ("Affiliates", "Other users", "Industry Child Safety Programs").
 */
export function isCategoryList(block: Block): boolean {
  let b = categoryMemo.get(block);
  if (b !== undefined) return b;
  // An entry that is only a lead ending in a colon ("- **Digital product provider:**", a nested list flattened into one
  // block) introduces the entries under it: it is their kind, not an entry of the list, and is not counted either way
  // (else a list of providers grouped under kinds reads as a list of kinds, and its names as categories).
  const bodies = block.rows.map((r) => r.view.replace(ITEM_MARKER, '')).filter((body) => !SUB_LEAD.test(body));
  // A lead is a category when it ends in a generic plural ("Other users", "Corporate Transaction Entities") and no legal suffix follows it.
  const plural = bodies.filter((body) => {
    const l = body.split(/[:,(;.\u2013\u2014]|\s-\s/)[0].trim();
    return l.split(/\s+/).length <= 6 && CATEGORY_WORD.test(l) && !BRAND_SHAPE.test(l) && !HAS_SUFFIX.test(body.slice(0, l.length + 12));
  }).length;
  const leads = bodies;
  b = leads.length > 0 && plural * 2 >= leads.length;
  categoryMemo.set(block, b);
  return b;
}
/**
 * The brand's product an entry led by the brand lets the user opt out of ("Google: … To opt out of Google Analytics,
 * click …"): in a list of opt-out links the entry's party is what the opt-out is from, as an entry opening "Opt Out of
 * Google Analytics" names it (OPT_OUT_OPENING). Read in the entry's sentences (its opt-out is often the second). Not an
 * opt-out of an act ("Nielsen: To opt out of sharing information with Nielsen Marketing Cloud" stays Nielsen) or of the
 * brand itself ("opt out of ID5’s sale").
 */
function optedOutProduct(ctx: FactContext, s: Sentence, lead: string, leadEnd: number): { name: string; s: Sentence; at: number } | undefined {
  for (let i = s.index; i < ctx.sentences.length && ctx.sentences[i].paragraph === s.paragraph; i++) {
    const x = ctx.sentences[i];
    // The next entry of the list speaks of its own party ("- **Google Analytics**: To opt out of …" after "- **Google**: …").
    if (x !== s && (isListItem(x) || isTableRow(x))) break;
    const from = x === s ? leadEnd : 0;
    const m = OPTED_OUT_OF.exec(x.view.slice(from));
    if (!m) continue;
    const after = from + m.index + m[0].length;
    const n = NAME_AT.exec(x.view.slice(after));
    // "To opt out of Microsoft Personalized Advertising", "… of Google Ads Settings": a setting or mode of the brand's
    // advertising, not a product of it; the opt-out is at the brand.
    if (!n || !n[1].startsWith(`${lead} `) || AD_SETTING.test(n[1].slice(lead.length))) return undefined;
    return { name: n[1], s: x, at: after + n[0].indexOf(n[1]) };
  }
  return undefined;
}
const OPTED_OUT_OF = /\bopt(?:[- ]?out|\s+out)\s+(?:of|from)\s+/i;
const OPT_OUT_OPENING = /^(?:\*\*|__)?opt[- ]?out\s+(?:of|from)\s+(?=\S)/i;
// Words of an advertising setting or mode rather than of a product's name.
const AD_SETTING = /\b(?:personali[sz](?:ed|ation)|interest-based|targeted|tailored|behaviou?ral|settings|preferences|choices|controls|features)\b/i;

/**
 * Whether what an entry opening "Opt Out of …" opts out of is an act, not a party ("Opt Out of Sale or Sharing", "Opt
 * Out of Targeted Advertising", "Opt Out of Personalized Ads"): its first word is a word of the policies' vocabulary or an
 * ordinary word of the document, or a participle or gerund ("Targeted", "Sharing"); a party's name opens with its brand.
 */
function optsOutOfAct(ctx: FactContext, object: string): boolean {
  const w = /^(?:\*\*|__)?([\p{L}-]+)/u.exec(object)?.[1];
  return w === undefined || POLICY_WORDS.has(w.toLowerCase()) || common(ctx, w) || /^\p{Lu}\p{Ll}{3,}(?:ed|ing)$/u.test(w);
}

/** A list item or table row under a provider heading or intro: its lead name (first cell of a row). */
export function readItem(ctx: FactContext, s: Sentence, add: (raw: string, s: Sentence, at: number) => void): void {
  const v = s.view;
  if (isTableRow(s)) {
    // The header row of a table (the row above its |---| rule, or the first row after the intro) holds column names.
    const next = ctx.sentences[s.index + 1];
    const prev = ctx.sentences[s.index - 1];
    if ((next !== undefined && TABLE_RULE.test(next.view.trim())) || prev === undefined || !isTableRow(prev)) {
      if (cellsOf(s).every((c) => NOT_A_NAME.test(c.text) || /^(?:name|entity|purpose|location|country|service|function|description|category|address|processing|type)\b/i.test(c.text))) return;
      if (prev === undefined || !isTableRow(prev)) {
        const cells = cellsOf(s);
        if (cells.length > 1 && cells.every((c) => c.text.split(/\s+/).length <= 4 && !/,\s*(?:Inc|LLC|Ltd)/.test(c.text)) && cells.some((c) => /\b(?:name|purpose|location|country|service|function|description|entity|provider|processor|vendor|recipient|categor)/i.test(c.text))) return;
      }
    }
    const first = cellsOf(s)[0];
    if (!first) return;
    const m = NAME_AT.exec(first.text);
    if (m && m.index === 0) add(m[1], s, first.start + first.text.indexOf(m[1]));
    return;
  }
  // The item's marker, then Markdown emphasis around a lead name ("* **Stripe**: payment processing").
  // An entry of a list of opt-out links opens with the act ("Opt Out of Google Analytics: https://…"): its entity is what
  // the user opts out of.
  const item = v.replace(ITEM_MARKER, '');
  const opening = OPT_OUT_OPENING.exec(item);
  if (opening && optsOutOfAct(ctx, item.slice(opening[0].length))) return;
  const body = (opening ? item.slice(opening[0].length) : item).replace(/^(?:\*\*|__|\*|_)(?=[\p{Lu}0-9])/u, '');
  const title = titleLine(ctx.text, s, body);
  // A title line of ordinary words of the document ("Payment Processing  ⏎ We use Quillpay to …") names the kind of
  // service the item describes, not its provider: the provider is in the description, read as a sentence about it
  // (below, or by the prose readers when the item gives no lead).
  const kind = title !== undefined && common(ctx, title) && !HAS_SUFFIX.test(title);
  let read = false;
  if (!kind) {
    readLead(title ?? body, v.length - body.length, (raw, at) => {
      read = true;
      const product = optedOutProduct(ctx, s, raw, at + raw.length);
      if (product) add(product.name, product.s, product.at);
      else add(raw, s, at);
    });
  }
  if (read) return;
  // An item written as a sentence about its entity ("Powens enables Lydia to provide …", "Tink AB also allows …"): the
  // name is the subject of a verb of supplying a service.
  const lead = kind ? body.slice(title.length).replace(/^(?:\*\*|__|\*|_)?\s*/, '') : body;
  const m = NAME_AT.exec(lead);
  if (m && m.index === 0 && ITEM_VERB.test(lead.slice(m[0].length))) add(m[1], s, v.length - lead.length + lead.indexOf(m[1]));
}

/**
 * The item's first line when it stands apart as a title ("* **Coinpayments**  ⏎ Their Privacy Policy can be viewed at …"):
 * a line break ends the item's lead as a colon or dash would, so the description's first word ("Their") is not read as
 * part of the name. Only a short line with no sentence punctuation, followed by a line that opens a sentence; the view
 * must match the source up to the break (the view writes the break as a space), or offsets would drift.
 */
function titleLine(text: string, s: Sentence, body: string): string | undefined {
  if (wrapsLines(text)) return undefined;
  const raw = text.slice(s.start, s.end);
  const br = raw.indexOf('\n');
  const markerLength = s.view.length - body.length;
  if (br <= markerLength || s.view.slice(0, br) !== raw.slice(0, br)) return undefined;
  const line = body.slice(0, br - markerLength).replace(/(?:\*\*|__|\*|_)?\s*$/, '');
  if (line.split(/\s+/).length > 6 || /[.,;:!?]\s|[.;:!?]$/.test(line) || !/^\s*[\p{Lu}\d]/u.test(raw.slice(br + 1))) return undefined;
  return line;
}

/**
 * Whether the document's lines are wrapped at a width (a Markdown file written in an editor, a text kept as laid out):
 * sentences go on after a line break with a lower-case word ("the following service⏎providers"). There a break is
 * layout, and an item's first line ("* Amazon Web⏎  Services hosts …") is no title. One text asked per item: the last
 * answer is kept.
 */
function wrapsLines(text: string): boolean {
  if (text !== wrapMemo.text) wrapMemo = { text, wraps: wrappedLines(text) >= 2 };
  return wrapMemo.wraps;
}
/** How many wrapped line breaks (WRAPPED_LINE's matches, in its order) `text` has, counted up to 2: two settle it. */
function wrappedLines(text: string): number {
  let n = 0;
  WRAPPED_LINE.lastIndex = 0;
  while (n < 2 && WRAPPED_LINE.exec(text) !== null) n++;
  WRAPPED_LINE.lastIndex = 0;
  return n;
}
const WRAPPED_LINE = /[\p{L},]\n[ \t]*\p{Ll}/gu;
let wrapMemo = { text: '', wraps: false };

// What an entity does as the subject of a list item about it: supplies, enables or handles something for the vendor.
const ITEM_VERB = /^\s+(?:also\s+)?(?:provides|enables|allows|supplies|delivers|offers|operates|hosts|processes|stores|helps|supports|powers|is\s+(?:an?|the|our)\s)/;

/** A sentence-like view of a table row or list item, so evidence offsets are those of the row's line. */
export function rowSentence(row: Row): Sentence {
  return { ...row.sentence, start: row.start, end: row.end, view: row.view };
}

// An entry's own words that its entity gets no personal data ("Does not collect or store personal information").
export const NO_PERSONAL_DATA = /\b(?:does|do|will)\s+not\s+(?:(?:collect|receive|store|access|process|retain|obtain)(?:\s*,?\s*(?:or|and)\s+|\s*,\s*|\s+))+(?:any\s+)?(?:personal(?:ly\s+identifiable)?|user|customer)\s+(?:data|information)\b|\bhas\s+no\s+access\s+to\s+(?:any\s+)?personal\s+(?:data|information)\b/i;

/** The words of a list item (its sentence and the next ones of its paragraph) saying its entity gets no personal data, if any. */
export function noPersonalData(sentences: Sentence[], s: Sentence): string | undefined {
  for (let k = s.index; k < sentences.length && k <= s.index + 3 && sentences[k].paragraph === s.paragraph; k++) {
    if (k > s.index && (isListItem(sentences[k]) || isTableRow(sentences[k]))) break;
    const m = NO_PERSONAL_DATA.exec(sentences[k].view);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * The title of a paragraph opened by a run-in title ("Cloudflare. As you browse, … send it to Cloudflare.") in a run of
 * them that its intro or heading says are recipients ("Here's who we use:"), when the paragraph speaks of it again (a
 * title only announcing a topic, "Payments.", is not repeated as a name). A title set apart as a paragraph in a list
 * the intro announces ("The payment processors we work with are:") is an entry of that list: its text need not name
 * it again ("Stripe:", "Their Privacy Policy can be viewed at …"). `runIns` and `contexts` keep one block per run.
 */
export function runInRecipient(sentences: Sentence[], s: Sentence, runIns: Map<number, Block>, contexts: Map<Block, ListContext>): string | undefined {
  if (!isRunInTitle(sentences, s)) return undefined;
  const block = runInBlock(sentences, s, runIns);
  let context = contexts.get(block);
  if (!context) contexts.set(block, (context = listContext(block)));
  if (context.role !== 'recipients') return undefined;
  const title = s.view.replace(/[.:]$/, '');
  const word = title.split(/\s+/)[0];
  if (word.length < 3) return undefined;
  let again = false;
  for (let k = s.index + 1; k < sentences.length && k <= s.index + 8 && sentences[k].paragraph === s.paragraph; k++) again ||= sentences[k].view.includes(word);
  return again || isTitleParagraph(sentences, s) ? title : undefined;
}
