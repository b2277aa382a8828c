import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { clauseSubject } from '../clauses/clause.js';
import { negationBefore } from '../clauses/negation.js';
import { refusal } from '../clauses/refusal.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { evidenceAt, isOperative, neighbour } from './fact-context.js';
import { escapeRegExp } from '../text/escape-regexp.js';

const PROVIDER_KINDS = ['provider', 'affiliate'];
const OWNER = new Set(['our', 'your']);
// A contract that binds: "placed under strict contractual obligations", "must process … in accordance with our
// contractual agreements", "bound by a data processing agreement". A contract word alone is not enough: the providers
// must be under it (a binding word before it in the sentence).
const CONTRACT = /\b(?:contractual(?:ly)?|by contract|under contract|(?:written|binding|data processing|confidentiality) (?:agreements?|contracts?)|our (?:[\w-]+ )?(?:agreements?|contracts?) with (?:them|us))\b/i;
// Or a requirement to protect the data laid on them ("We require third parties to respect the security and privacy of
// your personal data"): confidentiality, the other half README names beside the purpose limit.
// Or a contract whose other party the sentence names as the providers ("the data processing agreements we concluded with
// respective third-party agents", "contracts we have signed with our vendors"): they are under it as its party.
const CONTRACT_WITH = /\b(?:contracts?|agreements?)\s+(?:(?:that\s+)?we\s+(?:have\s+)?(?:concluded|entered into|signed|made|executed|put in place)\s+)?with\s+(?:(?:our|the|these|those|such|all|each|(?:the\s+)?respective)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:service\s+)?providers|agents|(?:sub-?)?contractors|vendors|(?:sub-?)?processors|suppliers)\b/i;
const BIND_PROTECT = /\b(?:require[sd]?|requiring|oblige[sd]?|obligate[sd]?|bind)\s+(?:[\w-]+\s+){0,3}?to\s+(?:[\w-]+\s+){0,2}?(?:protect|safeguard|secure|respect the (?:security|confidentiality|privacy)|keep\b[^.;]{0,30}\bconfidential|maintain the (?:security|confidentiality))/i;
// The providers' own contracts with others ("bound by their own contractual commitments to the card networks") are not
// the vendor's; "their contractual obligations to us" is.
const THEIRS = /\b(?:their|its)\s+(?:own\s+)?$/i;
const WITH_US = /^[^.;]{0,50}?\b(?:to|with) us\b/i;
const UNDER = /\b(?:bound|subject to|under|placed|must|shall|required|obligated|obliged|sign(?:s|ed)?|enter(?:s|ed)? into|in accordance with)\b/i;
// The other half: what they may do with the data is limited — to the vendor's instructions ("work in accordance with our
// instructions", "under close instruction from us"), or to a purpose ("only to perform their functions", "may not use it
// for other purposes").
const INSTRUCTIONS = /\b(?:in accordance with|according to|on|following|pursuant to|under|subject to)\s+(?:(?:our|its|the)\s+(?:documented\s+|written\s+|close\s+|strict\s+)?instructions\b|(?:close\s+|strict\s+)?instructions?\s+from\s+us\b)/i;
// "For no other purposes" refuses other uses in two words, as "may not use it for other purposes" does.
const ONLY_PURPOSE = /\b(?:only|solely|exclusively)\b[^.;]{0,60}?\b(?:to (?:perform|provide|carry out|deliver|fulfil)|for (?:the )?(?:specific )?(?:purposes?|services?|tasks?)|as (?:necessary|needed|instructed|directed))\b|\buse\w*\b[^.;]{0,120}\bfor no other purposes?\b/i;
const OTHER_USE = /\buse\w*\b[^.;]{0,40}\b(?:for (?:any )?other purposes?|for (?:their|its) own (?:purposes|benefit|marketing))/i;
// "They", "these providers", "Further, they …": the providers of the sentence before. "These", "those", "such" only with a
// party after them ("These vendors"), not "These cookies" or "These obligations".
const BACK = /^\W*(?:(?:further(?:more)?|also|in addition|moreover|additionally),?\s+)?(?:they|(?:these|those|such)\s+(?:[\w-]+\s+){0,2}?(?:providers|vendors|suppliers|partners|parties|companies|recipients|entities|affiliates|(?:sub-?)?processors|(?:sub-?)?contractors)|the (?:service )?(providers|(?:sub-?)?processors|(?:sub-?)?contractors|vendors))\b/i;

const namesProvider = (cs: Clause[]): boolean => cs.some((c) => c.hits.some((h) => h.cat === 'actor' && PROVIDER_KINDS.includes(h.kind)));
/** Whether the providers' word ("vendors") is said in `before` too, singular or plural. */
const saidIn = (word: string, before: string): boolean => word !== '' && new RegExp(String.raw`\b${escapeRegExp(word.replace(/s$/i, ''))}s?\b`, 'i').test(before);
/** Whether `v` opens by referring back to providers of `before`: "they", "these vendors", or "the X" with X said there. */
const refersTo = (v: string, before: string): boolean => {
  const m = BACK.exec(v);
  return m !== null && (m[1] === undefined || saidIn(m[1], before));
};
/**
 * Whether the providers are who the sentence is about: its subject, or (as the later sentence of a pair, after `before`)
 * "They"/"These providers" at its start — a pronoun points to what came before it, never to the next sentence. A later
 * sentence naming its providers names the same ones: the word said before ("External service providers … The service
 * providers work …"), not "The vendors on our marketplace" after "payment providers".
 */
function aboutProviders(ctx: FactContext, s: Sentence, before?: string): boolean {
  if (before !== undefined && refersTo(s.view, before)) return true;
  const cs = ctx.clauses(s);
  const word = (c: Clause, h: Hit): string => /[\w-]*$/.exec(c.view.slice(h.start, h.end))![0];
  if (before !== undefined && !cs.some((c) => c.hits.some((h) => h.cat === 'actor' && PROVIDER_KINDS.includes(h.kind) && saidIn(word(c, h), before)))) return false;
  if (cs.some((c) => PROVIDER_KINDS.includes(clauseSubject(c)?.kind ?? ''))) return true;
  // No verb the vocabulary knows ("are placed under …"): the sentence opens on them ("Our hosting vendors are …").
  const first = cs[0]?.hits.find((h) => h.cat === 'actor' && !OWNER.has(cs[0].tokens[h.t0].lower));
  return first !== undefined && PROVIDER_KINDS.includes(first.kind) && first.t0 <= 4;
}

// The subject opening the limit's own part of the sentence (after its last comma, semicolon or conjunction): "They host
// the service, and we only use …" limits us, not them.
const LIMIT_LEAD = /(?:^|.*(?:[,;:]\s*(?:(?:and|but|while|whereas)\s+)?|\b(?:and|but|while|whereas)\s+))(\w+)[^,;:]*$/is;
const NOT_THEM = /^(?:we|you|i|users?|customers?|members?|visitors?)$/i;
/** Whether `n` limits what the providers do with the data, in a part about them, not about us or the customer. */
function limitsThem(n: Sentence): boolean {
  const v = n.view;
  const at = INSTRUCTIONS.exec(v)?.index ?? ONLY_PURPOSE.exec(v)?.index ?? refusal(v, OTHER_USE, 36)?.index;
  // The lead word, not the clause reader's subject: a relative clause ("the third parties we share your data with are
  // providers … on our instructions") would make it "we".
  return at !== undefined && !NOT_THEM.test(LIMIT_LEAD.exec(v.slice(0, at))?.[1] ?? '');
}
/**
 * A flow-down stated across two sentences of one paragraph, as a careful reader joins them: one puts the providers under
 * a contract ("External service providers … are placed under strict contractual obligations"), the sentence beside it
 * limits their use of the data, about the same providers ("The service providers work in accordance with our
 * instructions"). Contract and purpose limit together are what README calls a flow-down; each alone is not.
 */
export function readFlowdownPair(ctx: FactContext, s: Sentence): Candidate<'yes'> | undefined {
  const v = s.view;
  const k = CONTRACT.exec(v);
  const ours = k !== null && (!THEIRS.test(v.slice(0, k.index)) || WITH_US.test(v.slice(k.index)));
  const party = CONTRACT_WITH.exec(v);
  const c = k && ours && UNDER.test(v.slice(0, k.index)) ? k : (party ?? BIND_PROTECT.exec(v));
  if (!c || negationBefore(v, c.index, 40) >= 0) return undefined;
  // Who is bound: the sentence is about the providers, or (a requirement, a contract with them) names them as whom it binds.
  const required = c !== k && namesProvider(ctx.clauses(s));
  const prev = neighbour(ctx, s, -1);
  if (!aboutProviders(ctx, s) && !(prev && refersTo(v, prev.view)) && !required) return undefined;
  for (const off of [-1, 1] as const) {
    const n = neighbour(ctx, s, off);
    if (!n || !isOperative(n) || !limitsThem(n)) continue;
    // The same providers: the earlier sentence names them, the later one is about them (names them or refers back).
    const [earlier, later] = off < 0 ? [n, s] : [s, n];
    // The earlier sentence names the providers (and, as the limit, is about them); the later one is about the same.
    if ((off < 0 && !aboutProviders(ctx, n)) || !namesProvider(ctx.clauses(earlier))) continue;
    if (!aboutProviders(ctx, later, earlier.view) && !(later === s && required)) continue;
    return { value: 'yes', evidence: evidenceAt(ctx, s, 0, Math.min(v.length, c.index + c[0].length)), confidence: 0.7 };
  }
  return undefined;
}
