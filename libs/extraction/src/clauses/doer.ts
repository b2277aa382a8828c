/**
 * Who does an act stated at some place of a sentence: the subject of the act's own verb ("Advertisers may use your
 * data to train their models": the advertisers), read from the clause layer. A fact about what the vendor does is not
 * stated by an act of the user or of a company acting for itself ("If you store content in India, …", "Users who
 * transfer funds to other countries …"); the vendor's own act, its providers working for it, an act the vendor
 * permits or shares in ("We allow advertisers to use …", "We and our service providers may use …") and passive or
 * impersonal acts ("Your data may be transferred to India") stay the vendor's.
 */
import type { Sentence } from '../text/sentences.js';
import type { Clause } from './clause.js';
import { agentOf, passive } from './clause.js';
import type { Hit } from './lexicon.js';
import { FOR_THE_VENDOR, OTHER_PROVIDER, VERB_GROUP_WORDS } from './actor-readings.js';
import { NEGATION_SCOPE } from './vocabulary.js';

const VERB_GROUP = new Set<string>([...NEGATION_SCOPE.finite, ...VERB_GROUP_WORDS]);
const PURPOSE = new Set(['to', 'for']);

/**
 * The direct subject of the verb at `h`: the clause's agent when only words of a verb group stand between them
 * ("Users who transfer", "Advertisers may use"); none for a passive ("may be transferred") or when the agent is
 * another verb's subject ("You agree that your data may be transferred", "you consent to the transfer of …").
 */
export function doerOf(c: Clause, h: Hit): Hit | undefined {
  if (passive(c, h)) return undefined;
  const who = agentOf(c, h);
  if (!who) return undefined;
  for (let i = who.t1; i < h.t0; i++) {
    const w = c.tokens[i].lower;
    if (!VERB_GROUP.has(w) && !/ly$/.test(w)) return undefined;
  }
  return who;
}

/** Whether an actor is a party other than the vendor and its group: the user or customer, an advertiser, an authority, or a third-party provider. */
function otherParty(c: Clause, who: Hit): boolean {
  if (who.kind === 'customer' || who.kind === 'advertiser' || who.kind === 'authority') return true;
  if (who.kind !== 'provider') return false;
  return OTHER_PROVIDER.test(c.tokens.slice(Math.max(0, who.t0 - 1), who.t1).map((t) => t.lower).join(' '));
}

/** The vendor named as an actor before token `t` ("We and our providers …", "We allow advertisers to …"), not as an owner ("our partners"). */
function vendorBefore(c: Clause, t: number): boolean {
  return c.hits.some((x) => x.cat === 'actor' && x.kind === 'vendor' && x.t1 <= t && !/^(?:our|ours|your)$/.test(c.tokens[x.t0].lower));
}

// Words that open a subordinate part ("if", "when" …): its act is not the main clause's.
const SUBORDINATE_OPENERS = new Set(['if', 'when', 'whenever', 'once', 'after', 'before', 'while', 'where', 'as', 'because', 'since', 'unless', 'until']);

/** Whether act `h` sits in a part that a subordinator opens and a comma closes before token `upTo`. */
function closedSubordinate(c: Clause, h: Hit, upTo: number): boolean {
  let comma = -1;
  for (let i = h.t1; i < upTo; i++) if (c.tokens[i].lower === ',') { comma = i; break; }
  if (comma < 0) return false;
  let a = h.t0;
  while (a > 0 && c.tokens[a - 1].lower !== ',') a--;
  for (let i = a; i < h.t0; i++) if (SUBORDINATE_OPENERS.has(c.tokens[i].lower)) return true;
  return false;
}

export interface OthersAct {
  /** Who acts. */
  who: Hit;
  /** The verb they are the subject of. */
  act: Hit;
  clause: Clause;
}

/**
 * The act stated at offset `at` of sentence `s`'s view when it is another party's own (see {@link otherParty}): the
 * nearest action at or before `at` in its clause decides, through the verbs it is the purpose of. Undefined when it is the vendor's,
 * a provider's for the vendor, permitted by the vendor, passive or impersonal. `kinds` narrows the acts read (the
 * actions of the vocabulary: "use", "disclose", "host" …).
 */
export function othersAct(clauses: Clause[], s: Sentence, at: number, kinds?: string[]): OthersAct | undefined {
  const pos = s.start + at;
  const c = clauses.find((x) => pos >= x.start && pos < x.end);
  if (!c) return undefined;
  const local = pos - c.start;
  // In text order (the lexicon gives hits by phrase, not by position).
  const acts = c.hits.filter((h) => h.cat === 'action' && h.start <= local && (kinds === undefined || kinds.includes(h.kind))).sort((a, b) => a.t0 - b.t0);
  const upTo = c.tokens.findIndex((t) => t.end > local);
  for (let k = acts.length - 1; k >= 0; k--) {
    // An act in a subordinate part closed by a comma before the place read ("when you use the service, your data may
    // be transferred to …") is not the act stated there.
    if (closedSubordinate(c, acts[k], upTo < 0 ? c.tokens.length : upTo)) return undefined;
    const who = doerOf(c, acts[k]);
    // An act of purpose ("… use your data to train …", "… for training …") has the subject of the verb before it;
    // any other act without a subject of its own is passive or impersonal ("… consent to having it processed in …"),
    // and an act further back is not the one stated here ("a user located outside the US … processed in …").
    if (!who) {
      if (PURPOSE.has(c.tokens[acts[k].t0 - 1]?.lower ?? '')) continue;
      return undefined;
    }
    if (!otherParty(c, who) || vendorBefore(c, who.t0) || FOR_THE_VENDOR.test(c.view.slice(who.end))) return undefined;
    return { who, act: acts[k], clause: c };
  }
  return undefined;
}
