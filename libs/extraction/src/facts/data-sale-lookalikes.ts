// Words of sale or marketing that are not the vendor's use of the person's data: a definition, a right the law gives
// the reader, goods sold, an instruction to the user or a duty of the customer, the vendor's brand, and what an act is
// called. The extractor sets these aside before reading a permission or a refusal.

// Marketing that uses the person's data or reaches the person: without it, "for marketing purposes" may be a licence of
// the brand or a refusal about something else.
export const MARKETED_DATA = /\b(?:data|information|personal|content|e-?mail address(?:es)?|phone numbers?|contact details)\b|\b(?:contact|email|e-mail|call|text|message)\w*\s+(?:you|users?|customers?|patients?)\b/i;
// A definition ("'Sell' means…", "'Share' has the meaning…", "… is defined as"): the words after it describe
// a term, not what the vendor does.
const DEFINES = /["“'‘][A-Z][^"”'’]{0,40}["”'’]\s*(?:means|shall mean|has the meaning|have the meanings?|is defined|refers to|includes)\b|\bthe terms? ["“'‘]?[\w-]+["”'’]?\s*(?:means|refers to|includes)\b|\bis defined (?:as|to mean)\b/i;

/** Whether the match at `index` sits in a definition: a defining phrase earlier in its clause (not across ';'). */
export function inDefinition(v: string, index: number): boolean {
  let from = Math.max(0, index - 160);
  const semi = v.lastIndexOf(';', index);
  if (semi >= from) from = semi + 1;
  return DEFINES.test(v.slice(from, index));
}

// A sentence that states the reader's rights under a law ("California law gives you the right to request … the
// third parties we share with for their direct marketing purposes") describes the law, not what the vendor does.
// The same right stated as what the person may do: ask the vendor about its disclosures ("they may request information
// from us about our disclosures to third parties for their direct marketing purposes") or object to a processing ("you
// object to the further use or disclosure of your personal data for certain purposes, such as for direct marketing"), with
// marketing only an example of purposes one may object to. A right to object or to be told exists whether or not the
// vendor markets; an objection to marketing it says it sends ("object to … (in particular regarding Us sending You direct
// marketing messages)") or opting out of its messages (DECLINE_MARKETING) still tells that it does.
export const LEGAL_RIGHT = /\b(?:you )?(?:have|has|gives? you|grants? you|provides? you with) the right to (?:[\w-]+ ){0,4}?(?:request|receive|know|obtain|ask)\b|\bshine the light\b|\b1798\.83\b|\b(?:may|can|to) request (?:information|details|a list|a notice)\b[^.;]{0,40}\babout (?:our |the )?disclosures?\b|\bobject to (?:the |our |any )?(?:further )?(?:use|processing)(?: (?:or|and) (?:disclosure|sharing))? of (?:your|their) (?:personal )?(?:data|information) for (?:certain|some|specific|particular) purposes\b/i;
// Things sold that are not the person's data: an offer to sell securities, products or tickets is commerce, not a
// sale of data ("do not constitute an offer to sell … any securities or financial instruments").
const GOODS = /\b(?:sell|sells|sold|selling|sale|rent|renting)\b[^.;]{0,60}?\b(?:securities|shares|stocks?|financial instruments|products?|goods|merchandise|tickets?|items?|subscriptions?|gift cards?|vehicles?|propert(?:y|ies))\b/i;
// "licensed, not sold, to you": the product sold to the user; "does not constitute a sale of …": what an act is called,
// not a refusal to sell.
// "The Content and Services are licensed, not sold": the same product formula without "to you".
export const SOLD_TO_USER = /\b(?:sold|sell|sale)\b,?\s+to\s+you\b|\blicen[cs]ed\b,?\s+(?:to you,?\s+)?not\s+sold\b/i;
export const CHARACTERISED = /\bnot\s+(?:constitute|amount to|be (?:considered|deemed|treated as)|qualify as)\s+(?:a\s+)?(?:sale|selling)\b/i;
// An instruction to the user ("Do not use Groups to … promote dangerous activities"), under a bold run-in title or not;
// a title-case "Do Not Sell My Personal Data" is the name of a privacy link, not an instruction.
export const IMPERATIVE_TO_USER = /^\W*(?:\*\*[^*]{1,60}\*\*\W*|[^:.;]{1,60}:\s*)?(?:[Dd]o not|[Dd]on't|DO NOT|[Nn]ever|NEVER)\s+(?:use|post|share|sell|upload|create|send|promote|advertise|market|engage)\b(?!\s+(?:my|your)\b)/;
// The vendor's brand features: marketing with them uses no one's data.
export const BRAND = /\b(?:brand features|trademarks?|logos?|service marks?|trade names?|brand(?:ing)? guidelines)\b/i;

/** Whether what a matched sale sells is goods: a goods noun follows the sale word before any data word. */
export function sellsGoods(matched: string): boolean {
  const g = GOODS.exec(matched);
  return g !== null && !/\b(?:personal|data|information|records|lists?)\b/i.test(g[0]);
}
// A clause whose subject is the customer (after a list marker or a run-in title): its duty, not the vendor's act.
// "You are entitled to use …, but you are not entitled to: (i) sell …": what the person is or is not entitled to do is theirs too.
// An adverb before the verb ("You further agree that …", "You also agree") leaves the customer the subject.
// In the passive the person is who receives, the vendor acts ("You will always be given the option to unsubscribe from
// receiving any marketing material from Us", "you may be sent offers"): no duty of theirs. Not when what the person is
// given is the means to act themselves ("You will be given the option to send marketing material to your customers",
// "You will be provided with tools to send …"): the sending is still theirs.
export const CUSTOMER_SUBJECT = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:[\w ]{0,30}\.\s+)?(?:the )?(?:customer|covered entity|you|client|practice)s? (?:(?:further|also|hereby|expressly|each)\s+)?(?:(?:will|shall|may|must)(?!\s+(?:\w+\s+)?be\s+(?:given|offered|sent|provided|shown|notified|informed|contacted)\b(?![^.;]{0,60}?\bto\s+(?:send|sell|rent|market|share|email|e-mail|text|display|show|serve|run|advertis\w*|promot\w*)\b))|agrees?|(?:are|is) (?:not )?(?:entitled|permitted|authori[sz]ed) to)/i;
// A right or a request named in title case ("with the subject line “Nevada Do Not Sell Request”", "our Do Not Sell or
// Share page"): the name of what the person may ask, not the vendor refusing a sale. Case-sensitive on purpose: "we do
// not sell" in running text is a refusal, and so is a title-case heading with the vendor as its subject ("We Do Not Sell
// Your Personal Information").
export const NAMED_REQUEST = /(?<!\b(?:We|we|WE)\s+)\b(?:Do Not|Don['’]t) (?:Sell|Share)\b/;
export const NAMED_REQUEST_G = new RegExp(NAMED_REQUEST.source, 'g');
