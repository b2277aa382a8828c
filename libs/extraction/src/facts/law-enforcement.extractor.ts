import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { has, hitsOf, inException, negated, recipientsOf, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { introOf } from '../clauses/structure.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, operative } from './fact-context.js';
import { CONDITIONAL_JUDICIAL, conditionedOnJudicial, groundsOf, judicialRule, orderForAnotherAct, settle } from './law-enforcement-grounds.js';
import { noticeOfDisclosureBefore, noticeReading } from './law-enforcement-notice.js';
import { AGENT_BY, aboutData, agentSide, identityAt, firstPerson, previousClauses, USER_AGENT, vendorActs } from './law-enforcement-parties.js';
import { leadExcepted } from '../clauses/list-lead.js';
import { restrictsOthers } from '../clauses/actor-readings.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'law_enforcement_disclosure'>['value'];

// The person the data is about, not a recipient: "any information … relating to you", "information about you".
const DATA_SUBJECT_BEFORE = /\b(?:relating to|related to|about|concerning|regarding|of)\s+$/i;

/**
 * Whether the clause, beside a report, has a disclosure verb of its own that is no report, with the data as its object
 * within a few words ("and to disclose any information … relating to you"), and given to nobody but the authorities or
 * those already named ("to such persons", "to them"): "… and share information about the incident with our payment
 * processor" or "… disclose your content to other users" hands the data to someone else, not to the authorities.
 */
function disclosesDataToo(c: Clause, own: Hit[]): boolean {
  return own.some((h) => h.kind === 'disclose' && !/^report/.test(c.tokens[h.t0].lower) && (c.hits.some((o) => o.cat === 'object' && o.t0 >= h.t1 && o.t0 - h.t1 <= 3) || identityAt(c.view.slice(h.end)))
    && recipientsOf(c, h).every((r) => r.kind === 'authority' || DATA_SUBJECT_BEFORE.test(c.view.slice(Math.max(0, r.start - 20), r.start))));
}
/** "your information", "your account information", "your Content": the person's word qualifies the data right after it. */
function ownerOfData(c: Clause, x: Hit): boolean {
  return /^\s*(?:information|data|records|personal|content)\b/i.test(c.view.slice(x.end)) || c.hits.some((o) => o.cat === 'object' && o.t0 === x.t1);
}

// French: autorité(s), judiciaire(s), légale(s), réquisition(s).
const PREFILTER = /\b(?:law|legal|lawful|statutor|subpoena|warrant|court|judge|judicial|government|authorit|regulat|third party request|police|national security|litigation|proceeding|competent|order|notif|notice|autorit|judiciaire|légal|réquisition)/i;
const DISCLOSING = ['disclose', 'comply'];
const DESCRIBES = /\b(?:describes|explains|sets out|sets forth|outlines|details)\s+(?:[\w,]+\s+){0,12}?(?:how|when|whether)\b[^.;]*$/i;
// The document itself (or a part of it) as the subject of "describes": "This Privacy Policy", "This section", "The following".
const SELF = /\b(?:this|these|the following|below)\s+(?:[\w-]+\s+){0,3}$/i;

// Complaints to a supervisory authority and judicial remedies are the user's rights, not disclosures.
// Any form of the verb for a complaint, which is the person's ("the possibility of filing a complaint with the …
// Authority"); a claim or appeal only after the bare verb ("you may file a claim"): "a government agency files a
// claim" is the authority's demand.
const RIGHTS = /\b(?:lodg(?:e|es|ed|ing)|fil(?:e|es|ed|ing)|mak(?:e|es|ing)|submit(?:s|ted|ting)?|bring(?:s|ing)?)\s+(?:a\s+|an\s+)?complaint|\b(?:lodge|file|make|submit|bring)\s+(?:a\s+|an\s+)?(?:claim|appeal)|\bright to (?:complain|lodge|an effective)|\bjudicial (?:appeal|remedy|remedies)|\bsupervisory authorit/i;
// Disputes between the parties (arbitration, small claims, class actions) are not disclosures to an authority.
const DISPUTE = /\barbitrat\w*|\bdispute resolution\b|\bsmall claims\b|\bclass (?:action|arbitration)\b|\bopposing party\b/i;
// A recipient's preposition just before it: "to you", "with our users", "provide you" is handled apart.
const TO_PARTY = /\b(?:to|with)\s+(?:(?:the|our|its|their|any|such|each|all|other|relevant)\s+){0,2}$/i;
// The one who demands is a private party: "a non-governmental entity", "a civil litigant", "private parties".
const PRIVATE_REQUESTER = /\bnon-?governmental\s+(?:entit(?:y|ies)|part(?:y|ies)|persons?|organi[sz]ations?)\b|\bcivil litigants?\b|\bprivate (?:part(?:y|ies)|litigants?|plaintiffs?)\b/i;
const PRIVATE_SUBJECT = new RegExp(String.raw`^\W*(?:an?|any)\s+(?:${PRIVATE_REQUESTER.source})`, 'i');
// What is sent is a notice or announcement, or the disclosure is of the software (the U.S. Government rights
// clause), not the user's data ("may send notices … to the Users").
const SENDS_NOTICES = /^\s*(?:\w+\s+){0,2}?(?:notices?|notifications?|announcements?|communications?|messages? about)\b/i;
// "to make the Website and Services available to you" offers the service, it discloses no data.
const OF_SOFTWARE = /\b(?:disclos\w*|release|transfer)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:software|application|app|documentation|source code)\b|\bmake\s+(?:the|our|this)\s+(?:website|site|services?|platform|apps?|application)\b(?:\s+and\s+(?:the\s+|our\s+)?(?:website|site|services?|platform|apps?))?\s+available\b/i;
// A rule of form a legal requirement sets ("any legal requirement that such communications be in writing").
const FORM_REQUIREMENT = /^[\w ]{0,30}?requirements?\s+that\s+[^.;]{0,80}?\bbe\s+(?:made\s+|given\s+|provided\s+)?in\s+writing\b/i;
// The product's design or intended use before the act ("is not designed or intended to be used to send …").
// Only a design the product lacks ("not designed to") or a use by others ("designed to be used to"): "this procedure is
// intended for disclosing … to law enforcement" is the vendor's own act.
const PRODUCT_PURPOSE = /\b(?:(?:not|never)\s+(?:designed|intended|built|meant)\s+(?:or\s+(?:designed|intended|built|meant)\s+)?(?:to\s+be\s+used\s+)?|(?:designed|intended|built|meant)\s+(?:or\s+(?:designed|intended|built|meant)\s+)?to\s+be\s+used\s+)(?:to|for)\s+(?:(?:\w+\s+(?:or|and)\s+)?)$/i;
// Grounds of the derogations for international transfers (the law in general, legal claims or proceedings: GDPR Art.
// 49(1)(e)), not a demand: a subpoena, court order or legal process in the same clause is still a disclosure on demand.
const LEGAL_CLAIMS = /\blegal (?:claims?|proceedings?)\b|\blitigation\b|\bjudicial proceedings?\b/i;
// An inline list item after ';': "(c) as may be required by law", "c) …", "iii. …".
const ITEM_OPEN = /^\s*(?:and\/or\s+|and\s+|or\s+)?\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s/i;
// A purpose infinitive opening a list item: "- To comply with …", "(c) in order to comply with …".
const PURPOSE_TO = /^\W*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s*)?(?:and\s+|or\s+)?(?:in order\s+)?to\s+$/i;
// A list item opening with its recipient: "- government authorities, for example when …".
const ITEM_MARKER = /^\s*(?:[-*•·▪◦]\s+|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]\s+)/i;
// A request or demand the listed authority makes ("- Law enforcement agencies, upon their request", "- Police, to respond
// to lawful requests"): a legal-request posture, as the same words in a sentence are.
const DEMANDED = /\b(?:request(?:s|ed|ing)?|demand(?:s|ed|ing)?)\b/i;
// The object of "comply" is the instrument named before it: "comply with that order", "comply with it".
const COMPLY_WITH_IT = /^\s*(?:with\s+)?(?:(?:that|the|such|this|said|any such)\s+(?:court\s+|judicial\s+)?(?:orders?|warrants?)|it)\b/i;
// Cooperation whose purpose is acting against users who break the document's own rules ("cooperate with law enforcement
// authorities in prosecuting users who violate these Terms"): enforcement of the terms, like a report of violations,
// not a rule for answering legal requests (OTA labels: the Y Combinator precedent); so is "bringing legal action against" them.
const AGAINST_VIOLATORS = /\b(?:prosecut\w*|pursu\w*|(?:tak|bring)\w*\s+(?:legal\s+)?(?:action|proceedings)\s+against)\s+(?:(?:the|any|those|such)\s+)?(?:users?|members?|you|persons?|individuals?|anyone|those|accounts?)\s+(?:who|that|which)\s+(?:\w+\s+){0,2}?(?:violat\w*|breach\w*|infring\w*|break\w*|misuse\w*)\s+(?:(?:any\s+(?:of\s+)?)?(?:these|this|our|the)\s+)(?:[\w-]+\s+){0,2}?(?:terms|agreement|rules|policies|policy|guidelines|conditions)\b/i;

// The nouns an authority word may qualify without being a party: a licence named after it ("Open Government Licence",
// "Government Data License"), identifiers or identification it issues.
// The records or registers it keeps ("lawfully made available … from federal, state, or local government records"): a
// source of data, not a party that receives any.
const AUTHORITY_AS_MODIFIER = /^\s+(?:(?:open\s+)?data\s+)?licen[cs]es?\b|^\s+(?:issued\s+)?(?:identif\w*|ids?)\b|^\s+(?:records|registers|registries|databases)\b/i;

// A legal duty that is another party's: "their compliance with", "their legal obligations", "the legal obligations to
// which X is subject" (X named, and not the vendor). Not "its legal obligations" (a vendor writing of itself in the third
// person: "Acme may disclose … to comply with its legal obligations"), nor the roles the vendor takes ("a legal
// obligation to which the controller is subject", GDPR Art. 6(1)(c)).
const OTHERS_LEGAL_DUTY = /\btheir\s+(?:own\s+)?(?:compliance\s+with|legal\s+(?:obligations?|requirements?|duties))\b/i;
const SUBJECT_TO_DUTY = /\bto\s+which\s+((?:[\w&.-]+\s+){1,3}?)(?:is|are)\s+subject\b/i;
const VENDOR_ROLE = /^(?:we|us|the\s+)?(?:data\s+)?(?:controller|processor|company|operator|provider|service provider|vendor|business associate|organi[sz]ation)s?$/i;
/** "the legal obligations to which X is subject" with X another party: not the vendor by name, "we" or role. */
function othersDuty(view: string, vendorNames: string[]): boolean {
  if (OTHERS_LEGAL_DUTY.test(view)) return true;
  const who = SUBJECT_TO_DUTY.exec(view)?.[1].trim();
  if (!who || /^(?:we|us)$/i.test(who) || VENDOR_ROLE.test(who)) return false;
  const key = who.toLowerCase().replace(/^the\s+/, '');
  return !vendorNames.some((n) => n.toLowerCase() === key || key.startsWith(n.toLowerCase()));
}
// Data that became public before the vendor holds it: "(has) already (lawfully) been made available to the (general) public".
const MADE_PUBLIC = /\b(?:already|previously)\s+(?:\w+\s+){0,2}(?:been\s+)?made\s+(?:publicly\s+)?available\b|\bmade\s+available\s+to\s+the\s+(?:general\s+)?public\b/i;

// A verb of ceasing right before the act: "stop providing", "cease to disclose", "discontinue sharing".
const CEASED = /\b(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|discontinu(?:e|es|ed|ing)|quit(?:s|ting)?)\s+(?:to\s+)?$/i;

// An act in the infinitive ("to enforce", "to comply"): a purpose or a later act of the clause, not a participle on the
// data ("the stored records").
const INFINITIVE_BEFORE = /\bto\s+(?:[a-z]+ly\s+)?$/i;
// What opens examples of the data disclosed ("including but not limited to user account details").
const EXAMPLE_LEAD = /\b(?:including|such as|limited to|e\.g\.,?)\s+$/i;

// Acts other than handing data over that a response to a request may be: removal, suspension, blocking.
const OTHER_RESPONSE = /\b(?:remov(?:e|es|ed|ing|al)|suspen(?:d|ds|ded|ding|sion)|terminat(?:e|es|ed|ing|ion)|block(?:s|ed|ing)?|disabl(?:e|es|ed|ing)|take\s*downs?|takedowns?|restrict(?:s|ed|ing|ion)?)\b[^.;]{0,40}\b(?:in response to|in compliance with|upon|following|pursuant to)\b/i;

/**
 * `law_enforcement_disclosure`, the seed stories' question, read from disclosure clauses whose ground is a legal
 * instrument (the instrument vocabulary: warrants and court orders, subpoenas, legal process and government
 * requests, "as required by law") and from notice clauses about such requests. The README conventions:
 * - judicial_process_only: (content) disclosed only on a warrant or court order — the content rule decides;
 * - legal_process_with_notice: discloses on legal process AND commits to notify the customer/user ("will
 *   notify"; "may notify", "will try to notify" and notice only "where required by law" are not commitments);
 * - any_legal_request: discloses on legal requests, to authorities, or as required by law.
 * Only clauses where the vendor (or an impersonal "data may be disclosed") acts count; the customer's own
 * duties ("you must comply with applicable law") do not. Precedence: judicial, notice, any.
 */
export function extractLawEnforcement(ctx: FactContext): Fact<'law_enforcement_disclosure'> {
  const cands: Candidate<V>[] = [];
  // Another company's name as a subject can only be told from the vendor's when the document says who the vendor is,
  // or speaks as "we" throughout (then a named third person is someone else unless it is one of the vendor's names).
  let firstPersonDoc: boolean | undefined;
  const othersKnown = (): boolean => ctx.vendorNames.length > 0 || (firstPersonDoc ??= firstPerson(ctx.text));

  for (const s of operative(ctx, PREFILTER)) {
    const intro = introOf(ctx.sentences, s);
    const introClauses = intro ? ctx.clauses(intro) : [];
    const sentenceClauses = ctx.clauses(s);
    for (const [ci, c] of sentenceClauses.entries()) {
      // "… satisfy any legal requirement that such communications be in writing": a rule of form the communications
      // meet (the consent to electronic notices), not a legal demand for data.
      const instruments = groundsOf(c).filter((h) => !FORM_REQUIREMENT.test(c.view.slice(h.start, h.start + 120)));
      // "the Open Government Licence", "government identifiers": the authority word only qualifies another noun.
      const authorities = hitsOf(c, 'actor', 'authority').filter((a) => !AUTHORITY_AS_MODIFIER.test(c.view.slice(a.end, a.end + 40)));
      // A notice with no demand of its own may take the demand of a legal disclosure just before it.
      const demandBefore = instruments.length === 0 && authorities.length === 0 && noticeOfDisclosureBefore(ctx, s, c, sentenceClauses.slice(0, ci));
      if (instruments.length === 0 && authorities.length === 0 && !demandBefore) continue;
      if (RIGHTS.test(c.view) || DISPUTE.test(c.view)) continue;
      const ev = clauseEvidence(ctx, c);
      // A rule for demands by private parties ("A non-governmental entity, such as a civil litigant, can seek … only
      // pursuant to a court order, and we are required … to notify you") is civil discovery, not the posture towards
      // authorities: kept for review, no answer. Not when the clause names an authority too ("subpoenas from
      // government agencies or civil litigants").
      if (PRIVATE_SUBJECT.test(c.view) && authorities.length === 0) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'a rule for demands by private parties (civil litigants), not by authorities' });
        continue;
      }
      // The clause's disclosure: its own, or its list intro's ("We may share your information: - to comply with …").
      // "Personal data provided by the user can only be disclosed …": a participle with the user as its agent describes
      // the data; the clause's disclosure is the verb after it.
      // "If we have to stop providing Content or Products for legal … reasons": an act ceased is no disclosure made.
      let own = hitsOf(c, 'action', DISCLOSING).filter((h) => verbal(c, h) && !USER_AGENT.test(c.view.slice(h.end, h.end + 30)) && !CEASED.test(c.view.slice(Math.max(0, h.start - 25), h.start)));
      // "We may disclose personal information …: * To comply with any court order, law, or legal process": the item's
      // "to comply" is the purpose of the intro's disclosure, which is the act (and its actor) the item completes.
      const introDisclosures = introClauses.flatMap((ic) => hitsOf(ic, 'action', 'disclose').filter((h) => verbal(ic, h)).map((h) => ({ ic, h })));
      if (introDisclosures.length > 0 && own.length > 0 && own.every((h) => h.kind === 'comply') && PURPOSE_TO.test(c.view.slice(0, own[0].start))) own = [];
      let inherited = own.length === 0 ? introClauses.flatMap((ic) => hitsOf(ic, 'action', DISCLOSING).filter((h) => verbal(ic, h)).map((h) => ({ ic, h }))) : [];
      // An item after ';' of an inline list of exceptions ("We will not share … except (a) …; (b) …; (c) as may be
      // required by law …"): its disclosure is the first clause's, and the item is one of its exceptions (allowed).
      const head = sentenceClauses[0];
      // The same for an item of a list whose lead-in ends in the exception ("We will not disclose your information except:"
      // then "- to comply with a subpoena"): read once for every fact by the clause layer (leadIn).
      const exceptionItem = (own.length === 0 && inherited.length === 0 && ci > 0 && Number.isFinite(head.exceptAt) && ITEM_OPEN.test(c.view)) || (own.length === 0 && inherited.length > 0 && leadExcepted(ctx.sentences, s));
      if (exceptionItem) inherited = hitsOf(head, 'action', DISCLOSING).filter((h) => verbal(head, h) && h.t0 < head.exceptAt).map((h) => ({ ic: head, h }));
      const negatedD = (x: Clause, h: Hit): boolean => !exceptionItem && negated(x, h);

      // Judicial only: the grounds of the disclosure rule are judicial instruments only — "only on a court order",
      // "shall not disclose … except pursuant to a warrant", "requests for content require a court order".
      const d0 = own[0] ?? inherited[0]?.h;
      const dc0: Clause = own[0] || !inherited[0] ? c : inherited[0].ic;
      const refused = d0 !== undefined && negatedD(dc0, d0);
      const { ruleGrounds, judicialOnly } = judicialRule(c, instruments, authorities, d0, dc0, refused);
      // What the judicial rule guards must be data: "except as required by a court order, we won't sell … Digital Assets"
      // is about assets, not records.
      // Complying with the very order the clause is conditioned on ("If a court order is received …, the company shall comply
      // with that order") answers the demand for data the order makes.
      // Not an order the clause says directs another act ("a court order directing us to suspend your account"): complying
      // with it is suspending, whatever data the account holds.
      const otherAct = d0 !== undefined && d0.kind === 'comply' && orderForAnotherAct(dc0, d0.start);
      const guardsData = d0 === undefined || (!otherAct && (aboutData(ctx, s, c, dc0, introClauses) || (d0.kind === 'comply' && COMPLY_WITH_IT.test(dc0.view.slice(d0.end, d0.end + 40)))));
      // The lead-in's "only" restricts the disclosure its items complete ("We may disclose the content of your messages only:
      // * To comply with a search warrant").
      const restricted = has(c, 'restriction') || (dc0 !== c && has(dc0, 'restriction'));
      if (judicialOnly && guardsData && (refused || restricted || /\brequires?\b|\brequired\b/i.test(c.view)) && vendorActs(c, own[0], othersKnown)) {
        cands.push({ value: 'judicial_process_only', evidence: ev, confidence: 0.85 });
        continue;
      }
      // One exception of a refusal that is judicial ("… except (b) in response to a search warrant"): judicial when the
      // document describes no other firm path (another item may name the law), as for a conditioned disclosure.
      // The refusal of a sale or rental ("We will not sell … except (b) in response to a court order") says nothing of
      // disclosure: the item is judicial only as the exception of a refused disclosure verb.
      if (judicialOnly && exceptionItem && d0 !== undefined && guardsData && vendorActs(dc0, d0, othersKnown)) {
        cands.push({ value: 'judicial_process_only', evidence: ev, confidence: 0.75, review: CONDITIONAL_JUDICIAL });
        continue;
      }
      // The disclosure is conditioned on a judicial instrument without "only": judicial when it is the document's
      // only disclosure path (settled in `settle`), else a reading for review.
      if (judicialOnly && d0 && guardsData && !refused && vendorActs(dc0, d0, othersKnown) && conditionedOnJudicial(c, ruleGrounds)) {
        cands.push({ value: 'judicial_process_only', evidence: ev, confidence: 0.75, review: CONDITIONAL_JUDICIAL });
        continue;
      }
      // Notice of a legal demand to the customer or user.
      const notice = noticeReading(s, c, instruments, authorities, demandBefore, ev);
      if (notice) {
        cands.push(notice);
        if (own.length === 0) continue;
      }
      // Disclosure on a legal ground (not negated, or negated with the ground as its exception).
      const d = own[0] ?? inherited[0]?.h;
      if (!d) continue;
      const dc: Clause = own[0] ? c : inherited[0].ic;
      if (d === d0 && otherAct) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'complying with an order the clause says directs another act, not a disclosure' });
        continue;
      }
      if (!vendorActs(dc, d, othersKnown) || SENDS_NOTICES.test(dc.view.slice(d.end, d.end + 40)) || OF_SOFTWARE.test(dc.view)) continue;
      // A disclosure the user is barred from: an item of a list under "You agree not to …:", or the part of a sentence
      // that bars the user (the clause layer's reading of who a sentence binds, shared with the other facts).
      if (dc === c && restrictsOthers(ctx.sentences, s, c.start - s.start + d.start)) continue;
      // What the product is (not) made for ("is not designed or intended to be used to send emergency communications to
      // any police"): the user would send, through the service; the vendor discloses nothing.
      if (PRODUCT_PURPOSE.test(dc.view.slice(0, d.start))) continue;
      // Authorities named only as the agent of the act ("… by the U.S. Government") receive nothing.
      // Nor authorities named further on the agent's side ("data provided by Acme and its licensors, which include Local
      // Highway Authorities": they supplied it).
      const receiving = authorities.filter((a) => !AGENT_BY.test(c.view.slice(Math.max(0, a.start - 30), a.start)) && !(dc === c && agentSide(c, d, a)));
      // A list item of recipients opens with the recipient: "Who we share data with: - government authorities, when …".
      const firstActor = c.hits.find((x) => x.cat === 'actor');
      const leadsItem = firstActor !== undefined && firstActor.kind === 'authority' && firstActor.t0 <= 1 && ITEM_MARKER.test(c.view) && c.start === s.start;
      // The grounds: any instrument for a disclosure; for "comply with", the request or process complied with
      // ("comply with a subpoena"), not the law in general ("each party will comply with applicable law").
      const grounds = instruments.filter((h) => (h.kind !== 'judicial' || !has(c, 'restriction')) && (d.kind !== 'comply' || h.kind !== 'by_law'));
      const rule = negatedD(dc, d) ? grounds.filter((h) => inException(c, h)) : grounds;
      // A transfer to other countries on a legal ground ("… to countries without an adequate level of protection … in
      // case of legal proceedings abroad") says where data may go (the derogations for international transfers), not
      // that an authority receives it: kept for review unless an authority is named.
      if (receiving.length === 0 && /^transfer/.test(dc.tokens[d.t0].lower) && (has(c, 'place', 'abroad') || /\bcountr(?:y|ies)\b/i.test(c.view)) && rule.every((h) => h.kind === 'by_law' || LEGAL_CLAIMS.test(c.view.slice(h.start, h.end)))) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'an international transfer on a legal ground, with no authority as recipient' });
        continue;
      }
      // Complying or responding reaches an authority only as what is complied with, right after the verb ("respond to
      // government requests"): "required to comply with local laws, and … we may disagree with governments" names
      // governments as the other side of a disagreement.
      const compliedWith = (r: Hit): boolean => d.kind !== 'comply' || dc !== c || (r.t0 > d.t0 && r.t0 - d.t1 <= 6);
      const toAuthority = receiving.length > 0 && !negatedD(dc, d) && (leadsItem || recipientsOf(c, own[0] ?? c.hits[0]).some((r) => r.kind === 'authority' && compliedWith(r) && receiving.some((a) => a.t0 === r.t0)));
      if (rule.length === 0 && !toAuthority) continue;
      // An authority only named as a category of recipients ("We may disclose … to the following recipients: - Public
      // authorities and municipalities;"), with no demand or legal ground, says nothing of how legal requests are met.
      if (rule.length === 0 && leadsItem && !DEMANDED.test(c.view)) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'authorities listed as recipients, with no legal ground or request' });
        continue;
      }
      if (rule.length === 0) {
        // Given to an authority with no legal ground: a report the vendor chooses to make ("violations may be reported
        // to the authorities") or one the user chooses ("only if you choose that we report …") is no legal-request posture.
        // The authority may be reached by a report later in the clause than its first disclosure word ("limiting access
        // to features and reporting it to the NCMEC and other authorities").
        const reportsTo = own.some((h) => /^report/.test(c.tokens[h.t0].lower) && receiving.some((a) => a.t0 > h.t0 && a.t0 - h.t1 <= 30));
        const reported = /^report/.test(dc.tokens[d.t0].lower) || reportsTo || AGAINST_VIOLATORS.test(dc.view.slice(d.end));
        // The user's choice may be the condition of this clause or of the proviso after it (", but only if you choose …").
        const next = sentenceClauses[ci + 1];
        const proviso = next !== undefined && next.hits[0]?.t0 === 0 && (next.hits[0].cat === 'exception' || next.hits[0].cat === 'restriction');
        const byChoice = has(c, 'condition', 'consent') || (proviso && has(next, 'condition', 'consent'));
        // A report the vendor chooses that also hands over the user's data ("… to report any suspected unauthorized use to law
        // enforcement officials, regulators or third parties and to disclose any information … relating to you"): the
        // disclosure of records to authorities is stated, not only a report of conduct (OTA vidguard label; the Imgur and
        // Y Combinator "report you to the authorities" stay out).
        if ((reported && !disclosesDataToo(c, own)) || byChoice) {
          cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: reported ? 'a report to authorities the vendor may choose to make, with no legal ground' : 'given to an authority at the user\'s choice, not on a legal demand' });
          continue;
        }
      }
      // What another document describes ("Google's Privacy Policy … describes how and when we may share your information
      // for legal reasons") is a pointer to that document, not this one's rule: kept for review.
      // "This Privacy Policy describes how …", "This section explains when …": the document describing itself states the rule.
      const describer = DESCRIBES.exec(dc.view.slice(0, d.start));
      if (describer && !SELF.test(dc.view.slice(0, describer.index))) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'a disclosure another document describes' });
        continue;
      }
      // Information given to the customer or user "as required by law" is not a disclosure to an authority.
      // Only a party the act is directed to ("to you", "with users") receives: "to protect our rights, …, as well as that
      // of our users" names users whose rights are protected, not recipients.
      // The party must be the disclosure's own: the "to" or "with" of a later "respond to", "comply with", "cooperate with"
      // belongs to that phrase ("disclose … as necessary to respond to user support requests": "user" only qualifies the
      // requests, nobody receives).
      // Nor a party past another act of the clause in the infinitive ("… necessary to comply with a subpoena, to enforce our
      // agreements with users": the users are the other side of the agreements, after "to comply"), nor the owner of the data named ("any
      // information, including but not limited to user account details": whose details they are).
      const disclosureOwn = (r: Hit): boolean =>
        !dc.hits.some((x) => x !== d && x.cat === 'action' && x.kind !== 'disclose' && x.t0 > d.t0 && x.t0 < r.t0 && INFINITIVE_BEFORE.test(dc.view.slice(Math.max(0, x.start - 20), x.start))) && !ownerOfData(dc, r) && !(EXAMPLE_LEAD.test(dc.view.slice(Math.max(0, r.start - 40), r.start)) && dc.hits.some((o) => o.cat === 'object' && o.t0 > r.t0 && o.t0 - r.t1 <= 2));
      const to = recipientsOf(dc, d).filter((r) => TO_PARTY.test(dc.view.slice(Math.max(0, r.start - 30), r.start)) && !dc.hits.some((x) => x !== d && x.cat === 'action' && x.kind === 'comply' && x.t1 === r.t0) && disclosureOwn(r));
      if (to.length > 0 && to.every((r) => r.kind === 'customer')) continue;
      // "provide you with copies", "give you access": the user right after the verb is who receives, not an authority.
      // Not "provide you and any requesting government agency with …": the user is one of the recipients.
      // "disclose your account information": a possessive before what the lexicon reads as data names whose data it is.
      if (dc.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 === d.t1 && (dc.tokens[x.t0].lower === 'you' || !ownerOfData(dc, x)) && !/^(?:and|or|&)$/.test(dc.tokens[x.t1]?.lower ?? ''))) continue;
      // "is required to do so to comply with a court order": complying stands for another act ("do so" of a list
      // intro that restricts or suspends access); it discloses only when a disclosure verb is in sight.
      // The sentence before, in the same paragraph, may hold it ("We may share … with our service providers. We may also do so
      // where required to comply with a subpoena").
      if (d.kind === 'comply' && /\bdo so\b/i.test(dc.view.slice(0, d.start)) && ![c, ...sentenceClauses, ...introClauses, ...previousClauses(ctx, s)].some((x) => hitsOf(x, 'action', 'disclose').some((h) => verbal(x, h)))) continue;
      const onlyByLaw = rule.length > 0 && rule.every((h) => h.kind === 'by_law');
      // The law as someone else's duty or as how data became public, with no authority receiving: "provide X with the
      // information needed for their compliance with the legal obligations to which X is subject" (a provider's own duty),
      // "data … already lawfully made available to the general public, such as via … legally required public
      // disclosures" (a source of data). Neither is the vendor answering a legal demand.
      if (onlyByLaw && receiving.length === 0 && (othersDuty(dc.view, ctx.vendorNames) || MADE_PUBLIC.test(dc.view))) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'the law as a recipient\'s own duty or as how data became public, not a legal demand on the vendor' });
        continue;
      }
      // A report the law requires the vendor to make ("we will report it to the National Center for Missing and Exploited
      // Children as required by law") is a mandated report, not a rule for answering legal requests (OTA labels).
      if (/^report/.test(dc.tokens[d.t0].lower) && onlyByLaw) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'a report the law requires, not a rule for answering legal requests' });
        continue;
      }
      // Responding to a request by removing, suspending or blocking ("content removal in response to … law enforcement
      // requests") answers it with another act; no data is handed over unless a disclosure verb is in the clause.
      // What is responded to ("abuse reports") is no disclosure: only a disclosure verb before the response counts.
      // A disclosure verb listed with the removal ("suspend accounts or disclose data in response to court orders") hands
      // data over too: any verb before the response's "in response to", not only one before the removal.
      const response = OTHER_RESPONSE.exec(dc.view);
      if (response && !hitsOf(dc, 'action', 'disclose').some((h) => verbal(dc, h) && h.start < response.index + response[0].length)) continue;
      // What is disclosed must be data (named in the clause, its sentence or its list intro): "unless required by
      // law, we do not provide refunds" or "transfers to State authorities as required by law" disclose no records.
      // Responding to a legal request needs no object: the request is for data.
      if (d.kind === 'disclose' && !aboutData(ctx, s, c, dc, introClauses)) {
        cands.push({ value: 'any_legal_request', evidence: ev, confidence: 0.4, review: 'a legal ground, but the clause names no data it discloses' });
        continue;
      }
      cands.push({ value: 'any_legal_request', evidence: ev, confidence: onlyByLaw ? 0.7 : 0.8 });
    }
  }
  return decide('law_enforcement_disclosure', settle(demoteGovernedRuns(ctx, cands)), ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
}
