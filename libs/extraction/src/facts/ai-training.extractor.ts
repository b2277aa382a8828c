import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, negatedBefore, neighbour, operative } from './fact-context.js';
import { bothCases } from '../clauses/both-cases.js';
import { leadNegated } from '../clauses/list-lead.js';
import type { Fact } from '@custody/domain';
import type { Sentence } from '../text/sentences.js';
import { CUSTOMER_DATA, POINTER, PUBLIC_SOURCES, restrictsOthers, VENDOR_MATERIALS } from '../clauses/actor-readings.js';
import { othersAct } from '../clauses/doer.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'ai_training_on_customer_data'>['value'];

// "improve our speech recognition and captioning models": up to four words between the verb and the model; "develop, and
// improve Google and Alphabet research, products, services and machine learning technologies": machine learning as the last
// of a list of what is improved reaches six words.
const IMPROVE_MODELS = String.raw`(?:improve|refine|enhance) (?:our |its |the |their )?(?:(?:[\w-]+,? (?:and |or |& )?){0,4}?(?:ai|artificial intelligence|machine learning|models?|algorithms?)|(?:[\w-]+,? (?:and |or |& )?){0,6}?(?:machine learning|artificial intelligence) (?:technolog(?:y|ies)|models?|systems?))`;
// "using anonymized data for machine learning purposes": data the vendor uses, with machine learning named as the purpose.
// Not "the acceptable use of their Content, including for Artificial Intelligence Purposes" (a noun "use", others' use).
const ML_PURPOSE = String.raw`(?:use|uses|used|using|process|processes|processed|processing)\s+(?:[\w-]+\s+){0,4}?(?:for|in) machine learning purposes`;
const ML_PURPOSE_AT = new RegExp(`^${ML_PURPOSE}`, 'i');
// Whose use it is: a noun ("the use of personal data for machine learning purposes") is no one's act, and a clause that
// opens with the customer, the user or another company ("Customer may use the Services to process Customer Data for
// machine learning purposes", "If you use our API for …") states their use, not the vendor's.
const NOUN_BEFORE = /\b(?:the|a|an|any|such|this|that|their|its|your|our|of)\s+$/i;
const OTHERS_OPEN = /^\W*(?:(?:if|when|where|whenever|once)\s+)?(?:(?:the|a|any|our|its|their)\s+)?(?:you|customers?|users?|members?|licensees?|developers?|advertisers?|publishers?|partners?|third[- ]part(?:y|ies)|(?:service\s+)?providers?|vendors?|clients?)\b/i;
function othersMlPurpose(v: string, m: RegExpExecArray): boolean {
  if (!ML_PURPOSE_AT.test(m[0])) return false;
  if (/^\w+\s+of\b/i.test(m[0]) || NOUN_BEFORE.test(v.slice(Math.max(0, m.index - 12), m.index))) return true;
  const before = v.slice(0, m.index);
  // From the last clause break: "If you opt in, we will use your data for …" is the vendor's use.
  return OTHERS_OPEN.test(before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(',')) + 1));
}
const PREFILTER = /\b(?:train|re-?train|fine-?tun|improve|refine|enhance|machine learning purposes)|\bmodel (?:development|building)\b|\bdevelop (?:new |our |its )?(?:ai|artificial intelligence|machine learning) models?|\b(?:create|build|develop)\w*\b[^.;]{0,40}\bmodels?\b/i;
// Making models out of the data ("use … content … to create systems and models that detect …"): models built from
// the user's content or information, not business, pricing or data models.
const BUILD_MODELS = /\b(?:create|creating|build|building|develop|developing)\s+(?:new\s+|our\s+|its\s+)?(?:[\w-]+\s+(?:and\s+|or\s+)?){0,3}?models?\b/i;
const NOT_ML_MODEL = /\b(?:business|pricing|revenue|operating|subscription|delivery|service|data|threat|financial|economic|care|3d|role) models?\b/i;
const FROM_CONTENT = /\b(?:content|data|information|posts?|messages?|inputs?|recordings?|transcripts?|conversations?)\b/i;
// Feedback and suggestions about the service (README precedent: Y Combinator), not the records.
// The user's feedback as a noun phrase ("your feedback", "any suggestions"), not a product ("reply-suggestion models").
const FEEDBACK = /\b(?:your|any|such|the|user|customer)\s+(?:feedback|suggestions|ideas for improvement|enhancement requests)(?![\w-])/i;
const FEEDBACK_G = new RegExp(FEEDBACK.source, 'gi');
const MODEL = /\b(?:models?|artificial intelligence|ai|machine[- ]learning|ml|llms?|large language|algorithms?|neural|generative)\b/i;
// "for process improvement and model development purposes": developing models, named as a purpose of the data.
const TRAIN = new RegExp(String.raw`\b(?:(?<!(?:business|pricing|revenue|operating|subscription|delivery|service|data|threat|financial|economic|care|3d|role) )model (?:development|building)|train(?:s|ed|ing)?|re-?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|${IMPROVE_MODELS}|${ML_PURPOSE}|develop (?:new |our |its )?(?:ai|artificial intelligence|machine learning) models?)\b`, 'i');
// Staff or user "training" is not model training.
const NOT_MODEL_TRAINING = /\b(?:(?:staff|employee|personnel|agent|workforce|team) training\b|training (?:of |for )?(?:its |our )?(?:staff|personnel|employees|workforce)|(?:security|privacy|hipaa|compliance) (?:awareness )?training\b|train(?:ed|s|ing)? (?:its |our )?(?:staff|personnel|employees|workforce|members))/i;
const OPT_IN = /\bopt(?:s|ed)?[- ]in\b|\bunless (?:and until )?(?:the )?(?:customer|you|covered entity|client|practice|user)s?\b[^.;]{0,40}\b(?:opts? in|consents?|agrees?|enables?|authori[sz]es?|elects?|chooses?|turns? on)|\b(?:with|upon|after|absent)\b[^.;]{0,30}\b(?:prior|express|explicit|affirmative|written|separate|opt-in)\b[^.;]{0,30}\b(?:consent|authori[sz]ation|permission|approval|agreement)\b|\bonly (?:if|when|where) (?:the )?(?:customer|you|user|client)s? (?:expressly |affirmatively )?(?:choose|chooses|enables?|turns? on|opts?|elects?|consents?|agrees?)|\bif (?:the )?(?:customer|you) (?:choose|chooses|elect|elects|enable|enables|turn on|turns on) /i;
// A refusal with consent as its exception ("we will not use your inputs to train models without your prior consent"):
// not used unless the user consents, opt_in (README), not a plain refusal. Only after a refusal: "may train … without
// your consent" is a use.
// The one who consents may be named by a possessive noun ("without that Artist's express permission", "without each
// Member's consent"), not only by "your" or "the user's".
const WITHOUT_CONSENT = /\bwithout\s+(?:(?:your|their|the user's|the customer's|customer's|users'|the)\s+)?(?:[\w-]+(?:['’]s|s['’])?\s+(?:or\s+|and\s+)?){0,3}?(?:consent|permission|authori[sz]ation|instructions?|opt-in|approval)\b/i;
// The consent must except the training itself, not another act joined after it ("we do not train on your data, nor do we
// share it without your consent", "…; we will not disclose it without your consent"): no clause break, and no "and/or"
// bringing in a subject or another verb of handling data, between the training and "without" (a second training verb,
// "to train or improve our models without your consent", stays).
const ANOTHER_ACT = /;|\b(?:and|or|nor|but)\s+(?:(?:do|does|will|would|shall|can|may|never|not|also|then)\s+){0,3}(?:we|it|they|i|(?:shar|disclos|sell|sold|rent|leas|trad|transfer|send|sent|giv|provid|mak|access|read|view|review|listen|process|stor|retain|keep|kept|publish|releas|reveal|distribut|licen[cs]|monetiz|monetis|combin|analy[sz])\w*|us(?:e|es|ed|ing))\b/i;
const consentExcepts = (v: string, end: number): boolean => {
  const w = WITHOUT_CONSENT.exec(v.slice(end));
  return w !== null && !ANOTHER_ACT.test(v.slice(end, end + w.index));
};
const OPT_OUT = /\b(?:opt(?:s|ed)?[- ]out\b|(?:you|customers?|administrators?|admins?|users?|clinicians?|practices?)\b[^.;]{0,30}\b(?:may|can|are able to)\b[^.;]{0,20}\b(?:disable|turn off|switch off|decline|withdraw|object)\b|enabled by default\b|unless (?:the )?(?:customer|covered entity|practice|client|controller|you|user|administrator)s? (?:disables?|turns? off|opts? out|objects?|switch(?:es)? off))/i;

/**
 * `ai_training_on_customer_data`: whether the vendor may train models on customer data. A clause that
 * trains "unless you opt in" / "only with consent" is opt_in, "you may opt out / turn off" is opt_out,
 * a negated training clause with no condition is prohibited, an unconditioned one allowed.
 * When clauses disagree the most permissive stated control wins: opt_out, opt_in, allowed, prohibited.
 */
export function extractAiTraining(ctx: FactContext): Fact<'ai_training_on_customer_data'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const built = BUILD_MODELS.exec(v);
    const m = TRAIN.exec(v) ?? (built && !NOT_ML_MODEL.test(built[0]) && FROM_CONTENT.test(v) ? built : null);
    if (!m || !MODEL.test(v) || NOT_MODEL_TRAINING.test(v) || othersMlPurpose(v, m)) continue;
    // A rule for the user or third parties ("You may not use our Content to train …", an item under "You agree
    // not to:"), or the vendor's own materials as the object: not the vendor training on customer data.
    if (restrictsOthers(ctx.sentences, s) || ((VENDOR_MATERIALS.test(v) || PUBLIC_SOURCES.test(v)) && !CUSTOMER_DATA.test(v)) || POINTER.test(v)) continue;
    // Another party training for itself ("Advertisers may use your data to train their models", "Our partners may use
    // the information to improve their machine learning models"): not the vendor's training. Training the vendor lets
    // them do or shares the data for ("We allow advertisers to …", "We share it with partners who …") stays: the vendor
    // giving customer data to train others' models is the fact (README precedent: Substack, "does not permit us to use
    // your content to train third-party AI models" is prohibited).
    if (othersAct(ctx.clauses(s), s, m.index)) continue;
    const ev = evidenceAt(ctx, s, m.index, m.index + m[0].length);
    // "improve our products, algorithms, and services": algorithms alone are no AI/ML/model wording (README); kept for
    // review. Not when a model, AI or machine learning is named beside them.
    if (!/\b(?:train|re-?train|fine-?tun)/i.test(m[0]) && !MODEL.test(v.replace(/\balgorithms?\b/gi, ''))) {
      cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'algorithms improved, with no AI, machine-learning or model wording' });
      continue;
    }
    // "may use your feedback to improve its AI models": feedback about the service is not the customer's records.
    if (/\buse\s+(?:your|any|such|the|user|customer)\s+(?:feedback|suggestions)\s+(?:to|for|in)\b/i.test(v) && !CUSTOMER_DATA.test(v) && !FROM_CONTENT.test(v.replace(FEEDBACK_G, ''))) {
      cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'feedback about the service used for models, not the customer\'s records' });
      continue;
    }
    const next = neighbour(ctx, s, 1)?.view ?? '';
    // A control refused in the next sentence ("You cannot opt out of this use") is no control.
    if (!OPT_IN.test(v) && !OPT_OUT.test(v) && OPT_OUT.test(next) && !CONTROL_NOT_GIVEN.test(next.slice(0, Math.max(0, next.search(/\bopt[- ]out/i)))) && /^(?:you|customers?|users?|administrators?|members?|clinicians?|practices?|patients?|subscribers?)\b[^.]{0,40}\bopt[- ]out|^to opt[- ]out/i.test(next)) {
      cands.push({ value: 'opt_out', evidence: ev, confidence: 0.75 });
    } else if (OPT_IN.test(v) || (consentExcepts(v, m.index + m[0].length) && negatedBefore(v, m.index, 100))) cands.push({ value: 'opt_in', evidence: ev, confidence: 0.85 });
    else if (OPT_OUT.test(v)) cands.push({ value: 'opt_out', evidence: ev, confidence: 0.85 });
    // "You decide whether or not we use your content to train our models": both cases at once (bothCases), neither a
    // use nor a refusal stated; kept for review.
    else if (bothCases(v, m.index)) cands.push({ value: 'allowed', evidence: ev, confidence: 0.4, review: 'training named in a "whether" part: both cases at once, neither stated nor refused' });
    // Refused in the sentence, or an item of a list whose lead-in refuses ("We do not:" then "- use it to train …").
    else if (negatedBefore(v, m.index, 100) || leadNegated(ctx.sentences, s)) cands.push({ value: 'prohibited', evidence: ev, confidence: 0.85 });
    else {
      // "If you don't want your Interactions used in this way, navigate to settings …" a few sentences on, in the same
      // paragraph: a control over the use just stated (README: use by default plus a user control is opt_out).
      const control = controlAfter(ctx, s);
      if (control) cands.push({ value: 'opt_out', evidence: ev, confidence: 0.8 }, { value: 'opt_out', evidence: control, confidence: 0.8 });
      else cands.push({ value: 'allowed', evidence: ev, confidence: 0.8 });
    }
  }
  // The training the document allows is subject to a control it gives elsewhere over the use of the data for AI ("If you
  // would like … to object to the use of your personal data in the context of AI, contact us"): use by default plus a
  // user control is opt_out (README). Only a control named for AI or models, not the general right to object.
  const allowed = cands.find((c) => c.value === 'allowed' && !c.review);
  if (allowed) {
    for (const s of operative(ctx, CONTROL_WORDS)) {
      const m = AI_CONTROL.exec(s.view);
      if (m && !CONTROL_NOT_GIVEN.test(m[0]) && !AI_FEATURES.test(s.view.slice(m.index + m[0].length - 30, m.index + m[0].length + 40))) {
        // Both quotes: the use allowed and the control over it.
        cands.push({ value: 'opt_out', evidence: allowed.evidence, confidence: 0.75 }, { value: 'opt_out', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.75 });
        break;
      }
    }
  }
  return decide('ai_training_on_customer_data', demoteGovernedRuns(ctx, cands), ['opt_out', 'opt_in', 'allowed', 'prohibited']);
}
// The words of a control over the use (object, opt out): one pattern for the process, not one per document, so the
// keyword gate (text/keyword-gate.ts) gives it one bit (a literal here took a new bit per call until none were left).
const CONTROL_WORDS = /\b(?:object|opt)/i;

// The user objecting to, or opting out of, the use of their data for AI or models.
const AI_CONTROL = /\b(?:you|users?)\b[^.;]{0,100}?\b(?:object|opt[- ]out)\s+(?:to|of|from)\s+(?:the\s+)?(?:use|processing)\s+of\s+(?:your\s+)?(?:personal\s+)?(?:data|information|content)\b[^.;]{0,40}?\b(?:ai|artificial intelligence|machine learning|models?)\b/i;
// The control refused ("you cannot opt out of the use of your content for our AI models"), or given by someone else
// ("Publishers may let you object to the use of your data by their own AI models"): no control over the vendor's use.
const CONTROL_NOT_GIVEN = /\b(?:(?:cannot|can['’]t|can ?not|may not|not (?:be )?able|won['’]t be able|unable|no (?:right|option|way|setting|means|ability)|not possible|not (?:entitled|permitted|allowed))\b|let\s+(?:you|users?)\b|by (?:their|its|third[- ]part(?:y|ies)'?s?)\b)/i;
// AI features the user turns off ("opt out of the use of your data in AI-powered features", "… by AI features such as
// smart compose"): using a feature is not the vendor training on the data.
const AI_FEATURES = /\b(?:ai|artificial intelligence|machine learning)(?:[- ](?:powered|based|enabled|driven|assisted))?\s+(?:features?|tools?|functionalit(?:y|ies)|assistants?|products?|chat\w*|capabilities|suggestions|summar\w*)\b/i;

// A control that points back at the use just described: the user not wanting the data "used in this way" or "for these
// purposes", or opting out of / turning off "this use". Not a control over something else (a feature, marketing).
const CONTROL_BACK = /\b(?:if|should) you (?:don['’]?t|do not|no longer) (?:want|wish)\b[^.;]{0,60}?\b(?:used|processed)\s+(?:in this way|in this manner|like this|for (?:this|these|such) purposes?)\b|\b(?:opt[- ]out of|object to|turn off|disable)\s+(?:this|such)\s+(?:use|processing)\b/i;
// Another use of data stated between the training and the control ("We also use your contact details to send you
// newsletters", "We share your email address with advertisers"): "used in this way" may then point at that use, and a
// control the text does not clearly give over the training is not credited (README: the conservative value).
const ANOTHER_USE = /\b(?:use|uses|used|using|process|processes|processed)\b[^.;]{0,60}?\b(?:to|for)\s+\w|\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|sell|sells|sold)\b/i;
function controlAfter(ctx: FactContext, s: Sentence) {
  for (let k = 1, n = neighbour(ctx, s, 1); n && k <= 3; k++, n = neighbour(ctx, n, 1)) {
    const m = CONTROL_BACK.exec(n.view);
    if (m) return CONTROL_NOT_GIVEN.test(n.view) ? undefined : evidenceAt(ctx, n, m.index, m.index + m[0].length);
    if (ANOTHER_USE.test(n.view) && !TRAIN.test(n.view)) return undefined;
  }
  return undefined;
}
