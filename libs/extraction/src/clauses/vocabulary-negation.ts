/**
 * How far a negation reaches (clauses/negation.ts reads these; one place for every fact). Each list names the
 * wording it stands for; review changes like the vocabulary (vocabulary.ts).
 */
/**
 * A list lead-in that ends in an exception, right before its colon: "We will not disclose your information except:",
 * "… other than in the following circumstances:", "… unless:", "except as follows:". Its items are the exceptions (acts
 * that may happen), not refusals.
 */
export const LEAD_EXCEPTION = /\b(?:except|unless|other than|save|apart from|with the exception of|excluding)(?:\s+(?:as follows|in (?:the following|these|those) (?:cases|circumstances|situations|instances)|(?:where|when|if|for|to|as)(?:\s+(?:stated|described|set out|provided|required))?(?:\s+(?:below|here|herein))?|the following|below))?\s*$/i;

export const NEGATION_SCOPE = {
  /** Negation words that do not negate what follows: a bound or a scope ("no later than", "not limited to", "but not
   *  including your anonymous submissions"), "not only … but also" (an addition, no refusal). */
  notNegating: [
    'not only', 'not just', 'not merely', 'not limited', 'not including', 'no later', 'not later', 'no more than', 'not more than', 'no less', 'not less',
    'if not', 'not to exceed', 'not exceed', 'no event later', 'without limitation', 'without undue delay', 'without delay', 'no longer than',
    // A possibility denied its denial ("It cannot be ruled out that data may be transferred to X"): the act may happen.
    'cannot be ruled out', 'cannot be excluded', 'not be ruled out', 'not be excluded', 'cannot rule out', 'not rule out',
  ],
  /** Adjectives of identity after "not" ("data that is not identifiable to you"): the negation describes the data. */
  describesData: ['identifiable', 'personally identifiable', 'personally-identifiable', 're-identifiable', 'reidentifiable', 'attributable', 'linkable', 'traceable'],
  /** Words that open a subordinate part ("if you do not opt out, we …", "… when we disclose it"): a negation does not
   *  reach out of it, nor into one that opens after it. */
  subordinators: ['if', 'unless', 'when', 'whenever', 'once', 'until', 'because', 'since', 'whether'],
  /** Subject pronouns: after a coordinator, with a verb of their own, they open a new clause ("… and we use it"). */
  subjects: ['we', 'you', 'they', 'he', 'she', 'i', 'it'],
  /** Words that join clauses. */
  coordinators: ['and', 'or', 'but', ',', 'while', 'whereas', 'yet', 'so', 'then'],
  /** What follows a new subject when it has its own verb: a modal, an auxiliary, an adverb of the verb group. */
  finite: [
    'will', 'shall', 'must', 'may', 'can', 'might', 'could', 'would', 'should', 'do', 'does', 'did', 'are', 'is', 'was', 'were', 'have', 'has', 'had',
    'never', 'not', 'cannot', "can't", "won't", "don't", "doesn't", 'don', 'doesn', 'won',
  ],
  /** Exception words that are not one here: "however" is an aside ("we do not, however, sell"); "save" is an
   *  exception only before these words ("save as required by law"), else the verb ("we do not save or share it"). */
  asideNotException: ['however'],
  saveBefore: ['as', 'for', 'where', 'when', 'that', 'to', 'in'],
  /** Predicates that are negations themselves: "nothing … prevents us from disclosing", "we are not prohibited from
   *  sharing" say the act may happen (double negation). */
  negativePredicates: ['prevent', 'prevents', 'preclude', 'precludes', 'prohibit', 'prohibits', 'prohibited', 'restrict', 'restricts', 'restricted', 'forbid', 'forbids', 'forbidden', 'bar', 'bars', 'barred', 'stop', 'stops', 'limit', 'limits'],
  /** Negation words that end in a negative predicate: a negation before them cancels them ("not prohibited from"). */
  predicateNegations: ['prohibited', 'forbidden', 'prohibit', 'prohibits', 'refrain', 'refrains'],
  /** What makes a negative word a predicate over an act, within four words after it ("prevents us from disclosing",
   *  "restricts our right to use"); without one it is an adjective ("restricted data", "prohibited purposes"). */
  predicateComplements: ['from', 'right', 'rights', 'ability'],
  /** French negation words that negate only after their "ne"/"n'" within a few words ("ne sont pas transmises", "n'est
   *  pas"): "PAs" (physician assistants) in an English text is no negation. The same rule for clause hits: NOT_IN_CONTEXT. */
  pairedWithNe: ['pas'],
  /** Prefixes that negate the word they join ("no-training terms", "a no-sale policy"). */
  prefixes: ['no-'],
  /** How many words a "without" reaches: "without selling it", "without your consent" (not a later main verb). */
  withoutReach: 1,
  /** Words that open a relative part after a comma ("We do not use Customer Data, which may include PHI, to train …"):
   *  closed by a comma, it is an aside about the object, not a clause that ends the refusal. */
  relatives: ['which', 'who', 'whom', 'whose'],
  /** Words that take the main clause up again after an aside closes ("…, which may include PHI, to train", "…, which
   *  is encrypted, with advertisers"). */
  resumes: ['to', 'for', 'with', 'in', 'on', 'by', 'from', 'outside', 'into'],
  /** Verbs whose purpose follows as "to …"/"for …" after their object ("do not use the data we collect when you use the
   *  Services to train our models"): a subordinate part inside the object does not take that purpose from them. */
  purposeVerbs: ['use', 'uses', 'used', 'using', 'process', 'processes', 'processed', 'processing', 'share', 'shares', 'shared', 'sharing', 'disclose', 'discloses', 'disclosed', 'leverage', 'leverages', 'leveraged'],
} as const;
