/**
 * The vocabulary of the clause layer, as data: who acts, what they do, to what, under which instrument or
 * condition, and how firmly. Every fact reader sees documents only through these words (plus the document's
 * own definitions), so a wording missed on a new document is fixed here, once, for every fact.
 *
 * Entries are lower-case phrases of one to five words. Verbs are listed by their base form and inflected
 * automatically (discloses, disclosed, disclosing; irregular forms below); nouns under `plural` get their
 * plural. Review changes here like data: each addition should name the document wording it stands for.
 */

import { FRENCH } from './vocabulary-fr.js';
import { LAW_DUTY } from './vocabulary-law.js';

/** What a phrase is, and which kind of it. */
export type Category =
  | 'actor' // a party that acts or receives: the vendor, its providers, the customer, an authority …
  | 'action' // what is done to data
  | 'object' // what it is done to
  | 'instrument' // the legal instrument a disclosure answers to
  | 'condition' // when it happens: consent, opt-out, instructions, the end of the contract …
  | 'modal' // how firmly: may, will, may attempt
  | 'negation'
  | 'restriction' // only, solely …
  | 'exception' // except, unless …
  | 'purpose' // for whose benefit: the vendor's own purposes, the services, advertising …
  | 'place'; // where data may go

export interface Entries {
  /** Verb lemmas: inflected (-s, -ed, -ing and the irregular forms). */
  verbs?: string[];
  /** Nouns: the plural is added. */
  plural?: string[];
  /** Taken as written. */
  exact?: string[];
  /**
   * Verb phrases whose particle may stand after the object, written "verb … particle": "make … available" also
   * reads "make your personal data available", "hand … over" reads "hand the records over". The verb is inflected.
   */
  separable?: string[];
}

export const VOCABULARY: Record<Category, Record<string, Entries>> = {
  actor: {
    // "The Processor" of a DPA is the vendor; its "processors" are providers. A vendor word qualified as a third
    // party's ("a third party licensor", "a third-party processor") names someone else: the provider entries below.
    vendor: { exact: ['we', 'us', 'our', 'ours', 'ourselves', 'the company', 'company', 'processor', 'the processor'], plural: ['business associate', 'data processor', 'data importer', 'licensor'] },
    provider: {
      plural: [
        'service provider', 'third-party service provider', 'third party service provider', 'sub-processor', 'subprocessor', 'sub processor', 'subcontractor',
        'sub-contractor', 'vendor', 'supplier', 'contractor', 'third party', 'third-party', 'partner', 'business partner', 'agent',
        'hosting provider', 'cloud provider', 'payment processor', 'payment provider', 'technology provider', 'infrastructure provider',
        'provider', 'recipient', 'data recipient', 'service partner', 'outside vendor', 'external service provider', 'external provider',
        'third party licensor', 'third-party licensor', 'third party processor', 'third-party processor', 'third party data processor', 'third-party data processor',
      ],
      exact: ['processors', 'other processors', 'further processors'],
    },
    affiliate: { plural: ['affiliate', 'subsidiary', 'affiliated company', 'affiliated companies', 'group company', 'group entity', 'related company', 'corporate affiliate', 'parent company', 'sister company'], exact: ['companies in our group', 'corporate family', 'family of companies'] },
    customer: {
      exact: ['you', 'your', 'yourself'],
      // In a mutual confidentiality clause the customer's records are the disclosing party's information.
      plural: ['customer', 'covered entity', 'controller', 'data controller', 'data exporter', 'client', 'user', 'end user', 'subscriber', 'licensee', 'account holder', 'practice', 'member', 'publisher', 'disclosing party'],
    },
    authority: {
      plural: [
        'law enforcement', 'law enforcement agency', 'law enforcement authority', 'law enforcement official', 'police', 'government', 'government agency',
        'government authority', 'governmental authority', 'governmental agency', 'governmental body', 'government entity', 'government official', 'public authority',
        'authority', 'regulator', 'regulatory authority', 'supervisory authority', 'court', 'tribunal', 'agency', 'official', 'competent authority',
        'judicial authority', 'administrative authority', 'public body', 'state agency', 'federal agency', 'prosecutor',
      ],
    },
    advertiser: { plural: ['advertiser', 'advertising partner', 'ad network', 'advertising network', 'marketing partner', 'data broker', 'marketer', 'advertising company', 'ad partner', 'ad tech partner', 'adtech partner'] },
  },
  action: {
    disclose: {
      verbs: ['disclose', 'share', 'release', 'reveal', 'transfer', 'transmit', 'give', 'make available', 'hand over', 'turn over', 'communicate', 'furnish', 'produce', 'pass', 'pass on', 'send', 'provide', 'report', 'grant access', 'give access', 'allow access', 'forward'],
      exact: ['disclosure', 'disclosures', 'sharing', 'transfer of', 'access to'],
      separable: ['make … available', 'hand … over', 'turn … over', 'pass … on'],
    },
    sell: { verbs: ['sell', 'rent', 'lease', 'trade', 'monetize', 'monetise', 'resell'], exact: ['sale', 'sale of', 'sales of', 'selling'] },
    market: { verbs: ['market', 'advertise', 'promote'], exact: ['marketing', 'advertising', 'advertisement', 'advertisements', 'ads', 'promotional', 'newsletter', 'newsletters', 'direct marketing', 'targeted advertising', 'interest-based advertising', 'personalized advertising', 'personalised advertising', 'behavioral advertising', 'behavioural advertising', 'cross-context behavioral advertising', 'personalized ads', 'targeted ads', 'marketing communications', 'marketing emails', 'promotional emails', 'promotional messages', 'promotional communications', 'marketing messages'] },
    train: { verbs: ['train', 'retrain', 're-train', 'fine-tune', 'finetune'], exact: ['training', 'model training'] },
    deidentify: {
      verbs: ['de-identify', 'deidentify', 'anonymize', 'anonymise', 'aggregate', 'pseudonymize', 'pseudonymise'],
      exact: ['de-identified', 'deidentified', 'anonymized', 'anonymised', 'aggregated', 'anonymous', 'de-identification', 'anonymization', 'anonymisation', 'aggregate', 'pseudonymized', 'non-personal', 'non-personally identifiable', 'non-identifiable', 'not personally identifiable', 'not identifiable to you', 'statistical',
        // Data said to name no one by what it cannot do: "data that, by itself, cannot identify or be attributed specifically to you",
        // "The information we retain cannot identify you".
        'cannot identify you', 'can not identify you', 'cannot identify or be attributed'],
    },
    use: { verbs: ['use', 'process', 'analyze', 'analyse', 'exploit', 'utilize', 'utilise', 'leverage', 'combine'] },
    retain: { verbs: ['retain', 'keep', 'store', 'hold', 'preserve', 'archive', 'maintain'], exact: ['retention'] },
    // "will be marked for deletion": the act, though its word is a noun.
    delete: { verbs: ['delete', 'destroy', 'erase', 'purge', 'dispose of', 'remove', 'return', 'permanently delete'], exact: ['deletion', 'destruction', 'erasure', 'marked for deletion', 'scheduled for deletion', 'flagged for deletion', 'queued for deletion'] },
    notify: { verbs: ['notify', 'inform', 'alert', 'advise', 'tell', 'give notice', 'provide notice', 'give you notice', 'provide you with notice', 'send notice', 'forward the request', 'forward such request', 'forward any such request', 'forward the demand'], exact: ['notice', 'notification', 'prior notice', 'advance notice'] },
    comply: { verbs: ['comply with', 'respond to', 'cooperate with', 'answer'] },
    // Who holds the records: "Customer will own", "belongs to Acme", "copyrights … belong to you", "remains yours".
    own: {
      verbs: ['own', 'belong to'],
      exact: ['ownership', 'property', 'owner', 'owners', 'title to', 'right, title and interest', 'right, title, and interest', 'proprietary rights', 'proprietary right', 'ownership rights', 'copyright', 'copyrights', 'remains yours', 'remain yours', 'stays yours', 'is yours', 'are yours'],
    },
    bind: { verbs: ['require', 'bind', 'obligate', 'oblige', 'impose', 'contractually require', 'contractually bind', 'contractually obligate', 'flow down'], exact: ['bound by', 'subject to'] },
    host: { verbs: ['host', 'locate', 'store', 'process', 'transfer', 'access', 'house'] },
    sign: { verbs: ['sign', 'execute', 'enter into', 'offer', 'agree to'] },
    collect: { verbs: ['collect', 'receive', 'obtain', 'gather'] },
  },
  object: {
    content: {
      exact: ['content', 'contents', 'customer data', 'customer content', 'your data', 'your content', 'user content', 'user data', 'client data', 'client content', 'phi', 'protected health information', 'health information', 'messages', 'communications', 'files', 'documents', 'recordings', 'transcripts', 'inputs', 'outputs', 'prompts', 'submissions', 'uploads', 'records', 'notes', 'stored content', 'content data', 'message content', 'your files'],
    },
    personal: { exact: ['personal data', 'personal information', 'personally identifiable information', 'pii', 'information', 'data', 'details', 'your information', 'user information', 'account information', 'account data', 'contact information', 'contact details', 'usage data', 'email address', 'email addresses'] },
    health: { exact: ['health data', 'health information', 'medical information', 'medical data', 'phi', 'protected health information', 'health-related information', 'health related information', 'health records', 'medical records', 'sensitive health information'] },
  },
  instrument: {
    judicial: {
      plural: ['warrant', 'search warrant', 'court order', 'judicial order', 'order of a court', 'order of the court', 'court-issued order', 'court issued order', 'judicial warrant', 'judicial process', 'judicial authorization', 'judicial subpoena', 'domestic court', 'mutual legal assistance treaty', 'mlat'],
      exact: ['signed by a judge', 'issued by a judge', 'issued by a court', 'court or judicial order', 'order from a court', 'order signed by a judge'],
    },
    subpoena: { plural: ['subpoena', 'summons', 'investigative demand', 'civil investigative demand', 'administrative subpoena', 'grand jury subpoena', 'discovery request'] },
    legal_request: {
      plural: [
        'legal process', 'legal request', 'lawful request', 'legal demand', 'lawful demand', 'law enforcement request', 'government request', 'governmental request',
        'government demand', 'regulatory request', 'legal proceeding', 'legal proceedings', 'court decision', 'judicial proceeding', 'enforceable governmental request',
        'request from law enforcement', 'request from a public authority', 'requests from public authorities', 'request of a public authority', 'legal order',
        'legally binding request', 'valid legal process', 'binding legal request', 'request for information', 'requests for user data', 'request for user data', 'data request',
        'national security request', 'request for cooperation', 'litigation', 'public authority request', 'third party request', 'third-party request', 'compulsory process',
        'legally-mandated request', 'legally mandated request', 'legally required request', 'legally-required request',
      ],
      exact: ['national security', 'law enforcement requirements', 'legal reasons', 'legal and regulatory requests', 'legal or regulatory requests', 'legal or governmental requests', 'governmental requests'],
    },
    by_law: {
      // The law's ground, coordinated ("to comply with a legal or regulatory obligation", "a legal and regulatory requirement"),
      // singular and plural alike.
      plural: ['legal or regulatory obligation', 'legal and regulatory obligation', 'legal or regulatory requirement', 'legal and regulatory requirement'],
      exact: [
        'required by law', 'required by applicable law', 'required by applicable laws', 'required under applicable law', 'as required by law', 'where required by law',
        'required to do so by law', 'required by any applicable law', 'comply with applicable law', 'comply with applicable laws', 'comply with the law', 'comply with any law',
        'comply with laws', 'comply with legal obligations', 'comply with our legal obligations', 'comply with a legal obligation', 'legally required', 'compelled by law',
        'required by law or regulation', 'applicable law requires', 'the law requires', 'law requires', 'required by statute', 'required by applicable legislation',
        'required or permitted by law', 'permitted or required by law', 'mandated by law', 'obligated by law', 'obliged by law', 'legally obligated', 'legally obliged',
        'required under law', 'required by the applicable law', 'as permitted by law', 'compliance with applicable law', 'compliance with applicable laws', 'compliance with law',
        'comply with applicable legal requirements', 'comply with legal requirements', 'applicable law, regulation', 'any applicable law', 'required by any law',
        // What the law obliges is the law's ground, not a demand someone made ("to comply with a legal obligation").
        'legal obligation', 'legal obligations', 'legal requirement', 'legal requirements',
        // "laws and regulations that require us to disclose", "necessary as a matter of applicable law".
        'laws and regulations that require', 'laws or regulations that require', 'laws that require', 'law that requires', 'regulations that require',
        'as a matter of law', 'as a matter of applicable law',
        // "where we are under a statutory obligation": what a statute obliges, in the words of European policies.
        'statutory obligation', 'statutory obligations', 'statutory requirement', 'statutory requirements', 'statutory duty', 'statutory duties',
      ],
    },
    // "If compelled to disclose", "compelled by a court order": compulsion, whose instrument (if any) is named next.
    compelled: { exact: ['compelled', 'legally compelled', 'compelled to disclose', 'compelled disclosure'] },
    emergency: { exact: ['emergency', 'emergencies', 'imminent harm', 'imminent danger', 'risk of death', 'serious physical injury', 'serious bodily harm', 'threat to life', 'vital interests'] },
  },
  condition: {
    consent: { plural: ['consent', 'permission', 'authorization', 'authorisation', 'express consent', 'explicit consent', 'prior consent', 'written consent', 'opt-in consent'], exact: ['opt in', 'opt-in', 'opt into', 'opts in', 'opted in', 'your direction', 'at your direction', 'you choose', 'you direct', 'you enable', 'you elect', 'choose to', 'elect to', 'you agree'] },
    opt_out: { exact: ['opt out', 'opt-out', 'opt-outs', 'opts out', 'opted out', 'opting out', 'turn off', 'turned off', 'switch off', 'disable', 'disabled', 'object', 'objection', 'unsubscribe', 'withdraw your consent', 'withdraw consent', 'enabled by default', 'on by default', 'can opt out', 'may opt out'] },
    instruction: { plural: ['instruction', 'documented instruction', 'written instruction'], exact: ['on behalf of', 'on your behalf', 'on our behalf', 'as directed by', 'at the direction of'] },
    end: {
      exact: [
        'termination', 'expiration', 'expiry', 'end of the agreement', 'end of this agreement', 'end of the contract', 'end of the contractual relationship', 'cancellation',
        'terminate', 'terminates', 'terminated', 'expire', 'expires', 'expired', 'non-renewal', 'close your account', 'closes their account', 'delete your account', 'deleting your account',
        'account deletion', 'account is deleted', 'account is closed', 'account closure', 'close their account', 'cancel your account', 'cancel your subscription', 'account is deactivated',
        'deactivate your account', 'your account is terminated', 'after you close', 'when you close', 'deactivated', 'upon the end of', 'end of the services', 'end of service',
        'account has been deleted', 'account was deleted', 'end of the term', 'end of the subscription term', 'expiration of the term', 'expiry of the term', 'account has been closed', 'account is cancelled', 'account is canceled',
      ],
    },
  },
  modal: {
    may: { exact: ['may', 'can', 'might', 'could', 'is permitted to', 'are permitted to', 'is allowed to', 'are allowed to', 'reserve the right to', 'reserves the right to', 'reserve the right', 'reserves the right', 'is entitled to', 'are entitled to', 'is free to', 'are free to', 'at our discretion', 'in our discretion', 'at its discretion', 'may also', 'may sometimes'] },
    will: { exact: ['will', 'shall', 'must', 'agree to', 'agrees to', 'undertake to', 'undertakes to', 'commit to', 'commits to', 'is required to', 'are required to', 'is obligated to', 'are obligated to', 'is obliged to', 'are obliged to', 'will always', 'shall always', 'have to', 'has to', 'need to', 'needs to', 'promise to', 'ensure that', 'reasonable efforts', 'commercially reasonable efforts', 'best efforts'] },
    // "Will make (commercially) reasonable efforts to" is an obligation of effort, read as `will`.
    attempt: { exact: ['attempt to', 'attempts to', 'try to', 'tries to', 'endeavour to', 'endeavor to', 'endeavours to', 'endeavors to', 'seek to', 'seeks to', 'strive to', 'strives to', 'where possible', 'where feasible', 'when possible', 'if possible', 'wherever possible', 'generally', 'typically', 'usually', 'may attempt', 'in our sole discretion', 'as appropriate', 'where appropriate'] },
  },
  negation: {
    // "don’t" with a typographic apostrophe is read as the words "don" and "t".
    not: { exact: ['don t', 'doesn t', 'won t', 'can t', 'isn t', 'aren t', 'didn t', 'not', 'never', 'no', 'neither', 'nor', 'cannot', "can't", "won't", "don't", "doesn't", "isn't", "aren't", "didn't", "shouldn't", "wouldn't", 'none', 'nothing', 'without', 'refrain from', 'prohibited from', 'is prohibited', 'are prohibited', 'forbidden', 'in no event', 'under no circumstances', 'no longer', 'refrains from', 'prohibit', 'prohibits', 'prohibited', 'disclaim', 'disclaims', 'unable to'] },
  },
  restriction: {
    only: { exact: ['only', 'solely', 'exclusively', 'strictly', 'limited to', 'just', 'only if', 'only when', 'only where', 'only to the extent'] },
  },
  exception: {
    except: { exact: ['except', 'unless', 'other than', 'excluding', 'save', 'apart from', 'with the exception of', 'except as', 'except where', 'except when', 'except for', 'but only', 'however'] },
  },
  purpose: {
    own: { exact: ['for any purpose', 'for any lawful purpose', 'for any legal purpose', 'any purpose', 'for our own purposes', 'for its own purposes', 'our own purposes', 'its own purposes', 'own business purposes', 'our business purposes', 'commercial purposes', 'for our own', 'for its own', 'any other purpose'] },
    improve: { exact: ['improve', 'improving', 'improvement', 'develop', 'developing', 'research', 'analytics', 'statistics', 'statistical purposes', 'benchmarking', 'benchmark', 'insights', 'trends', 'to understand', 'analyze trends', 'measure', 'enhance'] },
    service: { exact: ['to provide the services', 'to provide the service', 'to perform the services', 'provision of the services', 'to provide our services', 'performance of the services', 'as necessary to provide', 'necessary to perform', 'to operate the services'] },
  },
  place: {
    abroad: { exact: ['outside', 'abroad', 'overseas', 'offshore', 'other countries', 'another country', 'third countries', 'third country', 'foreign', 'internationally', 'international transfers', 'international transfer', 'cross-border', 'across borders', 'other jurisdictions', 'countries other than', 'locations other than', 'worldwide', 'around the world', 'any country'] },
    // "US" in capitals is read as "u.s." by the tokenizer ("us" is the vendor).
    us: { exact: ['united states', 'the united states', 'u.s.', 'u.s.a.', 'usa', 'united states of america', 'the u.s.', 'america'] },
    eu: { exact: ['european union', 'the european union', 'eu', 'eea', 'the eea', 'european economic area', 'the european economic area', 'europe', 'switzerland', 'member state', 'member states'] },
    foreign: {
      exact: [
        'india', 'philippines', 'canada', 'mexico', 'ireland', 'germany', 'france', 'netherlands', 'israel', 'ukraine', 'poland', 'pakistan', 'brazil', 'colombia', 'argentina',
        'costa rica', 'singapore', 'australia', 'japan', 'united kingdom', 'uk', 'china', 'hong kong', 'south korea', 'korea', 'taiwan', 'vietnam', 'malaysia', 'indonesia', 'thailand',
        'south africa', 'nigeria', 'egypt', 'turkey', 'russia', 'belarus', 'serbia', 'romania', 'bulgaria', 'czech republic', 'hungary', 'spain', 'portugal', 'italy', 'belgium',
        'luxembourg', 'austria', 'sweden', 'norway', 'denmark', 'finland', 'iceland', 'estonia', 'latvia', 'lithuania', 'chile', 'peru', 'uruguay', 'new zealand', 'united arab emirates', 'uae',
      ],
    },
  },
};
// The French words (vocabulary-fr.ts) and the law's duty in more words (vocabulary-law.ts), under the same kinds.
for (const [cat, kinds] of [...Object.entries(FRENCH), ...Object.entries(LAW_DUTY)]) {
  for (const [kind, words] of Object.entries(kinds)) {
    const entry = VOCABULARY[cat as Category][kind];
    if (!entry) throw new Error(`vocabulary-fr/-law: no ${cat}.${kind} in the vocabulary`);
    entry.exact = [...(entry.exact ?? []), ...words];
  }
}

const IRREGULAR: Record<string, string[]> = {
  make: ['made', 'makes', 'making'],
  give: ['gave', 'given', 'gives', 'giving'],
  sell: ['sold', 'sells', 'selling'],
  hold: ['held', 'holds', 'holding'],
  keep: ['kept', 'keeps', 'keeping'],
  send: ['sent', 'sends', 'sending'],
  tell: ['told', 'tells', 'telling'],
  bind: ['bound', 'binds', 'binding'],
  hand: ['handed', 'hands', 'handing'],
  turn: ['turned', 'turns', 'turning'],
  pass: ['passed', 'passes', 'passing'],
  enter: ['entered', 'enters', 'entering'],
  allow: ['allowed', 'allows', 'allowing'],
  grant: ['granted', 'grants', 'granting'],
  dispose: ['disposed', 'disposes', 'disposing'],
  respond: ['responded', 'responds', 'responding'],
  comply: ['complied', 'complies', 'complying'],
  cooperate: ['cooperated', 'cooperates', 'cooperating'],
  flow: ['flowed', 'flows', 'flowing'],
  agree: ['agreed', 'agrees', 'agreeing'],
  // A stressed last syllable doubles its consonant ("transferred", "transmitting"); the one-consonant spellings are
  // common misspellings of the same verbs and read the same.
  transfer: ['transferred', 'transfers', 'transferring', 'transfered', 'transfering'],
  transmit: ['transmitted', 'transmits', 'transmitting', 'transmited', 'transmiting'],
  contractually: [],
  permanently: [],
};

/** -s, -ed and -ing forms of a verb (regular spelling rules and the irregular table). */
export function verbForms(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]];
  const out = [lemma];
  if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (/e$/.test(lemma)) out.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/(?:s|x|z|ch|sh)$/.test(lemma)) out.push(lemma + 'es', lemma + 'ed', lemma + 'ing');
  else if (/^(?:[^aeiou]*[aeiou][bdgklmnprt])$/.test(lemma) && lemma.length <= 4) out.push(lemma + 's', lemma + lemma.slice(-1) + 'ed', lemma + lemma.slice(-1) + 'ing');
  else out.push(lemma + 's', lemma + 'ed', lemma + 'ing');
  return out;
}

/** A phrase's inflections: the first word of a verb phrase, the last word of a noun phrase. */
export function inflect(entry: string, how: 'verb' | 'noun'): string[] {
  const words = entry.split(' ');
  if (how === 'verb') return verbForms(words[0]).map((f) => [f, ...words.slice(1)].join(' '));
  const last = words[words.length - 1];
  const plural = /[^aeiou]y$/.test(last) ? last.slice(0, -1) + 'ies' : /(?:s|x|z|ch|sh)$/.test(last) ? last + 'es' : last + 's';
  return [entry, [...words.slice(0, -1), plural].join(' ')];
}

/**
 * Words that are vocabulary in one sense and not in another, told apart by their neighbours: a hit is dropped
 * when the text right before it matches `before` or right after it matches `after` (both lower-case views).
 */
/**
 * How far a negation reaches (clauses/negation.ts reads these; one place for every fact). Each list names the
 * wording it stands for; review changes like the vocabulary above.
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

export const NOT_IN_CONTEXT: { cat: Category; kind?: string; phrase: RegExp; before?: RegExp; after?: RegExp }[] = [
  // "the importer warrants that …", "if the request warrants a fee": the verb, not a search warrant.
  { cat: 'instrument', kind: 'judicial', phrase: /^warrants?$/, after: /^\s+(?:that|a|an|the|to|it|such|any)\b/ },
  { cat: 'instrument', kind: 'judicial', phrase: /^warrants?$/, before: /\b(?:request|it|importer|exporter|party|parties|provider|customer|you|we|licensee|and|each|not|hereby|expressly|also|or)\s+$/ },
  { cat: 'instrument', kind: 'judicial', phrase: /^warrants?$/, after: /^\s+(?:or|and)\s+(?:support|represent|guarantee|endorse)/ },
  // A verb in a list of verbs ("does not review, approve, endorse, warrant, or make any representations"): a disclaimer.
  { cat: 'instrument', kind: 'judicial', phrase: /^warrants?$/, before: /\b(?:endorse|approve|monitor|review|represent|guarantee|verify|certify|control)s?,\s+$/ },
  { cat: 'instrument', kind: 'judicial', phrase: /^warrants?$/, after: /^\s*,?\s+(?:or|and)\s+(?:make|makes|give|gives|assume|assumes|accept|accepts)\b/ },
  // "anonymous" qualifies people and channels as often as data ("an anonymous reporting system", "anonymous or prank
  // phone calls"): it is de-identified data only before a word for data ("anonymous statistics", "anonymous usage data").
  { cat: 'action', kind: 'deidentify', phrase: /^anonymous$/, after: /^(?!\s*,?\s+(?:(?:or|and)\s+)?(?:[\w-]+,?\s+){0,2}?(?:information|data|documents?|files?|content|personal|statistics?|stats|identifiers?|usage|logs?|analytics|form|basis|metrics|aggregates?|traffic|details?|records?|ids?|insights?|numbers?|counts?|measurements?|surveys?)\b)/ },
  // "provided that", "provided, however": a proviso, not a disclosure.
  { cat: 'action', kind: 'disclose', phrase: /^provided$/, after: /^\s*(?:that|,\s*however|however)\b/ },
  // "this Privacy Notice", "our notice", "notice of changes": a document or a change notice, not notice of a demand.
  { cat: 'action', kind: 'notify', phrase: /^notice$/, before: /\b(?:privacy|this|cookie|present|legal|our|the)\s+$/ },
  // "court" as the place of a lawsuit ("the courts of Ireland have jurisdiction").
  { cat: 'actor', kind: 'authority', phrase: /^courts?$/, after: /^\s+(?:of|in|located|having|with jurisdiction)\b/ },
  // "information" in "for information purposes", "more information": not data.
  { cat: 'object', kind: 'personal', phrase: /^information$/, before: /\b(?:more|further|additional|for)\s+$/ },
  // "process" as a noun ("legal process" is an instrument; "the process", "our process" are not processing).
  { cat: 'action', kind: 'use', phrase: /^process$/, before: /\b(?:the|a|this|our|that|review|legal|due)\s+$/ },
  { cat: 'action', kind: 'host', phrase: /^process$/, before: /\b(?:the|a|this|our|that|review|legal|due)\s+$/ },
  // "When the retention period expires", "the cookie expires": the end of a period or a token, not of the contract.
  { cat: 'condition', kind: 'end', phrase: /^expir/, before: /\b(?:period|periods|cookies?|tokens?|sessions?|links?|passwords?|codes?|certificates?|credentials?)\s+(?:has\s+|have\s+|will\s+|is\s+)?$/ },
  // "their own purposes", "your own risk", "Acme's own", "has no own purpose": the adjective, not owning; "account owner",
  // "intellectual property": no holding.
  { cat: 'action', kind: 'own', phrase: /^own$/, before: /(?:\b(?:their|our|your|its|my|his|her|one's|on|of|no)|\w['’]s)\s+$/ },
  { cat: 'action', kind: 'own', phrase: /^(?:owners?|property)$/, after: /^(?!\s+of\b)/ },
  // French "pas" negates only with its "ne" ("ne sont pas transmises", "n'est pas"): "PAs" (physician assistants) in an
  // English text, or "pas" of a name, is no negation (vocabulary-fr.ts).
  { cat: 'negation', kind: 'not', phrase: /^pas$/, before: /^(?![\s\S]*(?:^|[^\p{L}])(?:ne\s|n['’])[^;,]{0,36}$)/u },
  // "when you close your browser": a session, not the account.
  { cat: 'condition', kind: 'end', phrase: /^(?:after|when) you close$/, after: /^\s+(?:your|the|this)\s+(?:browser|window|tab|app|application|session)\b/ },
  { cat: 'condition', kind: 'end', phrase: /^expir/, after: /^\s+of\s+(?:the|such|this|that|these|those|its|any|each)\s+(?:[\w-]+\s+)?periods?\b/ },
];

/**
 * Nouns for the vendor's providers, after which names follow ("payment processors like Stripe", "provider Kapa.ai Inc.").
 * Case-insensitive without the `u` flag: V8 runs /iu alternations five times slower, and nothing here needs it.
 */
export const PROVIDER_NOUN = /\b(?:sub-?processors?|subcontractors?|sub-?contractors?|(?:service\s+)?providers?|vendors?|suppliers?|partners?|processors?|contractors?|affiliates?|subsidiar(?:y|ies)|compan(?:y|ies)\s+in\s+our\s+group|group\s+compan(?:y|ies)|(?:collection|hosting|cloud|payment|email|e-mail|analytics|marketing|advertising|technology|software|chatbot|messaging|delivery|verification|identity)\s+(?:company|companies|service|services|tools?|platforms?)|third[- ]party\s+(?:technology|technologies|tools?|services?|software)|carriers?|aggregators?|(?:companies|organi[sz]ations|businesses|firms)\s+(?:that|who|which)\s+(?:help|assist|provide|perform|process|support|work)|(?:metrics|analytics|tracking)\s+tools?|third[- ]party\s+(?:web\s+)?analytics(?!\s+(?:services?|tools?|providers?|compan))|ad\s+(?:networks?|exchanges?|servers?))\b/i;

/** Verbs and phrases that relate the vendor, a provider and data: using, engaging, sharing with, hosting by. */
export const RELATION_VERB = /\b(?:use[sd]?|using|engage[sd]?|engaging|rel(?:y|ies|ied)\s+on|works?\s+with|partners?\s+with|share[sd]?|sharing|disclos\w+|transferr?\w*|sen[dt]s?|sending|forward\w*|provid\w+|transmit\w*|host\w*|stor\w+|process\w*|powered\s+by|operated\s+by|handled\s+by|run\s+by|receiv\w+|access\w*|hire[sd]?|employ\w*|contract\w*|communicat\w+|through|via|instruct\w*|delegat\w+|outsourc\w+)\b/i;

/**
 * Names in a provider clause that are not recipients of the customer's or users' data (README conventions):
 * checked on the text just before the name (`before`), just after it (`after`) or around it (`around`).
 * `ownCell`: in a table row, `around` is read in the name's own cell only. A framework in another column ("| Branch |
 * Deeplinks for apps | SCCs, DPF | US |") is the safeguard of the row's transfer, an attribute of the party named, not
 * the party itself.
 */
export const NOT_RECIPIENT: { reason: string; before?: RegExp; after?: RegExp; around?: RegExp; both?: boolean; ownCell?: true }[] = [
  // "data may be provided by FedEx to Easyship": the name hands data to another party (a source); `both`: the text
  // before and the text after must match.
  { reason: 'a party that provides data to another, not a recipient', before: /\b(?:provided|supplied|sent|transferred|disclosed|passed)\s+(?:directly\s+)?by\s+$/i, after: /^\s+to\s+(?:\[)?[\p{Lu}]/u, both: true },
  // "We also receive information about you from third parties such as … your social account providers Apple or Google":
  // a clause taking information from parties names where data comes from, unless a verb passing it on comes between.
  { reason: 'a source the vendor receives information from, not a recipient', before: /\b(?:receive[sd]?|receiving|obtain(?:s|ed)?|obtaining|get|gets|collect(?:s|ed)?|collecting)\s+(?:[\w-]+\s+){0,3}?(?:information|data|details|it)\s+(?:about\s+you\s+)?from\s+(?:(?!\b(?:shar|disclos|transfer|sen[dt]|provid(?:e|es|ed|ing)\s+(?:to|with)|pass|sell|sold|giv|host|stor|process|us(?:e|es|ed|ing)\b|through\b|via\b|to\s+(?:help|assist|perform|provide))\w*)[^.;:]){0,200}$/i },
  { reason: 'a sign-in provider (a data source)', before: /\b(?:sign(?:ing)?[- ]?(?:in|up|on)|log(?:ging)?[- ]?in|login|authenticate|register)\s+(?:with|using|via|through)\s+(?:your\s+)?(?:existing\s+)?$/i },
  { reason: 'a sign-in provider (a data source)', after: /^\s*(?:account\s+)?(?:login|log-in|sign-in|sign in|single sign-on|sso|connect)\b/i },
  { reason: 'a platform the user connects or links to', before: /\b(?:connect|link|integrate|sync)\s+(?:your\s+)?(?:\w+\s+)?(?:account\s+)?(?:with|to)\s+$/i },
  // "If you choose to connect your Acme business account to a third-party service such as X": the user links the
  // account, so the examples of the service it links to are parties the user reaches (README), not the vendor's recipients.
  // The examples' list ends where another clause starts ("tools like Zapier, and we send emails through Mailchimp and Intercom").
  { reason: 'a platform the user connects or links to', before: /\b(?:you|users?)\s+(?:(?:may|can|choose|chooses|decide|decides|elect|elects|opt|opts|wish|want|to)\s+){0,3}(?:connect|link|integrate|sync)\s+(?:your\s+)?(?:[\w-]+\s+){0,3}?(?:with|to)\s+(?:(?:a|an|any|other|the|third[- ]party|external|your)\s+){0,3}(?:[\w-]+\s+)?(?:services?|platforms?|apps?|accounts?|tools?|providers?)(?:,?\s+|\s*\(\s*)(?:like|such\s+as|e\.g\.,?|including|for\s+example,?)\s+(?:(?:(?!\b(?:we|our|us|they|their|it|its|which|who|that)\b)[^.;:]){0,120}?(?:,|\s+or|\s+and)\s+)?$/i },
  // "You may decide to use third-party services, like Stripe", "an Institution that utilizes Canvas": the user (or the
  // customer's institution) acts, so the name is a service it chooses or connects to (README), not one the vendor passes
  // data to. Only when the user's verb takes the name, or a service noun giving it as an example, as its object ("When you
  // purchase Third Party Services through Acme (such as A or B)": bought through the vendor, still the user's choice).
  { reason: 'a service the user or customer chooses, not a recipient of the vendor', before: /\b(?:you|users?|institutions?|students?|customers?)\s+(?:(?:that|who|which|may|can|might|also|then|wish|want|decide|decides|choose|chooses|elect|elects|opt|opts|to)\s+){0,4}(?:use|uses|utili[sz]es?|select|selects|purchase|purchases|buy|buys|ship|ships|pay|pays)\s+(?:(?:(?:a|an|the|any|other|certain|third[- ]party|external|your)\s+){0,3}(?:[\w-]+\s+)?(?:services?|providers?|platforms?|tools?|apps?|processors?|carriers?|systems?|integrations?)(?:\s+(?:through|via|from)\s+[\w-]+)?(?:,?\s+|\s*\(\s*)(?:like|such\s+as|e\.g\.,?|including|for\s+example,?)\s+(?:[^.;:]{0,120}?(?:,|\s+or|\s+and)\s+)?(?:\[)?)?$/i },
  { reason: "a platform where the vendor has a page", before: /\b(?:pages?|profiles?|presences?|channels?|fan\s*pages?|accounts?)\s+(?:on|at)\s+$/i },
  // "The Register is … owned and operated by Situation Publishing": the service's owner is the vendor itself, or the owner
  // of a platform the text mentions ("Steam (which is owned and operated by Valve Corporation)"); neither receives data as such.
  { reason: 'the owner of a service the text names (the vendor itself, or a platform\'s owner)', before: /\bowned\s+(?:and\s+(?:operated|run|managed)\s+)?by\s+(?:the\s+)?$/i },
  // "services for, or on behalf of, Acme Ireland Limited": the principal the work is done for, not the one receiving data.
  { reason: 'the party on whose behalf the work is done, not a recipient', before: /\b(?:on\s+behalf\s+of|for\s+the\s+benefit\s+of),?\s+(?:the\s+)?$/i },
  // "except for anonymous logs shared with APNIC", "we share anonymised statistics with X": a party given only data about no one (README: personal data only).
  { reason: 'it receives only anonymous or aggregated data', before: /\b(?:anonymous|anonymi[sz]ed|aggregated|de-?identified|non-personal)\s+(?:[\w-]+\s+){0,3}?(?:shared|disclosed|provided|transferred|sent|made\s+available)\s+(?:with|to)\s+(?:the\s+)?$|\bshar(?:e|es|ing)\s+(?:only\s+)?(?:anonymous|anonymi[sz]ed|aggregated|de-?identified|non-personal)\s+(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?$/i },
  { reason: 'a representative, not a recipient', around: /\brepresentatives?\b/i },
  { reason: 'an authority or regulator', around: /\b(?:supervisory authorit|data protection authorit|commissioner|ombudsman|regulator)/i },
  // A dispute body is named for what it does, often in a row's other cells ("| TrustArc | Complaint details | Independent
  // dispute resolution |"): read on the whole row. A framework is read in the name's own cell only (see `ownCell`).
  { reason: 'a dispute-resolution body or framework', around: /\b(?:arbitrat|dispute resolution|jams\b|american arbitration|truste\b|bbb\b|better business bureau)/i },
  { reason: 'a dispute-resolution body or framework', around: /\b(?:privacy shield|data privacy framework|dpf\b)/i, ownCell: true },
  // "must comply with the acceptable use policies of our upstream providers, UUNET": whose rules apply, not who gets data.
  { reason: 'a document of another company, cited', before: /\b(?:policies|polic(?:y|ies)|terms|rules|guidelines)\s+of\s+(?:our\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:providers?|partners?|vendors?|suppliers?|carriers?)?,?\s+(?:such\s+as\s+|like\s+|including\s+)?(?:[^.;:]{0,80}?(?:,|\s+or|\s+and)\s+)?$/i },
  { reason: 'a document of another company, cited', after: /^['’]?s?\s+(?:privacy (?:policy|notice|statement)|terms(?: of (?:service|use))?|cookie policy|data (?:protection|privacy) (?:notice|policy))\b/i },
  // 'the Apple Inc. ("Apple") App Store': an alias in parentheses may stand between the name and the store.
  { reason: 'an app store', after: /^\s*(?:\([^()]{0,40}\)\s*)?(?:app\s*store|play\s+store)\b/i },
  // "Little Window, our chatbot": the vendor's own product or feature, named by a possessive after it.
  { reason: "the vendor's own product", after: /^\s*,?\s*(?:is\s+)?(?:our|its)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:chatbot|bot|app|application|tool|product|feature|assistant|platform|website|site|service|newsletter|magazine|brand|program(?:me)?)\b/i },
  { reason: 'an app store', before: /\b(?:apple|google)\s+$/i, after: /^\s*store\b/i },
  { reason: 'a mandated report recipient', around: /\b(?:ncmec|national center for missing)/i },
  // "We are required to share certain data with the grid operators, A and B", "to meet our licence and regulatory
  // requirements we will share meter data with the Network Companies A and B": a party the law or a regulator makes the
  // vendor share with is a mandated recipient (README), not one the vendor chose; within the clause (no stop or semicolon
  // between the obligation and the name, nor a clause of the vendor's own joined by "and we").
  { reason: 'a mandated recipient (the vendor must share with it by law or regulation)', before: /(?:\b(?:are|is|am|be|being)\s+(?:legally\s+|also\s+|statutorily\s+)?(?:required|obliged|obligated|mandated|compelled)\s+(?:by\s+(?:law|regulation)\s+)?to\s+(?:share|disclose|provide|report|pass|send|transfer)\b|\bto\s+(?:meet|comply\s+with|fulfil+)\s+(?:our\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:legal|regulatory|statutory|licen[cs]e)\s+(?:[\w-]+\s+){0,2}?(?:requirements|obligations|duties|conditions)\b)(?:(?!\b(?:and|but)\s+(?:we|us)\b)[^.;]){0,160}$/i },
  // "we use Apple’s TrueDepth camera", "the Motionix sensor in your phone": a part of the user's device, not an organisation.
  { reason: "a part of the user's device, not an organisation", after: /^\s+(?:camera|sensor|chip|microphone|touchscreen|keyboard|fingerprint\s+(?:reader|sensor)|face\s+scanner)s?\b/i },
  // "Atlassian, Inc. and its U.S. subsidiaries (A, B, C) adhere to the Data Privacy Framework Principles …": the group's
  // entities certifying under a framework speak for the vendor; the sentence passes them no data.
  { reason: "the vendor's group certifying under a framework, not a recipient", after: /^,?\s+and\s+its\s+(?:[\w.-]+\s+){0,3}(?:subsidiaries|affiliates)\s*\([^;()]{0,200}\)\s+(?:adheres?\s+to|compl(?:y|ies)\s+with|participates?\s+in|(?:is|are|have|has)\s+(?:been\s+)?(?:self-)?certified|self-certif\w+)\b/i },
  { reason: "the vendor's group certifying under a framework, not a recipient", before: /\band\s+its\s+(?:[\w.-]+\s+){0,3}(?:subsidiaries|affiliates)\s*\([^()]*$/i, after: /^[^;()]{0,200}\)\s+(?:adheres?\s+to|compl(?:y|ies)\s+with|participates?\s+in|(?:is|are|have|has)\s+(?:been\s+)?(?:self-)?certified|self-certif\w+)\b/i, both: true },
  { reason: 'an open-source or self-hosted tool, not a recipient', after: /^\s*(?:is\s+)?(?:an?\s+)?(?:open[- ]source|self-hosted)\b/i },
];

/**
 * Software a vendor runs itself (open-source, self-hosted by default): named as a tool the vendor uses, not as an
 * organisation receiving data (OTA README: "Matomo and Mastodon (software)"). Their hosted offerings are named
 * differently ("Matomo Cloud", "InnoCraft") and are not matched.
 */
export const SELF_HOSTED_SOFTWARE = /^(?:matomo|matomo analytics|piwik|mastodon|jitsi|jitsi meet|nextcloud|owncloud|wordpress|moodle|mattermost|discourse|open web analytics|peertube|rocket\.chat|element|matrix|keycloak|mediawiki|drupal|joomla)$/i;

/**
 * Words that policies capitalise as headings, defined terms or feature names ("Authorized Users", "Interest-Based
 * Advertising", "Third-Party Apps", "Account Management"): a phrase made only of these is not an organisation's
 * name unless it has a legal suffix or is a link. Extend when a new document shows such a phrase taken for a name.
 */
export const POLICY_WORDS = new Set(
  (
    'account accounts management platform platforms operation operations communication communications community interaction interactions creating code geolocation ' +
    'sensory professional promotion promotions support services service partner partners user users mobility licensing accelerator transactions transaction involving ' +
    'third party parties third-party generative artificial intelligence interest interest-based based advertising advertisement advertisements referrer url urls buyer buyers ' +
    'advertiser advertisers exchange exchanges suite controller controllers processor processors detect detection improve carrying measuring understanding developing essential ' +
    'functional why audio video authentication analytics targeting tool tools fraud customizing customized ads contextual contextual-based location location-based sites site ' +
    'encryption zero-knowledge knowledge zero virtual good goods digital storefront scheduler schedulers family centre center participant participants anti-fraud anti ' +
    'app apps application applications integration integrations offering offerings member members restricted rights right designated agent agents developer developers page pages ' +
    'archive storage my messages message showtimes cable malware password passwords them only so-called consent your non affiliate affiliates profile profiles processed company ' +
    'companies for payment payments electronic id verification vendor vendors provider providers various cookie cookies manager e-commerce functionality style sheets cascading ' +
    'flash spotlight data information content contents personal sensitive security privacy policy notice terms legal law enforcement government public general products product ' +
    'features feature settings preferences customer customers client clients subscriber subscribers business businesses enterprise team teams plan plans premium free basic ' +
    'standard contractual clauses module annex schedule exhibit appendix section article agreement addendum order form effective date updated last new marketing sales sale ' +
    'email e-mail newsletter newsletters sms text notification notifications push mobile web website websites online internet network networks social media search maps map ' +
    'cloud hosting server servers infrastructure backup backups storefronts store stores shop shopping purchase purchases order orders billing invoice invoices subscription ' +
    'subscriptions rewards reward points gift card cards wallet payments transfer transfers request requests complaint complaints dispute disputes claim claims help faq ' +
    'contact contacts home main overview introduction summary details detail example examples note notes purpose purposes category categories type types retention period ' +
    'periods deletion access correction portability objection restriction withdrawal opt-out opt-in do not sell share track tracking california virginia colorado europe european ' +
    'eea uk united states kingdom global international domestic regional local national federal state states country countries region regions the and of in on to with by at ' +
    'other others additional further certain all any some each such this that these those our we you us it its their they his her one two three first second ' +
    'strictly necessary performance functional analytical targeting advertising social preference preferences session persistent first-party third-party own ' +
    'identity identifiers identifier device devices browser browsers usage log logs diagnostic diagnostics crash crashes error errors event events inferences inference ' +
    'commercial professional employment education biometric health medical financial protected characteristics classification sensitive precise approximate audio visual ' +
    'internet activity activities electronic network olfactory thermal background check checks verification kyc aml anti-money laundering sanctions screening ' +
    'moderation safety trust integrity quality assurance research development testing test tests beta pilot program programs partnership partnerships sponsor sponsors ' +
    'sponsored affiliated unaffiliated successor successors merger acquisition sale bankruptcy reorganization corporate transaction transactions group groups holding holdings ' +
    // Purpose labels of "**Legal Compliance**: we may disclose …" list items.
    'legal compliance enforcement protection protecting prevention preventing security emergency emergencies business transfer transfers purposes purpose consent aggregated de-identified ' +
    // Technology words of headings and features ("Other Automatic Data Collection Technologies", "powered by Generative AI"); not "technologies": "Cloud Technologies" is a company.
    'ai automatic automated'
  ).split(/\s+/),
);

/**
 * Brands that are platforms, stores or software rather than recipients of the vendor's customer data unless the
 * text says they receive it for the vendor (ads, pixels, analytics): social networks where users engage, app
 * stores (of phones, computers and game consoles), browsers and operating systems.
 */
const SOCIAL_NETWORK_NAMES = 'facebook|instagram|twitter|x|linkedin|youtube|tiktok|pinterest|reddit|snapchat|whatsapp|telegram|tumblr|mastodon|threads|vk|weibo|wechat|xing';
/** A name that starts with a social network's ("LinkedIn Corporation", "Pinterest"): its plug-ins are social ones. */
export const SOCIAL_NETWORK = new RegExp(`^(?:${SOCIAL_NETWORK_NAMES})\\b`, 'i');
/**
 * What a plug-in or button is for when it is not social: signing in, the shop, the payment. Such a button connects the
 * user to a sign-in, shop or payment service of the user's choosing, not to a platform that watches the visit.
 */
export const NON_SOCIAL_PLUGIN_PURPOSE = /\bsign(?:ing)?[\s-]?(?:in|on|up)\b|\blog(?:ging)?[\s-]?in\b|\blogin\b|\bcheck[\s-]?out\b|\bpay(?:ments?)?\b|\bshop(?:ping)?\b|\bcarts?\b|\bpurchases?\b/i;
// App stores, and their in-app payments by any of the names lists give them ("Apple Store In-App Payments", "Google
// Play In-App Billing", "Apple In-App Purchases", "Amazon Appstore In-App Purchasing"): the store takes the payment.
const APP_STORES = 'app store|apple app store|play store|google play(?: store)?|amazon appstore|amazon app store|samsung galaxy store|galaxy store|huawei appgallery';
const IN_APP_PAYMENTS = '(?:in-app (?:payments?|purchases?|purchasing|billing|subscriptions?)|billing)';
export const PLATFORM_BRANDS = new RegExp(`^(?:${SOCIAL_NETWORK_NAMES}|(?:${APP_STORES})(?: ${IN_APP_PAYMENTS})?|apple (?:store )?${IN_APP_PAYMENTS}|itunes|testflight(?: program)?|windows store|microsoft store|xbox(?: store)?|playstation(?: store)?|meta quest(?: store)?|nintendo(?: eshop)?|safari|chrome|firefox|edge|opera|internet explorer|android|ios|ipados|macos|windows|linux)$`, 'i');
/** What makes such a platform a recipient after all: its ads, pixel, analytics or conversion tools. */
export const PLATFORM_AS_RECIPIENT = /^\s*(?:ads|advertising|pixel|insight tag|analytics|conversions? api|custom audiences|ad manager|marketing api|audience network|business tools|sdk)\b/i;

/** Endings of street addresses and places ("Amphitheatre Parkway", "Grand Canal Square"): not names. */
export const ADDRESS_WORD = /\b(?:street|str|st|road|rd|avenue|ave|boulevard|blvd|way|parkway|lane|drive|place|square|quay|suite|floor|building|house|tower|plaza|court|terrace|strasse|straße|gasse|platz|weg|rue|calle|via|box|po box|p\.o\. box)\.?(?:\s+(?:n|s|e|w|ne|nw|se|sw)\.?)?$/i;

/**
 * Capitalised phrases that name a thing, not an organisation (README: names are third-party organisations): a legal
 * citation ("Article 49", "Art"), or a technical artefact or category by its last word ("Data Portability API",
 * "Live ID Verification", "Information From Other Sources", "Ad Exchanges", "Laravel Site Session ID").
 */
export const NOT_AN_ORGANISATION =
  /^(?:[Aa]rt(?:icle)?|[Ss]ec(?:tion)?|[Rr]ecital|[Cc]hapter|[Cc]lause|[Pp]aragraph)\.?(?:\s+[\d(][\w.()]*)*$|\s(?:APIs?|SDKs?|IDs?|Interface|Logo|Session|Verification|Sources|Exchanges|Facilitators|Cookies?)$/;
