import type { Block } from '../clauses/structure.js';
import { isListItem, ITEM_MARKER } from '../clauses/structure.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import type { NameCollector } from './subprocessor-candidates.js';
import { evidenceAt } from './fact-context.js';
import { noPersonalData } from './subprocessor-lists.js';
import { readLead } from './subprocessor-names.js';

/**
 * The list form of a cookie table's provider column: a list of the trackers a vendor's pages or app carry, one entry per
 * provider ("- **Statwise** — These cookies count visits.", "- Adsmith: Used to measure our campaigns", or bare "- Adsmith"
 * under "The SDKs listed below are used by our advertising partners"). Whoever runs a tracker on the vendor's pages
 * collects the visitors' data there, so the entry's lead name is a recipient, as a provider cell of a cookie table is.
 *
 * Two shapes, told apart by what the list says of its entries:
 * - under a heading or intro about cookies, pixels or tags, an entry that opens with a name and goes on to say what
 *   its tracker does ("These cookies are used to …", "Provides analytics …"): a cookie is set by whoever reads it, so
 *   the name is that party. Lists of SDKs or libraries need more: an SDK may be a library the vendor builds with (a
 *   linter, an image loader) that sends no one anything, and nothing in the entry tells the two apart.
 * - a bare entry (a name alone), when the intro says the listed trackers are used by third parties or partners, or for
 *   advertising or analytics: then the intro is what makes each entry a party collecting data.
 * Lists about managing, refusing or typing cookies ("You can block cookies in your browser:", "We use the following
 * types of cookies:") name browsers and kinds, not providers, and are not read, nor are lists of data, of the reader's
 * rights or of the vendor's own (first-party) cookies; so are entries that tell the reader what
 * they can do ("Safari — Lets you block cookies"), say who sets the cookie they name ("IDE — Used by Adsmith …": the
 * lead is the cookie's name) or say their tool collects no personal data. The candidates still go through the
 * collector's filters (the vendor and its products, ordinary words, kinds of tracker in title case).
 */

// What a vendor's pages set on a visitor's browser for whoever reads it.
const COOKIE_NOUN = /\b(?:cookies?|pixels?|tags?|web\s+beacons?|trackers?|tracking\s+technolog(?:y|ies))\b/i;
const SDK_NOUN = /\b(?:sdks?|software\s+development\s+kits?|librar(?:y|ies)|frameworks?|open[- ]source)\b/i;
// A list about something else than who runs the trackers: how to manage or refuse them, where, or their kinds.
const NOT_PROVIDER_LIST = /\b(?:browsers?|settings|manag(?:e|ing)|disabl(?:e|ing)|delet(?:e|ing)|block(?:ing)?|refus(?:e|ing)|reject(?:ing)?|opt(?:[- ]?outs?|\s+out)|withdraw|types?|categor(?:y|ies)|kinds?|how\s+to|learn\s+more|devices?)\b/i;
// An intro that says its entries are pieces of data or the reader's rights ("We collect the following information:",
// "you have the following rights:"): their leads are kinds of data or rights, even under a heading about cookies.
const LISTS_DATA_OR_RIGHTS = /\b(?:following|below)\s+(?:(?:personal|usage|device|technical|additional|other)\s+)?(?:information|data|details|rights|choices)\b|\b(?:information|data|details|rights)\s+(?:listed\s+)?below\b/i;
// An intro that says its entries are the vendor's own cookies ("the following first-party cookies", "Our own cookies
// are:"), and no one else's: their leads are the cookies' names, not parties.
const OWN_COOKIES = /\bfirst[- ]party\b|\bour\s+own\b/i;
const OTHERS_COOKIES = /\bthird[- ]part(?:y|ies)\b|\bpartners?\b/i;
// An intro that points at the entries as trackers ("The SDKs listed below …", "the following cookies …").
const POINTS_AT_LIST = /\b(?:listed\s+below|below|(?:the\s+)?following)\b/i;
// … run by others or for others' purposes: what makes a bare entry a party collecting data.
const RUN_BY_OTHERS = /\bthird[- ]part(?:y|ies)\b|\bpartners?\b|\badvertis\w*|\banalytics\b/i;
// The description of an entry's tracker, just after its lead name: "These cookies are used to …", "Provides analytics
// …", "Used to measure …", "Helps us track …", "This tracking technology is used to …".
const DESCRIBED_USE = /^(?:(?:this|these|it|they)(?:\s+(?:cookies?|pixels?|tags?|trackers?|tools?|services?|(?:tracking\s+)?technolog(?:y|ies)))?\s+(?:(?:is|are)\s+(?:used|set|placed|stored)|allows?|helps?|enables?|lets?|collects?|measures?|tracks?|sets?)|used\s+(?:to|for|by)|provides?|helps?|allows?|enables?|measures?|tracks?|collects?|records?|analy[sz]es?)\b/i;
// A description addressed to the reader: a browser's or a device's setting, not a tracker ("Lets you block cookies").
const TELLS_READER = /^[^.]{0,40}?\b(?:allows?|lets?|enables?|helps?)\s+you\b/i;
// A description naming who sets the entry's cookie ("Used by Adsmith to …"): the lead is then the cookie's own name.
const SET_BY = /\b(?:[Ss]et|[Uu]sed|[Pp]laced|[Ss]erved|[Dd]ropped|[Ss]tored|[Rr]ead)\s+by\s+((?:[\p{Lu}]|[\p{Ll}]{1,3}(?=[\p{Lu}]))[\p{L}\p{N}.&-]*)/u;
// The lead of an entry and the separator that opens its description ("**Statwise** — ", "Adsmith: ", "Vidstream (EU) - ").
const LEAD_THEN_DESCRIPTION = /^((?:\*\*|__)?[^:\u2013\u2014*_|]{1,80}?(?:\*\*|__)?)\s*(?:\([^)]*\)\s*)?(?::|\s-\s|\s?[\u2013\u2014]\s?)\s*/u;

const memo = new WeakMap<Block, TrackerListKind>();

/** Which entries of a list are read as tracker providers: 'described' ones, 'bare' ones too, or none (false). */
export type TrackerListKind = 'described' | 'bare' | false;

function trackerList(block: Block): TrackerListKind {
  let kind = memo.get(block);
  if (kind !== undefined) return kind;
  const heading = block.heading ?? (block.intro?.isHeading ? block.intro.view : undefined);
  const intro = block.intro && !block.intro.isHeading ? block.intro.view : undefined;
  kind = block.kind === 'list' ? trackerIntroKind(heading, intro) : false;
  memo.set(block, kind);
  return kind;
}

/** What a list's heading and intro (the sentence leading into its entries) make of its entries (see above). */
export function trackerIntroKind(heading: string | undefined, introText: string | undefined): TrackerListKind {
  const intro = introText?.slice(-300);
  const about = [heading, intro].filter((t): t is string => t !== undefined && t.length < 400);
  if (about.length === 0 || about.some((t) => NOT_PROVIDER_LIST.test(t)) || (intro !== undefined && LISTS_DATA_OR_RIGHTS.test(intro))) return false;
  if (intro !== undefined && OWN_COOKIES.test(intro) && !OTHERS_COOKIES.test(intro)) return false;
  if (intro !== undefined && (COOKIE_NOUN.test(intro) || SDK_NOUN.test(intro)) && POINTS_AT_LIST.test(intro) && RUN_BY_OTHERS.test(intro)) return 'bare';
  if (about.some((t) => COOKIE_NOUN.test(t)) && !about.some((t) => SDK_NOUN.test(t))) return 'described';
  return false;
}

/** Reads one entry of a list of trackers (see above): whether it was read so (else the reader goes on to its sentence). */
export function readTrackerItem(ctx: FactContext, collector: NameCollector, block: Block, s: Sentence): boolean {
  const kind = block.kind === 'list' ? trackerList(block) : false;
  if (!kind) return false;
  const body = s.view.replace(ITEM_MARKER, '');
  return readTrackerEntry(ctx, collector, s, body, s.view.length - body.length, kind);
}

/**
 * Reads one entry's text (`body`, at `offset` in the sentence's view) of a list of trackers of the given kind: its lead
 * name when the entry describes a tracker's use, or the bare name under an intro that makes bare entries parties.
 */
export function readTrackerEntry(ctx: FactContext, { add, rejected }: NameCollector, s: Sentence, body: string, offset: number, kind: TrackerListKind): boolean {
  if (!kind) return false;
  const lead = LEAD_THEN_DESCRIPTION.exec(body);
  const description = lead === null ? '' : body.slice(lead[0].length);
  const setter = SET_BY.exec(description)?.[1];
  const described =
    lead !== null &&
    DESCRIBED_USE.test(description) &&
    !TELLS_READER.test(description) &&
    noPersonalData(ctx.sentences, s) === undefined &&
    (setter === undefined || firstWord(lead[1]) === firstWord(setter));
  // A bare entry is a name and nothing else: at most a note in parentheses ("AppsFlyer", "Rokt (EU only)").
  const bare = kind === 'bare' && /^(?:\*\*|__)?[^\s:,;.|][^:;|]{0,60}?(?:\*\*|__)?\s*(?:\([^)]*\))?\s*$/u.test(body) && body.trim().split(/\s+/).length <= 6;
  if (!described && !bare) return false;
  const text = described ? lead![1] : body;
  const open = /^(?:\*\*|__)/.test(text) ? 2 : 0;
  let read = false;
  // Each product as the list writes it ("Microsoft Clarity", "Microsoft Advertising"), as the labels do: a shared first
  // word does not even make one company ("The Trade Desk", "The Rubicon Project").
  readLead(text.slice(open), offset + open, (lead, at) => {
    read = true;
    const raw = providerOf(ctx, s, lead);
    if (ownBrand(ctx, raw)) rejected.push({ name: raw, ev: evidenceAt(ctx, s, at, at + raw.length), reason: "the document's own brand, whose trackers are first-party" });
    else add(raw, s, at, true, false, undefined, true);
  });
  return read;
}

// "Google Analytics — Used by Google …" is the setter's own product; "IDE — Used by Adsmith …" is a cookie's name.
const firstWord = (name: string): string => name.replace(/[*_]/g, '').trim().split(/\s+/)[0].toLowerCase();

// A tracker's name made of its provider's and a word for the tracker ("Statwise Tracker", "Adsmith Pixel").
const TRACKER_TAIL = /^(.+?)\s+(?:trackers?|tracking|cookies?|pixels?|tags?|scripts?|beacons?)$/i;

/**
 * The provider an entry names: its lead, or the lead without a closing word for the tracker when the entry's own
 * description speaks of the provider by that shorter name ("**Statwise Tracker** — Helps us count visits. Statwise checks
 * for an existing cookie …"), as a tracker-table row is read by the name its prose uses.
 */
function providerOf(ctx: FactContext, s: Sentence, lead: string): string {
  const m = TRACKER_TAIL.exec(lead);
  // A word the document also writes in lower case may open a sentence for grammar's sake ("Smart Pixel — … Smart
  // campaigns …"): that is no name the entry gives the provider.
  if (!m || ctx.isLowerWord(m[1].toLowerCase())) return lead;
  const bare = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${escapeRegExp(m[1])}(?![\p{L}\p{N}]|\s+${escapeRegExp(lead.slice(m[1].length).trim())})`, 'u');
  // The entry's sentences: up to the next entry of the list.
  for (let i = s.index; i < ctx.sentences.length && ctx.sentences[i].paragraph === s.paragraph && (i === s.index || !isListItem(ctx.sentences[i])); i++) {
    const view = i === s.index ? ctx.sentences[i].view.slice(ctx.sentences[i].view.indexOf(lead) + lead.length) : ctx.sentences[i].view;
    if (bare.test(view)) return m[1];
  }
  return lead;
}

/**
 * Whether a heading of the document speaks of something of the name's own ("SDKs on Orbital’s Customer App",
 * "Orbital's Cookies"): a policy titles its sections after its own brand, so the name's entry is the vendor's first-party
 * tracker, whatever names the document gives its legal entity.
 */
function ownBrand(ctx: FactContext, name: string): boolean {
  const possessive = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${escapeRegExp(name)}['’]s\s`, 'u');
  return ctx.sentences.some((x) => x.isHeading && possessive.test(x.view));
}
