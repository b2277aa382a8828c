import type { Evidence, FactName } from '@custody/domain';
import { isListItem, isTableRow } from '../clauses/structure.js';
import { PROVIDER_NOUN } from '../clauses/vocabulary.js';
import type { FactContext } from '../facts/fact-context.js';
import { ENDS_WITH_SUFFIX } from '../facts/subprocessor-names.js';
import type { Sentence } from '../text/sentences.js';
import { mentionsOf } from './mentions.js';
import { vendorUsesNameIn } from './vendor-uses.js';

/**
 * Structural evidence about an answer, read the same way for every fact, from which the calibration model
 * (calibration-weights.ts, fitted by test/bench/support/fit-calibration.ts on the tuning corpora only) turns the
 * reading's own confidence into a probability that the answer is right. None of these look at the fact's wording:
 * they describe where the supporting clause sits and how it is written, so they carry over to documents the
 * readings were not written against.
 */
export const SCALAR_FEATURES = ['prior', 'support', 'conflict', 'heading', 'operative', 'contract', 'terms', 'itemised', 'long', 'exception'] as const;
export const NAME_FEATURES = ['structured', 'providerHeading', 'suffix', 'mentions', 'providerSentence', 'listSize', 'contract', 'terms', 'linked', 'ownBrand', 'vendorUses'] as const;

/**
 * Words a section heading uses when the section is about the fact ("Law enforcement requests", "Sharing with
 * service providers", "Data retention"). A clause under such a heading was written to answer the question; the same
 * words in a clause under "Cookies" or "Your rights" are more often an aside, an example or someone else's duty.
 */
export const TOPIC: Record<FactName, RegExp> = {
  baa_offered: /\b(?:hipaa|health|phi|business associate|baa|medical)/i,
  breach_notice_days: /\b(?:breach|incident|notif|security)/i,
  subcontractor_flowdown: /\b(?:sub-?processors?|subcontract|sub-?contract|service providers?|third part|vendors?|processors?)/i,
  subprocessors_named: /\b(?:sub-?processors?|subcontract|service providers?|third[- ]part|vendors?|recipients?|partners?|providers?|processors?|shar|disclos|who (?:we|receives)|cookies?|trackers?)/i,
  ai_training_on_customer_data: /\b(?:ai\b|artificial|machine learning|model|train|generative|improv)/i,
  deidentified_data_use: /\b(?:aggregat|de-?identif|anonymi[sz]|statistic|how we use|use of)/i,
  data_sale_or_marketing: /\b(?:sell|sale|sold|market|advertis|shar|opt[- ]out|your (?:california|state|privacy) rights|do not sell)/i,
  law_enforcement_disclosure: /\b(?:law|legal|government|authorit|disclos|compl|request|subpoena|shar|protect)/i,
  record_ownership: /\b(?:owner|ownership|intellectual property|content|your data|rights|licen[cs]e|proprietary)/i,
  return_or_destroy_on_termination: /\b(?:retention|retain|delet|terminat|return|destr|storage|how long|end of)/i,
  audio_or_recording_retention_days: /\b(?:retention|retain|record|audio|voice|delet|how long)/i,
  offshore_processing: /\b(?:international|transfer|cross-border|where|location|outside|countr|storage|stor)/i,
};

/** Document kinds that are agreements between the parties, where clauses are obligations rather than descriptions. */
const CONTRACT_KINDS = new Set(['baa', 'dpa', 'contract']);
const LONG_SENTENCE = 350;
// Inline item markers of a list written in one sentence: "(i)", "(ii)", "(a)", "(b)", "(1)".
const INLINE_MARKER = /\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s/g;

// An item that opens a clause of its own: a subject and a modal in its first words ("(c) Acme may delete …").
const OWN_CLAUSE = /^\S+\s+(?:[\w'’-]+\s+){0,3}?(?:may|will|shall|must|can|should)\b/i;

/**
 * How long a sentence reads for the `long` feature. A list written inline ("… as necessary to (i) satisfy any law,
 * (ii) enforce these terms, (iii) …") is a list, not a run-on sentence: the lead and each item are read apart as a
 * list of lines would be, so it counts as long as its lead and its longest item together. Items that are clauses of
 * their own ("(b) Customer may …; (c) Acme may …") string several doers together: that is the run-on sentence.
 */
export function readLength(view: string): number {
  const marks = [...view.matchAll(INLINE_MARKER)].map((m) => m.index);
  if (marks.length < 2) return view.length;
  const bounds = [...marks, view.length];
  let longest = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const item = view.slice(bounds[i], bounds[i + 1]);
    if (OWN_CLAUSE.test(item)) return view.length;
    longest = Math.max(longest, item.length);
  }
  return marks[0] + longest;
}

/** The sentence containing text offset `at` (sentences are sorted by start). */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  let best: Sentence | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= at) {
      best = sentences[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best && at < best.end ? best : best && at - best.end < 4 ? best : undefined;
}

/** What the calibration reads of one scalar answer: its value, the reading's confidence, its quotes and the other candidates. */
export interface ScalarAnswer {
  value: unknown;
  confidence: number;
  evidence: Evidence[];
  /** Values of the review candidates kept beside the answer (undefined when a candidate proposes none). */
  reviewValues: unknown[];
}

/**
 * Features of a scalar answer (each 0/1 or a small number, so the fitted weights read as log-odds):
 * - prior: the reading's own confidence minus 0.75 — which reading fired, as its author ranked it;
 * - support: log2 of the number of clauses that give the same value (agreement of several clauses);
 * - conflict: another clause of the document reads as a different value (the document disagrees with itself);
 * - heading: the first quote sits under a heading about the fact (see {@link TOPIC});
 * - operative: the quote is an operative clause — a modal ("may", "will", "shall not") and a first-party actor
 *   ("we", the vendor's name) — rather than a description or a definition;
 * - contract: the document is an agreement (BAA, DPA, contract) rather than a policy or terms;
 * - terms: the document is terms of service (clauses there are often the user's duties, not the vendor's);
 * - itemised: the quote is a list item or table row (a reading that borrows an intro is less sure of its actor);
 * - long: the quoted sentence is very long (run-on sentences are where actor and scope get mixed up; see {@link readLength});
 * - exception: the quoted clause carries an "except"/"unless" (the rule and its exception are easy to swap).
 */
export function scalarFeatures(ctx: FactContext, name: FactName, a: ScalarAnswer): number[] {
  const first = a.evidence[0];
  const s = first?.start !== undefined ? sentenceAt(ctx.sentences, first.start) : undefined;
  const heading = s?.heading ?? '';
  const conflict = a.reviewValues.some((v) => v !== undefined && v !== a.value && v !== 'unspecified');
  let operative = 0;
  let exception = 0;
  if (s) {
    const clauses = ctx.clauses(s);
    const c = clauses.find((x) => first.start! >= x.start && first.start! < x.end) ?? clauses[0];
    const modal = c?.hits.some((h) => h.cat === 'modal' || h.cat === 'negation') ?? false;
    const vendor = c?.hits.some((h) => h.cat === 'actor' && h.kind === 'vendor') || ctx.vendorNames.some((n) => n.length >= 3 && c?.view.includes(n));
    operative = modal && vendor ? 1 : 0;
    exception = c && Number.isFinite(c.exceptAt) ? 1 : 0;
  }
  return [
    a.confidence - 0.75,
    Math.log2(Math.max(1, a.evidence.length)),
    conflict ? 1 : 0,
    TOPIC[name].test(heading) ? 1 : 0,
    operative,
    CONTRACT_KINDS.has(ctx.kind) ? 1 : 0,
    ctx.kind === 'terms' ? 1 : 0,
    s && (isListItem(s) || isTableRow(s)) ? 1 : 0,
    s && readLength(s.view) > LONG_SENTENCE ? 1 : 0,
    exception,
  ];
}

export const MAX_MENTIONS = 30;

/**
 * Features of one sub-processor name, read from every place the document writes it (so they do not depend on
 * which occurrence the reading happened to quote):
 * - structured: some mention is a list item or table row (providers listed as entries, not met in prose);
 * - providerHeading: some mention sits under a heading about providers or sharing;
 * - suffix: the name carries a legal suffix ("Inc.", "GmbH"): written as an organisation;
 * - mentions: log2(1 + mentions), capped — a recipient is usually named once in its list; a name written
 *   everywhere is often the document's own brand, a product or a platform;
 * - providerSentence: some mention shares a sentence with a provider noun ("service providers", "processors");
 * - listSize: log2 of the number of names asserted for the document (long lists come from tables of providers);
 * - contract: the document is an agreement; terms: it is terms of service;
 * - linked: some mention is a link text (a tracker or partner table links to the party's own policy);
 * - ownBrand: a word of the name (4+ letters) is a word of the document's title or of its parties' names — an
 *   entity of the vendor's own group ("Acme Ireland Limited" in Acme's policy) rather than a recipient;
 * - vendorUses: some mention is the vendor's own tool for a purpose ("We use Paydesk to manage subscriptions",
 *   "Mailfast is used to send our emails"; vendor-uses.ts) — a provider role written without a provider noun.
 */
export function nameFeatures(ctx: FactContext, name: string, listSize: number, places = mentionsOf(ctx.text, [name], MAX_MENTIONS).get(name)!): number[] {
  let structured = 0;
  let providerHeading = 0;
  let providerSentence = 0;
  let linked = 0;
  let mentions = 0;
  let vendorUses = 0;
  for (const at of places) {
    if (mentions >= MAX_MENTIONS) break;
    mentions++;
    const s = sentenceAt(ctx.sentences, at);
    if (!s) continue;
    if (isListItem(s) || isTableRow(s)) structured = 1;
    if (TOPIC.subprocessors_named.test(s.heading ?? '')) providerHeading = 1;
    if (PROVIDER_NOUN.test(s.view)) providerSentence = 1;
    if (ctx.links.some(([a, b]) => at >= a && at < b)) linked = 1;
    if (!vendorUses && vendorUsesNameIn(s.view, name)) vendorUses = 1;
  }
  return [
    structured,
    providerHeading,
    ENDS_WITH_SUFFIX.test(name.trim()) ? 1 : 0,
    Math.log2(1 + mentions),
    providerSentence,
    Math.log2(Math.max(1, listSize)),
    CONTRACT_KINDS.has(ctx.kind) ? 1 : 0,
    ctx.kind === 'terms' ? 1 : 0,
    linked,
    ownWords(ctx).size > 0 && wordsOf(name).some((w) => ownWords(ctx).has(w)) ? 1 : 0,
    vendorUses,
  ];
}

const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !GENERIC.has(w));
// Words of names and titles that say nothing about whose name it is.
const GENERIC = new Set(['privacy', 'policy', 'notice', 'terms', 'service', 'services', 'conditions', 'agreement', 'data', 'processing', 'addendum', 'group', 'limited', 'company', 'international', 'global', 'holdings', 'technologies', 'systems', 'online', 'corporation', 'incorporated', 'statement', 'cookie', 'cookies', 'general', 'business', 'customer']);
const OWN_WORDS = new WeakMap<FactContext, Set<string>>();
/** Words of the document's title (its first heading) and of its parties' names. */
function ownWords(ctx: FactContext): Set<string> {
  let w = OWN_WORDS.get(ctx);
  if (!w) OWN_WORDS.set(ctx, (w = new Set([...(ctx.sections[0] ? wordsOf(ctx.sections[0].heading) : []), ...ctx.partyNames.flatMap(wordsOf)])));
  return w;
}
