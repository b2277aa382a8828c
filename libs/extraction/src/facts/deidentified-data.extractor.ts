import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { clauseSubject, hitsOf, inException, passive, recipientsOf, subjectOf, verbal } from '../clauses/clause.js';
import { otherCompany, refused, toCustomerOnly, vendorSide } from './deidentified-actors.js';
import { introChain } from '../clauses/structure.js';
import { leadAction } from '../clauses/list-lead.js';
import { restrictsOthers } from '../clauses/actor-readings.js';
import { bothCases } from '../clauses/both-cases.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, isOperative, operative } from './fact-context.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'deidentified_data_use'>['value'];

// French: anonymes, agrégé(e)s (anonymis… is matched by anonymi[sz]).
const PREFILTER = /\b(?:de-?identif|anonymi[sz]|anonymous|anonymes|agrég|non-personally[- ]identifiable|not personally identifiable|not identifiable to you|can ?not identify|aggregate|pseudonymi|statistic|non-personal)/i;
// "Aggregate" as an amount ("aggregate liability", "in the aggregate shall not exceed", "aggregate traffic usage") is not
// data; "aggregate usage statistics" is.
const AMOUNT = /\b(?:an?|the)\s+aggregate\s+of\b|\baggregate\s+(?:liability|amount|fees?|damages|total|sum|value|payments?|charges?|invoices?|billing|consideration|cap|exposure|purchase)|\b(?:your|its|their|whose|customer'?s|account'?s)\s+aggregate\s+(?:traffic|usage|bandwidth|storage|volume|spend(?:ing)?)\b|\baggregate\s+(?:traffic|usage|bandwidth|storage|volume|spend(?:ing)?)\b[^.;]{0,60}\b(?:exceed\w*|higher than|more than|above|limits?|quotas?|caps?|fees?|charges?)\b|\bin the aggregate\b[^.;]{0,80}\b(?:exceed|liab|amount|fees?|damages|paid|payable)|\b(?:liability|damages|amounts?)\b[^.;]{0,60}\baggregate\b/i;
// "anonymous" about people or access, not data: anonymous users, posting anonymously, an anonymous account or review,
// the user's anonymity.
const NOT_DATA = /\banonymous(?:ly)?\s+(?:content\s+)?(?:users?|visitors?|accounts?|browsing|posting|reports?|tips?|complaints?|hotline|feedback|surveys?|submissions?|posts?|reviews?)\b|\banonymous\s+(?:unique\s+)?(?:identifiers?|ids?)\b|\banonymity\b|\b(?:post|browse|use the services?|remain|stay)\s+anonymous(?:ly)?\b/i;
// The vendor keeping or using such data for itself: any purpose, its own purposes, product work, statistics, sharing.
// French: statistics or indicators made from it, studies, analyses, improvement, or data "à destination de" partners.
const OWN_USE = /\bindicateurs\b|\bstatistiques\b|(?<![A-Za-zÀ-ÿ])études\b|(?<![A-Za-zÀ-ÿ])à destination d|\bamélior\w*|\bfor any (?:legal |lawful )?purpose|\bany purpose permitted|\bfor (?:its|our|their) own\b|\bown (?:business )?purposes\b|\bcommercial|\b(?:improve|develop|enhance|build|refine|train|benchmark|research|analy[sz]e|analytics|publish|sell|license|share|disclose|statistic|insights?|trends?|dashboards?|reports?|measure)\w*/i;
// Data, or the form it is given in, as what is "not identifiable": "information that is", "data which are", "in a manner that is".
const SAID_OF_DATA = /\b(?:data|information|statistics|details|records|content|manner|form|format|way)\s+(?:(?:that|which)\s+)?(?:is|are|will be|would be|remains?|becomes?)\s+$/i;
// The data as the subject of "cannot identify": the noun, a relative pronoun, an aside ("that, by itself,", "on its own")
// or the vendor's relative clause ("information we retain").
const CANNOT_SAID_OF_DATA = /\b(?:data|information|statistics|details|records|content)\s+(?:(?:that|which)\s*)?(?:,\s*[^,.;]{1,40},\s*|(?:by|in)\s+itself\s+|on\s+its\s+own\s+|alone\s+|(?:we|you)\s+[a-z]+\s+)?$/i;
const ONLY_FOR_SERVICES = /\b(?:only|solely|exclusively)\b[^.;]{0,60}\b(?:to (?:provide|perform)|for (?:the )?(?:provision|performance) of|on behalf of)\b/i;
// A policy declaring such data outside its scope ("Personal information does not include de-identified or aggregated information").
// Hyphens are matched in any of their Unicode forms ("non‑personal" with U+2011).
const OUT_OF_SCOPE = /\b(?:does not|do not|doesn't|shall not)\s+(?:include|cover|apply to)\b[^.;]{0,60}\b(?:de-?identified|anonymi[sz]ed|aggregated?)\b|\bappl(?:y|ies)\s+(?:only\s+)?to\s+[^.;]{1,80}?,?\s+(?:but\s+)?(?<neg>not)\s+(?:to\s+)?(?:(?:any|the|such|other)\s+){0,2}?(?:de-?identified|anonymi[sz]ed|aggregated?)\b|\b(?:de-?identified|anonymi[sz]ed|aggregated?)\b[^.;]{0,80}\b(?:is|are)\s+(?:not\s+(?:considered\s+)?(?:personal (?:data|information)|subject to)|(?:considered|treated as|deemed)\s+(?:to be\s+)?non[-\u2010\u2011 ]?personal (?:data|information))\b/dgi;
// What the declaration is about must be personal data or the policy, not another thing whose scope it sets ("Such
// content [for a removal request] may include personal information but does not include anonymized information").
const OTHER_SUBJECT = /^\s*(?:such(?!\s+as\b)|this|that|these|those|the|any|your|our)\s+(?!(?:personal|personally|information|data|pii|term|definition|policy|notice|privacy)\b)[a-z]/i;

/**
 * Whether a clause declares de-identified or aggregated data outside the policy's scope (see OUT_OF_SCOPE): `policy`
 * when it is the scope of personal data or of the policy, `other` when it sets the scope of something else (then the
 * clause says nothing of the vendor's use either way).
 */
function outOfScope(v: string): 'policy' | 'other' | undefined {
  // "applies to all Customer Data, whether or not it has been aggregated": both cases at once, nothing left out (the
  // clause layer's test, see bothCases); a later declaration in the sentence is still read.
  let m: RegExpExecArray | undefined;
  for (const x of v.matchAll(OUT_OF_SCOPE)) {
    const neg = x.indices?.groups?.neg;
    if (neg === undefined || !bothCases(v, neg[0])) {
      m = x;
      break;
    }
  }
  if (!m) return undefined;
  const before = v.slice(0, m.index);
  const subject = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(':')) + 1);
  return OTHER_SUBJECT.test(subject) ? 'other' : 'policy';
}
// "These companies may use aggregated information about your visits …", "Research institutions which may provide
// aggregated demographic data …": a third party opens the clause as the one that uses or supplies the data.
const OTHER_PARTY_USE = /^\W*(?:(?:these|such|those|the|some|certain)\s+)?(?:[\w-]+\s+)?(?:third[- ]part(?:y|ies)|(?:third[- ]party\s+)?(?:companies|advertisers|ad networks|networks|partners|providers|vendors|institutions))(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:(?:which|that|who)\s+)?(?:may|can|might|will)\s+(?:also\s+)?(?:use|collect|provide|supply|offer|combine)\b/i;
// The data the other party uses is what the vendor supplies: "aggregated data that we provide to them", "statistics we
// share with them".
const VENDOR_SUPPLIED = /\b(?:(?:data|information|statistics|reports?|insights|results)\s+(?:(?:that|which)\s+)?we\s+(?:may\s+)?(?:provide|share|give|supply|make available|disclose|send|pass|license|sell)\w*\b|(?:provided|shared|supplied|disclosed)\s+(?:to them\s+)?by us\b)/i;
// "non-personal information or material sent to Acme": data given to the vendor (or someone named), described.
const SENT_TO_VENDOR = /\b(?:information|data|materials?|content)\s+(?:or\s+[\w-]+\s+)?(?:that\s+)?(?:you\s+)?(?:sent|submitted|provided|given|transmitted|send|submit|provide)\s+to\s+(?:us\b|[A-Z][\w&.-]*)/;
// Recipients acting for the vendor: "third parties who work on our behalf", "service providers that perform services for us".
const FOR_VENDOR = /\b(?:who|that|which)\s+(?:work|act|perform\s+(?:services|functions))\s+(?:on\s+(?:our|its)\s+behalf|for\s+us)\b/i;
// Another recipient coordinated with them ("with contractors who work on our behalf and with advertisers"): shared beyond them.
const ALSO_TO_OTHERS = /\b(?:and|or|as well as)\s+(?:also\s+)?(?:with|to)\s+(?!provide\b|perform\b|run\b|operate\b|help\b|support\b)/i;
const GRANT_TO_VENDOR = /^\W*(?:you|customer|user|member)s?\s+(?:hereby\s+)?(?:grants?|gives?)\s+(?:to\s+)?(?:us|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)\s+(?:an?\s+|the\s+)?(?:[\w-]+,?\s+){0,4}?(?:right|licen[cs]e|permission)\s+to\b/i;
const CUSTOMER_SUBJECT = /^(?:[-*•]\s+|\(?[a-z0-9]{1,4}[.)]\s+)*(?:the )?(?:customer|covered entity|you|controller|client|practice|user)s? (?:may|can|shall|will|must)\b/i;

// "Aggregate(d)" is de-identification only of data: what is aggregated must be a word for data, right after it ("aggregated
// usage statistics", "aggregate your personal information with …", "in aggregated form") or as the subject it is said
// of ("the information will be aggregated", "data … in aggregate", "use your information in the aggregate": a data word
// at most a few words before "in (the) aggregate"). An aggregate number, count or claim ("deliver the
// aggregate number of ads", "a claim not aggregated with the claims of others", "ten summaries in aggregate each day")
// is not data.
const DATA_WORD = String.raw`(?:data|datasets?|pii|phi|personal|ratings|scores|information|info|metadata|statistics|stats|reports?|reporting|metrics|analytics|insights?|trends|measurements?|demographics?|results|findings|content|records|logs|usage|profiles?|identifiers|audiences?|segments?|form|format|basis|manner|fashion|level|way)\b`;
const AGGREGATED_AFTER = new RegExp(String.raw`^\s*,?\s+(?:(?:and|or|&|and\/or)\s+)?(?:[\w'’-]+,?\s+(?:(?:and|or|&)\s+)?){0,4}?${DATA_WORD}`, 'i');
const AGGREGATED_OF = new RegExp(String.raw`\b${DATA_WORD}[^.;]{0,80}?\b(?:(?:is|are|be|been|being|get|gets|was|were)\s+(?:\w+ly\s+|then\s+|also\s+|further\s+|first\s+)?|(?:used|shared|disclosed|provided|reported|presented|analy[sz]ed|combined)\s+(?:only\s+)?(?:in|on)\s+(?:an?\s+|the\s+)?)$|\b${DATA_WORD}[^.;]{0,40}?\s(?:only\s+)?in\s+(?:the\s+)?$`, 'i');
function aggregatesData(view: string, start: number, end: number): boolean {
  return AGGREGATED_AFTER.test(view.slice(end, end + 80)) || AGGREGATED_OF.test(view.slice(Math.max(0, start - 140), start));
}

/**
 * `deidentified_data_use` (README convention): `allowed` when the vendor may use, keep or share aggregated,
 * anonymised or de-identified data for itself — including data anonymised instead of deleted ("deleted … unless
 * anonymized", "after this period they will be anonymized") and a policy declaring such data outside its scope;
 * `prohibited` when a clause bars it ("shall not de-identify PHI for its own purposes", de-identification only to
 * provide the services). Read from clauses with the de-identification vocabulary (de-identify, anonymise,
 * aggregate, statistics); amounts "in the aggregate", anonymous users and the customer's own actions do not count.
 * A permission anywhere wins (it is what the vendor may do).
 */
export function extractDeidentified(ctx: FactContext): Fact<'deidentified_data_use'> {
  const cands: Candidate<V>[] = [];
  for (const s of withOwnTerms(ctx, operative(ctx, PREFILTER))) {
    for (const c of ctx.clauses(s)) {
      // "Statistical" counts for statistics made from the data ("statistical purposes", "statistical data"), not for
      // a technique or an office ("statistical analysis techniques", "Federal Statistical Office").
      const deid = hitsOf(c, 'action', 'deidentify').filter((h) => {
        const w = c.view.slice(h.start, h.end);
        // "Not (personally) identifiable" describes data only when said of data ("information that is not personally
        // identifiable", "in a manner that is not identifiable to you"); of people or identifiers ("the other participants
        // are not identifiable to you", "cookie identifiers … are not personally identifiable") it is no de-identified data.
        if (/^not\s/i.test(w)) return SAID_OF_DATA.test(c.view.slice(Math.max(0, h.start - 40), h.start));
        // "Cannot identify you" likewise: of data ("data that, by itself, cannot identify …", "The information we retain
        // cannot identify you"), not of the vendor checking who asks ("If we cannot identify you, we may not be able to
        // process your request") nor of a tool ("The advertising identifier cannot identify you").
        if (/^can\s?not\s/i.test(w)) return CANNOT_SAID_OF_DATA.test(c.view.slice(Math.max(0, h.start - 60), h.start));
        if (/^aggregat/i.test(w)) return aggregatesData(c.view, h.start, h.end) && !SCORE_SHOWN.test(c.view.slice(h.end, h.end + 40));
        if (!/^statistical$/i.test(w)) return true;
        return /^s/.test(w) && /^\s+(?:purposes?|data|information|reports?|reporting|analys[ie]s of (?:your|user|personal|the data))/i.test(c.view.slice(h.end, h.end + 40));
      });
      if (deid.length === 0) continue;
      const v = c.view;
      // The customer granting the vendor a right ("You grant Acme the right to use … in an aggregate manner") makes the
      // vendor the one who acts on the data.
      const granted = GRANT_TO_VENDOR.test(v);
      if (AMOUNT.test(v) || NOT_DATA.test(v) || (!granted && (CUSTOMER_SUBJECT.test(v) || clauseSubject(c)?.kind === 'customer'))) continue;
      // Another company's own use, or aggregated data it supplies to the vendor (a data source), is not the vendor's
      // use of de-identified customer data.
      // Data the vendor gives them ("aggregated data that we provide to them") is the vendor's use: it shares it.
      if (OTHER_PARTY_USE.test(v) && !VENDOR_SUPPLIED.test(s.view)) continue;
      // An item of the customer's duties ("You agree not to: … aggregate, mine or scrape content").
      if (introChain(ctx.sentences, s).some((intro) => ctx.clauses(intro).some((ic) => clauseSubject(ic)?.kind === 'customer'))) continue;
      // A rule for the user or a developer ("Do not aggregate API Data", "You may not aggregate …") binds them.
      if (restrictsOthers(ctx.sentences, s, c.start - s.start + deid[0].start)) continue;
      const ev = clauseEvidence(ctx, c);
      const scope = outOfScope(v);
      if (scope === 'other') continue;
      if (scope === 'policy') {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.75 });
        continue;
      }
      const d = deid[0];
      // "… deleted after three years, unless anonymized": the anonymised data is kept (the exception).
      if (inException(c, d) && /\b(?:delet|destroy|eras|remov|purg)\w*/i.test(v.slice(0, d.start))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.7 });
        continue;
      }
      if (refused(c, d)) {
        cands.push({ value: 'prohibited', evidence: ev, confidence: 0.8 });
        continue;
      }
      if (ONLY_FOR_SERVICES.test(v) && !/\bfor any\b|\bown\b/i.test(v)) {
        cands.push({ value: 'prohibited', evidence: ev, confidence: 0.7 });
        continue;
      }
      if (!granted && !vendorSide(c, d)) continue;
      // De-identifying as the way to delete ("deletion may be accomplished through de-identification") or as its
      // alternative ("we destroy or de-identify personal information when it is no longer required", "deleted,
      // aggregated or de-identified after 90 days") disposes of the data; it names no use of the de-identified data
      // (convention: a retention statement, not a use). A use named with it still counts: read from the disposal on, so
      // "we take reasonable measures to destroy or de-identify" is not a measurement.
      const disposal = DELETED_BY.exec(v) ?? DISPOSED_OR.exec(v);
      if (disposal && !OWN_USE.test(v.slice(disposal.index))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'de-identification as a means of deletion or its alternative, with no use of the data' });
        continue;
      }
      // "We may also save certain information in an anonymous form beyond this point": data only kept in that form after
      // the point it would be deleted is a retention statement (OTA Xing label: anonymisation on deletion is erasure), not
      // a use; a use named with it still counts.
      if (KEPT_IN_FORM.test(v) && !OWN_USE.test(v) && !USED.test(v)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'data kept in de-identified form, with no use of it named' });
        continue;
      }
      // Collecting, storing or complying with rules about such data is not using it for the vendor's own purposes
      // ("may collect and store non-personally identifiable information", "each party will comply with the
      // requirements for processing Deidentified Data"): kept for review unless a purpose of its own is named.
      // A list item without a verb takes its lead-in's ("We collect the following data: * Aggregate website usage
      // statistics"): what is collected, not a use.
      const act = governing(c, d) ?? leadAction(ctx.sentences, s, ctx.clauses, (h) => h.kind !== 'deidentify')?.hit;
      // Another company acting on its own ("when acting as an independent controller, these partners may use your data for
      // aggregation purposes"): its use, not the vendor's, unless what it uses is what the vendor gives it.
      if (act && otherCompany(c, subjectOf(c, act)) && !VENDOR_SUPPLIED.test(s.view)) continue;
      // "We will provide you with reports that contain Anonymized audience insights": de-identified data handed to the
      // customer is the service delivered to it, not a use the vendor makes for itself (OTA Amazon Publisher label).
      if (toCustomerOnly(c, d)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'de-identified data given to the customer, not used or shared by the vendor for itself' });
        continue;
      }
      // Shared only with those who work for the vendor to provide the service ("may be shared with third parties who work
      // on our behalf to provide your services"): processing for the service, not a use of the vendor's own (OTA MediaFire
      // label); a person decides.
      if (FOR_VENDOR.test(v) && !ALSO_TO_OTHERS.test(v) && !OWN_USE.test(v.replace(/\b(?:shar|disclos|provid)\w*|\bon (?:our|its) behalf\b/gi, ''))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'de-identified data given to those who work on the vendor\'s behalf, with no use of its own named' });
        continue;
      }
      // Aggregated data or reports the vendor receives from others ("We may receive reports … by these companies on an
      // individual as well as aggregated basis", "we receive aggregated statistical reports on the use of these plugins"):
      // a data source, not a use of its own, unless one is named besides what it receives.
      if (receivedOnly(c, d)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'aggregated or de-identified data the vendor receives from others, with no use of its own named' });
        continue;
      }
      // Non-personal information "sent to us" is what the user gives the vendor, not a use the vendor makes of it.
      if (((act && act.kind === 'disclose' && recipientsOf(c, act).some((r) => r.kind === 'vendor')) || SENT_TO_VENDOR.test(v)) && !OWN_USE.test(v)) continue;
      // Truncating IP addresses ("if IP anonymization is activated, Google will reduce your IP address") is a safeguard
      // applied as data is collected, not a use of de-identified data: a person decides, the reader abstains.
      if (IP_ANONYMISED.test(v) && !OWN_USE.test(v.replace(IP_ANONYMISED_G, ''))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'IP addresses anonymised as a safeguard, with no use of the data named' });
        continue;
      }
      // What a tracker yields ("These cookies only produce anonymous statistics and traffic volumes"): a description of
      // the tool, not a use of de-identified data the vendor states; a person decides.
      if (TOOL_YIELDS.test(v) && !OWN_USE.test(v.replace(/\bstatistic\w*/gi, ''))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'what a cookie or tracker produces, with no use of the data named' });
        continue;
      }
      // Statistics about the site's own use made from what trackers record ("cookies … to create aggregated anonymized
      // statistics about usage of the site", "the aggregated data from these cookies is only used to improve the
      // functioning of our website"): web analytics describing the trackers, not a use of de-identified customer data
      // (the labels' precedent, Qobuz and Stack Exchange trackers policies: statistics-making about site use, not the README
      // table itself); shared, sold or published it would be one. A person decides.
      if (TRACKERS.test(s.view) && SITE_USE.test(v) && !BEYOND_SITE.test(v)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'statistics about the site\'s use from trackers, with no use beyond the site named' });
        continue;
      }
      const statisticsOnly = deid.every((h) => /^statistic/i.test(c.view.slice(h.start, h.end)));
      // Pseudonymised data is still personal data (it can be re-linked): alone it is no de-identification (README:
      // aggregated, anonymised or de-identified), so a person decides.
      if (deid.every((h) => /^pseudonymi/i.test(c.view.slice(h.start, h.end)))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'pseudonymised data, which is still personal data' });
        continue;
      }
      // Statistics alone ("for internal statistical purposes", "store statistical data") say nothing of aggregation
      // or de-identification (README: HSBC, Ethereum, YouTube developer terms): a person decides, the reader abstains.
      if (statisticsOnly) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'statistics from the data, without aggregation or de-identification wording' });
        continue;
      }
      if (act && PASSIVE_ACTS.has(act.kind) && !(OWN_USE.test(v.replace(/\bstatistic\w*/gi, '')) || OWN_PURPOSE(c))) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.45, review: 'de-identified data collected, kept or regulated, without a use of the vendor\'s own' });
        continue;
      }
      if (OWN_USE.test(v) || /\b(?:may|can|will|reserves? the right)\b/i.test(v)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: OWN_USE.test(v) ? 0.85 : 0.7 });
      } else if (/\b(?:anonymi[sz]ed|de-?identified|aggregated)\b/i.test(v) && /\b(?:will be|are|is|becomes?|get)\s+(?:then\s+)?(?:anonymi[sz]ed|de-?identified|aggregated)\b|\bkeep|\bretain|\bstore/i.test(v)) {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.65 });
      } else {
        cands.push({ value: 'allowed', evidence: ev, confidence: 0.5, review: 'de-identified or aggregated data mentioned without a stated use' });
      }
    }
  }
  return decide('deidentified_data_use', demoteGovernedRuns(ctx, cands), ['allowed', 'prohibited']);
}

/**
 * The operative sentences that hold one of the document's own words for de-identified data (a defined short form,
 * "non-PI"), which the fixed prefilter cannot know, added to the prefiltered ones in text order.
 */
function withOwnTerms(ctx: FactContext, prefiltered: Sentence[]): Sentence[] {
  // A sentence may open with "Non-PI" where the definition wrote "non-PI".
  const own = ctx.defs.terms.add.filter((t) => t.cat === 'action' && t.kind === 'deidentify').map((t) => escapeRegExp(t.phrase).replace(/^non-/, '[Nn]on-'));
  if (own.length === 0) return prefiltered;
  // Case-sensitive: the short form as defined ("NPI"), not a word that happens to share its letters.
  const re = new RegExp(String.raw`(?<![\w-])(?:${own.join('|')})(?![\w-])`);
  const have = new Set(prefiltered.map((s) => s.index));
  const more = ctx.sentences.filter((s) => !have.has(s.index) && isOperative(s) && re.test(s.view));
  return more.length === 0 ? prefiltered : [...prefiltered, ...more].sort((a, b) => a.index - b.index);
}

// IP addresses truncated or anonymised: "IP anonymization", "anonymize the IP address", "anonymized IP addresses".
const IP_ANONYMISED = /\bIP[- ]anonymi[sz]\w*|\banonymi[sz]\w*\s+(?:(?:your|the|user|users'?|visitors'?)\s+)?IP(?:\s+address(?:es)?)?\b|\bIP\s+address(?:es)?\s+(?:is|are|will be|shall be)\s+(?:\w+\s+)?anonymi[sz]ed\b/i;
const IP_ANONYMISED_G = new RegExp(IP_ANONYMISED.source, 'gi');
// A tracker as the subject of what is produced: "These cookies only produce anonymous statistics".
const TOOL_YIELDS = /^\W*(?:(?:these|such|the|our|this|those)\s+)?(?:[\w-]+\s+)?(?:cookies?|tags?|pixels?|trackers?|tracking technologies|technologies|tools?|scripts?)\s+(?:only\s+|solely\s+)?(?:produce|generate|provide|yield|create|collect|gather|record)s?\b/i;
const TRACKERS = /\b(?:cookies?|pixels?|clear gifs?|web beacons?|local storage|tracking technologies|analytics tools?)\b/i;
const SITE_USE = /\bhow (?:our )?(?:users|visitors|people|you)\s+(?:[\w-]+\s+){0,2}?(?:use|engage|interact|navigate|browse)\w*|\b(?:usage|use|functioning|performance|operation) of (?:the|our|this) (?:site|website|web site|services?|products?|platform|apps?|pages?)\b/i;
// Given to others (in any words: "provide", "make available", "transfer", or the recipients named after "to"/"with"; "third
// party services" used to measure are tools, not recipients) or put to a use of its own beyond the site (marketing,
// training models): a use of aggregated data, not statistics about the site.
const BEYOND_SITE = /\b(?:shar|disclos|sell|sold|licen[cs]|publish|rent|transfer|market)\w*|\bmak\w+ (?:\w+ )?available|\b(?:to|with)\s+(?:(?:our|its|the|selected|trusted|certain)\s+)?(?:[\w-]+\s+)?(?:third[- ]part|partner|affiliate|advertiser|sponsor)|\bprovide (?:it|them|this|these|such)\b|\bfor any (?:\w+ )?purpose|\bcommercial|\bresearch|\badvertis|\btrain\w*|\bmodels?\b|\bmachine learning|\bartificial intelligence/i;
// An aggregate rating or score shown for a product or post ("develop aggregate ratings", "the aggregate score of a
// review") is the site's feature made from reviews, not de-identified personal data; "aggregate ratings data" still is.
const SCORE_SHOWN = /^\s+(?:star\s+)?(?:ratings?|scores?|reviews?)\b(?!\s+(?:data|information|statistics|reports?)\b)/i;
// Keeping data in a de-identified form, with no use named: "save certain information in an anonymous form", "retained in
// anonymised form".
const KEPT_IN_FORM = /\b(?:sav|keep|kept|retain|stor|hold|held|maintain|preserv)\w*\b[^.;]{0,60}\bin\s+(?:an?\s+)?(?:anonymous|anonymi[sz]ed|de-?identified|pseudonymi[sz]ed|aggregated?)\s+(?:form|format|manner|way|state)\b/i;
// The data used, not only kept ("we will maintain and use that information in deidentified form").
const USED = /\b(?:use|uses|used|using)\b/i;
const DELETED_BY = /\b(?:delet|eras|destr)\w*\b[^.;]{0,60}\b(?:through|by|via|by means of)\s+(?:the\s+)?(?:de-?identif|anonymi[sz]|aggregat)\w*/i;
// De-identification coordinated with deletion: "destroy or de-identify", "deleted, aggregated or de-identified",
// "anonymise or delete", "destroy, erase or make anonymous".
const DISPOSED_OR = /\b(?:delet|eras|destr|purg)\w*(?:,\s*[\w-]+)?,?\s+(?:and\/)?or\s+(?:\w+\s+){0,2}?(?:de-?identif|anonym(?:i[sz]|ous)|aggregat)\w*|\b(?:de-?identif|anonymi[sz])\w*\s+(?:and\/)?or\s+(?:\w+\s+){0,2}?(?:delet|eras|destr|purg)\w*/i;

/**
 * Whether the de-identified data at `d` is only what the vendor receives: a receiving verb ("receive", "obtain") of the
 * vendor before it, and no use of its own named before that verb or after the data (the received thing itself,
 * "reports", "statistics", is what comes in, not what the vendor makes).
 */
function receivedOnly(c: Clause, d: Hit): boolean {
  const r = c.hits.find((h) => h.cat === 'action' && h.kind === 'collect' && h.t1 <= d.t0 && /^(?:receiv|obtain)/i.test(c.tokens[h.t0].lower) && verbal(c, h));
  if (!r || subjectOf(c, r)?.kind !== 'vendor') return false;
  return !OWN_USE.test(c.view.slice(0, r.start)) && !OWN_USE.test(c.view.slice(d.end)) && !OWN_PURPOSE(c);
}

// Actions that hold or regulate data without using it: collecting, storing, complying with rules.
const PASSIVE_ACTS = new Set(['collect', 'retain', 'comply', 'host']);
const OWN_PURPOSE = (c: Clause): boolean => c.hits.some((h) => h.cat === 'purpose' && h.kind === 'own');

const NOMINAL_BEFORE = new Set(['the', 'a', 'an', 'any', 'of', 'for', 'its', 'their', 'our', 'your', 'this', 'such']);

/**
 * The action done to the de-identified data at `d`: the nearest verb before it (within ten words), else the first
 * after it (within six: "anonymized IP address may be stored"). Nouns ("the use of", "for processing") are not verbs.
 */
function governing(c: Clause, d: Hit): Hit | undefined {
  const verbs = c.hits.filter((h) => h.cat === 'action' && h.kind !== 'deidentify' && !NOMINAL_BEFORE.has(c.tokens[h.t0 - 1]?.lower ?? ''));
  const before = verbs.filter((h) => h.t1 <= d.t0 && d.t0 - h.t1 <= 10).pop();
  // After it, the verb of a passive whose subject the data is, even past a long subject ("Aggregated, non-identifiable
  // information and statistics derived from logs may be retained indefinitely": retained, not used).
  if (before) return before;
  // When the de-identifying word is the vendor's own verb ("We may aggregate or anonymize information that we collect"), a
  // verb in a relative clause on its object ("that we collect", "we receive") describes the data; it is not what is done
  // to the de-identified data. A participle or adjective ("anonymized IP addresses may be stored") still takes the verb after.
  const ownVerb = verbal(c, d) && !passive(c, d) && !/(?:ed|en)$/.test(c.tokens[d.t0].lower);
  const after = verbs.filter((h) => h.t0 >= d.t1 && !(ownVerb && relativeBefore(c, d.t1, h.t0)));
  return after.find((h) => h.t0 - d.t1 <= 6) ?? after.find((h) => h.t0 - d.t1 <= 12 && passive(c, h));
}
const RELATIVE_WORD = new Set(['that', 'which', 'who', 'whom', 'whose', 'we', 'you', 'they']);
/** Whether a relative pronoun or a new subject stands between two token positions. */
function relativeBefore(c: Clause, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (RELATIVE_WORD.has(c.tokens[i].lower)) return true;
  return false;
}
