import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { has, hitsOf, inException, modality, negated, passive, recipientsOf, subjectOf, verbal } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { introOf } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, operative } from './fact-context.js';

type V = Fact<'law_enforcement_disclosure'>['value'];

const PREFILTER = /\b(?:law|legal|lawful|subpoena|warrant|court|judge|judicial|government|authorit|regulat|third party request|police|national security|litigation|proceeding|competent|order|notif|notice)/i;
const DISCLOSING = ['disclose', 'comply'];
const DESCRIBES = /\b(?:describes|explains|sets out|sets forth|outlines|details)\s+(?:[\w,]+\s+){0,12}?(?:how|when|whether)\b[^.;]*$/i;
// The document itself (or a part of it) as the subject of "describes": "This Privacy Policy", "This section", "The following".
const SELF = /\b(?:this|these|the following|below)\s+(?:[\w-]+\s+){0,3}$/i;
const USER_AGENT = /^\s+by\s+(?:the\s+)?(?:users?|you|customers?|members?|subscribers?)\b/i;
// A non-judicial instrument named as a ground for disclosure: a plain subpoena (not judge-signed), other legal
// process, a government or law-enforcement request, "as required by law".
const JUDGE_SIGNED = /\b(?:judicial|judge-signed|court-issued|court-ordered)\s+subpoenas?\b|\bsubpoenas?\s+(?:signed|issued|approved)\s+by\s+(?:a |the )?(?:judge|court|magistrate)/i;
const REFUSED = /\b(?:not|never|no|nor|other than|rather than|instead of|insufficient|excluding)\b[^.;,]{0,30}$/i;
// An instrument broken or conflicted with ("a violation of any law, regulation, or court order") is the object of a
// breach, not a ground on which anything is disclosed.
const VIOLATED = /\b(?:violat\w*|breach\w*|conflicts?|conflicting|contraven\w*|infring\w*)\s+(?:of|with)\s+(?:(?!\b(?:as|by|under|to|if|when|where|terms|policy|policies|agreements?|guidelines|rights)\b)[^.;]){0,40}$/i;
// Notice only "where required by law" (or "where appropriate") is the law's duty or a discretion, not the vendor's
// commitment; "unless prohibited by law" is a commitment with the usual carve-out, and so is "when possible",
// "where reasonably practicable" (the labels' efforts-based notice, Chayn and Wikipedia: the vendor still commits).
const CONDITIONAL_NOTICE = /\b(?:where|when|if|to the extent|as|insofar as)\s+(?:(?:legally|so|it is|we are)\s+)?(?:required|mandated|appropriate)\b/i;
// A notice duty the same sentence disclaims: "will notify Customer of such a request where practicable, but is not
// required to notify Customer before disclosing" promises nothing the customer can rely on before the disclosure.
const NOTICE_DISCLAIMED = /\b(?:not|never|no longer)\s+(?:be\s+)?(?:required|obliged|obligated|bound|under\s+(?:any|an)\s+obligation)\s+to\s+(?:\w+\s+){0,2}?(?:notify|inform|tell|alert|warn|give\s+(?:\w+\s+){0,2}?notice|provide\s+(?:\w+\s+){0,2}?notice)\b|\bno\s+(?:obligation|duty|commitment)\s+to\s+(?:notify|inform|tell|give\s+(?:\w+\s+){0,2}?notice)\b/i;
// A firm word before an attempted notice: "will attempt to notify", "will take reasonable steps to attempt to notify",
// "are committed to notifying" is an efforts-based commitment; "may attempt" is not (a `may` anywhere before it).
const FIRM = /\b(?:will|shall|must|commit(?:s|ted)? to|undertakes? to)\b/gi;
// What ends the verb phrase of a firm word before the attempt: a coordinated verb ("will review it and attempt"), a new
// clause (", and we try"), a subordinate one ("a subpoena that we must comply with, we …").
const NOT_GOVERNED = /\b(?:and|or|but|then|that|which|we|it|if|when|unless)\b|[,;:]/i;

/** Whether the last firm word before an attempted notice governs it: "will attempt to", "will take reasonable steps to attempt to". */
function firmGoverns(before: string): boolean {
  const last = [...before.matchAll(FIRM)].pop();
  return last !== undefined && !NOT_GOVERNED.test(before.slice(last.index + last[0].length));
}
// What a notice must be about to be notice of a legal demand: the request, the demand, the disclosure.
const NOTICE_ABOUT = /\b(?:requests?|demands?|subpoenas?|orders?|warrants?|process|disclos\w*|respond\w*|produc\w*|complying|legal requirements?)\b/i;
// A notice that refers back to the disclosure or request of the sentence before: "of such a request", "of the
// demand", "of the subpoena", "before disclosure", "prior to disclosing your personal data" — not "of any unauthorized disclosure", nor
// a disclosure to someone else ("before disclosure to the press").
const REFERS_BACK = /\b(?:such|the|this|that|these|those|any such)\s+(?:an?\s+)?(?:legal\s+|government\s+|law enforcement\s+)?(?:requests?|demands?|disclosures?|subpoenas?|warrants?)\b|\b(?:before|prior to)\s+(?:we\s+)?(?:disclos\w*|respond\w*|comply\w*|produc\w*)\b(?=((?:\s+(?:it|them|(?:the|your|their|such)\s+(?:\w+\s+)?(?:data|information|records|content))\b)?))\1(?!\s+(?:to|with)\b)/i;
// (The object is taken whole, as an atomic group: dropping it must not let "before disclosing your data to the press" pass.)
// A notice clause conditioned on a demand: "If we receive a subpoena, we will notify …".
const ON_DEMAND = /\b(?:if|when|where|whenever|in (?:the )?(?:case|event)|upon|on receipt|after|before)\b[^.]{0,160}\b(?:receives?|received|receipt|requests?|demands?|compelled|required|served|subpoenas?|orders?|warrants?|requires?)\b/i;
// Complaints to a supervisory authority and judicial remedies are the user's rights, not disclosures.
const RIGHTS = /\b(?:lodge|file|make|submit|bring)\s+(?:a\s+)?(?:complaint|claim|appeal)|\bright to (?:complain|lodge|an effective)|\bjudicial (?:appeal|remedy|remedies)|\bsupervisory authorit/i;
// Disputes between the parties (arbitration, small claims, class actions) are not disclosures to an authority.
const DISPUTE = /\barbitrat\w*|\bdispute resolution\b|\bsmall claims\b|\bclass (?:action|arbitration)\b|\bopposing party\b/i;
// What is sent is a notice or announcement, or the disclosure is of the software (the U.S. Government rights
// clause), not the user's data ("may send notices … to the Users").
const SENDS_NOTICES = /^\s*(?:\w+\s+){0,2}?(?:notices?|notifications?|announcements?|communications?|messages? about)\b/i;
// "to make the Website and Services available to you" offers the service, it discloses no data.
const OF_SOFTWARE = /\b(?:disclos\w*|release|transfer)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:software|application|app|documentation|source code)\b|\bmake\s+(?:the|our|this)\s+(?:website|site|services?|platform|apps?|application)\b(?:\s+and\s+(?:the\s+|our\s+)?(?:website|site|services?|platform|apps?))?\s+available\b/i;
// The authority is the agent ("disclosure of the Software by the U.S. Government"), not the recipient; "required
// by", "ordered by", "requested by" an authority is a ground and stays.
const AGENT_BY = /\b(?<!required |requested |ordered |compelled |demanded |issued |mandated |authori[sz]ed |directed |served |signed |approved )by\s+(?:the\s+|a\s+|an\s+|any\s+)?$/i;
// The user's own request ("your request of erasure … will be notified to you") is not a legal demand.
const YOUR_REQUEST = /\byour (?:own )?(?:\w+ )?requests?\b/i;
// Instruments that are a demand made on the vendor (a notice can be about them); "as required by law" is not.
const DEMANDS = ['judicial', 'subpoena', 'legal_request', 'compelled'];
// A disclosure conditioned on a judicial instrument: "If presented with a binding court order …, we will hand over".
const CONDITIONED_ON = /\b(?:if|when|whenever|upon|once|on receipt of|after receiving|pursuant to|in accordance with|presented with|served with)\b[^.;]{0,40}$/i;
// An inline list item after ';': "(c) as may be required by law", "c) …", "iii. …".
const ITEM_OPEN = /^\s*(?:and\/or\s+|and\s+|or\s+)?\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s/i;
// A list item opening with its recipient: "- government authorities, for example when …".
const ITEM_MARKER = /^\s*(?:[-*•·▪◦]\s+|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]\s+)/i;
// A capitalised name as the clause's subject before the action: "USPS does not disclose …" (another company acts).
const NAMED_SUBJECT = /^\s*(?:[-*•]\s+)?((?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){1,4})(?:(?:does|do|did|will|shall|may|can|must|might|would|should|also|only)\s+)*(?:not\s+|never\s+)?$/u;

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
      const instruments = hitsOf(c, 'instrument').filter((h) => h.kind !== 'emergency' && !VIOLATED.test(c.view.slice(Math.max(0, h.start - 60), h.start)) && !CONSEQUENCE.test(c.view.slice(Math.max(0, h.start - 40), h.start)));
      const authorities = hitsOf(c, 'actor', 'authority');
      // A notice of the disclosure with no demand of its own ("Where permitted, we notify affected Users before
      // disclosure.") takes the demand of the disclosure on a legal ground just before it in the same paragraph, when
      // it refers back to it (not a notice of a breach or of a new purpose after it).
      const demandBefore = instruments.length === 0 && authorities.length === 0 && hitsOf(c, 'action', 'notify').some((h) => REFERS_BACK.test(c.view.slice(h.end, h.end + 120))) && legalDisclosureBefore(ctx, s);
      if (instruments.length === 0 && authorities.length === 0 && !demandBefore) continue;
      if (RIGHTS.test(c.view) || DISPUTE.test(c.view)) continue;
      const ev = clauseEvidence(ctx, c);
      // The clause's disclosure: its own, or its list intro's ("We may share your information: - to comply with …").
      // "Personal data provided by the user can only be disclosed …": a participle with the user as its agent describes
      // the data; the clause's disclosure is the verb after it.
      const own = hitsOf(c, 'action', DISCLOSING).filter((h) => verbal(c, h) && !USER_AGENT.test(c.view.slice(h.end, h.end + 30)));
      let inherited = own.length === 0 ? introClauses.flatMap((ic) => hitsOf(ic, 'action', DISCLOSING).filter((h) => verbal(ic, h)).map((h) => ({ ic, h }))) : [];
      // An item after ';' of an inline list of exceptions ("We will not share … except (a) …; (b) …; (c) as may be
      // required by law …"): its disclosure is the first clause's, and the item is one of its exceptions (allowed).
      const head = sentenceClauses[0];
      const exceptionItem = own.length === 0 && inherited.length === 0 && ci > 0 && Number.isFinite(head.exceptAt) && ITEM_OPEN.test(c.view);
      if (exceptionItem) inherited = hitsOf(head, 'action', DISCLOSING).filter((h) => verbal(head, h) && h.t0 < head.exceptAt).map((h) => ({ ic: head, h }));
      const negatedD = (x: Clause, h: Hit): boolean => !exceptionItem && negated(x, h);
      const notify = hitsOf(c, 'action', 'notify');

      // Judicial only: the grounds of the disclosure rule are judicial instruments only — "only on a court order",
      // "shall not disclose … except pursuant to a warrant", "requests for content require a court order".
      const d0 = own[0] ?? inherited[0]?.h;
      const dc0: Clause = own[0] || !inherited[0] ? c : inherited[0].ic;
      const refused = d0 !== undefined && negatedD(dc0, d0);
      // A refusal to give data to one kind of recipient ("not share … with advertisers except …") leaves every other
      // disclosure open: its exceptions are no judicial rule.
      const narrowRefusal = d0 !== undefined && negated(dc0, d0) && NARROW_RECIPIENT.test(beforeException(dc0.view.slice(d0.start)));
      const ruleGrounds = instruments.filter((h) => h.kind !== 'compelled' && (refused ? inException(c, h) : !inException(c, h)) && !refusedInList(c, instruments, h));
      // "required by court order, law or governmental or regulatory agency": the list of grounds goes on to the law or
      // an authority's demand, so a court order is not the only way.
      const judicialOnly = !narrowRefusal && ruleGrounds.length > 0 && !groundsGoOn(c, ruleGrounds, authorities) && ruleGrounds.every((h) => h.kind === 'judicial' || (h.kind === 'subpoena' && JUDGE_SIGNED.test(c.view.slice(Math.max(0, h.start - 30), h.end + 40))));
      // What the judicial rule guards must be data: "except as required by a court order, we won't sell … Digital Assets"
      // is about assets, not records.
      const guardsData = d0 === undefined || aboutData(ctx, s, c, dc0, introClauses);
      if (judicialOnly && guardsData && (refused || has(c, 'restriction') || /\brequires?\b|\brequired\b/i.test(c.view)) && vendorActs(c, own[0], othersKnown)) {
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
      if (judicialOnly && d0 && guardsData && !refused && vendorActs(dc0, d0, othersKnown) && ruleGrounds.some((h) => CONDITIONED_ON.test(c.view.slice(Math.max(0, h.start - 60), h.start)))) {
        cands.push({ value: 'judicial_process_only', evidence: ev, confidence: 0.75, review: CONDITIONAL_JUDICIAL });
        continue;
      }
      // Notice of a legal demand to the customer or user.
      const n = notify.find((h) => !negated(c, h));
      const userRequestOnly = YOUR_REQUEST.test(c.view) && authorities.length === 0 && instruments.every((h) => h.kind === 'legal_request' || h.kind === 'by_law');
      // A notice is of a legal demand only when the clause names one (an authority or a demand instrument): notice
      // "of the legal requirement" for data the user is asked for, or of changed terms, is not.
      // "As required by law" counts as the ground of a notice ("… in such a case, we shall inform the controller of that
      // legal requirement") unless the law is what requires the notice itself ("the law requires us to tell you",
      // "where required under law, we will notify you") or the data is what the user is asked to give.
      const customerGives = hitsOf(c, 'action', 'disclose').some((x) => subjectOf(c, x)?.kind === 'customer');
      const lawGround = !customerGives && instruments.some((h) => h.kind === 'by_law' && !(n !== undefined && h.t1 <= n.t0 && n.t0 - h.t1 <= 6));
      // The demand must be what the notice is about, not its exception: "we will give you advance notice (unless changes
      // are required sooner, e.g. by a change in legal requirements)" is a notice of changes, waived for legal reasons.
      const exceptionOnly = n !== undefined && n.t0 < c.exceptAt && authorities.length + instruments.length > 0 && [...authorities, ...instruments].every((h) => inException(c, h));
      const demand = !exceptionOnly && (authorities.length > 0 || instruments.some((h) => DEMANDS.includes(h.kind)) || lawGround || demandBefore);
      // A reflexive notice ("You should inform yourself as to the legal requirements") is the customer's own inquiry.
      const customerNotifies = n !== undefined && /^(?:yourself|yourselves|themselves|himself|herself|itself)$/.test(c.tokens[n.t1]?.lower ?? '');
      if (n && demand && !userRequestOnly && !customerNotifies && noticeToCustomer(c, n) && (NOTICE_ABOUT.test(c.view.slice(n.end, n.end + 120)) || ON_DEMAND.test(c.view.slice(0, n.start)))) {
        const m = modality(c, n);
        const conditional = CONDITIONAL_NOTICE.test(c.view.slice(Math.max(0, n.start - 80)));
        const before = c.view.slice(0, n.start);
        const firmAttempt = m === 'attempt' && firmGoverns(before) && !/\bmay\b/i.test(before);
        const disclaimed = NOTICE_DISCLAIMED.test(s.view);
        if ((m === 'will' || firmAttempt || (m === 'fact' && !/\bmay\b/i.test(c.view))) && !conditional && !disclaimed) cands.push({ value: 'legal_process_with_notice', evidence: ev, confidence: 0.8 });
        else cands.push({ value: 'legal_process_with_notice', evidence: ev, confidence: 0.5, review: disclaimed ? 'the same sentence says notice is not required' : m === 'may' || m === 'attempt' ? 'notice is discretionary ("may"/"attempt"), not a commitment' : 'notice only where the law requires or allows it' });
        if (own.length === 0) continue;
      }
      // Disclosure on a legal ground (not negated, or negated with the ground as its exception).
      const d = own[0] ?? inherited[0]?.h;
      if (!d) continue;
      const dc: Clause = own[0] ? c : inherited[0].ic;
      if (!vendorActs(dc, d, othersKnown) || SENDS_NOTICES.test(dc.view.slice(d.end, d.end + 40)) || OF_SOFTWARE.test(dc.view)) continue;
      // Authorities named only as the agent of the act ("… by the U.S. Government") receive nothing.
      const receiving = authorities.filter((a) => !AGENT_BY.test(c.view.slice(Math.max(0, a.start - 30), a.start)));
      // A list item of recipients opens with the recipient: "Who we share data with: - government authorities, when …".
      const firstActor = c.hits.find((x) => x.cat === 'actor');
      const leadsItem = firstActor !== undefined && firstActor.kind === 'authority' && firstActor.t0 <= 1 && ITEM_MARKER.test(c.view) && c.start === s.start;
      // The grounds: any instrument for a disclosure; for "comply with", the request or process complied with
      // ("comply with a subpoena"), not the law in general ("each party will comply with applicable law").
      const grounds = instruments.filter((h) => (h.kind !== 'judicial' || !has(c, 'restriction')) && (d.kind !== 'comply' || h.kind !== 'by_law'));
      const rule = negatedD(dc, d) ? grounds.filter((h) => inException(c, h)) : grounds;
      const toAuthority = receiving.length > 0 && !negatedD(dc, d) && (leadsItem || recipientsOf(c, own[0] ?? c.hits[0]).some((r) => r.kind === 'authority' && receiving.some((a) => a.t0 === r.t0)));
      if (rule.length === 0 && !toAuthority) continue;
      if (rule.length === 0) {
        // Given to an authority with no legal ground: a report the vendor chooses to make ("violations may be reported
        // to the authorities") or one the user chooses ("only if you choose that we report …") is no legal-request posture.
        const reported = /^report/.test(dc.tokens[d.t0].lower);
        // The user's choice may be the condition of this clause or of the proviso after it (", but only if you choose …").
        const next = sentenceClauses[ci + 1];
        const proviso = next !== undefined && next.hits[0]?.t0 === 0 && (next.hits[0].cat === 'exception' || next.hits[0].cat === 'restriction');
        const byChoice = has(c, 'condition', 'consent') || (proviso && has(next, 'condition', 'consent'));
        if (reported || byChoice) {
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
      const to = recipientsOf(dc, d);
      if (to.length > 0 && to.every((r) => r.kind === 'customer')) continue;
      // "provide you with copies", "give you access": the user right after the verb is who receives, not an authority.
      // Not "provide you and any requesting government agency with …": the user is one of the recipients.
      if (dc.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 === d.t1 && dc.tokens[x.t0].lower === 'you' && !/^(?:and|or|&)$/.test(dc.tokens[x.t1]?.lower ?? ''))) continue;
      // "is required to do so to comply with a court order": complying stands for another act ("do so" of a list
      // intro that restricts or suspends access); it discloses only when a disclosure verb is in sight.
      // The sentence before, in the same paragraph, may hold it ("We may share … with our service providers. We may also do so
      // where required to comply with a subpoena").
      if (d.kind === 'comply' && /\bdo so\b/i.test(dc.view.slice(0, d.start)) && ![c, ...sentenceClauses, ...introClauses, ...previousClauses(ctx, s)].some((x) => hitsOf(x, 'action', 'disclose').some((h) => verbal(x, h)))) continue;
      const onlyByLaw = rule.length > 0 && rule.every((h) => h.kind === 'by_law');
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
  return decide('law_enforcement_disclosure', settle(cands), ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
}

// An instrument as the consequence of something ("may give rise to legal proceedings", "result in a court order") is
// no ground on which data is disclosed.
const CONSEQUENCE = /\b(?:give|gives|giving) rise to\s+(?:\w+\s+){0,2}$|\b(?:result|results|resulting|lead|leads|leading) (?:in|to)\s+(?:\w+\s+){0,2}$/i;
// What may stand between coordinated grounds of one list: commas, "or", "and", articles, the law itself.
// "judicial order, requirement of a governmental agency or by operation of law".
const LIST_GLUE = /^[\s,]*(?:(?:or|and|and\/or|a|an|the|any|other|applicable|laws?|regulations?|rules?|search|governmental|government|regulatory|public|requirements?|requests?|demands?|of|by|,)\s*)*$/i;

/**
 * Whether an instrument is refused ("has not provided the required subpoena, court order, or search warrant"): the
 * refusal words just before it, or before the first instrument of the list it belongs to.
 */
function refusedInList(c: Clause, instruments: Hit[], h: Hit): boolean {
  let first = h;
  for (;;) {
    const prev = instruments.filter((x) => x.end <= first.start).pop();
    if (!prev || !LIST_GLUE.test(c.view.slice(prev.end, first.start))) break;
    first = prev;
  }
  return REFUSED.test(c.view.slice(Math.max(0, first.start - 40), first.start));
}

// After the last ground, "or"/"and/or" opening another alternative that names an authority within a few words ("a
// court order or other binding request of public authorities", "… or a valid written demand from law enforcement"),
// not a new clause ("…, and will give notice unless a court forbids it").
const ANOTHER_ITEM = /^\s*,?\s*(?:or|and\/or)\s+(?:(?!\b(?:unless|if|when|where|except|will|shall|may|must|we|which|that)\b)[^.;:(),]){0,60}$/i;

/**
 * Whether the list holding the last ground goes on to an authority ("court order, law or governmental agency"): in
 * the closed list vocabulary, or any other item naming an authority shortly after (whatever the words between).
 */
function groundsGoOn(c: Clause, grounds: Hit[], authorities: Hit[]): boolean {
  const last = grounds[grounds.length - 1];
  return authorities.some((a) => a.start >= last.end && (LIST_GLUE.test(c.view.slice(last.end, a.start)) || ANOTHER_ITEM.test(c.view.slice(last.end, a.start))));
}

// Recipients that narrow a refusal to one use: advertisers, marketers, brokers, or "for their marketing".
const NARROW_RECIPIENT = /\b(?:with|to)\s+(?:any\s+|other\s+|outside\s+|third[- ]party\s+)*(?:advertisers|marketers|data brokers|ad networks|(?:advertising|marketing)\s+(?:partners|networks|companies|firms|purposes))\b|\bfor (?:their |its |our )?(?:own )?(?:direct )?(?:marketing|advertising|promotional)\b/i;

/** The refused act up to its exception ("except", "unless", "other than"). */
function beforeException(text: string): string {
  const e = /\b(?:except|unless|other than|save|but)\b/i.exec(text);
  return e ? text.slice(0, e.index) : text;
}

const CONDITIONAL_JUDICIAL = 'disclosure conditioned on a court order or warrant, without "only"';

/**
 * A disclosure conditioned on a judicial instrument ("if presented with a court order, we will hand over …") is
 * the judicial rule when the document describes no other firm disclosure path; with another path it stays a
 * review candidate (the conservative reading: don't credit a protection the text doesn't clearly give).
 */
function settle(cands: Candidate<V>[]): Candidate<V>[] {
  const otherPath = cands.some((c) => !c.review && c.value !== 'judicial_process_only');
  if (otherPath) return cands;
  return cands.map((c) => (c.review === CONDITIONAL_JUDICIAL ? { ...c, review: undefined } : c));
}

/** Whether the disclosure names data as its object: in its clause, the clause of the ground, the sentence or the list intro. */
function aboutData(ctx: FactContext, s: Sentence, c: Clause, dc: Clause, intro: Clause[]): boolean {
  return has(c, 'object') || has(dc, 'object') || ctx.clauses(s).some((x) => has(x, 'object')) || intro.some((x) => has(x, 'object'));
}

/** Whether the vendor discloses (or the clause is impersonal), not the customer. */
function vendorActs(c: Clause, h: Hit | undefined, othersKnown: () => boolean): boolean {
  if (!h) {
    const first = c.hits.find((x) => x.cat === 'actor');
    return !first || first.kind !== 'customer' || c.tokens[first.t0].lower === 'your';
  }
  const s = subjectOf(c, h);
  if (!s) return !(namedOther(c, h) && othersKnown()) && !otherAgent(c, h);
  // Providers barred from disclosing except to comply with the law ("Service Providers are not authorized to use or
  // disclose your information except …") is a limit on them, not the vendor's posture towards authorities.
  if (s.kind === 'provider' && negated(c, h)) return false;
  if (s.kind === 'vendor' || s.kind === 'provider' || s.kind === 'affiliate') return true;
  return s.kind !== 'customer' && passive(c, h);
}

// What may stand between "by" and a user agent: determiners and capitalised names ("by DeviantArt users").
const AGENT_QUALIFIERS = /^\s+by\s+(?:(?:the|its|our|other|registered|[\p{Lu}][\p{L}\p{N}'-]*)\s+){0,2}$/u;

/** An act in the passive whose agent is not the vendor: "the proof given by the report's author". */
function otherAgent(c: Clause, h: Hit): boolean {
  // A participle with its agent, with or without "is" ("the proof given by …", "information is provided by …").
  if (!/(?:ed|en|wn|ld|nt|pt|de)$/i.test(c.tokens[h.t1 - 1].lower) || !/^\s+by\s/i.test(c.view.slice(h.end, h.end + 4))) return false;
  // "the content made available by DeviantArt users": the users are the agent, whatever name qualifies them.
  // Only a name or determiner between "by" and them: "disclosed by us to you" has the vendor as agent, the user receives.
  if (c.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 > h.t1 && x.t0 - h.t1 <= 3 && AGENT_QUALIFIERS.test(c.view.slice(h.end, x.start)))) return true;
  // "required to be provided by administrative, judicial, or other government authorities": an authority's demand.
  return !c.hits.some((x) => x.cat === 'actor' && x.t0 > h.t1 && x.t0 - h.t1 <= 7 && (x.kind === 'vendor' || x.kind === 'authority'));
}

/** The clauses of the sentence just before `s` in its paragraph (none across a heading or paragraph). */
function previousClauses(ctx: FactContext, s: Sentence): Clause[] {
  const p = ctx.sentences[s.index - 1];
  return p && p.paragraph === s.paragraph && !p.isHeading ? ctx.clauses(p) : [];
}

/** Whether one of the two sentences before `s`, in its paragraph, discloses on a legal ground (an instrument or an authority). */
function legalDisclosureBefore(ctx: FactContext, s: Sentence): boolean {
  for (let i = s.index - 1; i >= 0 && s.index - i <= 2; i--) {
    const p = ctx.sentences[i];
    if (p.paragraph !== s.paragraph || p.isHeading) return false;
    for (const c of ctx.clauses(p)) {
      const grounds = hitsOf(c, 'instrument').length > 0 || hitsOf(c, 'actor', 'authority').length > 0;
      if (grounds && hitsOf(c, 'action', 'disclose').some((h) => verbal(c, h) && !negated(c, h))) return true;
    }
  }
  return false;
}

/** Whether the document speaks as "we": at least ten "we" in its first 100,000 characters. */
function firstPerson(text: string): boolean {
  let n = 0;
  for (const _ of text.slice(0, 100_000).matchAll(/\b[Ww]e\b/g)) if (++n >= 10) return true;
  return false;
}

/** Whether a capitalised name that is no vocabulary word is the subject of the action ("USPS does not disclose …"). */
function namedOther(c: Clause, h: Hit): boolean {
  if (passive(c, h)) return false;
  const m = NAMED_SUBJECT.exec(c.view.slice(0, h.start));
  if (!m) return false;
  const end = m.index + m[0].indexOf(m[1]) + m[1].trimEnd().length;
  // Words of the vocabulary ("Personal Data", "Law enforcement") are not another company's name.
  return !c.hits.some((x) => x.start < end && x.cat !== 'negation' && x.cat !== 'modal');
}

/**
 * Whether a notice goes to the customer or user: a customer actor right after the notice verb ("notify Customer",
 * "inform you", "promptly notify the Client") or right before a notice noun ("send Practice prompt written notice",
 * "give you notice").
 */
function noticeToCustomer(c: Clause, n: Hit): boolean {
  for (const x of c.hits) {
    if (x.cat !== 'actor' || x.kind !== 'customer') continue;
    if (x.t0 >= n.t1 && x.t0 - n.t1 <= 3) return true;
    if (x.t1 <= n.t0 && n.t0 - x.t1 <= 4 && /\b(?:give|gives|giving|send|sends|provide|provides|deliver|delivers|furnish)\b/i.test(c.view.slice(Math.max(0, x.start - 30), x.start))) return true;
  }
  return false;
}
