import { agentOf } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, negatedBefore, neighbour, operative } from './fact-context.js';
import type { Fact } from '@custody/domain';
import { CUSTOMER_DATA, POINTER, PUBLIC_SOURCES, restrictsOthers, VENDOR_MATERIALS } from '../clauses/actor-readings.js';

type V = Fact<'ai_training_on_customer_data'>['value'];

// "improve our speech recognition and captioning models": up to four words between the verb and the model.
const IMPROVE_MODELS = String.raw`(?:improve|refine|enhance) (?:our |its |the |their )?(?:[\w-]+,? (?:and |or |& )?){0,4}?(?:ai|artificial intelligence|machine learning|models?|algorithms?)`;
const PREFILTER = /\b(?:train|re-?train|fine-?tun|improve|refine|enhance)|\bmodel (?:development|building)\b|\bdevelop (?:new |our |its )?(?:ai|artificial intelligence|machine learning) models?|\b(?:create|build|develop)\w*\b[^.;]{0,40}\bmodels?\b/i;
// Making models out of the data ("use … content … to create systems and models that detect …"): models built from
// the user's content or information, not business, pricing or data models.
const BUILD_MODELS = /\b(?:create|creating|build|building|develop|developing)\s+(?:new\s+|our\s+|its\s+)?(?:[\w-]+\s+(?:and\s+|or\s+)?){0,3}?models?\b/i;
const NOT_ML_MODEL = /\b(?:business|pricing|revenue|operating|subscription|delivery|service|data|threat|financial|economic|care|3d|role) models?\b/i;
const FROM_CONTENT = /\b(?:content|data|information|posts?|messages?|inputs?|recordings?|transcripts?|conversations?)\b/i;
const MODEL = /\b(?:models?|artificial intelligence|ai|machine[- ]learning|ml|llms?|large language|algorithms?|neural|generative)\b/i;
// "for process improvement and model development purposes": developing models, named as a purpose of the data.
const TRAIN = new RegExp(String.raw`\b(?:(?<!(?:business|pricing|revenue|operating|subscription|delivery|service|data|threat|financial|economic|care|3d|role) )model (?:development|building)|train(?:s|ed|ing)?|re-?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|${IMPROVE_MODELS}|develop (?:new |our |its )?(?:ai|artificial intelligence|machine learning) models?)\b`, 'i');
const TRAINS = new RegExp(TRAIN.source, 'gi');
// Staff or user "training" is not model training.
const NOT_MODEL_TRAINING = /\b(?:staff|employee|personnel|agent|workforce|team) training\b|\btraining (?:of |for )?(?:its |our )?(?:staff|personnel|employees|workforce)|\b(?:security|privacy|hipaa|compliance) (?:awareness )?training\b|\btrain(?:ed|s|ing)? (?:its |our )?(?:staff|personnel|employees|workforce|members)/i;
const OPT_IN = /\bopt(?:s|ed)?[- ]in\b|\bunless (?:and until )?(?:the )?(?:customer|you|covered entity|client|practice|user)s?\b[^.;]{0,40}\b(?:opts? in|consents?|agrees?|enables?|authori[sz]es?|elects?|chooses?|turns? on)|\b(?:with|upon|after|absent)\b[^.;]{0,30}\b(?:prior|express|explicit|affirmative|written|separate|opt-in)\b[^.;]{0,30}\b(?:consent|authori[sz]ation|permission|approval|agreement)\b|\bonly (?:if|when|where) (?:the )?(?:customer|you|user|client)s? (?:expressly |affirmatively )?(?:choose|chooses|enables?|turns? on|opts?|elects?|consents?|agrees?)|\bif (?:the )?(?:customer|you) (?:choose|chooses|elect|elects|enable|enables|turn on|turns on) /i;
const OPT_OUT = /\bopt(?:s|ed)?[- ]out\b|\b(?:you|customers?|administrators?|admins?|users?|clinicians?|practices?)\b[^.;]{0,30}\b(?:may|can|are able to)\b[^.;]{0,20}\b(?:disable|turn off|switch off|decline|withdraw|object)\b|\benabled by default\b|\bunless (?:the )?(?:customer|covered entity|practice|client|controller|you|user|administrator)s? (?:disables?|turns? off|opts? out|objects?|switch(?:es)? off)/i;

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
    // The first training the customer does not do itself ("Customers can fine-tune a model on their own data"): that
    // is the customer's act, not the vendor training on customer data.
    const trains = [...v.matchAll(TRAINS)];
    const m = trains.find((x) => !customerTrains(ctx, s, x.index, x.index + x[0].length)) ?? (trains.length === 0 && built && !NOT_ML_MODEL.test(built[0]) && FROM_CONTENT.test(v) ? built : null);
    if (!m || !MODEL.test(v) || NOT_MODEL_TRAINING.test(v)) continue;
    // A rule for the user or third parties ("You may not use our Content to train …", an item under "You agree
    // not to:"), or the vendor's own materials as the object: not the vendor training on customer data.
    if (restrictsOthers(ctx.sentences, s) || ((VENDOR_MATERIALS.test(v) || PUBLIC_SOURCES.test(v)) && !CUSTOMER_DATA.test(v)) || POINTER.test(v)) continue;
    const ev = evidenceAt(ctx, s, m.index, m.index + m[0].length);
    const next = neighbour(ctx, s, 1)?.view ?? '';
    if (!OPT_IN.test(v) && !OPT_OUT.test(v) && OPT_OUT.test(next) && /^(?:you|customers?|users?|administrators?|members?|clinicians?|practices?|patients?|subscribers?)\b[^.]{0,40}\bopt[- ]out|^to opt[- ]out/i.test(next)) {
      cands.push({ value: 'opt_out', evidence: ev, confidence: 0.75 });
    } else if (OPT_IN.test(v)) cands.push({ value: 'opt_in', evidence: ev, confidence: 0.85 });
    else if (OPT_OUT.test(v)) cands.push({ value: 'opt_out', evidence: ev, confidence: 0.85 });
    else if (negatedBefore(v, m.index, 100)) cands.push({ value: 'prohibited', evidence: ev, confidence: 0.85 });
    else cands.push({ value: 'allowed', evidence: ev, confidence: 0.8 });
  }
  return decide('ai_training_on_customer_data', cands, ['opt_out', 'opt_in', 'allowed', 'prohibited']);
}

// Between the customer and its training verb, words that hand the act to someone else: a complement clause ("You agree
// that your content may be used to train"), a passive ("are used to train"), a relative clause.
const HANDED_ON = /^(?:that|which|who|be|been|being|is|are|was|were|used|grant|grants|license|licenses|allow|allows|permit|permits|authori[sz]e|authori[sz]es|let|lets)$/;

/**
 * Whether the customer (you, the customer, users) is the one who trains at [start, end) of the sentence: the agent of the
 * training verb in its clause, with no vendor named before the verb and nothing between them that hands the act on.
 */
function customerTrains(ctx: FactContext, s: Sentence, start: number, end: number): boolean {
  const c = ctx.clauses(s).find((x) => x.start - s.start <= start && start < x.end - s.start);
  if (!c) return false;
  const off = c.start - s.start;
  const t0 = c.tokens.findIndex((t) => t.start >= start - off);
  if (t0 < 0) return false;
  let t1 = t0;
  while (t1 < c.tokens.length && c.tokens[t1].start < end - off) t1++;
  const h: Hit = { cat: 'action', kind: 'train', t0, t1, start: start - off, end: end - off };
  const agent = agentOf(c, h);
  if (!agent || agent.kind !== 'customer') return false;
  if (c.hits.some((x) => x.cat === 'actor' && x.kind === 'vendor' && x.t0 < t0)) return false;
  for (let t = agent.t1; t < t0; t++) if (HANDED_ON.test(c.tokens[t].lower)) return false;
  return true;
}
