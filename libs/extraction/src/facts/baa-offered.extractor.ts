import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, neighbour, operative } from './fact-context.js';
import { firstRefusal, type RefusableAct } from '../clauses/refusal.js';

type V = Fact<'baa_offered'>['value'];

const PREFILTER = /business associate|\bbaas?\b|\bphi\b|health|medical|hipaa/i;
// Health data in the README's sense (not "sensitive data" in general).
const HEALTH = /\b(?:protected health information|phi|ephi|health(?:care)? (?:information|data|records?|conditions?)|medical (?:information|data|records?|conditions?)|patient (?:data|information|records)|(?:relating|related|pertaining|concerning|regarding) to (?:your |their |a person's )?health|concerning (?:your |their )?health)\b|\b(?:special|sensitive)\b[^.;]{0,60}?\b(?:information|data)\s+(?:concerning|relating to|regarding|revealing)\s+[^.;]{0,160}?,\s+health,/i;
// (The last: health as an item of a list of special categories, "special categories of data (information concerning
// racial or ethnic origin, …, health, sex life …)". Only such a list: "information concerning your name, address, health,
// and insurance" lists what the vendor collects, which a later "such information" rule does not refuse.)
// The customer told not to put it in the service (or not to use the service to hold it: "you will not use any component
// … of iCloud to create, receive, maintain or transmit any protected health information"; "will not use the Platform to
// solicit or collect … health information": gathering it through the service is holding it there), or the service declared not
// meant for it: "Customer shall not upload PHI", "we expressly request that you not provide … health information", "not intended for storing PHI",
// "policies strictly prohibiting advertisers and publishers to share with us … data (e.g., relating to health …)", "it
// will be a violation of this Privacy Policy to provide us with any sensitive personal information, such as health data".
const DUTY_NOT_TO_SUBMIT = /\b(?:you|customers?|users?|clients?|licensees?|subscribers?)\s+(?:must|may|shall|should|will|agrees? to|are not to)\s+(?:not|never)\b[^.;]{0,60}?\b(?:provide|submit|upload|include|send|store|transmit|post|enter|disclose|share|input|process)\w*\b|\b(?:you|customers?|users?|clients?|licensees?|subscribers?)\s+(?:must|may|shall|should|will|agrees? to|are not to)\s+(?:not|never)\s+use\b[^.;]{0,80}?\bto\s+(?:(?:create|receive|maintain|collect|solicit|gather|upload|submit|store|transmit|process|send)\w*,?\s+(?:or\s+|and\s+)?){1,4}|\b(?:request|ask|require|instruct|recommend|advise|urge)s?\s+(?:that\s+)?(?:you|customers?|users?)\s+(?:do\s+)?(?:not|never|to not|refrain)\b[^.;]{0,60}?\b(?:provide|submit|upload|include|send|store|transmit|post|enter|disclose|share|input|add)\w*\b|\bprohibit(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:you|customers?|users?|clients?|advertisers?|publishers?|partners?|developers?)\s+(?:from|to)\s+(?:\w+\s+){0,2}?(?:provid|submit|upload|send|shar|transmit|disclos|pass|input)\w*\b|\b(?:is|will be|would be|shall be|constitutes?) a (?:violation|breach) of (?:this|these|our) (?:[\w-]+\s+){0,3}?to (?:provide|submit|upload|send|share|post|disclose|transmit|include)\w*\b|\bnot (?:intended|designed|built|meant|suitable|permitted) (?:for|to)\b[^.;]{0,40}?\b(?:store|storage|storing|process|processing|host|hosting|handle|handling|transmit|transmitting|use with|receive|receiving|collect|collecting)\b|(?:^\W*|\b(?:please|kindly|you\s+(?:should|must|shall)|users?\s+(?:should|must))\s+)(?:avoid|refrain from)\s+(?:provid|submit|upload|send|shar|post|disclos|transmit|input|enter)\w*|\b(?:do not|don't|never|will not|shall not)\s+(?:allow|permit)\s+(?:(?:the|our|any)\s+)?[\w/-]*?(?:you|customers?|users?|clients?|advertisers?|publishers?|partners?|developers?)\s+to\s+(?:\w+\s+){0,2}?(?:provid|submit|upload|send|shar|transmit|disclos|pass|input)\w*/i;
// (The last two: the user asked to avoid giving it, "Kindly avoid providing us with such data"; partners not allowed to
// pass it, "we do not allow the Publishers/Advertisers to pass such information to us".)
// The imperative addressed to the reader at the sentence's opening ("Do not upload PHI to the Service") is the user's duty
// as "you must not" is. Sharing or disclosing only with the vendor or on the service ("Please do not share any health
// information with us"): "Never share your health information with anyone", "Do Not Sell or Share My Health Data" or
// "Do not disclose PHI except as permitted by this Agreement" are advice, the person's own request or a duty of the
// vendor's side, not health data kept out of the service.
const TO_SERVICE = String.raw`(?=[^.;]{0,60}?\b(?:(?:with|to)\s+us|(?:on|through|via|in|into|to|using)\s+(?:the|our|this)\s+(?:services?|platform|apps?|application|site|website)\b))`;
const IMPERATIVE = String.raw`(?:^\W*|\b(?:please|kindly)\s+)(?:do not|don't|never)\s+(?:[\w-]+\s+){0,2}?(?:(?:provide|submit|upload|include|send|store|transmit|post|enter|input)\w*\b|(?:share|disclos)\w*\b${TO_SERVICE})`;
const NO_HEALTH_DATA = new RegExp(`${DUTY_NOT_TO_SUBMIT.source}|${IMPERATIVE}`, 'i');
const BAA = /\b(?:business associate (?:agreements?|addend(?:um|a)|contracts?|amendments?|terms)|baas?)\b/i;
const OFFER = /\b(?:will|shall|can|may|does|do|agrees? to|is available|are available|offers?|provides?|makes? available|enter(?:s|ed)? into|sign(?:s|ed)?|execute[sd]?)\b/i;
// What a refusal refuses (the shared negation reader decides whether it is refused, clauses/refusal.ts): signing or
// offering a BAA ("We do not sign Business Associate Agreements"), being a business associate or HIPAA compliant.
const REFUSABLE: RefusableAct[] = [
  { act: /\b(?:sign|execute|enter into|offer|provide|agree to|available)\b[^.;]{0,40}\b(?:business associate|baas?\b)/i, window: 50 },
  { act: /\b(?:a business associate|hipaa[- ]compliant)\b/i, window: 25 },
  // The agreement as the subject of "available": "No Business Associate Agreement is available", "BAAs are not available
  // for this plan". The negation before "available" (the "No" of the subject or a "not") refuses it.
  { act: /\bavailable\b/i, after: /\b(?:business associate (?:agreements?|addend(?:um|a)|contracts?)|baas?)\b[^.;]{0,40}/i, window: 70 },
];

// A prohibition lifted by a BAA: "until you have signed our Business Associate Agreement", "unless … a BAA".
const UNTIL_BAA = /\b(?:until|unless|without|before|except)\b[^.;]{0,80}\b(?:business associate (?:agreements?|addend(?:um|a)|contracts?)|baas?)\b/i;
// Places where what is posted is seen by others: advice about them is about publicity, not the service's fitness for PHI.
const PUBLIC_PLACE = /\bpublic(?:ly)?\b|\bforums?\b|\bprofiles?\b|\breviews?\b|\bcomments?\b|\bposts\b|\bmessage boards?\b|\bchat ?rooms?\b|\bcommunity\b|\bsocial media\b/i;
// Likewise who else receives it or the channel it goes by ("avoid sharing such data with other members", "do not send such
// information by email"): advice about other people or an insecure channel, not the service refusing health data.
const OTHER_WAY = /\bwith (?:other|fellow|any other) (?:users?|members?|customers?|participants?|people|players?)\b|\b(?:by|via|over|through|in an?) (?:unencrypted |regular |plain )?(?:e-?mails?|text messages?|sms|phone|chat)\b/i;
// A refusal limited to a plan, edition or kind of account ("No BAA is available on the free plan"), and after it a BAA
// offered in the same sentence ("…; contact sales for an Enterprise BAA"): the vendor does sign BAAs, on another plan.
const PLAN_SCOPE = /^[^.;]{0,40}?\b(?:on|for|in|under|with)\s+(?:the\s+|our\s+|an?\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:plans?|tiers?|editions?|versions?|accounts?|subscriptions?|packages?)\b/i;
// The offer: "contact sales for an Enterprise BAA", "it is available for Business accounts", "but are available on …",
// "… can sign a BAA". Not another thing available ("; support is available by email").
const OFFERED_ELSEWHERE = /\b(?:(?:contact|ask|reach out to)\b[^.;]{0,60}\b(?:business associate (?:agreements?|addend(?:um|a))|baas?)\b|(?:business associate (?:agreements?|addend(?:um|a))|baas?|it|they|one|but|and)\s+(?:is|are)\s+(?:also\s+|only\s+)?(?:available|offered)\b|(?:can|will|may)\s+(?:sign|execute|enter into|offer)\b[^.;]{0,40}\b(?:business associate|baas?\b))/i;
// Where the prohibited act's object ends: a ';', a new coordinated clause (", and we treat …", ", but …") or the sentence's end.
const OBJECT_END = /;|,\s*(?:and|but|while|whereas|although)\b|\.(?:\s|$)/;
// Health data of one group of people only ("to collect health information from children"): a narrower rule than submitted
// data that must not include health data (README), so no refusal of it.
// The group must qualify the health data itself: not an example after it ("…, including data about children") nor one
// group beside others ("about children or adults"), which keep the whole prohibition.
const ONE_GROUP = /\b(?:from|of|about|regarding)\s+(?:any\s+)?(?:children|minors|kids|persons? under|individuals under|users under)\b(?!\s+(?:or|and)\b)/i;
const EXAMPLE_AFTER = /,|\b(?:including|such as|e\.g\.)/i;

/**
 * Whether the prohibition `h` forbids health data: health wording before it or in its object ("must not upload
 * health information"), not in a clause joined after it ("You will not use the Service to transmit malware, and we treat
 * any health information as confidential"), and not health data of one group of people only.
 */
function healthRefused(v: string, h: RegExpExecArray): boolean {
  const from = h.index + h[0].length;
  const end = OBJECT_END.exec(v.slice(from));
  const object = v.slice(from, end ? from + end.index : v.length);
  const cut = EXAMPLE_AFTER.exec(object);
  return HEALTH.test(v.slice(0, from) + object) && !ONE_GROUP.test(cut ? object.slice(0, cut.index) : object);
}
const otherWay = (t: string) => PUBLIC_PLACE.test(t) || OTHER_WAY.test(t);
// The customer's prohibition with the BAA as its exception: "Customer will not … unless Customer has …".
const CONDITION_OF_CUSTOMER = /\b(?:customers?|you|users?|licensees?)\s+(?:will|shall|must|may)\s+not\b[^.;]*\b(?:unless|except)\b/i;

// The document (or a part of it) declaring itself the BAA: "This Addendum constitutes the business
// associate agreement required by …", "These terms serve as a BAA".
const IS_BAA = /\b(?:this|these|the (?:attached|following))\s+(?:[\w-]+\s+){0,3}?(?:constitutes?|serves? as|shall (?:constitute|serve as|be deemed|be treated as)|(?:is|are) intended to (?:constitute|serve as|be)|(?:is|are) deemed)\s+(?:a |an |the |your |our )?(?:[\w-]+\s+){0,2}?(?:business associate (?:agreement|addendum|contract)|baa)\b/i;

/**
 * `baa_offered`: yes when the document is itself a BAA (kind `baa`) or the vendor says it signs or offers
 * one; no when it refuses to sign one, disclaims being a business associate / HIPAA compliant, or says submitted
 * data must not include health data (README; "no sensitive data" without health wording stays unspecified).
 */
export function extractBaaOffered(ctx: FactContext): Fact<'baa_offered'> {
  const cands: Candidate<V>[] = [];
  // Yes readings from a BAA named only as the condition of the customer's prohibition, and whether the document refuses one.
  const conditional = new Set<Candidate<V>>();
  let refuses = false;
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    let r = firstRefusal(v, REFUSABLE, { sentences: ctx.sentences, s });
    // A negation ending before a colon is the preamble's ("Not every plan qualifies: BAAs are available on …").
    if (r && !r.byLead && v.slice(r.index, r.act.index).includes(':')) r = null;
    if (r) {
      const after = v.slice(r.act.index + r.act[0].length);
      const scope = PLAN_SCOPE.exec(after);
      const elsewhere = scope ? OFFERED_ELSEWHERE.exec(after.slice(scope[0].length)) : null;
      if (scope && elsewhere) {
        const at = v.length - after.length + scope[0].length + elsewhere.index;
        cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, at, at + elsewhere[0].length), confidence: 0.8 });
        continue;
      }
      refuses = true;
      cands.push({ value: 'no', evidence: evidenceAt(ctx, s, r.index, r.act.index + r.act[0].length), confidence: 0.8 });
      continue;
    }
    const h = NO_HEALTH_DATA.exec(v);
    // "Do not upload PHI until you have signed our BAA" makes the BAA the condition (an offer, read below), and "do
    // not post such information in public forums" is advice about what others can see, not a refusal of a BAA.
    const conditioned = h !== null && UNTIL_BAA.test(v.slice(h.index));
    if (h && healthRefused(v, h) && !conditioned && !otherWay(v.slice(h.index, h.index + h[0].length + 80))) {
      cands.push({ value: 'no', evidence: evidenceAt(ctx, s, h.index, h.index + h[0].length), confidence: 0.75 });
      continue;
    }
    // A definition of sensitive data that names health data, then "We recommend you do not add such information".
    const next = HEALTH.test(v) ? neighbour(ctx, s, 1) : undefined;
    const hn = next && /\bsuch (?:[\w-]+\s+){0,2}(?:information|data)\b/i.test(next.view) ? NO_HEALTH_DATA.exec(next.view) : null;
    if (next && hn && !otherWay(next.view.slice(hn.index, hn.index + hn[0].length + 80)) && !UNTIL_BAA.test(next.view.slice(hn.index))) {
      cands.push({ value: 'no', evidence: evidenceAt(ctx, next, hn.index, hn.index + hn[0].length), confidence: 0.7 });
      continue;
    }
    const d = IS_BAA.exec(v);
    if (d) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, d.index, d.index + d[0].length), confidence: 0.9 });
      continue;
    }
    const b = BAA.exec(v);
    // The offer word must be in the BAA's own clause: "… a business associate agreement … controls over this Supplement;
    // and (ii) … the more specific terms will always prevail" names a BAA in an order of precedence, and the "will" of
    // the next clause offers nothing.
    const own = b ? ctx.clauses(s).find((c) => c.start - s.start <= b.index && c.end - s.start > b.index) : undefined;
    if (b && OFFER.test(own ? own.view : v)) {
      const c: Candidate<V> = { value: 'yes', evidence: evidenceAt(ctx, s, b.index, b.index + b[0].length), confidence: 0.85 };
      if (CONDITION_OF_CUSTOMER.test(v.slice(0, b.index))) conditional.add(c);
      cands.push(c);
    }
  }
  // "Customer will not transmit PHI unless … an executed HIPAA Business Associate Agreement" names a BAA as a condition,
  // which an explicit refusal elsewhere ("Customer will not be able to execute a HIPAA BAA") outweighs.
  if (refuses) for (const [i, c] of cands.entries()) if (conditional.has(c)) cands[i] = { ...c, confidence: 0.5, review: 'a BAA named only as the condition of the customer\'s prohibition, and refused elsewhere' };
  if (ctx.kind === 'baa') {
    const first = ctx.sentences.find((s) => /business associate/i.test(s.view)) ?? ctx.sentences[0];
    if (first) cands.unshift({ value: 'yes', evidence: evidenceAt(ctx, first), confidence: 0.95 });
  }
  return decide('baa_offered', cands, ['yes', 'no']);
}
