import type { Evidence, Fact } from '@custody/domain';
import type { ListContext } from '../clauses/list-context.js';
import { AD_ROLE_BEFORE, TRACKER_TITLE_WORD } from '../clauses/recipient-lists.js';
import { ownEntityElsewhere } from '../clauses/definitions.js';
import { blockIndex, rowHasNoAccess } from '../clauses/list-context.js';
import type { Block, Row } from '../clauses/structure.js';
import { cellUnder, introOf, isItem, isTableRow } from '../clauses/structure.js';
import { ADDRESS_WORD, NOT_AN_ORGANISATION, PLATFORM_AS_RECIPIENT, PLATFORM_BRANDS, POLICY_WORDS, PROVIDER_NOUN, RELATION_VERB, SELF_HOSTED_SOFTWARE } from '../clauses/vocabulary.js';
import { mayHoldName } from '../text/name-gate.js';
import { mayMatch } from '../text/keyword-gate.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { collectorMentions, inRanges, trackerSections } from './tracker-names.js';
import { evidenceAt, found, silent, withReview } from './fact-context.js';
import { BRAND_SHAPE, cleanName, common, core, dominantBrand, ENDS_WITH_SUFFIX, HAS_SUFFIX, inLink, aliasesAmong, isShortFormOf, legalName, NAME_LIST_AT, NOT_A_NAME, policyWordsOnly, productsOf, readLead, splitNames, SUFFIX_NAME, TOKEN, wholeCell } from './subprocessor-names.js';
import { isCategoryList, noPersonalData, readItem, rowSentence, runInRecipient } from './subprocessor-lists.js';
import { isTrackerTable, providerCellNames, providerColumn, rowHoldsNoPersonalData, trackerRowEntity } from './subprocessor-trackers.js';
import { providerHeading, providerProfile } from './subprocessor-profiles.js';
import { anonymousOnly, ANONYMOUS_DATA, USE_VERB_BEFORE, BRAND_PRODUCT_AFTER, CELL_LABEL, PROVIDED_BY, ownerOfNamedProduct, AFFILIATE_CONTEXT, BIG_TECH, BIG_TECH_SERVICE, CATEGORY_TAIL, DATA_RELATION, FUNCTION_WORD, HEADING, INSTITUTION, LIST_LEAD, SHOUTING, SOCIAL_HEADING, STRICT_HEADING, SUFFIX_TAIL, USER_ITEMS, categoryHead, nameStart, notSentenceName } from './subprocessor-patterns.js';
import { deniedUse, examplesReceive, excludedBecause, kindExamples, triggers, vendorPassesTo } from './subprocessor-triggers.js';
import type { SelfNames } from './subprocessor-self.js';
import { selfNames } from './subprocessor-self.js';
import { escapeRegExp } from '../text/escape-regexp.js';

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
// Words right after "the X service" that make it the vendor's own product.
const OWN_PRODUCT_AFTER = /^[^.;]{0,30}?\b(?:our|its)\s+(?:own\s+)?(?:in-?house|proprietary|internal)\b|^[^.;]{0,30}?\b(?:developed|built|operated|run)\s+(?:in-?house|by\s+us)\b/i;

// A noun right after a quoted name that makes it a technique, feature or setting rather than a provider.
const QUOTED_KIND_AFTER = /^\s+(?:technolog(?:y|ies)|features?|functionalit(?:y|ies)|cookies?|tags?|mode|settings?|options?|methods?|techniques?|process(?:es|ing)?|capabilit(?:y|ies))\b/i;
const PARTNER_BEFORE = /\b(?:work(?:s|ing)?|partner(?:s|ing)?|contract(?:s|ing)?|cooperat(?:e|es|ing)|collaborat(?:e|es|ing))\s+with\s+the\s+$/i;

export function extractSubprocessors(ctx: FactContext): Fact<'subprocessors_named'> {
  const names = new Map<string, { name: string; ev: Evidence; s: Sentence; at: number }>();
  const rejected: { name: string; ev: Evidence; reason: string }[] = [];
  // Legal names read as the company behind a product named just before them ("… service provided by Google Inc.").
  const owners = new Set<string>();
  // Names read as the brand of "the X video player": the sentence they were read in.
  const productReadings = new Map<string, Sentence>();
  const vendorNames = ctx.vendorNames;
  const vendorKeys = new Set(ctx.partyNames.map(core));
  const vendorBrands = vendorNames.map((n) => core(n)).filter((n) => n.length >= 3);
  // `cell`: the name column of a recipients table, where a name made of ordinary words ("Cloud Storage Ltd") is still a name.
  // `review`: a name from a list nothing says is a list of recipients: kept for review (with this reason) if it passes every filter.
  // `tracker`: a tracker-table row that links to this party's own policy: a social network named there runs its pixel on the vendor's pages.
  const add = (raw: string, s: Sentence, at: number, strong = false, cell = false, review?: string, tracker = false): void => {
    let name = cleanName(raw);
    if (!name) return;
    // "Google’s Invisible reCAPTCHA": the product, not the owner's possessive.
    const poss = /^[\p{L}\p{N}.&-]+(?:\s+[\p{L}\p{N}.&-]+)?['’]s\s+(.+)$/u.exec(name);
    if (poss && cleanName(poss[1])) {
      at += name.length - poss[1].length;
      name = cleanName(poss[1])!;
    }
    // "Batch & Qwant" in Qwant's policy: names joined with the vendor's own are read one by one, without the vendor; so
    // are two names of several words each ("Microsoft Advertising & Microsoft Clarity"), unlike one company's name
    // ("Marks & Spencer", "Ordinal Trust & Safety Ltd.").
    if (name.includes('&')) {
      const parts = [...name.matchAll(/[^&]+/g)].map((m) => ({ text: m[0].trim(), at: at + m.index + (m[0].length - m[0].trimStart().length) }));
      const own = (p: string): boolean => vendorKeys.has(core(p)) || vendorBrands.includes(core(p)) || (selfBrandOf() !== undefined && core(p) === selfBrandOf());
      const several = !ENDS_WITH_SUFFIX.test(name) && parts.every((p) => /\S\s+\S/.test(p.text));
      if (parts.length > 1 && (several || parts.some((p) => own(p.text)))) {
        for (const p of parts) if (!own(p.text)) add(p.text, s, p.at, strong, cell, review, tracker);
        return;
      }
    }
    // "(Erste Bank der oesterreichischen Sparkassen AG, …)": the name read from its start, over the lower-case words of another language.
    const whole = ENDS_WITH_SUFFIX.test(name) ? nameStart(s.view.slice(Math.max(0, at - 80), at)) : undefined;
    if (whole) {
      name = whole + name;
      at -= whole.length;
    }
    // Two words glued by a PDF's text layer ("variousService Providers"): an ordinary word before an inner capital.
    const glued = /^([\p{Ll}]{4,})[\p{Lu}]/u.exec(name);
    if (glued && ctx.isLowerWord(glued[1])) return;
    const key = core(name);
    if (!key || vendorKeys.has(key) || vendorBrands.some((b) => key === b)) return;
    if (self().has(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'the vendor itself, under the name the document gives the entity behind it' });
      return;
    }
    const suffixed = ENDS_WITH_SUFFIX.test(name);
    // "Google Analytics, a web analysis service provided by Google Inc.": the company behind a product the sentence has
    // just named after it is the same organisation, already named as the document writes it (the product).
    // Kept as a candidate: dropped at the end only when the product itself is among the names kept.
    if (suffixed && ownerOfNamedProduct(name, s.view.slice(0, at))) owners.add(key);
    // The tail of a longer legal name ("… (China) Information Technology Co.", "… emedia Communications, LLC"): only
    // ordinary words before the suffix, cut off from the rest of the name just before it.
    if (suffixed && truncatedTail(name, s.view.slice(Math.max(0, at - 30), at))) return;
    // The vendor's own legal entities share its brand ("Google LLC" in Google's policy); an affiliate outside "us"
    // is named as such ("another company in our group (Acme Cloud GmbH)", "affiliates, such as Acme Voice, Inc.").
    // Such an affiliate is a recipient only where the sentence passes data on or has it processed ("Acme Asia Ltd. and its
    // affiliate, Acme Inc., are committed to honoring the privacy rights" names the group, not a recipient).
    if (suffixed && vendorFirstWords.has(name.split(/\s+/)[0].toLowerCase()) && (!AFFILIATE_CONTEXT.test(s.view.slice(Math.max(0, at - 120), at)) || !DATA_RELATION.test(s.view))) return;
    // The brand the document names itself by when no alias says so ("provided to Vodafone" in Vodafone's policy), and
    // its products and entities; an affiliate is named as such.
    const selfBrand = selfBrandOf();
    if (selfBrand !== undefined && core(name.split(/\s+/)[0].replace(/\.[a-z]{2,4}$/, '')) === selfBrand && !AFFILIATE_CONTEXT.test(s.view.slice(Math.max(0, at - 120), at))) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "the document's own brand, not a recipient" });
      return;
    }
    // The entities a document defines as "us" ("the TikTok entities listed below").
    if (ctx.defs.groupBrands.some((b) => name!.toLowerCase().startsWith(b.toLowerCase()))) return;
    // Terms the document defines ("the Controller", "End Users", "Session Summaries") are not organisations.
    // "the Connatix video player", "the Awin network": a brand before a kind of product is that brand's, not a defined term.
    const theProduct = !suffixed && /\bthe\s+$/i.test(s.view.slice(Math.max(0, at - 4), at));
    if (!suffixed && (ctx.defs.definedTerms.has(name.toLowerCase()) || (theProduct && !BRAND_PRODUCT_AFTER.test(s.view.slice(at + name.length, at + name.length + 50))))) return;
    // "the Care Insights platform", "the Smart Triage service, our in-house engine" may be the vendor's own product: the
    // name is a brand only when the document shows it as an organisation somewhere (see brandElsewhere).
    // "We work with the Awin network": one works or partners with another party, not with one's own product.
    if (theProduct && !PARTNER_BEFORE.test(s.view.slice(Math.max(0, at - 40), at)) && !brandElsewhere(name, s.start + at)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a product named only as "the X service", nothing says whose' });
      return;
    }
    if (theProduct) productReadings.set(core(name), s);
    // A product of the vendor: "Acme Rewards" somewhere in the text.
    if (!suffixed && products().has(name.toLowerCase())) return;
    // The vendor's own products ("Acme Scribe", "SurveyMonkey Apply"); its affiliates carry a legal suffix.
    if (!suffixed && vendorBrands.some((b) => key.startsWith(b))) return;
    const start = s.start + at;
    const isLink = inLink(ctx.links, start, start + name.length);
    const after = s.view.slice(at + name.length, at + name.length + 40);
    if (!suffixed) {
      if (INSTITUTION.test(name) || ADDRESS_WORD.test(name) || /^\s*,?\s*(?:\d|[A-Z]{2}\s+\d)/.test(after) || /\d[\w-]*,?\s*$/.test(s.view.slice(Math.max(0, at - 12), at))) return;
      if (policyWordsOnly(name) || NOT_AN_ORGANISATION.test(name)) return;
      // A kind of tracker in title case ("Non-Cookie Technologies", "Statistics"), not an organisation.
      if (name.split(/\s+/).every((w) => TRACKER_TITLE_WORD.test(w))) return;
      // A big platform's bare name ("Google", "Apple") is a recipient only when a provider noun introduces it
      // ("cloud providers like Google"); elsewhere it is usually a store, a sign-in or a platform.
      // Named with its ad network or cloud ("managed by Microsoft's ad network"), it is a provider all the same.
      if (!strong && BIG_TECH.test(name) && !BIG_TECH_SERVICE.test(after)) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform named without a provider role' });
        return;
      }
      // Social networks, stores, browsers: recipients only as ad or analytics tools ("Facebook Pixel").
      if (PLATFORM_BRANDS.test(name) && !tracker && !PLATFORM_AS_RECIPIENT.test(after) && !(strong && AD_ROLE_BEFORE.test(s.view.slice(Math.max(0, at - 80), at)))) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform, store or browser, not named as receiving the data' });
        return;
      }
      // A name cell is a name even in ordinary words ("Cloud du Ministère de l'Intérieur"), unless it reads as a
      // category: its last word a lower-case plural ("Demand-side platforms", "Payment processors").
      if (cell && (/\s[\p{Ll}][\p{L}-]*s$/u.test(name) || CATEGORY_TAIL.test(name) || categoryHead(name))) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a category of recipients, not a named organisation' });
        return;
      }
      if (!isLink && !cell && common(ctx, name)) {
        if (strong) rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'an ordinary word of the document, not clearly a name' });
        return;
      }
    }
    // "through My Guardian", "in My Account": the user's own area of the service, not an organisation.
    if (!suffixed && /^My\s+\S/.test(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "the user's own area of the service, not an organisation" });
      return;
    }
    if (!suffixed && SELF_HOSTED_SOFTWARE.test(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'software the vendor runs itself, not an organisation receiving data' });
      return;
    }
    // All capitals over six letters is a heading or a disclaimer, not a name ("CONTROLLER").
    if (!suffixed && /^[\p{Lu}\s-]+$/u.test(name) && name.replace(/[^\p{Lu}]/gu, '').length > 5) return;
    // Under a heading about social media presences, names are the platforms where the vendor has a page.
    if (s.heading && SOCIAL_HEADING.test(s.heading)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform where the vendor has a page' });
      return;
    }
    const ctxText = s.view.slice(Math.max(0, at - 120), Math.min(s.view.length, at + name.length + 80));
    // Long enough for the earlier names of an example list ("services, like [Stripe](https://…) or [PayPal"); every
    // `before` pattern is anchored at the name.
    const local = s.view.slice(Math.max(0, at - 160), at);
    const reason = excludedBecause(ctxText, local, s.view.slice(at + name.length, at + name.length + 60));
    const ev = evidenceAt(ctx, s, at, at + name.length);
    if (reason) {
      rejected.push({ name, ev, reason });
      return;
    }
    if (review) rejected.push({ name, ev, reason: review });
    else if (!names.has(key)) names.set(key, { name, ev, s, at });
  };

  /**
   * Whether `name`, read from "the X platform" at offset `from` of the text, is shown as an organisation elsewhere: named
   * again on its own, not after "the" ("Vidstream may collect usage data"), with a legal suffix, or as a domain
   * ("vidstream.com"); and the product is not said to be the vendor's own ("our in-house engine", "our proprietary").
   */
  const brandElsewhere = (name: string, from: number): boolean => {
    const text = ctx.text;
    if (OWN_PRODUCT_AFTER.test(text.slice(from + name.length, from + name.length + 80))) return false;
    const word = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (i === from || word(text[i - 1]) || word(text[i + name.length])) continue;
      const after = text.slice(i + name.length, i + name.length + 12);
      if (/^\.[a-z]{2,6}\b/.test(after) || HAS_SUFFIX.test(text.slice(i, i + name.length + 14))) return true;
      if (!/\bthe\s+$/i.test(text.slice(Math.max(0, i - 4), i))) return true;
    }
    return false;
  };

  let selfMemo2: SelfNames | undefined;
  const self = (): SelfNames => (selfMemo2 ??= selfNames(ctx));
  let productSet: Set<string> | undefined;
  const products = (): Set<string> => {
    if (!productSet) productSet = productsOf(ctx.text, vendorNames.filter((b) => b.length >= 3));
    return productSet;
  };
  // A frequent brand is someone else's when the document names its own legal entity and that entity does not share it.
  // Computed when a candidate first reaches the check (many documents have none that far).
  let selfMemo: { v: string | undefined } | undefined;
  const truncatedTail = (n: string, before: string): boolean => {
    // Cut off from a capitalised word, a parenthesis or a brand written in lower case ("emedia") just before it.
    const prev = /(\S+)\s+$/u.exec(before)?.[1] ?? '';
    if (!(/^[\p{Lu}]/u.test(prev) || prev.endsWith(')') || (/^[\p{Ll}][\p{L}]+$/u.test(prev) && !FUNCTION_WORD.test(prev)))) return false;
    const words = n.replace(SUFFIX_TAIL, '').split(/\s+/).filter((w) => w.length > 0);
    return words.length > 0 && words.every((w) => /^[\p{Lu}][\p{Ll}]+$/u.test(w) && ctx.isLowerWord(w.toLowerCase()));
  };
  const selfBrandOf = (): string | undefined => {
    if (!selfMemo) {
      const frequent = dominantBrand(ctx.text, ctx.isLowerWord);
      selfMemo = { v: frequent !== undefined && !ownEntityElsewhere(ctx.vendorNames, frequent) ? frequent : undefined };
    }
    return selfMemo.v;
  };
  // First words of the vendor's names and brand ("google" for "Google LLC" in a Google policy).
  const vendorFirstWords = new Set(vendorNames.map((n) => n.split(/\s+/)[0].toLowerCase().replace(/[^\p{L}\p{N}.]/gu, '')).filter((w) => w.length >= 3 && !POLICY_WORDS.has(w)));
  const vendorAtEnd = new RegExp(String.raw`(?:${vendorNames.map(escapeRegExp).filter((n) => n.length >= 2).join('|') || '\\uffff'})\s*$`, 'i');
  const headingCache = new Map<string, boolean>();
  // Whether a sentence has a provider noun, asked of each sentence and of the one after it: answered once.
  const nounMemo = new Map<number, boolean>();
  const namesProvider = (x: Sentence): boolean => {
    let b = nounMemo.get(x.index);
    if (b === undefined) nounMemo.set(x.index, (b = mayMatch(PROVIDER_NOUN, x.view, x) && PROVIDER_NOUN.test(x.view)));
    return b;
  };
  const entries = blockIndex(ctx.text, ctx.sentences);
  // Runs of paragraphs with run-in titles, one block each, and their contexts.
  const runIns = new Map<number, Block>();
  const runInContexts = new Map<Block, ListContext>();
  const trackerParts = trackerSections(ctx.sections, ctx.text.length);
  // A table row of a recipients table: the entity in its name column, unless the row says it gets no personal data.
  const readRow = (block: Block, row: Row, context: ListContext, strong: boolean): void => {
    const cell = cellUnder(block, row, context.nameColumn);
    if (!cell || !cell.text) return;
    const rs = rowSentence(row);
    if (rowHasNoAccess(context, block, row)) {
      rejected.push({ name: cell.text, ev: evidenceAt(ctx, rs, cell.at, cell.at + cell.text.length), reason: 'the table says this entity has no access to personal data' });
      return;
    }
    const whole = wholeCell(cell.text);
    // "Our advertising Partner: Affilizz, AdMarketPlace and Microsoft": a label of the kind, then the names.
    const labelled = whole ? null : CELL_LABEL.exec(cell.text);
    const list = labelled && PROVIDER_NOUN.test(labelled[0]) ? NAME_LIST_AT.exec(cell.text.slice(labelled[0].length)) : null;
    if (whole) add(whole, rs, cell.at + Math.max(0, cell.text.indexOf(whole)), strong, true);
    else if (labelled && list) splitNames(list[1], cell.at + labelled[0].length + list[0].length - list[1].length, (n, at) => add(n, rs, at, true));
    else readLead(cell.text, cell.at, (raw, at) => add(raw, rs, at, strong));
  };
  // A list nothing says is a list of recipients: its first entry is kept for review, not asserted.
  const undecided = (block: Block, context: ListContext): void => {
    const reason = `in a ${block.kind} that may name recipients: ${context.reason}`;
    for (const row of block.rows.slice(0, 3)) {
      const rs = rowSentence(row);
      if (block.kind === 'table') {
        const cell = cellUnder(block, row, context.nameColumn);
        const whole = cell && cell.text ? wholeCell(cell.text) : undefined;
        if (cell && whole) add(whole, rs, cell.at + Math.max(0, cell.text.indexOf(whole)), false, true, reason);
      } else readItem(ctx, rs, (raw, ss, at) => add(raw, ss, at, false, false, reason));
    }
  };
  for (const s of ctx.sentences) {
    if (s.isHeading) {
      // A provider's name as the heading of its own subsection ("Google Analytics", then "Google Analytics is …").
      const h = providerHeading(ctx.sentences, s);
      if (h) add(h.name, s, h.at, true);
      continue;
    }
    if (s.isDefinition || s.isDraftingNote) continue;
    const v = s.view;
    // 0. A provider named in prose as the one collecting data on the vendor's pages ("Stripe uses a cookie",
    // "Used by Hotjar to …"), under any heading: tracker sections name one provider per paragraph or row, often
    // as the sentence's first word (hence before the capital test below).
    for (const c of collectorMentions(v, inRanges(trackerParts, s.start), TOKEN, notSentenceName, s)) add(c.name, s, c.at);
    // A list item or table row (asked once: three readings below depend on it).
    const item = isItem(ctx.sentences, s) || isTableRow(s);
    // A paragraph opened by a run-in title of a run of them that names recipients ("Cloudflare. As you browse, …").
    const title = item ? undefined : runInRecipient(ctx.sentences, s, runIns, runInContexts);
    if (title !== undefined) {
      readLead(title, 0, (raw, at) => add(raw, s, at, true));
      continue;
    }
    // A provider described in its own sentence among the vendor's providers ("Twilio provides … The platform processes
    // user data"): its name may be the sentence's only capital, hence before the capital test below.
    if (!item) {
      const profile = providerProfile(ctx.sentences, s);
      if (profile) add(profile.name, s, profile.at, true);
    }
    // Names start with a capital or a digit (or "iDenfy"); a sentence with none cannot hold one.
    // An item whose marker was split off ("1." then "Criteo") starts with its name.
    if (!mayHoldName(v) && !(item && /^[A-Z]/.test(v))) continue;
    let underHeading = false;
    if (s.heading !== undefined) {
      let h = headingCache.get(s.heading);
      if (h === undefined) headingCache.set(s.heading, (h = HEADING.test(s.heading) && s.heading.length < 100));
      underHeading = h;
    }
    const intro = item ? introOf(ctx.sentences, s, true) : undefined;
    const introAboutProviders =
      intro !== undefined &&
      ((PROVIDER_NOUN.test(intro.view) && (RELATION_VERB.test(intro.view) || /:\s*$/.test(intro.view) || intro.isHeading)) ||
        /\b(?:we|us)\s+(?:also\s+|currently\s+)?(?:use|engage|work with|rely on|partner with|utili[sz]e)\b[^.]{0,60}:\s*$/i.test(intro.view));
    if (item) {
      // The list or table the item belongs to decides first: a list of recipients is read by its name column or
      // lead entity; a list of products, data kinds or integrations is not read as names at all.
      const entry = entries.get(s.index);
      const role = entry?.context.role ?? 'unknown';
      if (entry && role === 'recipients') {
        const strong = role === 'recipients' || (underHeading && STRICT_HEADING.test(s.heading ?? ''));
        if (entry.block.kind === 'table') {
          if (entry.row) readRow(entry.block, entry.row, entry.context, strong);
          continue;
        }
        // An item without a lead entity ("Fraud Prevention: we use Google's reCAPTCHA") is read as a sentence below.
        // In a list of categories ("Affiliates", "Service providers", "Other users"), only a name that looks like one
        // (a legal suffix, a brand's inner capital, a dot or digit) is taken as an entry.
        // "- Arcademics: Provides some of the math games. Does not collect or store personal information.": no access.
        const none = noPersonalData(ctx.sentences, s);
        if (none) {
          readItem(ctx, s, (raw, ss, at) => rejected.push({ name: raw, ev: evidenceAt(ctx, ss, at, at + raw.length), reason: `the list says this entity gets no personal data ("${none}")` }));
          continue;
        }
        const before = names.size + rejected.length;
        const categories = isCategoryList(entry.block);
        readItem(ctx, s, (raw, ss, at) => {
          if (!categories || ENDS_WITH_SUFFIX.test(raw.trim()) || BRAND_SHAPE.test(raw)) add(raw, ss, at, strong);
        });
        if (names.size + rejected.length > before) continue;
      }
      // A row of a cookie or tracker table that links to a third party's own policy: that party gets visitors' data.
      if (entry && role !== 'recipients' && entry.row && entry.block.kind === 'table' && isTrackerTable(entry.block)) {
        // A column that says who sets each cookie: every party named there collects visitors' data on the vendor's pages.
        const col = providerColumn(entry.block, ctx.text);
        const cell = col && entry.row !== col.row ? cellUnder(entry.block, entry.row, col.column) : undefined;
        if (col) {
          const rs = rowSentence(entry.row);
          // As in a row read by its policy link: a cookie said to hold no personal information names no recipient.
          const none = rowHoldsNoPersonalData(entry.row);
          if (cell && cell.text) {
            for (const p of providerCellNames(cell, col.title, entry.row.start, ctx.links)) {
              if (none) rejected.push({ name: p.name, ev: evidenceAt(ctx, rs, p.at, p.at + p.name.length), reason: 'the tracker table says this cookie holds no personal information' });
              else add(p.name, rs, p.at, true, true, undefined, true);
            }
          }
          continue;
        }
        const t = trackerRowEntity(entry.row, ctx.links);
        if (t) {
          const rs = rowSentence(entry.row);
          if ('reason' in t) rejected.push({ name: t.name, ev: evidenceAt(ctx, rs, t.at, t.at + t.name.length), reason: t.reason });
          else add(t.name, rs, t.at, true, true, undefined, true);
          continue;
        }
      }
      // Provider words nearby but nothing that says the entries receive data: kept for a person to decide.
      if (entry && role === 'unknown' && (underHeading || introAboutProviders) && entry.row === entry.block.rows[0]) undecided(entry.block, entry.context);
    }
    // A sentence in capitals (disclaimers) names no provider.
    if (v.length > 40 && SHOUTING.test(v) && v.replace(/[^\p{Lu}]/gu, '').length > 0.6 * v.replace(/[^\p{L}]/gu, '').length) continue;
    const prev = ctx.sentences[s.index - 1];
    const nounHere = namesProvider(s);
    const providerContext = nounHere || underHeading || (prev !== undefined && prev.paragraph === s.paragraph && namesProvider(prev));
    const relation = mayMatch(RELATION_VERB, v, s) && RELATION_VERB.test(v);
    if (!providerContext && !relation) continue;
    // 1. Names right after a provider noun (strong) or a relation verb.
    // Items after "… when you:" have the user as their subject: "- Enroll in OnStar and use OnStar services" is the user's doing.
    const userItems = intro !== undefined && USER_ITEMS.test(intro.view);
    for (const t of triggers(v, vendorAtEnd, nounHere, s)) {
      if (userItems && !t.strong) continue;
      if (t.clause !== undefined && !examplesReceive(t.clause, entries.get(s.index)?.context.role === 'recipients')) continue;
      // "We do not use analytics tools, such as A": the sentence denies the relation the names would be read from.
      if (deniedUse(v.slice(Math.max(0, v.lastIndexOf(';', t.at) + 1), t.at))) continue;
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
      splitNames(list[1], t.at + list[0].length - list[1].length, (n, at) => add(n, s, at, t.strong));
    }
    // 1b. Examples of a kind described before them ("Companies that help deliver newspapers, such as i-Movo", "Key service
    // providers we use include A and B"), when the clause says the vendor uses them or passes data to them.
    // Data shared only once aggregated or de-identified ("aggregated information (that doesn't identify those customers)
    // … shared with selected third parties such as X") makes no recipient of personal data.
    const kinds = kindExamples(v);
    const anonymousOnly = kinds.length > 0 && (ANONYMOUS_DATA.test(v) || (prev !== undefined && prev.paragraph === s.paragraph && ANONYMOUS_DATA.test(prev.view)));
    for (const t of anonymousOnly ? [] : kinds) {
      const inRecipientList = entries.get(s.index)?.context.role === 'recipients';
      if (userItems || !examplesReceive(t.clause, inRecipientList) || deniedUse(t.clause)) continue;
      // Outside a list of recipients, the clause's verb must be the vendor's: "clinics use platforms such as A" names the
      // customers' tools.
      if (!inRecipientList && !vendorPassesTo(t.clause, vendorAtEnd)) continue;
      const list = NAME_LIST_AT.exec(v.slice(t.at));
      if (list) splitNames(list[1], t.at + list[0].length - list[1].length, (n, at) => add(n, s, at, t.strong));
    }
    // 2. Corporate names (legal suffix) in a sentence about providers sharing or processing data.
    const next = ctx.sentences[s.index + 1];
    const passesData = (x: Sentence | undefined) => x !== undefined && x.paragraph === s.paragraph && DATA_RELATION.test(x.view);
    if (providerContext && relation && HAS_SUFFIX.test(v) && (DATA_RELATION.test(v) || passesData(next) || passesData(prev))) {
      SUFFIX_NAME.lastIndex = 0;
      for (let m = SUFFIX_NAME.exec(v); m; m = SUFFIX_NAME.exec(v)) add(m[0], s, m.index, true);
    }
    // 3. "We engage the following sub-processors: A, B and C."
    const lead = v.includes(':') ? LIST_LEAD.exec(v) : null;
    if (lead) splitNames(lead[1], v.length - lead[1].length, (n, at) => add(n, s, at, true), true);
  }
  if (names.size === 0) return withReview(silent('subprocessors_named'), rejected.slice(0, 3).map((r) => ({ value: [r.name], evidence: r.ev, reason: r.reason, rejected: true as const })));
  const list = [...names.values()].map((n) => ({ ...n, name: legalName(ctx.text, n.name) })).filter((n) => !vendorKeys.has(core(n.name)) && !self().has(n.name));
  // A brand and its legal name both found: keep one.
  const seen = new Set<string>();
  const deduped = list.filter((n) => {
    const k = core(n.name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).filter((n, _i, all) => !all.some((o) => o !== n && isShortFormOf(n.name, o.name)));
  const aliases = aliasesAmong(ctx.text, deduped.map((n) => n.name));
  const firstWord = (n: string): string => n.split(/\s+/)[0].toLowerCase();
  // "we use the reCAPTCHA verification tool. This service is provided by Google LLC", "the Plausible Analytics tool" beside
  // "Plausible Insights OÜ": the document names the company behind the product, which is the recipient.
  const behind = (n: { name: string }, all: { name: string }[]): boolean => {
    const at = productReadings.get(core(n.name));
    if (!at) return false;
    const next = ctx.sentences[at.index + 1];
    return PROVIDED_BY.test(at.view) || (next !== undefined && next.paragraph === at.paragraph && PROVIDED_BY.test(next.view)) || all.some((o) => o !== n && firstWord(o.name) === firstWord(n.name));
  };
  const out = deduped.filter((n) => !aliases.has(n.name)).filter((n, _i, all) => !behind(n, all)).filter((n) => {
    const said = anonymousOnly(ctx.sentences, n.s, n.name);
    if (said) rejected.push({ name: n.name, ev: n.ev, reason: `it is said to receive only anonymous or aggregated data ("${said}")` });
    return !said;
  }).filter((n, _i, all) => {
    if (!owners.has(core(n.name)) || !all.some((o) => o !== n && !owners.has(core(o.name)) && firstWord(o.name) === firstWord(n.name))) return true;
    rejected.push({ name: n.name, ev: n.ev, reason: 'the company behind a product named and kept, the same organisation' });
    return false;
  });
  const confidence = out.length > 0 ? 0.75 : 0.6;
  return withReview(found<'subprocessors_named'>(out.map((n) => n.name), out.map((n) => n.ev), confidence), rejected.slice(0, 3).map((r) => ({ value: [r.name], evidence: r.ev, reason: r.reason, rejected: true as const })));
}
