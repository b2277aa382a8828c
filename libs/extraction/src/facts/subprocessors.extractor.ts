import type { Fact } from '@custody/domain';
import { blockIndex, type BlockEntry, type ListContext } from '../clauses/list-context.js';
import { introOf, isItem, isTableRow, type Block } from '../clauses/structure.js';
import { PROVIDER_NOUN, RELATION_VERB } from '../clauses/vocabulary.js';
import { mayHoldName } from '../text/name-gate.js';
import { mayMatch } from '../text/keyword-gate.js';
import type { Sentence } from '../text/sentences.js';
import { collectorMentions, inRanges, trackerSections } from './tracker-names.js';
import { evidenceAt, type FactContext } from './fact-context.js';
import { BRAND_SHAPE, cleanName, core, ENDS_WITH_SUFFIX, HAS_SUFFIX, inLink, NAME_AT, NAME_LIST_AT, readLead, splitNames, SUFFIX_NAME, TOKEN } from './subprocessor-names.js';
import { toolOwners } from './subprocessor-tool-owners.js';
import { buttonOwners, examplesOfPrevious, frontedRecipients } from './subprocessor-prose-parties.js';
import { isCategoryList, noPersonalData, readItem, runInRecipient } from './subprocessor-lists.js';
import { isTrackerTable } from './subprocessor-trackers.js';
import { oneOfProviders, providerHeading, providerProfile } from './subprocessor-profiles.js';
import { namesTechnique, QUOTED_KIND_AFTER, ANONYMOUS_DATA, ROLE_APPOSITIVE, USE_VERB_BEFORE, DATA_RELATION, HEADING, LIST_LEAD, SHOUTING, STRICT_HEADING, USER_ITEMS, notSentenceName, qualifiesKind, relationOutsideNames } from './subprocessor-patterns.js';
import { pluginOwners } from './subprocessor-plugin-owners.js';
import { deniedUse, examplesReceive, groupExamples, kindExamples, namesPaymentChannel, triggers, USER_DIRECTS, vendorPassesTo } from './subprocessor-triggers.js';
import { nameCollector, type NameCollector } from './subprocessor-candidates.js';
import { readRow, readUndecided } from './subprocessor-rows.js';
import { readTrackerRow } from './subprocessor-tracker-rows.js';
import { readTrackerItem } from './subprocessor-tracker-lists.js';
import { settleNames } from './subprocessor-settle.js';
import { aliasedGroupMembers } from './subprocessor-group-alias.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { negationBefore } from '../clauses/negation.js';
import { EXAMPLES_IN_PARENTHESIS, suffixedNamesIn } from './subprocessor-suffixed-examples.js';
import { readTitledTracker } from './subprocessor-titled-trackers.js';
import { titledProviderSection } from './subprocessor-titled-sections.js';
import { readInlineTrackerEntries } from './subprocessor-inline-entries.js';
import { userReaches } from './subprocessor-user-reach.js';
import { familyRecipients } from './subprocessor-parent-group.js';
import { matesOfKept } from './subprocessor-coordination.js';

/**
 * `subprocessors_named`: third-party organisations the document names as receiving customer or user data, as
 * written. Read from clauses about providers (the provider nouns and relation verbs of the vocabulary):
 * - names after a provider noun or a relation verb: "payment processors like Stripe and PayPal", "our AI chatbot
 *   provider Kapa.ai Inc.", "we use SparkPost", "disclosed to Salesforce.com, Inc.", "hosted by AWS";
 * - corporate names (with a legal suffix) in such clauses, and the items of "the following sub-processors: …";
 * - list items and table rows under a sub-processor heading or list intro (a table's header row is not a name).
 * Left out (README conventions): the vendor and the entities it defines as "we", sign-in providers and other
 * data sources, platforms the user connects to or where the vendor has a page, representatives, authorities,
 * dispute bodies and app stores, and names only cited as "the privacy policy of X". A brand is written with its
 * legal name when the document gives one ("Rexx" → "Rexx Systems GmbH").
 */
export function extractSubprocessors(ctx: FactContext): Fact<'subprocessors_named'> {
  const collector = nameCollector(ctx);
  const vendorNames = ctx.vendorNames;
  const r: Reading = {
    ctx,
    collector,
    vendorAtEnd: new RegExp(String.raw`(?:${vendorNames.map(escapeRegExp).filter((n) => n.length >= 2).join('|') || '\\uffff'})\s*$`, 'i'),
    headingCache: new Map(),
    nounMemo: new Map(),
    entries: blockIndex(ctx.text, ctx.sentences),
    runIns: new Map(),
    runInContexts: new Map(),
    trackerParts: trackerSections(ctx.sections, ctx.text.length),
  };
  for (const s of ctx.sentences) readSentence(r, s);
  // Members of a collectively named group that the document passes data to by that name (see aliasedGroupMembers).
  for (const g of aliasedGroupMembers(ctx.sentences)) collector.add(g.name, g.s, g.at, true);
  // The vendor's parent or group where it says whose group it is, and companies "also" controlling the user's data.
  for (const g of familyRecipients(ctx.sentences, [...vendorNames, ...ctx.partyNames], (n) => collector.self().has(n))) collector.add(g.name, g.s, g.at, true);
  // Names coordinated with one kept ("Piano, Zephyr, Stripe and HH&S collect … on our behalf"): the list shares its predicate.
  addMates(r);
  return settleNames(ctx, collector);
}

/**
 * Names coordinated with one kept ("Piano, Zephyr, Stripe and HH&S collect … on our behalf"): the list shares its
 * predicate (subprocessor-coordination.ts). A coordination is of one kind: when one mate is not kept (the vendor's own
 * product, a platform, an address, an ordinary word), the list is not a list of recipients and none of it is taken.
 */
function addMates(r: Reading): void {
  const { collector, ctx } = r;
  // The vendor's own names are kept until settleNames drops them: their mates are its products and sites ("on Acme.com
  // or Acmecars.com"), not recipients.
  // Only names read firmly (strong) lend their role to a list: a weak name may itself be withheld by the calibration.
  const kept = [...collector.names.values()].filter((n) => n.strong).map((n) => n.name).filter((n) => !collector.vendorKeys.has(core(n)) && !collector.self().has(n) && !r.vendorAtEnd.test(n));
  // Only a sentence about providers or passing data says what its list of names does (a list of help links, a table of
  // contents, the vendor's sites say nothing of the kind).
  const aboutData = (x: Sentence): boolean => namesProvider(r, x) || RELATION_VERB.test(x.view) || DATA_RELATION.test(x.view);
  // Nor one where the user directs the passing ("If you connect A, B or C, we share data with them at your request"): the
  // parties the user reaches are not the vendor's recipients (README conventions), whichever of them is kept elsewhere.
  const skip = (x: Sentence): boolean => isTableRow(x) || r.entries.get(x.index)?.row !== undefined || !aboutData(x) || USER_DIRECTS.test(x.view);
  for (const list of matesOfKept(ctx.sentences, kept, skip, deniedUse)) {
    const before = new Set(collector.names.keys());
    const rejectedBefore = collector.rejected.length;
    const keys: string[] = [];
    // The kept name is read again here: set aside in this list's context (a sign-in provider, a platform), it takes the list with it.
    for (const m of list) {
      const size = collector.names.size;
      collector.add(m.name, m.s, m.at);
      if (collector.names.size > size) keys.push([...collector.names.keys()].pop()!);
      else if (collector.rejected.length > rejectedBefore || !before.has(core(cleanName(m.name) ?? m.name))) {
        for (const k of keys) collector.names.delete(k);
        collector.rejected.length = rejectedBefore;
        break;
      }
    }
  }
}

// What stands between two coordinated names: a comma, "and", "or".
const COORDINATED = /^\s*(?:,\s*)?(?:(?:and|or|and\/or)\s+)?$/;
const CONTRAST = /\b(?:but|rather|instead)\b/i;
// A clause with a subject of its own: a pronoun and a verb in lower case ("We contract with …", "They help us …").
const OWN_SUBJECT = /^\s*(?:[Ww]e|[Tt]hey|[Yy]ou|[Ii]t)\s+(?:(?:also|may|will|can|only|currently|do|does)\s+)*\p{Ll}/u;

// The user linking or connecting accounts of a kind just named ("You can link your social media account", "By linking the services").
const USER_LINKS = /\b(?:you|users?)\s+(?:(?:can|may|choose\s+to|decide\s+to)\s+)?(?:link|connect)\b|\bby\s+(?:linking|connecting)\b/i;

/** Whether one of the next three sentences (before a heading) has the user link or connect accounts. */
function linkedAfter(sentences: Sentence[], s: Sentence): boolean {
  for (let i = s.index + 1; i <= s.index + 3 && i < sentences.length; i++) {
    if (sentences[i].isHeading) return false;
    if (USER_LINKS.test(sentences[i].view)) return true;
  }
  return false;
}

/**
 * What the reader keeps of one document while it reads the sentences one by one. The readings below are functions of
 * their own, not closures of one long function: a long function is recompiled whole each time one of its
 * assumptions fails (new documents keep bringing new ones), and this one was the most recompiled of the extractor.
 */
interface Reading {
  ctx: FactContext;
  collector: NameCollector;
  /** The vendor's names at the end of a text (a relation verb after it is the vendor's). */
  vendorAtEnd: RegExp;
  /** Whether a heading announces providers (HEADING), per heading text: many sentences share one. */
  headingCache: Map<string, boolean>;
  /** Whether a sentence has a provider noun, asked of each sentence and of the one after it: answered once. */
  nounMemo: Map<number, boolean>;
  entries: Map<number, BlockEntry>;
  /** Runs of paragraphs with run-in titles, one block each, and their contexts. */
  runIns: Map<number, Block>;
  runInContexts: Map<Block, ListContext>;
  trackerParts: ReturnType<typeof trackerSections>;
}

function namesProvider(r: Reading, x: Sentence): boolean {
  let b = r.nounMemo.get(x.index);
  if (b === undefined) r.nounMemo.set(x.index, (b = mayMatch(PROVIDER_NOUN, x.view, x) && PROVIDER_NOUN.test(x.view)));
  return b;
}

function readSentence(r: Reading, s: Sentence): void {
  const { ctx, collector } = r;
  const { add } = collector;
  if (s.isHeading) {
    // A provider's name as the heading of its own subsection ("Google Analytics", then "Google Analytics is …").
    // A provider titling a section of its own whose body gives it a role ("4.1 Use of Statwise", then "Statwise is a
    // web analytics service offered by …").
    const h = providerHeading(ctx.sentences, s) ?? titledProviderSection(ctx.sentences, s);
    if (h) add(h.name, s, h.at, true);
    return;
  }
  if (s.isDefinition || s.isDraftingNote) return;
  const v = s.view;
  // 0. A provider named in prose as the one collecting data on the vendor's pages ("Stripe uses a cookie",
  // "Used by Hotjar to …"), under any heading: tracker sections name one provider per paragraph or row, often
  // as the sentence's first word (hence before the capital test below).
  const underTrackers = inRanges(r.trackerParts, s.start);
  // A party said to collect on the vendor's own pages is firmly read and a tracker there, a platform too ("Fooface will set
  // cookies through our site"): it is no longer only a platform the user meets (see collectorMentions' onPages).
  for (const c of collectorMentions(v, underTrackers, TOKEN, notSentenceName, s)) add(c.name, s, c.at, c.onPages === true, false, undefined, c.onPages === true);
  // A provider titling its own paragraph in a section about cookies ("**Akamai** These are performance cookies …").
  readTitledTracker(ctx, collector, s, underTrackers);
  // The organisation behind a tool, linked to its own policy ("Matomo cookie by InnoCraft Ltd (https://…)").
  for (const c of toolOwners(v, underTrackers, (a, b) => inLink(ctx.links, s.start + a, s.start + b), s, ctx.isLowerWord)) add(c.name, s, c.at, true, false, undefined, true);
  // A list item or table row (asked once: three readings below depend on it); a row whose first cell is whole sentences
  // starts in a sentence without a bar, but its block knows it as a row.
  const item = isItem(ctx.sentences, s) || isTableRow(s) || r.entries.get(s.index)?.row !== undefined;
  // A paragraph opened by a run-in title of a run of them that names recipients ("Cloudflare. As you browse, …").
  // A list of trackers flattened into the paragraph ("… the following tracking technologies: - Braze: Used to …").
  if (!item) readInlineTrackerEntries(ctx, collector, s);
  const title = item ? undefined : runInRecipient(ctx.sentences, s, r.runIns, r.runInContexts);
  if (title !== undefined) {
    readLead(title, 0, (raw, at) => add(raw, s, at, true));
    return;
  }
  // A provider described in its own sentence among the vendor's providers ("Twilio provides … The platform processes
  // user data", "Google is one of these third-party vendors"): its name may be the sentence's only capital, hence
  // before the capital test below.
  if (!item) {
    const profile = providerProfile(ctx.sentences, s) ?? oneOfProviders(s);
    if (profile) add(profile.name, s, profile.at, true);
  }
  // Names start with a capital or a digit (or "iDenfy"); a sentence with none cannot hold one.
  // An item whose marker was split off ("1." then "Criteo") starts with its name. A row of a recipients table may hold
  // a brand written in lower case ("emetriq | https://www.emetriq.com/…"; see lowerCaseBrand).
  if (!mayHoldName(v) && !(item && /^[A-Z]/.test(v)) && !(item && r.entries.get(s.index)?.row && r.entries.get(s.index)?.context.role === 'recipients')) return;
  let underHeading = false;
  if (s.heading !== undefined) {
    let h = r.headingCache.get(s.heading);
    if (h === undefined) r.headingCache.set(s.heading, (h = HEADING.test(s.heading) && s.heading.length < 100));
    underHeading = h;
  }
  const intro = item ? introOf(ctx.sentences, s, true) : undefined;
  // "We do not share information about you with:": the intro denies passing data to the entries, so none of them,
  // whatever it says of itself ("- Payment processors such as Stripe"), is a recipient. "We do not share … except
  // with:" names recipients all the same (deniedUse reads the exception).
  if (intro !== undefined && deniedUse(intro.view.slice(intro.view.lastIndexOf(';') + 1))) return;
  const introAboutProviders =
    intro !== undefined &&
    ((PROVIDER_NOUN.test(intro.view) && (RELATION_VERB.test(intro.view) || /:\s*$/.test(intro.view) || intro.isHeading)) ||
      /\b(?:we|us)\s+(?:also\s+|currently\s+)?(?:use|engage|work with|rely on|partner with|utili[sz]e)\b[^.]{0,60}:\s*$/i.test(intro.view));
  if (item && readEntry(r, s, underHeading, introAboutProviders)) return;
  readProse(r, s, intro, underHeading);
}

/** A list item or table row read as an entry of its list: true when that reading settles the sentence. */
function readEntry(r: Reading, s: Sentence, underHeading: boolean, introAboutProviders: boolean): boolean {
  const { ctx, collector, entries } = r;
  const { add, names, rejected } = collector;
  // The list or table the item belongs to decides first: a list of recipients is read by its name column or
  // lead entity; a list of products, data kinds or integrations is not read as names at all.
  const entry = entries.get(s.index);
  const role = entry?.context.role ?? 'unknown';
  if (entry && role === 'recipients') {
    const strong = role === 'recipients' || (underHeading && STRICT_HEADING.test(s.heading ?? ''));
    if (entry.block.kind === 'table') {
      if (entry.row) readRow(ctx, collector, entry.block, entry.row, entry.context, strong);
      return true;
    }
    // An item without a lead entity ("Fraud Prevention: we use Google's reCAPTCHA") is read as a sentence below.
    // In a list of categories ("Affiliates", "Service providers", "Other users"), only a name that looks like one
    // (a legal suffix, a brand's inner capital, a dot or digit) is taken as an entry.
    // "- Arcademics: Provides some of the math games. Does not collect or store personal information.": no access.
    const none = noPersonalData(ctx.sentences, s);
    if (none) {
      readItem(ctx, s, (raw, ss, at) => rejected.push({ name: raw, ev: evidenceAt(ctx, ss, at, at + raw.length), reason: `the list says this entity gets no personal data ("${none}")` }));
      return true;
    }
    const before = names.size + rejected.length;
    const categories = isCategoryList(entry.block);
    readItem(ctx, s, (raw, ss, at) => {
      if (!categories || ENDS_WITH_SUFFIX.test(raw.trim()) || BRAND_SHAPE.test(raw)) add(raw, ss, at, strong);
    });
    if (names.size + rejected.length > before) return true;
  }
  // A row of a cookie or tracker table that links to a third party's own policy, or an entry of a list of trackers led
  // by its provider (the list form of a table's provider column): that party gets visitors' data.
  if (entry && role !== 'recipients' && entry.row && ((entry.block.kind === 'table' && isTrackerTable(entry.block) && readTrackerRow(ctx, collector, entry.block, entry.row)) || readTrackerItem(ctx, collector, entry.block, s))) return true;
  // Provider words nearby but nothing that says the entries receive data: kept for a person to decide.
  if (entry && role === 'unknown' && (underHeading || introAboutProviders) && entry.row === entry.block.rows[0]) readUndecided(ctx, collector, entry.block, entry.context);
  return false;
}

/** The names a sentence's prose gives after provider nouns, relation verbs and list leads. */
function readProse(r: Reading, s: Sentence, intro: Sentence | undefined, underHeading: boolean): void {
  const { ctx, collector, entries, vendorAtEnd } = r;
  const { add } = collector;
  const v = s.view;
  // A sentence in capitals (disclaimers) names no provider.
  if (v.length > 40 && SHOUTING.test(v) && v.replace(/[^\p{Lu}]/gu, '').length > 0.6 * v.replace(/[^\p{L}]/gu, '').length) return;
  const prev = ctx.sentences[s.index - 1];
  const nounHere = namesProvider(r, s);
  const providerContext = nounHere || underHeading || (prev !== undefined && prev.paragraph === s.paragraph && namesProvider(r, prev));
  // 0b. A platform whose social plug-ins the vendor's pages embed gets the visit (as a tracker does), with or without a provider word.
  for (const at of pluginOwners(v, s.heading)) {
    if (deniedUse(v.slice(Math.max(0, v.lastIndexOf(';', at) + 1), at))) continue;
    // The owner's address may follow ("LinkedIn Corporation, 2029 Stierlin Court, Mountain View"): the names end before a number.
    const list = NAME_LIST_AT.exec(v.slice(at).replace(/,\s*\d[\s\S]*$/, ''));
    if (list) splitNames(list[1], at + list[0].length - list[1].length, (n, nat) => add(n, s, nat, true, false, undefined, true));
  }
  // 0d. "Examples include A and B" after a sentence about third parties or trackers that collect the visitor's data.
  const viewBack = (k: number) => (s.index >= k && ctx.sentences[s.index - k].paragraph === s.paragraph ? ctx.sentences[s.index - k].view : undefined);
  const prevView = viewBack(1);
  const ex = examplesOfPrevious(v, prevView, viewBack(2));
  if (ex !== undefined && !deniedUse(prevView ?? '') && !deniedUse(viewBack(2) ?? '')) {
    const list = NAME_LIST_AT.exec(v.slice(ex));
    if (list) splitNames(list[1], ex + list[0].length - list[1].length, (n, at) => add(n, s, at, true));
  }
  // 0e. "To 46elks AB, we provide the civil registration number …": the recipient fronted before the vendor's clause.
  if (!deniedUse(v)) for (const f of frontedRecipients(v)) add(f.name, s, f.at, true);
  // 0c. A social button named by its platform among embedded features that collect the visit ("such as the Facebook Like button").
  const nextSentence = ctx.sentences[s.index + 1];
  for (const b of buttonOwners(v, nextSentence !== undefined && nextSentence.paragraph === s.paragraph ? nextSentence.view : undefined)) {
    if (!deniedUse(v.slice(Math.max(0, v.lastIndexOf(';', b.at) + 1), b.at))) add(b.name, s, b.at, true, false, undefined, true);
  }
  const relation = (mayMatch(RELATION_VERB, v, s) && RELATION_VERB.test(v)) || namesPaymentChannel(v);
  // An entry of a list of recipients has its relation in the list's intro ("we share information about you with: …").
  const entryOfRecipients = entries.get(s.index)?.context.role === 'recipients';
  if (!providerContext && !relation && !entryOfRecipients) return;
  // 1. Names right after a provider noun (strong) or a relation verb.
  // Items after "… when you:" have the user as their subject: "- Enroll in OnStar and use OnStar services" is the user's doing.
  const userItems = intro !== undefined && USER_ITEMS.test(intro.view);
  // "Third-party services include Google and Nook. You can link your … third-party account to a Times Service": a sentence
  // that only gives examples of a kind (no verb of using or passing data), followed by the user linking such accounts,
  // names parties the user connects, sources of data (README), not the vendor's recipients.
  const linkedKind = !relation && linkedAfter(ctx.sentences, s);
  for (const t of triggers(v, vendorAtEnd, nounHere, s)) {
    if (userItems && !t.strong) continue;
    if (linkedKind) continue;
    if (t.clause !== undefined && !examplesReceive(t.clause, entryOfRecipients, v.slice(t.at))) continue;
    if (t.byVendor && !entryOfRecipients && !vendorPassesTo(t.clause ?? '', vendorAtEnd)) continue;
    // "We do not use analytics tools, such as A": the sentence denies the relation the names would be read from.
    if (deniedUse(v.slice(Math.max(0, v.lastIndexOf(';', t.at) + 1), t.at))) continue;
    // "If you sign up … using a third party service like X": a party the user reaches on their own (subprocessor-user-reach.ts).
    if (userReaches(v, t.at)) continue;
    // A name in quotes after a verb of using it ("we use ‘Yo Wireless’ to provide the Wi-Fi") is read inside them (not a
    // quotation handed to someone: 'credit is given to "Scott Price, …"').
    if (/^[‘“"'](?=[\p{Lu}\d])/u.test(v.slice(t.at, t.at + 2)) && USE_VERB_BEFORE.test(v.slice(Math.max(0, t.at - 24), t.at))) {
      // "We use 'Session Replay' technology": a quoted name of a kind of technique or feature, not of an organisation.
      const close = /^[^‘“"'’”]{1,60}[’”"']/.exec(v.slice(t.at + 1));
      if (close && QUOTED_KIND_AFTER.test(v.slice(t.at + 1 + close[0].length, t.at + 1 + close[0].length + 30))) continue;
      t.at++;
    }
    const list = NAME_LIST_AT.exec(v.slice(t.at));
    if (!list) continue;
    splitNames(list[1], t.at + list[0].length - list[1].length, (n, at) => qualifiesKind(v, at + n.length) || namesTechnique(v, at + n.length) || add(n, s, at, t.strong, false, undefined, t.ad ? 'ad' : false));
  }
  // 1b. Examples of a kind described before them ("Companies that help deliver newspapers, such as i-Movo", "Key service
  // providers we use include A and B"), when the clause says the vendor uses them or passes data to them.
  // Data shared only once aggregated or de-identified ("aggregated information (that doesn't identify those customers)
  // … shared with selected third parties such as X") makes no recipient of personal data.
  const kinds = kindExamples(v, ctx.isLowerWord);
  const anonymousOnly = kinds.length > 0 && (ANONYMOUS_DATA.test(v) || (prev !== undefined && prev.paragraph === s.paragraph && ANONYMOUS_DATA.test(prev.view)));
  for (const t of anonymousOnly ? [] : kinds) {
    const inRecipientList = entries.get(s.index)?.context.role === 'recipients';
    if (userItems || !examplesReceive(t.clause, inRecipientList) || deniedUse(t.clause)) continue;
    // Outside a list of recipients, the clause's verb must be the vendor's: "clinics use platforms such as A" names the
    // customers' tools.
    if (!inRecipientList && !vendorPassesTo(t.clause, vendorAtEnd)) continue;
    const list = NAME_LIST_AT.exec(v.slice(t.at));
    if (list) splitNames(list[1], t.at + list[0].length - list[1].length, (n, at) => add(n, s, at, t.strong));
    // In an entry of a list of recipients the examples run to the end of the clause: a company the list syntax could not
    // reach ("(e.g., Google Analytics/Firebase Analytics (USA), Amazon group (USA), Atlassian Pty Ltd (USA), …") is still
    // one of them when it carries a legal suffix.
    if (inRecipientList && list) suffixedNamesIn(v, t.at + list[0].length, EXAMPLES_IN_PARENTHESIS.test(v.slice(Math.max(0, t.at - 20), t.at)), (n, at) => add(n, s, at, t.strong));
  }
  // 1c. Examples of the vendor's group companies in a clause passing data to them ("other organisations in the Acme Group
  // (such as Acme IT AB)"): affiliates outside "we", read even without a provider noun or a legal suffix.
  // The names run to the first entry that is not one ("…: Acme Dealer Services, National General Insurance Group and its
  // affiliates, …" stops there): a colon's long tail mixes the group's own entities and forms the labels do not take.
  if (!userItems) for (const at of groupExamples(v)) {
    const list = NAME_LIST_AT.exec(v.slice(at));
    if (list) splitNames(list[1], at + list[0].length - list[1].length, (n, nat) => add(n, s, nat, true));
  }
  // 1d. "We share claims data with our clearinghouse, Office Ally, and …": a name set off by commas right after "our <role>"
  // is the party in that role. The appositive closes after the name (a comma, a parenthesis or the clause's end);
  // "our payment processor, which …" names nobody.
  if (!userItems && v.includes('our ')) {
    ROLE_APPOSITIVE.lastIndex = 0;
    for (let m = ROLE_APPOSITIVE.exec(v); m; m = ROLE_APPOSITIVE.exec(v)) {
      const at = m.index + m[0].length;
      if (deniedUse(v.slice(Math.max(0, v.lastIndexOf(';', m.index) + 1), m.index))) continue;
      const n = NAME_AT.exec(v.slice(at));
      if (n && /^\s*(?:[,;)(]|\.?\s*$)/.test(v.slice(at + n[0].length))) add(n[1], s, at + n[0].indexOf(n[1]), true);
    }
  }
  // 2. Corporate names (legal suffix) in a sentence about providers sharing or processing data.
  const next = ctx.sentences[s.index + 1];
  const passesData = (x: Sentence | undefined) => x !== undefined && x.paragraph === s.paragraph && DATA_RELATION.test(x.view);
  if (providerContext && relation && HAS_SUFFIX.test(v) && relationOutsideNames(v) && (DATA_RELATION.test(v) || passesData(next) || passesData(prev))) {
    SUFFIX_NAME.lastIndex = 0;
    // "… with Acme Ltd only, and not with any of Beta Inc.": a company the clause's negation reaches is named as one the
    // data does not go to (the clauses layer's negation reach, as for the triggers above).
    // The negation reaches every name coordinated with the first ("not with any of A Inc., B LLC, and C Ltd.").
    let negatedEnd = -1;
    for (let m = SUFFIX_NAME.exec(v); m; m = SUFFIX_NAME.exec(v)) {
      const neg = negationBefore(v, m.index);
      // "not A Inc. but B Inc.": "but" sets the company after it against the negated one, which names it as the recipient.
      if ((neg >= 0 && !CONTRAST.test(v.slice(neg, m.index))) || (negatedEnd >= 0 && COORDINATED.test(v.slice(negatedEnd, m.index)))) negatedEnd = m.index + m[0].length;
      else add(m[0], s, m.index, true);
    }
  }
  // 3. "We engage the following sub-processors: A, B and C." Not a lead whose colon opens a clause of its own ("With our
  // service providers: We contract with companies … that identify cookies, MAIDs or …"): that explains, it lists no names.
  const lead = v.includes(':') ? LIST_LEAD.exec(v) : null;
  if (lead && !OWN_SUBJECT.test(lead[1])) splitNames(lead[1], v.length - lead[1].length, (n, at) => add(n, s, at, true), true);
}
