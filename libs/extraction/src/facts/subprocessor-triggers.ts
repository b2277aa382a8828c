import { PROVIDER_NOUN } from '../clauses/vocabulary.js';
import { negatedBefore } from '../clauses/negation.js';

import { mayMatch } from '../text/keyword-gate.js';
import { adPlatformExamples } from './subprocessor-ad-platforms.js';
import { sharesDataAfter, sharesUserData } from './subprocessor-share-object.js';

/**
 * Where names follow in a sentence about providers, and who acts there: the positions right after a provider noun or
 * a relation verb of the vendor (not of the user or the customer, read through relative pronouns). Whether examples
 * in a parenthesis are said to receive data, and why a name in such a clause is not a recipient (README conventions),
 * are read in subprocessor-example-roles.ts.
 */
// Both are case-insensitive without the `u` flag (V8 runs /iu alternations five times slower); "through" is a
// trigger only before a capital, checked in code (a \p{Lu} lookahead would need the flag), and only after a verb of the
// vendor working on data ("we send our newsletters through Mailfast", "data we collect through Statwise") or after one of the
// vendor's own features run through it ("our support chat through Chatty Ltd", "our newsletter through Mailbird"): a bare
// "through <Name>" names a channel, most often the vendor's own feature or product ("shared with others through InMail",
// "features available through Acme Labs", "support, including through LiveChat"), not a recipient. Payments made through
// a processor are read by PAYMENT_CHANNEL.
// Positions right after a provider noun ("providers like", "partners (such as", "provider", "vendors are", "sub-processors:") or a
// relation verb ("we use", "we are also using" (an adverb may stand between the auxiliary and "using"), "disclosed to", "hosted by", "stored using" (a verb of keeping or handling the data only: "transmitted using OHTTP" names a protocol), "transferred to a server of") where names follow.
// The vendor handing named data to a named party ("Acme may disclose your name and email to Trustpilot", "we send your
// payment details to Paystride"): the active verb with a data object before "to", its subject the vendor (checked in code
// as for "uses"); the object must be data, so "send you emails to …" names no recipient. Not "transfer": its object goes to a country as often as to a party
// ("transfer the following information to Germany, Serbia and/or the US"), and a country is no recipient.
// A noun may carry the term the document defines for it before its examples: 'third-party services ("Third Party Services"), including A and B'.
// A parenthesis of names right after the noun gives its examples too ("subcontractors and service providers (Floa, PayLead, Braze)").
// "Analytics services on the Services, such as those of A and B": "those of" stands for the noun, the names are its examples.
// One source for AFTER_NOUN's alternative and ON_SITE_EXAMPLES, which tells that alternative's matches apart.
const ON_SITE = String.raw`(?:on|in|across)\s+(?:our|its|the)\s+(?:services?|websites?|sites?|apps?|platforms?)\s*,?\s+(?:such as|including|like|e\.g\.,?)\s+(?:those\s+(?:of|offered\s+by|provided\s+by)\s+)?`;
const AFTER_NOUN = new RegExp(String.raw`${PROVIDER_NOUN.source}(?:\s*\(\s*["“'‘][^"“”'‘’()]{1,40}["”'’]\s*\))?(?:\s*\(\s*(?:(?:such as|e\.g\.,?|including,?\s+but\s+not\s+limited\s+to,?|including|like|for example,?|for instance,?|namely)\s+(?:our\s+)?)?|\s+${ON_SITE}|(?:\s*,)?\s+(?:(?:is\s+called|are\s+currently|is|are|include|includes|including|like|such as|e\.g\.,?|for example,?|for instance,?|in particular,?|namely|called|named|currently\s+(?:include|includes|are)|currently)\s+)?(?:(?:the\s+)?(?:following|company|companies)\s*)?:?\s*)`, 'gi');
// Every alternative starts at a word boundary, asked once for them all (`\b(?:…)`, a lookbehind moved after it): the same
// matches as a `\b` per alternative, about a fifth less time.
const AFTER_VERB = /\b(?:(?:use|uses|used|(?<=\b(?:are|is)\s+(?:(?:also|currently|now|still)\s+)?)using|engage|engages|engaged|rel(?:y|ies) on|work with|works with|partner with|partners with|utili[sz]e|utili[sz]es|employ|employs|contract with|contracts with|license|licen[cs]e from)\s+(?:the\s+)?(?:services\s+of\s+|(?:external\s+)?software\s+from\s+)?|(?:disclosed|transferred|sent|forwarded|provided|shared|transmitted|passed(?: on)?|given|made available|communicated|uploaded|exported|submitted|(?:a|the)\s+transfer|transfers?)\s+(?:directly\s+)?(?:to|with)\s+(?:(?:a|the|one of the)\s+(?:server|servers|systems?|platform|infrastructure)s?\s+(?:of|operated by|run by)\s+|(?:our|its)\s+(?:affiliated|sister|parent)\s+company\s+)?|(?:powered|hosted|provided|operated|processed|handled|managed|run|supplied|delivered|stored|performed|carried out|serviced|transmitted|verified)\s+(?:(?:directly|exclusively|securely|solely|entirely)\s+)?(?:by|through|via|on|with)\s+(?:(?:the\s+)?(?:servers?|systems?|infrastructure|platform|cloud)\s+(?:of\s+)?)?|(?:hosted|processed|stored|verified|handled|managed)\s+(?:(?:directly|exclusively|securely|solely|entirely)\s+)?using\s+|(?<!\boperating\s)(?:servers?|systems?|infrastructure|cloud|platform)\s+(?:of|operated by|provided by|run by)\s+|shar(?:e|es|ed|ing)\s+(?:(?:your|personal|this|such|the|some|certain)\s+)*(?:data|information|details)\s+with\s+(?:[\w-]+\s+){1,3}?(?:such\s+as|including|like|e\.g\.,?)\s+|shar(?:e|es|ing)\s+with\s+(?=(?:the\s+)?[A-Z])|shares?\s+(?:(?!with\b|comply\b|complying\b|compliance\b|accordance\b|line\b|connection\b|cooperat\w*\b|along\b|together\b|consistent\b|associated\b)[\w-]+\s+){1,10}?with\s+(?=(?:the\s+)?[A-Z])|(?:disclose|discloses|pass|passes|send|sends)\s+(?:(?:your|the|this|that|such|some|certain|limited|personal|contact|account|payment)\s+)+(?:(?!to\b)[\w-]+\s+){0,4}?(?:data|information|details|name|email|emails|address|addresses|number)\s+(?:(?:and|or)\s+(?:[\w-]+\s+){0,2}?(?:data|information|details|name|email|address|number)\s+)?to\s+(?=[A-Z])|(?:send|sends|sent|sending|deliver(?:s|ed|ing)?|process(?:es|ed|ing)?|host(?:s|ed|ing)?|stor(?:e|es|ed|ing)|collect(?:s|ed|ing)?|distribut(?:e|es|ed|ing)|transmit(?:s|ted|ting)?|forward(?:s|ed|ing)?|analy[sz](?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,8}?through\s+(?=\S)|our\s+(?:(?!(?:and|or)\b)[\w-]+\s+){1,3}?through\s+(?=\S)|(?:communicate|communicates|integrates?|interfaces?)\s+with\s+|(?:store|stores|host|hosts)\s+(?:[\w-]+\s+){0,3}?(?:data|information)\s+on\s+(?:our\s+|the\s+)?(?=(?:[A-Z][\w.&-]*\s+){1,4}(?:servers?|cloud\s+servers?|data\s+cent(?:er|re)s?)\b))/gi;

// A processor named as the way payments are made: "payable securely via Paystride", "you can pay with Quickpay", "we accept
// payment methods through Paystride", "purchases made on our store using Paylane", "the payment services of Quickpay and
// Tillhub". The processor handles the payer's payment
// details for the vendor (README: the labels take Stripe, PayPal, Klarna named so); card schemes and means of payment
// ("pay with Visa", "via SEPA Direct Debit") are the user's own and set aside by the collector (PAYMENT_MEANS), app stores
// too. "processed by <Name>" is read by AFTER_VERB already. A name must follow (checked in code).
// Between a payment and "via"/"using" only words of where or how it is made: "a payment from a payor using the Hyperwallet
// services" has the payer choose the service.
export const PAYMENT_CHANNEL = /\b(?:pay|paid|payable)\s+(?:(?:securely|online|directly|easily|safely|only)\s+)?(?:via|using|with|through)\s+(?:the\s+)?|\b(?:payments?|purchases?|transactions?|donations?)\s+(?:(?:made|processed|handled|taken|accepted|are|is|can|may|will|be|securely|online|on|in|at|our|this|the|store|shop|website|site|app|platform)\s+){0,5}?(?:via|using|through)\s+(?:the\s+)?|\bpayment\s+(?:services?|methods?|options?|solutions?)\s+(?:(?:[\w-]+\s+){0,2}?through|of|from|offered\s+by|provided\s+by)\s+(?:the\s+)?/gi;
// Before a payment word in capitals that opens a product's title: a determiner or another capitalised word ("the Pay with …").
const TITLE_BEFORE = /(?:\b(?:the|a|an|our|your|its|their)|[\p{Lu}][\p{L}\p{N}]*)\s+$/u;
/** Whether a sentence names how payments are made (see PAYMENT_CHANNEL): its names are read as after a relation verb. */
export const namesPaymentChannel = (v: string): boolean => PAYMENT_CHANNEL_ONCE.test(v);
const PAYMENT_CHANNEL_ONCE = new RegExp(PAYMENT_CHANNEL.source, 'i');
// A name that is a unit of value: its last word a currency's ("Orbital Credits", "Reward Points"), or an apposition saying so
// ("Starcoins, our virtual currency", "Gems (the in-app currency)").
const CURRENCY_AFTER = /^(?:[\p{Lu}][\p{L}\p{N}-]*\s+){1,3}(?:Credits?|Coins?|Tokens?|Points|Gems|Bucks)\b|^[\p{Lu}][\p{L}\p{N}-]*(?:\s+[\p{Lu}][\p{L}\p{N}-]*){0,3}\s*(?:,|\()\s*(?:(?:our|its|the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:currenc(?:y|ies)|credits?|coins?|tokens?)\b/u;
// The payment goes to, or is accepted by, another party the user deals with: a seller, a host, another member.
const PAYEE = String.raw`(?:sellers?|merchants?|hosts?|landlords?|members?|creators?|payees?|owners?|(?:other|another)\s+users?)`;
const OTHER_PAYEE = new RegExp(String.raw`\b(?:directly|straight)\s+to\s+(?:the|that|this|your|each|another|other)\s+(?:[\w-]+\s+)?${PAYEE}\b|\b(?:the|that|this|your|each)\s+${PAYEE}\s+(?:accepts?|chooses?|offers?|allows?)\b`, 'i');

// A modifier may be a participle with a parenthesis ("third parties, acting as “controllers” (as defined in the GDPR), including A").
// Examples of a kind of organisation described before them: "Companies that help deliver newspapers, such as i-Movo",
// "Key service providers we use include A, B and C", "Life-cycle engagement platforms such as Braze", "third parties,
// such as Facebook Ads". The kind is a provider noun, "third parties", or a plural of companies, platforms, services or
// tools with a qualifier before it; a short modifier (or the rest of "companies that help …") (a relative clause, "of our cloud services") may come between it
// and the examples, within one clause (no stop, semicolon, colon or parenthesis) of up to 200 characters (NordVPN describes
// each kind in about two lines before its "(e.g., …)"). Group 1 is the kind, group 2 the modifier.
// "including, but not limited to," and "including without limitation" introduce examples as "including" does: the
// hedge widens the kind, it does not take the named examples out of it ("Analytics providers, including, but not limited
// to, A and B" names A and B as analytics providers).
// Cookies the vendor uses are a kind whose examples are their providers ("We use cookies, including A and B, to …"); "(like A
// or B)" gives examples as "(such as" does, in a parenthesis only (a bare "like" is as often a comparison).
const EXAMPLES_OF_KIND = new RegExp(
  String.raw`(${PROVIDER_NOUN.source}|\bthird[- ]parties\b|\b[\w-]+\s+(?:companies|platforms|services|tools|solutions)\b|\b(?:third[- ]party\s+)?cookies\b)((?:\s*,?\s+(?:that|who|which|we|whom|of|for|acting)\b(?:[^.;:()\n]|\([^.;:()\n]{1,80}\)){1,200}?|(?<=\b(?:help|assist|provide|perform|process|support|work))\s[^.;:()\n]{1,200}?)?)(?:\s*,)?(?:\s+|\s*\(\s*)(?:such\s+as|including(?:,?\s+(?:but\s+)?(?:not\s+limited\s+to|without\s+limitation),?)?|includes?|e\.g\.,?|for\s+example,?|(?<=\(\s*)like)\s+(?=\S)`,
  // Without the `u` flag (see above); the capital that must follow is checked in code.
  'gi',
);
// A kind named by a provider noun proper (not companies, platforms or third parties in general) introduces its examples
// as strongly as "providers like": a big platform's bare name among them is a provider ("cloud services such as AWS and Google").
const PROPER_PROVIDER = new RegExp(String.raw`^(?:${PROVIDER_NOUN.source})$`, 'i');

const POSSESSIVE_BEFORE = /[\p{L}\d]['’]s\s+(?:[\w-]+\s+){0,2}$/u;
const POSSESSIVE_AT = /^(?:\*\*|__)?[\p{Lu}][\p{L}\d.-]*['’]s\s/u;
const PLACE_KIND = /\b(?:countr(?:y|ies)|regions?|jurisdictions?|locations?|territor(?:y|ies)|cities|states)\b/i;

/**
 * Examples of a kind of organisation with a modifier between the kind and the examples (see EXAMPLES_OF_KIND), the
 * positions right after "such as"/"include". The clause given for each (what comes before the kind, and the modifier)
 * must say the vendor passes data to them (checked by the caller with `examplesReceive`).
 */
export function kindExamples(v: string, isLowerWord?: (w: string) => boolean): { at: number; strong: boolean; clause: string }[] {
  const out: { at: number; strong: boolean; clause: string }[] = [];
  // "e.g." ends in a stop, so no word boundary may be asked after it ("(e.g., A, B)" has none).
  if (!/\b(?:(?:such\s+as|including|includes?|for\s+example)\b|e\.g\.)|\(\s*like\b/i.test(v)) return out;
  EXAMPLES_OF_KIND.lastIndex = 0;
  for (let m = EXAMPLES_OF_KIND.exec(v); m; m = EXAMPLES_OF_KIND.exec(v)) {
    // A name starts with a capital or a digit, or is a brand with an inner capital ("i-Movo", "mParticle").
    if (!/^(?:[\p{Lu}\d]|\p{Ll}{1,3}-?\p{Lu})/u.test(v.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    // "other Google services such as Google Ads": a brand's own products, not a kind of provider.
    // A kind opening its sentence or list item is capitalised as any first word is ("- **Communication services** that help
    // us … (e.g., Braze, Inc.)"): it is a brand only when the document never writes that word in lower case.
    if (/^\p{Lu}/u.test(m[1]) && !PROPER_PROVIDER.test(m[1].trim()) && !/^third/i.test(m[1]) && !sentenceCaseKind(v, m.index, m[1], isLowerWord)) continue;
    // "partners … located in countries other than yours (e.g. Singapore)": the examples are of the places the modifier
    // names last, not of the kind.
    if (PLACE_KIND.test(m[2])) continue;
    // "TikTok's paid ad services (e.g. Promote)", "services (e.g., TikTok's Promote)": a brand's own products, not
    // organisations (as "our services such as X" is the vendor's; see EXAMPLES_NOT_RECIPIENTS).
    if (POSSESSIVE_BEFORE.test(v.slice(Math.max(0, m.index - 60), m.index)) || POSSESSIVE_AT.test(v.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    const start = Math.max(0, v.lastIndexOf(';', m.index) + 1, v.lastIndexOf('(', m.index) > v.lastIndexOf(')', m.index) ? v.lastIndexOf('(', m.index) + 1 : 0);
    out.push({ at: m.index + m[0].length, strong: PROPER_PROVIDER.test(m[1].trim()), clause: v.slice(start, m.index) + ' ' + m[1] + m[2] });
  }
  return out;
}

// Nothing but a list item's marker (and emphasis) before a kind: the kind is the item's first word.
const ITEM_OPENING = /^\s*(?:[-*•·▪◦]\s*|\(?[a-z0-9]{1,3}[.)]\s+)?(?:\*\*|__)?\s*$/i;

/** Whether a capitalised kind ("Communication services") is only the first word of its sentence or item, an ordinary word of the document. */
function sentenceCaseKind(v: string, at: number, kind: string, isLowerWord: ((w: string) => boolean) | undefined): boolean {
  if (!isLowerWord) return false;
  // A title-case kind of several words opening an item ("- Customer Support Platforms, including …"): the pattern's
  // match starts at its last qualifier, and the words before it are the same title's, each an ordinary word too.
  const before = TITLE_WORDS_BEFORE.exec(v.slice(0, at));
  if (!before || !ITEM_OPENING.test(v.slice(0, before.index))) return false;
  const lower = (first: string) => {
    const w = first.toLowerCase();
    return /^\p{Lu}\p{Ll}+$/u.test(first) && (isLowerWord(w) || isLowerWord(w.endsWith('s') ? w.slice(0, -1) : `${w}s`));
  };
  return [...before[0].split(/\s+/).filter((w) => w !== ''), kind.split(/\s+/)[0]].every(lower);
}
const TITLE_WORDS_BEFORE = /(?:\p{Lu}\p{Ll}+\s+){0,2}$/u;
// The thing supplied, right before "supplied by": content or information (a parenthesis of its kinds and a passive may come
// between), not a service or the processing of the user's data. "Your data" and "you" are the user's own, never a source's.
const SUPPLIED_CONTENT = /\b(?<!\byour\s)(?:content|information|data|listings?|results|reviews|ratings|images|imagery|feeds?)\s*(?:\([^()]{0,90}\)\s*)?,?\s*(?:(?:that|which)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been|may\s+be|will\s+be|being)\s+)?$/i;

/** `owner`: the sentence whose view `v` is, if any (its keyword scan is shared with other readers). */
export function triggers(v: string, vendor: RegExp, hasNoun: boolean, owner?: object): Trigger[] {
  const out: Trigger[] = [];
  // AFTER_NOUN starts with a provider noun: without one in the sentence it cannot match.
  for (const re of hasNoun ? [AFTER_NOUN, AFTER_VERB, PAYMENT_CHANNEL] : [AFTER_VERB, PAYMENT_CHANNEL]) {
    re.lastIndex = 0;
    // Skipping a pattern none of whose words is in the sentence leaves lastIndex at 0, as a pass without a match does.
    if (!mayMatch(re, v, owner)) continue;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      // "X uses Y" counts when X is the vendor ("we", "Acme", "Business Associate") or a relative pronoun.
      // Auxiliaries and adverbs between the subject and the verb are passed over as a chain ("we may also use", "we are also using").
      if (re === AFTER_VERB && /^(?:use|uses|used|using|engage|engages|engaged|rel|work|works|partner|partners|utili|employ|contract|license|licen|shares?\s|sharing\s+with\s|(?:store|stores|host|hosts)\s|(?:disclose|discloses|pass|passes|send|sends)\s)/i.test(m[0])) {
        const subject = v.slice(Math.max(0, m.index - 50), m.index).replace(/(?:\s+(?:also|currently|may|might|will|would|can|could|shall|should|do|does|only|are|is|then|still|now|further|additionally|sometimes|often|generally|typically|usually))+\s*$/i, '').replace(/\s+$/, '');
        // "This website uses the services of Ezoic Inc.": the vendor's own site or app is the vendor.
        // "Our SMS feature made available to clients in the US uses Twilio": the vendor's own feature or product, with what
        // it is offered to after it, is the vendor too (read over a longer stretch than the bare subject).
        if (!/\b(?:we|us|and|also|which|who|that|it|company|vendor|provider|processor|associate|platform|service|services)$/i.test(subject) && !vendor.test(subject) && !OWN_SITE.test(subject) && !OWN_PRODUCT.test((m.index > 140 ? '… ' : '') + v.slice(Math.max(0, m.index - 140), m.index).trimEnd())) continue;
        // "Merchants that use our service may disclose your details to X": the service closing a relative clause is its
        // object; the subject is the noun before the pronoun (the vendor's customers), not the vendor's service.
        if (SERVICE_AS_OBJECT.test(subject)) continue;
        // "We share a commitment with X", "Members who share … with X": the vendor passes no user data (subprocessor-share-object.ts).
        // "we may share with LiveRamp … information that we collect from you": the object after the names says what is shared.
        if (/^shar(?:e|es|ing)\s+with\s/i.test(m[0])) {
          if (!sharesDataAfter(v.slice(m.index + m[0].length, m.index + m[0].length + 200), subject)) continue;
        } else if (/^shares?\s/i.test(m[0]) && !sharesUserData(m[0], subject)) continue;
        // A relative pronoun stands for the noun before it: "your products or services that use X", "an Institution that
        // utilizes X" are the user's or customer's own choices, not the vendor's providers.
        if (/\b(?:which|who|that)$/i.test(subject) && USER_ANTECEDENT.test(subject.replace(/\s*,?\s*(?:which|who|that)$/i, ''))) continue;
        // After "and" the verb shares the subject of the verb before it: "You can export your files and send your data to
        // X", "log in and use X" are the user's acts ("We collect your card and send it to X" stays the vendor's).
        if (/\band$/i.test(subject) && USER_BEFORE_AND.test(v.slice(Math.max(0, v.lastIndexOf(';', m.index) + 1), m.index))) continue;
        // Data the vendor hands over because the user asks or connects the party ("At your request, we will send your data
        // to X", "when you connect the integration"): a party the user reaches, not the vendor's recipient (README).
        if (/^(?:disclose|discloses|pass|passes|send|sends)\s/i.test(m[0]) && USER_DIRECTS.test(v)) continue;
      }
      if (((re === AFTER_VERB && /\bthrough\s+$/i.test(m[0])) || re === PAYMENT_CHANNEL) && !/^\p{Lu}/u.test(v.slice(m.index + m[0].length))) continue;
      // "content (including business listings) that has been supplied by X": what is supplied is content or information
      // coming to the vendor or its users, so X is where data comes from (a source, README), not a party receiving it.
      // Only "by": data "provided to X" goes to X.
      if (re === AFTER_VERB && /^(?:provided|supplied|delivered)\s+(?:\w+\s+)?by\s/i.test(m[0]) && SUPPLIED_CONTENT.test(v.slice(Math.max(0, m.index - 120), m.index))) continue;
      // "We do not accept payments via X": a refused channel names no recipient. "the Pay with Paystride block": a title in
      // capitals inside the sentence is a product's name, not a clause about paying.
      if (re === PAYMENT_CHANNEL && (negatedBefore(v, m.index, 60) || (/^\p{Lu}/u.test(m[0]) && TITLE_BEFORE.test(v.slice(Math.max(0, m.index - 30), m.index))))) continue;
      // "pay with Starcoins, our virtual currency", "purchases made using Orbital Credits": a currency is what is paid, not who
      // takes the payment. "a buyer may pay with X if the seller accepts it", "you pay with X directly to that member": the
      // payment goes to another party the user deals with, X is that party's channel, not the vendor's (README: parties the
      // user connects to are not the vendor's recipients).
      if (re === PAYMENT_CHANNEL && (CURRENCY_AFTER.test(v.slice(m.index + m[0].length)) || OTHER_PAYEE.test(v))) continue;
      // A capitalised noun is part of a name ("Acme Information Technologies Ltd"), not the provider noun.
      if (re === AFTER_NOUN && /^[\p{Lu}]/u.test(m[0]) && m.index > 0) continue;
      // "partners (such as A and B)": the parenthesis only gives examples of the noun, so the clause before it must
      // say the vendor passes data to them (checked by the caller, which knows the list the sentence is in).
      // So does a noun inside a parenthesis that gives examples of the parties before it ("via third parties (payment
      // service providers like Paypal)"): the clause before the parenthesis decides.
      const open = v.lastIndexOf('(', m.index);
      const inside = re === AFTER_NOUN && open >= 0 && open > v.lastIndexOf(')', m.index) && m.index - open < 60;
      const paren = re === AFTER_NOUN && (m[0].includes('(') || inside);
      const cut = inside && !m[0].includes('(') ? open : m.index + m[0].indexOf('(');
      // "Analytics services on the Services, such as those of A and B": services met on the vendor's site are its providers
      // only when the clause has the vendor use them or pass them data; "Your use of third-party services on the Site, such
      // as A", "the privacy practices of third-party services on the Services, such as A" name services the user meets there.
      const site = re === AFTER_NOUN && !paren ? ON_SITE_EXAMPLES.exec(m[0]) : null;
      const clause = paren ? v.slice(Math.max(0, v.lastIndexOf(';', cut) + 1), cut) : site ? v.slice(Math.max(0, v.lastIndexOf(';', m.index) + 1), m.index + site.index) : undefined;
      out.push({ at: m.index + m[0].length, strong: re === AFTER_NOUN, ...(clause !== undefined ? { clause } : {}), ...(site ? { byVendor: true } : {}) });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  for (const at of adPlatformExamples(v)) out.push({ at, strong: true, ad: true });
  return out;
}

/** A name's position after a provider noun or verb; `clause` must say the names receive data, `byVendor`: with the vendor as the verb's subject. */
export interface Trigger {
  at: number;
  strong: boolean;
  clause?: string;
  byVendor?: true;
  /** A platform the vendor shows its targeted ads through (subprocessor-ad-platforms.ts): it receives the user's data as a tracker does. */
  ad?: true;
}
// The examples of services met on the vendor's site, at the end of an AFTER_NOUN match (read in triggers()).
const ON_SITE_EXAMPLES = new RegExp(String.raw`\s${ON_SITE}$`, 'i');

// A relative clause whose object is the vendor's service or platform ("that use our service", "who sign up for the platform").
const SERVICE_AS_OBJECT = /\b(?:that|who|which)\s+(?:\w+\s+){0,2}?(?:use|uses|access|accesses|visit|visits|join|joins|sign\s+up\s+(?:for|to|on)|subscribe\s+to|buy\s+from|sell\s+on|sells\s+on)\s+(?:our|the|this)\s+(?:platform|service|services)$/i;
// The user as the subject of a verb joined by "and" to the one read (no "we" between: "you pay and we send" is the vendor's).
const USER_BEFORE_AND = /\b(?:you|users?|customers?|members?|visitors?)\b(?![^,;]*\b(?:we|us)\b)[^,;]{0,80}\band\s+(?:(?:also|then|may|can|will|could)\s+)*$/i;
// The user directs the disclosure or connects the recipient.
export const USER_DIRECTS = /\b(?:at|upon|on)\s+your\s+(?:request|direction|instruction)s?\b|\b(?:you|users?)\s+(?:may\s+|can\s+)?(?:request|ask|direct|instruct)s?\s+(?:that\s+)?(?:us|we)\b|\bif\s+you\s+(?:ask|request|direct|instruct)\b|\b(?:when|if|once)\s+you\s+(?:connect|link|integrate|enable|use\s+(?:the|an?|our|this)\s+integration)\b/i;
const OWN_SITE = /\b(?:this|our)\s+(?:web\s?)?(?:site|website|app|application)s?$/i;
// The vendor's own feature or product as the subject, bare or with a participle saying whom it is offered to ("our SMS
// feature made available to clients in the US and Canada").
// It opens the sentence or a comma's part ("Similarly, our …"): "Businesses that use our products use X" names the
// businesses' tools.
// "Our partner products", "our third-party apps", "our customer apps" are another party's, not the vendor's.
const OWN_PRODUCT = /(?:^|[,;:]\s*)our\s+(?:(?!(?:partners?|third[- ]part(?:y|ies)|customers?|clients?|merchants?)\b)[\w-]+\s+){0,2}?(?:features?|products?|tools?|software|chatbots?|solutions?|apps?|applications?)(?:\s+(?:made\s+available|offered|provided|available)\s+(?:to|for)\s+[^,;.()]{1,80})?$/i;
const USER_ANTECEDENT = /(?:\byour\s+(?:(?!(?:with|to|for|from|by|of|on|in|at)\b)[\w-]+\s+(?:or\s+|and\s+)?){0,3}[\w-]+|\b(?:you|users?|end\s+users|customers?|institutions?|students?|schools?))$/i;

// Whether the names found receive data is read in subprocessor-example-roles.ts; re-exported for the reader.
export { deniedUse, examplesReceive, excludedBecause, groupExamples, vendorPassesTo } from './subprocessor-example-roles.js';
