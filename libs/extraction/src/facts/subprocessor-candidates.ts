import { escapeRegExp } from '../text/escape-regexp.js';
import { definedAs, definedAsCompany, withWrittenArticle } from './subprocessor-identity.js';
import { ADVERTISES_WITH_BEFORE, inAdRole, TRACKER_TITLE_WORD } from '../clauses/recipient-lists.js';
import { authoritySpan, partyKindPlural } from '../clauses/authorities.js';
import { ADDRESS_WORD, INDUSTRY_OPT_OUT_BODY, NOT_AN_ORGANISATION, PAYMENT_MEANS, PLATFORM_AS_RECIPIENT, PLATFORM_BRANDS, SELF_HOSTED_SOFTWARE } from '../clauses/vocabulary.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt } from './fact-context.js';
import { cleanName, common, core, ENDS_WITH_SUFFIX, inLink, policyWordsOnly } from './subprocessor-names.js';
import { BRAND_PRODUCT_AFTER, HELD_SERVICE_AFTER, ownerOfNamedProduct, placeName, SOCIAL_BUTTON_AFTER, AFFILIATE_CONTEXT, AFFILIATE_EXAMPLES, FROM_AFFILIATES, GROUP_INCLUDES, BIG_TECH, BIG_TECH_SERVICE, USED_FOR_SERVICE, DATA_SHARED_WITH_BEFORE, providerRoleAfter, CATEGORY_TAIL, DATA_RELATION, INSTITUTION, SOCIAL_HEADING, categoryHead, nameStart } from './subprocessor-patterns.js';
import { excludedBecause } from './subprocessor-triggers.js';
import { introOf, isItem } from '../clauses/structure.js';
import { namedAsUs, weDefinitionSentences } from './subprocessor-we.js';
import { groupInScope, ownGroupExample } from './subprocessor-own-group.js';
import { candidateChecks, ownCell, productCell, vendorOwn } from './subprocessor-candidate-checks.js';
import { appositiveToUs, listedAsOwnEntities, renamedFrom } from './subprocessor-own-aliases.js';

// The candidates' results, in their own file; re-exported for the readers that take them.
import type { NamedRecipient, RejectedName } from './subprocessor-candidate-types.js';
export type { NamedRecipient, RejectedName } from './subprocessor-candidate-types.js';

// "Other", in the languages of the corpus, opening a name: the rest of a kind of party, not an organisation.
const OTHER_OF_KIND = /^(?:Other|Andere|Anderen|Autres?|Otros?|Otras?|Altri|Altre|Outros?|Outras?|Övriga|Andra|Andre|Muut)\s/u;

// After a name: a comma, lower-case nouns and a conjunction (in the languages of the corpus) before the last, and the phrase's end.
const COMMON_NOUN_COORDINATION = /^\s*,\s*\p{Ll}[\p{L}-]*(?:\s*,\s*\p{Ll}[\p{L}-]*){0,4},?\s+(?:and|or|și|sau|et|ou|und|oder|en|of|y|o|e|och|eller|og|i|ja|tai)\s+\p{Ll}[\p{L}-]*\s*(?:\*\*|__)?\s*(?:[.;:)]|$)/u;

// "We work with the Awin network": one works or partners with another party, not with one's own product.
const PARTNER_BEFORE = /\b(?:work(?:s|ing)?|partner(?:s|ing)?|contract(?:s|ing)?|cooperat(?:e|es|ing)|collaborat(?:e|es|ing))\s+with\s+the\s+$/i;

/**
 * The sub-processor reader's candidates: `add` takes a name read anywhere (a clause, a list item, a table cell) through
 * every filter that tells an organisation receiving data from the vendor itself, its products, platforms, categories and
 * ordinary words, and keeps it in `names` or, with the reason, in `rejected`.
 */
// A tracker product's name: a brand of one or two words, then its kind in title case ("Meta Pixel", "LinkedIn Insight Tag").
const TRACKER_PRODUCT = /^[\p{Lu}][\p{L}\p{N}.-]*(?:\s+[\p{Lu}][\p{L}\p{N}.-]*)?\s+(?:Pixel|SDK|(?:Insight\s+)?Tag)$/u;

export function nameCollector(ctx: FactContext) {
  const names = new Map<string, NamedRecipient>();
  const rejected: RejectedName[] = [];
  // Legal names read as the company behind a product named just before them ("… service provided by Google Inc.").
  const owners = new Set<string>();
  // Names read as the brand of "the X video player": the sentence they were read in.
  const productReadings = new Map<string, Sentence>();
  const vendorNames = ctx.vendorNames;
  // The sentences that define "we", read when a first name gets that far.
  let weDefs: string[] | undefined;
  // Whether the document speaks for the vendor's whole group (then its group companies are "us").
  let groupScope: boolean | undefined;
  const vendorKeys = new Set(ctx.partyNames.map(core));
  const vendorBrands = vendorNames.map((n) => core(n)).filter((n) => n.length >= 3);
  // A name's key that is the vendor's own: a party to the document or one of the vendor's names.
  const isVendorKey = (key: string): boolean => vendorKeys.has(key) || vendorBrands.includes(key);
  // `cell`: the name column of a recipients table, where a name made of ordinary words ("Cloud Storage Ltd") is still a name;
  // 'site' when the row also links to the party's own site (see linksToOwnSite): then no word filter applies to the name.
  // `review`: a name from a list nothing says is a list of recipients: kept for review (with this reason) if it passes every filter.
  // `tracker`: a tracker-table row linking to the party's own policy (a social network there runs its pixel on the vendor's pages); 'ad': a platform the vendor shows its targeted ads through, under any heading.
  const add = (raw: string, s: Sentence, at: number, strong = false, cell: boolean | 'site' | 'party' = false, review?: string, tracker: boolean | 'ad' = false): void => {
    // A sited cell is the name as its table writes it: only its spacing and final punctuation are tidied.
    let name = cell === 'site' ? raw.replace(/\s+/g, ' ').trim().replace(/[\s,;:]+$/, '') || undefined : cleanName(raw);
    if (!name) return;
    name = withWrittenArticle(raw, name, s.view.slice(Math.max(0, at - 3), at));
    // "Google’s Invisible reCAPTCHA": the product, not the owner's possessive.
    const poss = /^[\p{L}\p{N}.&-]+(?:\s+[\p{L}\p{N}.&-]+)?['’]s\s+(.+)$/u.exec(name);
    if (poss && cleanName(poss[1])) {
      // "Stadia’s Stream Connect feature" in Stadia's policy: a product of the vendor itself is no organisation receiving
      // data; "Acme’s Salesforce instance" is another company's service the vendor holds.
      const owner = name.slice(0, name.length - poss[1].length).replace(/['’]s\s+$/, '');
      const held = HELD_SERVICE_AFTER.test(s.view.slice(at + name.length, at + name.length + 30));
      if (!held && isVendorKey(core(owner))) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "the vendor's own product or feature, not a recipient" });
        return;
      }
      at += name.length - poss[1].length;
      name = cleanName(poss[1])!;
    }
    // "Batch & Qwant" in Qwant's policy: names joined with the vendor's own are read one by one, without the vendor; so
    // are two names of several words each ("Microsoft Advertising & Microsoft Clarity"), unlike one company's name
    // ("Marks & Spencer", "Ordinal Trust & Safety Ltd.").
    if (name.includes('&')) {
      const parts = [...name.matchAll(/[^&]+/g)].map((m) => ({ text: m[0].trim(), at: at + m.index + (m[0].length - m[0].trimStart().length) }));
      const own = (p: string): boolean => isVendorKey(core(p)) || (selfBrandOf() !== undefined && core(p) === selfBrandOf());
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
    // Two words glued by a PDF's text layer ("variousService Providers"): an ordinary word before an inner capital. The
    // word must stand apart somewhere (in any case): a lower-case run inside the name itself ("nitram" of "nitramIT
    // GmbH", "iron" of "ironSource") is the brand's own spelling, not an ordinary word of the document.
    const glued = cell === 'site' ? null : /^([\p{Ll}]{4,})[\p{Lu}]/u.exec(name);
    // Only a name that shows itself a brand that way: a legal suffix ("ironSource Mobile Ltd.") or capitals run on after
    // the lower-case part ("softWORKZ"); "variousService Providers" stays two glued words even where "various" is not.
    const brandSpelling = glued !== null && (ENDS_WITH_SUFFIX.test(name) || /^[\p{Ll}]+[\p{Lu}]{2}/u.test(name)) && !standsApart(ctx.text, glued[1]);
    if (glued && ctx.isLowerWord(glued[1]) && !brandSpelling) return;
    const key = core(name);
    if (!key || isVendorKey(key)) return;
    // An organisation named where the document says who "we" are is one of "us" (a joint controller, a group brand).
    if (namedAsUs((weDefs ??= weDefinitionSentences(ctx.sentences)), name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'named where the document defines "we": one of "us", not a recipient' });
      return;
    }
    if (self().has(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'the vendor itself, under the name the document gives the entity behind it' });
      return;
    }
    // "Acme Inc. (recently renamed Zeta Co.)", "offered by three Acme entities: A Ltd, B Ltd": the vendor under another
    // name, or one of its own legal entities (subprocessor-own-aliases.ts).
    const renamed = renamedFrom(s.view.slice(Math.max(0, at - 120), at));
    const ownAlias = (renamed !== undefined && ownName(renamed)) || appositiveToUs(s.view.slice(Math.max(0, at - 20), at), s.view.slice(at + name.length, at + name.length + 50));
    if (ownAlias || listedAsOwnEntities(s.view.slice(Math.max(0, at - 200), at), vendorFirstWords)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "another name of the vendor or one of its own entities, not a recipient" });
      return;
    }
    if (ownGroupExample(ctx.sentences, s, at, at + name.length) && (groupScope ??= groupInScope(ctx.sentences, (weDefs ??= weDefinitionSentences(ctx.sentences)), vendorNames))) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a company of the vendor\'s group, which the document\'s "we" takes in' });
      return;
    }
    const suffixed = ENDS_WITH_SUFFIX.test(name);
    // "the Site, AG, or any Affiliates": a term of the document (one ordinary word after "the") with an abbreviation set
    // off by a comma is not a company's legal name.
    if (suffixed && /,\s*\S+$/.test(name) && /\bthe\s+$/i.test(s.view.slice(Math.max(0, at - 4), at)) && termBeforeSuffix(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a term of the document followed by an abbreviation, not a company', rank: 'no name' });
      return;
    }
    // A public body ("HMRC", "Food and Drug Administration", read whole before its parts) is told what the law requires
    // or what it asks for, not engaged by the vendor: the labels leave authorities out. A legal suffix makes it a
    // company ("Agency Analytics Inc."), and so does a row linking to the name's own site.
    // A cell under a "Sub-processor"/"Vendor" column naming a product whose last word is an institution's ("NextGen
    // Office", "Microsoft Azure Government") after a brand is that product, not a public body.
    const product = cell === 'party' && productCell(name, ctx.isLowerWord);
    const authority = suffixed || cell === 'site' || product ? undefined : authoritySpan(s.view, at, name, ctx.isLowerWord);
    if (authority) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: `a public authority (${authority}), not a sub-processor`, rank: 'no name' });
      return;
    }
    // "Sellers", "Couriers", "Banks": the plural of a kind of party in title case is a category, not an organisation.
    if (!suffixed && cell !== 'site' && partyKindPlural(name, ctx.isLowerWord)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a category of recipients, not a named organisation', rank: 'no name' });
      return;
    }
    // "Other users", "Andere TMG-gebruikers", "Autres partenaires": a name opening with "other" names the rest of a kind.
    if (!suffixed && cell !== 'site' && OTHER_OF_KIND.test(name)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'the rest of a kind of party ("other …"), not a named organisation', rank: 'no name' });
      return;
    }
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
    // An example or entry of the vendor's group companies in a clause passing data to them is such an affiliate, with or
    // without a legal suffix ("other Acme Group companies (for instance our Acme Intelligence Solutions centres)").
    // An item of a list whose intro is such a clause ("with the following companies of our group …:") is one too.
    const intro = isItem(ctx.sentences, s) ? introOf(ctx.sentences, s, true) : undefined;
    // Not data the group hands to the vendor ("we receive information from our affiliates, such as Acme Media").
    const affiliateNamed = !FROM_AFFILIATES.test(s.view.slice(Math.max(0, at - 200), at)) && (
      ((AFFILIATE_CONTEXT.test(s.view.slice(Math.max(0, at - 120), at)) || AFFILIATE_EXAMPLES.test(s.view.slice(Math.max(0, at - 320), at))) && DATA_RELATION.test(s.view)) ||
      (intro !== undefined && AFFILIATE_EXAMPLES.test(intro.view.trimEnd()) && DATA_RELATION.test(intro.view)) ||
      // A sentence enumerating the group after one that passes data to it ("We share your information within our group of
      // companies … These related group companies include A, B and C"): each is an affiliate named as a recipient.
      (GROUP_INCLUDES.test(s.view) && (DATA_RELATION.test(s.view) || (ctx.sentences[s.index - 1]?.paragraph === s.paragraph && DATA_RELATION.test(ctx.sentences[s.index - 1].view)))));
    if (suffixed && vendorFirstWords.has(name.split(/\s+/)[0].toLowerCase()) && !affiliateNamed) return;
    // The brand the document names itself by when no alias says so ("provided to Vodafone" in Vodafone's policy), and
    // its products and entities; an affiliate is named as such.
    const selfBrand = selfBrandOf();
    if (selfBrand !== undefined && core(name.split(/\s+/)[0].replace(/\.[a-z]{2,4}$/, '')) === selfBrand && !AFFILIATE_CONTEXT.test(s.view.slice(Math.max(0, at - 120), at)) && !affiliateNamed) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "the document's own brand, not a recipient" });
      return;
    }
    // The entities a document defines as "us" ("the TikTok entities listed below").
    if (ctx.defs.groupBrands.some((b) => name!.toLowerCase().startsWith(b.toLowerCase()))) return;
    // Terms the document defines ("the Controller", "End Users", "Session Summaries") are not organisations.
    // "the Connatix video player", "the Awin network": a brand before a kind of product is that brand's, not a defined term.
    const theProduct = !suffixed && /\bthe\s+$/i.test(s.view.slice(Math.max(0, at - 4), at));
    // An acronym the document defines as a company's name ("Amazon Web Services, Inc. (“AWS”)") is that company, not a term.
    // So is a short name the text gives a company written with its legal suffix ("Google Inc. (“Google”)").
    const definedTerm = ctx.defs.definedTerms.has(name.toLowerCase()) && definedAs(ctx.text, name, true) === undefined && !definedAsCompany(ctx.text, name);
    // "the Meta Pixel", "the LinkedIn Insight Tag": a brand's tracker named with its kind in title case is the brand's, as
    // "the Connatix video player" is (the vendor's own products were left out above by its brand).
    const trackerProduct = theProduct && TRACKER_PRODUCT.test(name);
    if (!suffixed && (definedTerm || (theProduct && !trackerProduct && !BRAND_PRODUCT_AFTER.test(s.view.slice(at + name.length, at + name.length + 50))))) return;
    // "the Care Insights platform", "the Smart Triage service, our in-house engine" may be the vendor's own product: the
    // name is a brand only when the document shows it as an organisation somewhere (see brandElsewhere).
    // "We work with the Awin network": one works or partners with another party, not with one's own product.
    // A social button is the platform's whatever else the document says ("such as the Fooface Like button", read only
    // where the features are said to collect the visit): nothing to show it is the vendor's own product.
    if (theProduct && !trackerProduct && !PARTNER_BEFORE.test(s.view.slice(Math.max(0, at - 40), at)) && !SOCIAL_BUTTON_AFTER.test(s.view.slice(at + name.length, at + name.length + 30)) && !brandElsewhere(name, s.start + at)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a product named only as "the X service", nothing says whose' });
      return;
    }
    if (theProduct) productReadings.set(core(name), s);
    // A product of the vendor: "Acme Rewards" somewhere in the text.
    if (!suffixed && products().has(name.toLowerCase())) return;
    // The vendor's own products ("Acme Scribe", "SurveyMonkey Apply"); its affiliates carry a legal suffix.
    if (!suffixed && !affiliateNamed && vendorBrands.some((b) => key.startsWith(b))) return;
    const start = s.start + at;
    const isLink = inLink(ctx.links, start, start + name.length);
    const after = s.view.slice(at + name.length, at + name.length + 40);
    const sited = cell === 'site';
    if (!suffixed && !sited) {
      if ((INSTITUTION.test(name) && !product) || ADDRESS_WORD.test(name) || /^\s*,?\s*(?:\d|[A-Z]{2}\s+\d)/.test(after) || /\d[\w-]*,?\s*$/.test(s.view.slice(Math.max(0, at - 12), at))) return;
      if (policyWordsOnly(name) || NOT_AN_ORGANISATION.test(name) || INDUSTRY_OPT_OUT_BODY.test(name) || placeName(name)) return;
      // "Mărci, afiliați și filiale", "Brands, affiliates and subsidiaries": a capitalised word opening a coordination of
      // lower-case nouns is the first noun of a category phrase, not an organisation.
      if (COMMON_NOUN_COORDINATION.test(s.view.slice(at + name.length, at + name.length + 80))) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'the first of a list of common nouns, a category', rank: 'no name' });
        return;
      }
      // A kind of tracker in title case ("Non-Cookie Technologies", "Statistics"), not an organisation.
      if (name.split(/\s+/).every((w) => TRACKER_TITLE_WORD.test(w))) return;
      // A big platform's bare name ("Google", "Apple") is a recipient only when a provider noun introduces it
      // ("cloud providers like Google"); elsewhere it is usually a store, a sign-in or a platform.
      // Named with its ad network or cloud ("managed by Microsoft's ad network"), it is a provider all the same.
      const advertisesWith = ADVERTISES_WITH_BEFORE.test(s.view.slice(Math.max(0, at - 80), at));
      // "any information provided by you … may be shared with Google": the data passed to the platform by name.
      const usedFor = (USED_FOR_SERVICE.before.test(s.view.slice(Math.max(0, at - 30), at)) && USED_FOR_SERVICE.after.test(after)) || DATA_SHARED_WITH_BEFORE.test(s.view.slice(Math.max(0, at - 200), at)) || providerRoleAfter(s.view, at + name.length);
      if (!strong && !advertisesWith && !usedFor && BIG_TECH.test(name) && !BIG_TECH_SERVICE.test(after)) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform named without a provider role' });
        return;
      }
      // Social networks, stores, browsers: recipients only as ad or analytics tools ("Facebook Pixel").
      if (PLATFORM_BRANDS.test(name) && !tracker && !PLATFORM_AS_RECIPIENT.test(after) && !providerRoleAfter(s.view, at + name.length) && !(strong && inAdRole(s.view.slice(Math.max(0, at - 200), at))) && !advertisesWith) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform, store or browser, not named as receiving the data' });
        return;
      }
      // "You can pay with Visa or Mastercard": a card scheme or means of payment is the payer's own, not the vendor's recipient.
      if (PAYMENT_MEANS.test(name)) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: "a card scheme or means of payment, the payer's own provider", rank: 'no name' });
        return;
      }
      // A name cell is a name even in ordinary words ("Cloud du Ministère de l'Intérieur"), unless it reads as a
      // category: its last word a lower-case plural ("Demand-side platforms", "Payment processors").
      // "share personal information with AG Affiliates": a brand's affiliates or subsidiaries taken together are the group's
      // unnamed members (README: named affiliates only), not one organisation, in prose as in a cell.
      if (cell && (/\s[\p{Ll}][\p{L}-]*s$/u.test(name) || CATEGORY_TAIL.test(name) || categoryHead(name)) || (!cell && /\s(?:affiliates|subsidiaries)$/i.test(name))) {
        rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a category of recipients, not a named organisation', rank: 'no name' });
        return;
      }
      if (!isLink && !cell && common(ctx, name)) {
        if (strong) rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'an ordinary word of the document, not clearly a name', rank: 'no name' });
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
    if (!suffixed && !sited && /^[\p{Lu}\s-]+$/u.test(name) && name.replace(/[^\p{Lu}]/gu, '').length > 5) return;
    // Under a heading about social media presences, names are the platforms where the vendor has a page.
    // A section about a platform's plug-ins on the vendor's pages names a recipient, unless it says the platform gets no personal data.
    if (s.heading && tracker !== 'ad' && SOCIAL_HEADING.test(s.heading) && !embedsPlugin(s)) {
      rejected.push({ name, ev: evidenceAt(ctx, s, at, at + name.length), reason: 'a platform where the vendor has a page' });
      return;
    }
    const ctxText = s.view.slice(Math.max(0, at - 120), Math.min(s.view.length, at + name.length + 80));
    // Long enough for an example list's earlier names ("services, like [Stripe](https://…) or [PayPal") and an obligation
    // opening a long clause ("to meet our licence requirements … we will share … with"); `before` patterns end at the name.
    const local = s.view.slice(Math.max(0, at - 240), at);
    // The text after reaches a parenthesis of names' end (the group certifying under a framework); every `after` pattern is anchored.
    const reason = excludedBecause(ctxText, local, s.view.slice(at + name.length, at + name.length + 240), cell ? ownCell(s.view, at, at + name.length) : undefined);
    const ev = evidenceAt(ctx, s, at, at + name.length);
    if (reason) {
      rejected.push({ name, ev, reason });
      return;
    }
    if (review) rejected.push({ name, ev, reason: review, rank: 'held' });
    else if (!names.has(key)) names.set(key, { name, ev, s, at, strong });
    else if (strong) names.get(key)!.strong = true;
  };
  const { brandElsewhere, embedsPlugin, truncatedTail } = candidateChecks(ctx);
  const { self, products, selfBrandOf, vendorFirstWords } = vendorOwn(ctx);
  // A name the document gives the vendor: a party to it, one of its names, or its brand's first word.
  const ownName = (n: string): boolean => isVendorKey(core(n)) || self().has(n) || vendorFirstWords.has(n.split(/\s+/)[0].toLowerCase());
  // The one word before a legal suffix set off by a comma ("Site" of "Site, AG") is a word the document writes in lower case.
  const termBeforeSuffix = (n: string): boolean => {
    const body = n.replace(/,\s*\S+$/, '').trim();
    return /^[\p{Lu}][\p{Ll}]+$/u.test(body) && ctx.isLowerWord(body.toLowerCase());
  };
  return { add, names, rejected, owners, productReadings, vendorKeys, self };
}

export type NameCollector = ReturnType<typeof nameCollector>;

/**
 * Whether `word` occurs in `text` as a word of its own, in any case, not only run into a capital ("various" of
 * "variousService"; "Sender" opening a sentence makes "senderNETS" two glued words too).
 */
function standsApart(text: string, word: string): boolean {
  return new RegExp(String.raw`(?<![\p{L}\p{N}/.@-])${escapeRegExp(word)}(?![\p{L}\p{N}])`, 'iu').test(text);
}
