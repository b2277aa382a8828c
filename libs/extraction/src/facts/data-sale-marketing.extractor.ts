import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { agentOf, has, hitsOf, negated, recipientsOf, verbal } from '../clauses/clause.js';
import { clauseEvidence, decide, evidenceAt, operative } from './fact-context.js';
import { restrictsOthers } from '../clauses/actor-readings.js';
import { introChain } from '../clauses/structure.js';
import { bothCases } from '../clauses/both-cases.js';
import type { Refusal } from '../clauses/refusal.js';
import { refusal, refusedAt } from '../clauses/refusal.js';
import { leadIn } from '../clauses/list-lead.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';
import type { Sentence } from '../text/sentences.js';

type V = Fact<'data_sale_or_marketing'>['value'];

const PREFILTER = /\b(?:sell|sale\b|sold\b|rent\b|rent(?:ing|s)\b|market|advertis|ads\b|promot|offers\b|offered by\b|ad personali|remuneration|newsletter|licen[cs]|sublicen[cs]|interest\b|send(?:ing)? you\b)/i;
// A list is data only as a list of people ("mailing list"), not the verb ("list items for sale").
const DATA = String.raw`(?:[\w-]+\s+){0,6}?(?:data|information|phi|protected health information|records|content|personal|(?<=(?:mailing|e-?mail|customer|contact|subscriber|user|member|marketing)\s)lists?)\b`;
// Who pays for licensed data, and the price: third parties or partners, for a fee, royalty or other payment.
const BUYER = String.raw`(?:third[- ]part(?:y|ies)|partners?|data (?:buyers|brokers|partners)|buyers|licensees|researchers|research (?:partners|institutions|organi[sz]ations)|other (?:companies|organi[sz]ations|businesses))\b`;
const PRICE = String.raw`\b(?:for (?:a |an )?(?:\w+ )?(?:fees?|royalt(?:y|ies)|consideration|compensation|payment|remuneration|money|revenue)|in exchange for|against payment|paid)\b`;
// What the vendor may do: market to people, serve ads on their data, sell or rent data.
const ALLOWED: RegExp[] = [
  /\b(?:to|may|will|can|we|also)\s+(?:also\s+)?(?:market|advertise)\b(?!\s+(?:the )?(?:services|products) (?:to )?(?:the )?customer)/i,
  /\bmarketing to you\b/i,
  // Communicating with the person about products or events the vendor or others offer, or that "will interest you", is
  // marketing; not news of what they bought ("about products you have purchased").
  /\bcommunicat(?:e|es|ing)\s+with\s+you\s+about\s+(?:(?:our|new|other|the)\s+)?(?:products|offers|promotions|deals)\b(?![^.;]{0,40}\byou (?:have )?(?:purchased|ordered|bought|requested))[^.;]{0,80}?\b(?:offered by|(?:that|which) (?:we think )?(?:may|might|will|would) (?:be of )?interest)/i,
  /\b(?:send|sending|email|emailing|text|texting|mail|mailing|contact|contacting)\s+(?:you |users |patients |clients |customers? |the customer )?(?:with )?(?:[\w'’-]+,? (?:and |or |& )?){0,6}?(?:marketing|promotional|advertising|promotions)\b/i,
  // Telling the person of offers ("to notify you of … special offers", "to send you … newsletters … or Acme offers"); a
  // name before "offers" with an object after it is another organisation acting ("when Medicare offers a new period").
  /\b(?:notify|notifying|inform|informing|send|sending|email|emailing|contact|contacting)\s+you\b[^.;]{0,120}?\b(?:special offers|promotional offers|exclusive offers|our offers|[A-Z][\w-]+ offers(?=\s*(?:[.,;:)!]|$|(?:and|or|&|from|that|which|by|via)\b))|promotions|deals and discounts)\b/,
  // Messages the vendor provides the person that include promotions ("We may provide you with emails, text messages,
  // push notifications … related to the App, such as enhancements, offers, products, events, and other promotions"): the
  // list of channels runs long before the promotions, so the window is wider than for "send you". Without a channel the
  // promotions are the short list's own ("to provide you with promotions"); "provide you with tools to create … promotions",
  // "reports on your promotions" or "the rules of … promotions" are the user's own or another thing.
  /\bprovid(?:e|es|ing) you with\s+(?:(?:(?!(?:tools?|reports?|reporting|rules|insights|analytics|ability|options?|features?|dashboards?|means)\b)[\w-]+,?\s+(?:and\s+|or\s+|&\s+)?){0,4}?(?:special offers|promotional offers|exclusive offers|(?:other |our )?promotions|promotional (?:messages|e-?mails|communications|materials))\b|(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?(?:e-?mails?|messages|notifications|newsletters|communications|texts|SMS|alerts|mailings|information|updates)\b[^.;]{0,160}?\b(?:special offers|promotional offers|exclusive offers|(?:other |our )?promotions|promotional (?:messages|e-?mails|communications|materials))\b)/i,
  /(?<!\b(?:principles|program(?:me)?|framework|guidelines|codes?(?: of (?:conduct|practice))?|standards|recommendations?) (?:for|of|on) (?:online |the )?)\b(?:targeted|interest-based|behaviou?ral|personali[sz]ed|cross-context(?: behaviou?ral)?) (?:advertising|ads|marketing)\b|\bto target (?:and \w+ )?(?:advertising|ads|advertisements)\b/i, // not in a code's name ("… Principles for Online Behavioral Advertising"); the verb too
  // "to inform your interests for ad personalization".
  /\b(?:ads?|advertising) personali[sz]ation\b/i,
  // Using the person's contact data for advertising ("We use your contact data … for advertising by post").
  /\buse\s+(?:your|the customer's|users'?)\s+(?:[\w-]+\s+){0,2}?(?:data|information|details|e-?mail address(?:es)?)\b[^.;]{0,120}?\bfor (?:the purposes? of )?(?:advertising|marketing)\b/i,
  // The vendor naming advertising among the uses of the data it just described ("we use this information for site
  // optimization, fraud/security purposes, and advertising"): the last item of its list of purposes, not a word inside
  // another purpose ("to measure the effectiveness of advertising").
  /\bwe (?:also )?use (?:this|that|these|such|the) (?:[\w-]+\s+){0,2}?(?:data|information)\s+for\s+(?:(?!(?:of|to|the|on|about|in)\b)[\w/-]+,?\s+(?:and\s+|or\s+)?){0,8}?(?:and|or)\s+(?:for\s+)?(?:advertising|marketing)(?:\s+purposes)?\s*[.;]/i,
  /\b(?:serve|serving|deliver|delivering|show|display) (?:\w+ ){0,2}(?:ads|advertisements|advertising)\b/i,
  /\bfor (?:our |its |their )?(?:own )?(?:direct )?marketing (?:or \w+ |and \w+ )?purposes\b/i,
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:sell|rent|lease|trade)\b,?\s+(?:or\s+\w+\s+)?${DATA}`, 'i'),
  /\bin exchange for (?:money|monetary|remuneration|compensation|payment)/i,
  // Contacting the user about offers or products "that may be of interest" is marketing by another name ("we may
  // email you …, as well as notify you of other offers or Services that may be of interest"). Only verbs that reach
  // the person: "content provided to inform you about our products" describes the site, not a use of their data.
  /\b(?:contact|email|e-mail|send|notify|mail|text|message)(?:ing|s)?\s+you\b[^.;]{0,80}?\b(?:offers?|products?|services?|promotions?|deals|events?|goods)\b[^.;]{0,60}?\b(?:that|which)\s+(?:may|might|could|would)\s+(?:be\s+of\s+)?interest/i,
  // Sending the person details of the vendor's products and services, offers or promotions ("to send you details of our
  // products and services"): marketing; not news of what they bought ("information about products you have purchased").
  /\bsend(?:ing)? you (?:details|information|news|updates)(?: and \w+)? (?:of|about|on|regarding) (?:(?:our|new|other|similar|the)\s+){0,2}(?:(?:own\s+)?products (?:and|or|&) services|promotions|offers|deals|discounts|other products|new products|similar (?:products|services))\b(?!\s+(?:that\s+|which\s+)?(?:you (?:have )?(?:purchased|ordered|bought|use|requested)))/i,
  // A newsletter about the vendor's products or offers is a marketing e-mail ("In our newsletter we inform you about
  // new products"); a newsletter on other topics is not, by itself.
  /\bnewsletters?\b(?:[^.;]|\.(?=\S)){0,120}?\b(?:inform|tell|update|notify|send|email|e-mail)\w*\s+(?:you\s+)?(?:\w+\s+){0,2}?(?:about|of|on|with)\s+(?:(?:our|new|current|latest|special|the)\s+){0,3}(?:products?|offers?|offerings|promotions?|deals|discounts)\b/i,
  // Licensing the data to others for a price is selling it ("may license Contributed Data to third parties for a
  // fee", "… to research partners in exchange for license fees"); a license the customer grants the vendor is not.
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:license|licence|sublicense|sublicence)\s+${DATA}[^.;]{0,60}?\b(?:to|with)\s+(?:[\w-]+\s+){0,3}?${BUYER}[^.;]{0,60}?${PRICE}`, 'i'),
  // Licensing the data out is selling it: "may license Contributed Data, in identifiable or de-identified form, to
  // third parties … in exchange for fees". Licensing only de-identified data is de-identified use (its own fact).
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:license|licence|sublicense|sublicence)\s+${DATA}(?![^.;]{0,20}\bfrom\b)[^.;]{0,160}?\b(?:to (?:third|other|outside|unaffiliated)|to (?:insurers|partners|customers|companies|businesses)|in exchange for|for (?:a )?fees?\b|for (?:monetary )?consideration)`, 'i'),
];
// The acts it may promise not to do, named without their negation: whether one is refused is the shared reader's answer
// (clauses/refusal.ts), with the characters it may look back for the negation ("We will not, under any circumstances,
// sell …"). A marketing use of data or of contact with the person ("no mobile information will be shared … for their
// marketing purposes", "we may contact you …, but never for marketing"), not an eligibility, a responsibility or a
// trademark ("not eligible for advertising", "no responsibility for the advertising materials"): see MARKETED_DATA.
const SALE_ACT = new RegExp(String.raw`\b(?:sell|sold|selling|rent|renting|sale of)\b[^.;]{0,40}?${DATA}`, 'i');
const MARKETING_USE = /\b(?:for|in) (?:any )?(?:\w+ )?(?:marketing|advertising|promotional)\b/i;
// "we do not use persistent identifiers to serve targeted advertising": a refused targeted use, when the vendor is
// the subject of the negation (checked in code: not "if you do not opt out, we will serve …").
const TARGETED_ACT = /\b(?:serve|show|display|deliver)\s+(?:you\s+)?(?:targeted|interest-based|behaviou?ral|personali[sz]ed)\s+(?:advertising|ads|advertisements)\b/i;
const REFUSABLE: { act: RegExp; window: number }[] = [
  { act: SALE_ACT, window: 60 },
  { act: MARKETING_USE, window: 90 },
  { act: /\b(?:remuneration|payment) (?:directly or indirectly )?in exchange for\b/i, window: 90 },
  { act: /\bto (?:market|advertise|promote)\b/i, window: 90 },
  { act: /\bin the business of selling\b/i, window: 12 },
  { act: TARGETED_ACT, window: 70 },
  { act: /\b(?:send|email|text|mail|contact)\w*\b[^.;]{0,40}\b(?:marketing|promotional|advertising)\b/i, window: 40 },
  { act: /\b(?:share|disclose|provide|give)\b[^.;]{0,60}\b(?:with|to) (?:advertisers|marketers|data brokers|advertising (?:partners|networks))\b/i, window: 70 },
];
// The refusal's exception is the person's consent ("We do not sell your personal information other than with your
// consent", "… without your consent", "… unless you agree"): the data may be sold once they agree, an opt-in sale, which
// this fact reads as allowed (README: allowed when the data may be sold; consent does not make it a prohibition). The
// exception must follow the refused act in its own clause (not "…, and we will not share it without your consent").
const CONSENT_EXCEPTION = /^[^.;,]{0,60}?(?:,\s*)?\b(?:other than|except|unless|without)\s+(?:with\s+|upon\s+|on\s+)?(?:your|the (?:user|customer|member|person)'s|their)\s+(?:prior\s+|express\s+|explicit\s+|affirmative\s+|written\s+)*(?:consent|permission|authori[sz]ation|agreement|opt-in)\b|^[^.;,]{0,60}?(?:,\s*)?\bunless you (?:(?:first|expressly|explicitly)\s+)?(?:consent|agree|opt in|opt-in|authori[sz]e)\b/i;
// The same exception placed before the act: between the negation and the act ("We will not, other than with your consent,
// sell …") or closing a negated lead-in whose items are the refused acts ("We will not, without your consent:" then "- sell
// your personal information"). The consent is then the condition of every refused act after it, as when it follows the act.
const CONSENT_ASIDE = /\b(?:other than|except|unless|without)\s+(?:with\s+|upon\s+|on\s+)?(?:your|the (?:user|customer|member|person)'s|their)\s+(?:prior\s+|express\s+|explicit\s+|affirmative\s+|written\s+)*(?:consent|permission|authori[sz]ation|agreement|opt-in)\b|\bunless you (?:(?:first|expressly|explicitly)\s+)?(?:consent|agree|opt in|opt-in|authori[sz]e)\b/i;
function consentAside(ctx: FactContext, s: Sentence, v: string, r: Refusal): boolean {
  if (!r.byLead) return CONSENT_ASIDE.test(v.slice(r.index, r.act.index));
  const lead = leadIn(ctx.sentences, s)?.lead.view ?? '';
  // Only the lead-in's own clause, the one that ends in the colon: "Without your consent we will not:" reads the same,
  // "Unless required by law, we do not:" names no consent, and in "We never collect data without your consent, and we
  // will not:" the consent is the collecting's, an earlier clause.
  return CONSENT_ASIDE.test(lead.slice(lastClauseStart(lead)));
}

// Where a lead-in's last clause starts: after "; " or a coordinator that opens a clause of its own ("…, and we will not:").
const CLAUSE_JOIN = /;|\b(?:and|but|while|whereas)\s+(?=(?:we|it|they|you|the company|[A-Z][\w-]*)\s+(?:will|shall|do|does|may|must|never|can|would|are|is)\b)/g;
function lastClauseStart(lead: string): number {
  let at = 0;
  for (const m of lead.matchAll(CLAUSE_JOIN)) at = m.index + m[0].length;
  return at;
}

// Offers sent by another company ("Our retail partners may send you offers and promotions about their products"): its
// marketing, not the vendor's use of the person's data. The vendor sending offers of partners ("we may send you offers
// from our retail partners") is its own.
const OTHERS_SEND = /\b(?:partners?|retailers?|merchants?|advertisers?|sponsors?|third[- ]part(?:y|ies)|brands?|sellers?)\s+(?:(?:may|will|can|might|could|also|sometimes)\s+){0,2}$/i;
// Only a match that opens with the sending verb has the party before it as its subject ("with third parties for marketing
// purposes" names recipients).
const SENDING = /^(?:send|email|e-mail|text|mail|contact|notify|inform|communicat|provid|market|advertis|promot)/i;
const othersSend = (v: string, m: RegExpExecArray): boolean => SENDING.test(m[0]) && OTHERS_SEND.test(v.slice(Math.max(0, m.index - 50), m.index));
const MARKETED_DATA = /\b(?:data|information|personal|content|e-?mail address(?:es)?|phone numbers?|contact details)\b|\b(?:contact|email|e-mail|call|text|message)\w*\s+(?:you|users?|customers?|patients?)\b/i;
// A definition ("'Sell' means…", "'Share' has the meaning…", "… is defined as"): the words after it describe
// a term, not what the vendor does.
const DEFINES = /["“'‘][A-Z][^"”'’]{0,40}["”'’]\s*(?:means|shall mean|has the meaning|have the meanings?|is defined|refers to|includes)\b|\bthe terms? ["“'‘]?[\w-]+["”'’]?\s*(?:means|refers to|includes)\b|\bis defined (?:as|to mean)\b/i;

/** Whether the match at `index` sits in a definition: a defining phrase earlier in its clause (not across ';'). */
function inDefinition(v: string, index: number): boolean {
  let from = Math.max(0, index - 160);
  const semi = v.lastIndexOf(';', index);
  if (semi >= from) from = semi + 1;
  return DEFINES.test(v.slice(from, index));
}

/** The licensed data is only de-identified or aggregate ("license de-identified data"), not "identifiable or de-identified". */
function deidentifiedOnly(text: string): boolean {
  return /\b(?:de-?identified|anonymi[sz]ed|aggregated?|aggregate)\b/i.test(text) && !/(?<![-\w])identifiable\b/i.test(text);
}

// A sentence that states the reader's rights under a law ("California law gives you the right to request … the
// third parties we share with for their direct marketing purposes") describes the law, not what the vendor does.
const LEGAL_RIGHT = /\b(?:you )?(?:have|has|gives? you|grants? you|provides? you with) the right to (?:[\w-]+ ){0,4}?(?:request|receive|know|obtain|ask)\b|\bshine the light\b|\b1798\.83\b/i;
const SALE_AND_NOT = /^(?=[^]*\b(?:sell|sells|sold|selling|sale|rent|rented|renting|lease|leased|trade|traded|monetize|monetise|resell)\b)(?=[^]*\b(?:not|never|no|nor|neither|cannot|won't|don't|doesn't|won|don|doesn)\b)/i;
// "Mobile information" is the text-messaging programme's data (the carriers' wording: "No mobile information will be
// shared with third parties/affiliates for marketing/promotional purposes"), one channel, not all personal data.
const SCOPED = /\b(?:this way|in this (?:way|manner|context)|through (?:this|the) (?:form|newsletter|feature|survey|contest|sweepstakes))\b|\b[Nn]o mobile information\b|\bmobile information (?:will|shall|is) not\b|\b(?:text messag\w*|sms) (?:originator )?opt-in data\b/i;
const CHANNEL_REVIEW = 'a refusal about the data of one collection channel only';
// Things sold that are not the person's data: an offer to sell securities, products or tickets is commerce, not a
// sale of data ("do not constitute an offer to sell … any securities or financial instruments").
const GOODS = /\b(?:sell|sells|sold|selling|sale|rent|renting)\b[^.;]{0,60}?\b(?:securities|shares|stocks?|financial instruments|products?|goods|merchandise|tickets?|items?|subscriptions?|gift cards?|vehicles?|propert(?:y|ies))\b/i;
// "licensed, not sold, to you": the product sold to the user; "does not constitute a sale of …": what an act is called,
// not a refusal to sell.
const SOLD_TO_USER = /\b(?:sold|sell|sale)\b,?\s+to\s+you\b/i;
const CHARACTERISED = /\bnot\s+(?:constitute|amount to|be (?:considered|deemed|treated as)|qualify as)\s+(?:a\s+)?(?:sale|selling)\b/i;
// An instruction to the user ("Do not use Groups to … promote dangerous activities"), under a bold run-in title or not;
// a title-case "Do Not Sell My Personal Data" is the name of a privacy link, not an instruction.
const IMPERATIVE_TO_USER = /^\W*(?:\*\*[^*]{1,60}\*\*\W*|[^:.;]{1,60}:\s*)?(?:[Dd]o not|[Dd]on't|DO NOT|[Nn]ever|NEVER)\s+(?:use|post|share|sell|upload|create|send|promote|advertise|market|engage)\b(?!\s+(?:my|your)\b)/;
const CONTEXTUAL = /\bcontextual(?:ly)?\b|\bif you search for\b|\bbased (?:only |solely )?on (?:your )?(?:search (?:terms?|quer(?:y|ies))|the (?:page|content|article|search)|what you (?:search|are searching) for)\b/i;
const BRAND = /\b(?:brand features|trademarks?|logos?|service marks?|trade names?|brand(?:ing)? guidelines)\b/i;
const NEGATED_ITEM = /^\W*(?:never|not|no)\b/i;
// Ads the person is said to be targeted with: an example of a search then illustrates them, it does not make them contextual.
const EXPLICIT_TARGETED = /\b(?:targeted|interest-based|behaviou?ral|personali[sz]ed|cross-context)\b/i;
// A negation inside the user's condition ("If you do not opt out, we will …", "if you don't want us to …") is the
// user's choice, not the vendor's refusal.
const USER_CONDITION = /\b(?:if|unless|whether|should|in case)\s+(?:you|users?|the user|customers?)\b[^,;.]{0,40}$/i;
// A refusal limited to a group ("to children under 13", "of minors", "to users under the age of 16") is no refusal for
// every user; one that names the group as an instance ("including children's data") still covers everyone.
const SCOPE_LIMIT = /^(?:(?!\b(?:including|especially|even|also|as well)\b)[^.;]){0,80}?\b(?:to|of|from|about|for|by|on|with|at)\s+(?:(?:the|our|any|young)\s+)?(?:children|child's|kids|minors?|teens?|(?:users?|persons?|people|individuals|anyone|visitors?)\s+(?:under|below|younger than|aged? (?:under|below))\b)/i;

/**
 * Whether the vendor is the subject of the negation at `index`: "we", "we and our providers", or one of its names, with
 * an aside between commas set aside ("Acme, and the service providers that it works with, do not …").
 */
function vendorSubject(v: string, index: number, vendorNames: string[]): boolean {
  const from = Math.max(0, index - 160, v.lastIndexOf(';', index) + 1);
  const before = v.slice(from, index).replace(/,[^,;]{0,80},/g, ' ').toLowerCase();
  // A name is also written without its legal suffix ("Quizzly" for "Quizzly Inc.").
  const names = vendorNames.map((n) => escapeRegExp(n.toLowerCase().replace(TRAILING_LEGAL_SUFFIX, ''))).filter((n) => n.length >= 3);
  const who = ['we(?:\\s+(?:and|&)\\s+(?:our|its)\\s+(?:[\\w-]+\\s+){0,1}[\\w-]+)?', 'the company', ...names].join('|');
  return new RegExp(String.raw`(?:^|[^\w-])(?:${who})\s+(?:(?:do|does|will|shall|would|can|also)\s+)?$`, 'i').test(before);
}

/** Whether what a matched sale sells is goods: a goods noun follows the sale word before any data word. */
function sellsGoods(matched: string): boolean {
  const g = GOODS.exec(matched);
  return g !== null && !/\b(?:personal|data|information|records|lists?)\b/i.test(g[0]);
}
// "Opts"/"opted out" only of the person ("if you have opted out of receiving marketing communications"): "contacts who
// opted out of your marketing emails" are an email-sending customer's recipients, and "users are opted out of
// marketing by default" says none is sent. "Your marketing emails" are the customer's own, not the vendor's.
const DECLINE_MARKETING = /\b(?:(?:do not|don't|no longer) (?:wish|want) to receive|unsubscribe from|opt(?:-| )?out of (?:receiving )?|(?<=\b(?:you|you have|you've|you had|users? (?:has|have)|a user|the user)\s)opt(?:s|ed)(?:-| )?out of (?:receiving )?)\s*(?:our |any |further )?(?:(?!your\b)[\w-]+,? ){0,2}?(?:promotional|marketing|advertising) (?:e-?mails|communications|messages|materials|offers|newsletters)\b/i;
// A condition opening the clause before the sale: "Where / If / When … is not being offered for Sale".
const CONDITION_OPEN = /^\W*(?:where|if|when|whenever|unless|in case)\b[^,;]*$/i;
const CONCEDED = /\b(?:though|although|but|however|except that)\b[^.;]{0,40}\bmay\s+(?:\w+\s+){0,2}?(?:sell|rent|license|licence|transfer)\b/i;
const CUSTOMER_SUBJECT = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:[\w ]{0,30}\.\s+)?(?:the )?(?:customer|covered entity|you|client|practice)s? (?:will|shall|may|must|agrees?)/i;

// A list's lead-in that scopes its items to part of the data or one law ("With respect to Customer Personal Data processed
// under Restricted Data Processing, and to the extent that CCPA applies …:"): a refusal among the items holds only there.
// Not the legal hedge "to the extent permitted by law".
const SCOPED_LEAD = /^\W*(?:[\d.]+\s*)?(?:with respect to|in respect of|to the extent|insofar as)\b(?!\s+(?:permitted|required|allowed|authori[sz]ed)\b)(?![^:]{0,30}\b(?:permitted|allowed) (?:by|under)\b)/i;
// The lead-in must actually narrow: name a law or a place's law, residents of a place, or data processed under a named
// mode or programme. "With respect to all Customer Personal Data:", "To the extent that Acme processes Customer Personal
// Data on Customer's behalf:" or "Insofar as Acme acts as a Processor:" cover all the vendor's data, so the refusals
// under them stand.
const NARROWING_LAW = /\b(?:CCPA|CPRA|CDPA|VCDPA|CPA|CTDPA|UCPA|TDPSA|GDPR|LGPD|PIPEDA|PIPL|APPI)\b|\b(?:California|Virginia|Colorado|Connecticut|Utah|Texas|Oregon|Nevada|Montana|Iowa|Delaware)\b|\bstate (?:data |consumer )?(?:privacy|protection) (?:laws?|acts?|statutes?)\b|\bresid(?:ents?|ing)\b/i;
// Not case-insensitive: a named mode is capitalised ("processed under Restricted Data Processing"), the contract is not one.
const UNDER_NAMED_MODE = /\bprocessed under (?:the )?(?!(?:Agreement|Addendum|DPA|Terms|Contract|Order)\b)[A-Z]\w*/;
const scopes = (lead: string) => SCOPED_LEAD.test(lead) && (NARROWING_LAW.test(lead) || UNDER_NAMED_MODE.test(lead));

/** The scoping lead-in of the list a sentence is an item of, if any (a marker touching its text counts, see isListItem). */
function scopingLead(ctx: FactContext, s: Parameters<FactContext['clauses']>[0]): string | undefined {
  return introChain(ctx.sentences, s).find((lead) => scopes(lead.view))?.view;
}
const SCOPED_REVIEW = 'a refusal scoped by its list\'s lead-in to part of the data or one law';

/**
 * `data_sale_or_marketing`: may the vendor sell the data or use it for marketing/advertising? Any
 * permission to market to users, serve targeted ads or sell data is allowed even when a sale is refused
 * elsewhere (what the vendor may do counts); only negated sale/marketing clauses give prohibited.
 * Clauses binding the customer ("Customer will not sell the Services") are ignored.
 */
export function extractDataSaleMarketing(ctx: FactContext): Fact<'data_sale_or_marketing'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) readSentence(ctx, s, cands);
  return decide('data_sale_or_marketing', cands, ['allowed', 'prohibited']);
}

// The readings of one sentence are functions of their own, not the body of one long loop: V8 recompiles a function
// whole each time one of its assumptions fails, and new documents keep failing some (this was among the most recompiled).
function readSentence(ctx: FactContext, s: Sentence, cands: Candidate<V>[]): void {
  const v = s.view;
  // What the user or a developer must not do with data ("You will not sell user data", a list under "Prohibited
  // uses:") binds them, not the vendor (OTA: Google API Services User Data Policy).
  if (CUSTOMER_SUBJECT.test(v) || LEGAL_RIGHT.test(v) || IMPERATIVE_TO_USER.test(v)) return;
  // Marketing with the vendor's brand ("a license to use the Brand Features solely for marketing purposes") uses no data.
  if (BRAND.test(v) && !MARKETED_DATA.test(v)) return;
  if (readPatterns(ctx, s, v, cands)) return;
  readRefusedSale(ctx, s, v, cands);
}

/** The permission and refusal patterns: true when one of them decided the sentence. */
function readPatterns(ctx: FactContext, s: Sentence, v: string, cands: Candidate<V>[]): boolean {
  let done = false;
  // "If you do not wish to receive promotional emails …, you may change your preferences": they are sent by default.
  const optOut = DECLINE_MARKETING.exec(v);
  if (optOut && !inDefinition(v, optOut.index)) {
    cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, optOut.index, optOut.index + optOut[0].length), confidence: 0.75 });
    return true;
  }
  for (const re of ALLOWED) {
    const m = re.exec(v);
    // A list item that opens with a negation ("* Never selling your information or sharing it … for marketing
    // purposes") negates all of it, however long the link text between.
    // "… the right to know whether we sell personal information": both cases at once, no permission either.
    if (m && !(/licen[cs]/i.test(m[0]) && deidentifiedOnly(m[0])) && !bothCases(v, m.index) && !refusedAt(v, m.index, 60, { sentences: ctx.sentences, s }) && !NEGATED_ITEM.test(v.slice(0, m.index)) && !/\b(?:not|never|no)\b/i.test(m[0]) && !inDefinition(v, m.index) && !/\bopt(?:-| )?out of\b[^.;]{0,30}$/i.test(v.slice(0, m.index)) && !restrictsOthers(ctx.sentences, s, m.index) && !othersSend(v, m)) {
      // Ads chosen by the page or the search, not by the person ("serving contextual advertising", "if you search for
      // cars, we'll show you ads about cars"), are not targeted advertising on their data: a person decides.
      // Ads named as targeted stay targeted when a search is given as an example ("targeted ads, so if you search for …").
      if (CONTEXTUAL.test(v) && !(EXPLICIT_TARGETED.test(m[0]) && !/\bcontextual/i.test(v))) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.4, review: 'contextual advertising, not targeted on the person\'s data' });
      else cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.8 });
      done = true;
      break;
    }
  }
  if (done) return true;
  for (const { act, window } of REFUSABLE) {
    const r = refusal(v, act, window, { sentences: ctx.sentences, s });
    if (!r) continue;
    const at = r.index;
    const end = r.act.index + r.act[0].length;
    const said = v.slice(at, end);
    if (act === MARKETING_USE && !MARKETED_DATA.test(v.slice(0, end))) continue;
    if (act === TARGETED_ACT && !r.byLead && !vendorSubject(v, at, ctx.vendorNames)) continue;
    if (USER_CONDITION.test(v.slice(Math.max(0, at - 60), at)) || SCOPE_LIMIT.test(v.slice(end))) continue;
    // "Whether or not we sell your data, …": both cases at once, no refusal (the clause layer's test, see bothCases).
    if (bothCases(v, at)) continue;
    if (inDefinition(v, at) || sellsGoods(said) || SOLD_TO_USER.test(said) || CHARACTERISED.test(said) || restrictsOthers(ctx.sentences, s, at)) continue;
    const consent = act === SALE_ACT ? CONSENT_EXCEPTION.exec(v.slice(end)) : null;
    if (consent) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, at, end + consent.index + consent[0].length), confidence: 0.7 });
    else if (act === SALE_ACT && consentAside(ctx, s, v, r)) cands.push({ value: 'allowed', evidence: evidenceAt(ctx, s, at, end), confidence: 0.7 });
    else cands.push(refusedCandidate(ctx, s, v, at, end));
    done = true;
    break;
  }
  return done;
}

/** The candidate of a refused act whose quote runs [at, end) of the sentence: prohibited, for review when taken back or scoped. */
function refusedCandidate(ctx: FactContext, s: Sentence, v: string, at: number, end: number): Candidate<V> {
  const conceded = CONCEDED.test(v.slice(at));
  const scoped = !conceded && scopingLead(ctx, s) !== undefined;
  // "no mobile information will be shared … for their marketing purposes": the data of one collection channel only.
  const channel = !conceded && !scoped && SCOPED.test(v);
  const review = conceded ? 'a refused sale with a sale conceded in the same sentence' : scoped ? SCOPED_REVIEW : channel ? CHANNEL_REVIEW : undefined;
  return { value: 'prohibited', evidence: evidenceAt(ctx, s, at, end), confidence: review ? 0.45 : 0.8, ...(review ? { review } : {}) };
}

/** The clause reading of a refused sale (a negated sell action on data). */
function readRefusedSale(ctx: FactContext, s: Sentence, v: string, cands: Candidate<V>[]): void {
  // The clause reading of a refused sale: a negated sell action on data, by the vendor or in the passive
  // ("We will not sell or market your email address", "information … will never be sold or disseminated").
  // Clauses are built only for sentences with a sale word and a negation.
  if (!SALE_AND_NOT.test(v)) return;
  for (const c of ctx.clauses(s)) {
    // "… licensed, not sold to you": the product sold to the customer, not the customer's data sold to others.
    const sale = hitsOf(c, 'action', 'sell').find((h) => verbal(c, h) && negated(c, h) && agentOf(c, h)?.kind !== 'customer' && has(c, 'object') && !recipientsOf(c, h).some((r) => r.kind === 'customer' && r.t0 - h.t1 <= 4));
    // "Where your Content is not being offered for Sale": a negation inside a condition is no refusal.
    if (sale && CONDITION_OPEN.test(c.view.slice(0, sale.start))) continue;
    if (!sale || SCOPE_LIMIT.test(c.view.slice(sale.end)) || USER_CONDITION.test(c.view.slice(0, sale.start)) || inDefinition(c.view, sale.start) || sellsGoods(c.view.slice(sale.start)) || CHARACTERISED.test(c.view) || SOLD_TO_USER.test(c.view) || restrictsOthers(ctx.sentences, s, c.start - s.start + sale.start)) continue;
    // A refusal scoped to one way of collecting ("information gathered this way") does not answer for all data.
    // "We will never sell your Content …, though we may sell or transfer any license you grant us": the refusal is
    // taken back in part in the same sentence.
    if (CONCEDED.test(v)) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: 'a refused sale with a sale conceded in the same sentence' });
    else if (SCOPED.test(c.view)) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: CHANNEL_REVIEW });
    else if (scopingLead(ctx, s) !== undefined) cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.45, review: SCOPED_REVIEW });
    else cands.push({ value: 'prohibited', evidence: clauseEvidence(ctx, c), confidence: 0.75 });
    break;
  }
}
