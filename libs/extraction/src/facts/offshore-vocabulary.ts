import { COUNTRIES, FOREIGN } from './offshore-places.js';

// The vocabulary of offshore_processing, as data: what makes a sentence a candidate, what is about data moving (not a
// legal address, an authority's website or where the user is), the mechanisms of a transfer, and the European places
// that are home ground for a European vendor.

// A sentence is read only when it names somewhere abroad, a border or a place (English or French).
export const PREFILTER = new RegExp(String.raw`\b(?:usa\b|hors\b|en dehors\b|pays tiers|outside|countr|world|globe|globally|offshore|overseas|abroad|international|europe|eea\b|eu\b|kingdom|united states|u\.s\.|located|region|across borders|cross-border|jurisdictions that|${COUNTRIES})`, 'i');
// Sharing with companies located abroad moves data there too ("we share your personal information with the companies
// of our group based in Luxembourg and Hungary").
export const PROCESS = /\b(?:transfer|process|stor|host|access|maintain|locat|perform|handl|hold|kept|keep|server|data cent(?:er|re)|transmi(?:t|ssion)|send|sent|move|review|support|receiv|print|shar(?:e|ed|es|ing)\b)\w*/i;
// A provider that works on the data from its own facilities abroad ("ScribeWorks Pvt. Ltd., which performs
// transcription from its facilities in Bangalore, India"; "whose staff work from offices in Cebu, the Philippines").
export const WORKS_FROM_ABROAD = new RegExp(String.raw`\b(?:works?|working|operates?|operating|performs?|performing|produces?|producing|provides?|providing|carr(?:y|ies) out|delivers?|handles?|services?)\b[^.;]{0,60}?\bfrom\s+(?:its|their|his|her)?\s*(?:own\s+)?(?:facilities|facility|offices?|premises|sites?|locations?|(?:delivery|service|operations?|processing|call|contact|support) cent(?:er|re)s?|operations)\s+(?:located\s+|based\s+)?(?:in|at)\s+(?:[a-z.'-]+(?:\s[a-z.'-]+)?,\s+)?${FOREIGN}\b`, 'i');
// Who works there: a provider noun, a company with a legal suffix, or a relative clause after a name.
export const PROVIDER_HERE = /\b(?:subcontractors?|sub-?processors?|vendors?|contractors?|(?:service )?providers?|suppliers?|affiliates?|partners?|outsourc\w*)\b|\b(?:Inc|LLC|Ltd|Limited|GmbH|Pvt|Corp|Corporation|S\.A|B\.V)\b\.?|[A-Z][\w.&-]+,?\s+(?:which|who|whose)\b/;
// Where the user is or uses the service from, not where the vendor sends data: "if you are visiting the Site from a
// location outside …", "users of the Site located in countries outside …", "when using the app … in a foreign country",
// the portability of a subscription "during temporary stays in another Member State"; not "countries other than the
// country from which you access the Services" (data leaving the user's country).
export const FROM_ABROAD = /\bif you (?:access|use|visit)\b[^.;]{0,60}\bfrom\b|\bcross-border portability\b|\b(?:during|on) (?:a |their |your )?temporary stays?\b|\bif you are (?:visiting|accessing|using)\b[^.;]{0,40}\bfrom\b|\b(?:users?|visitors?|customers?|individuals?)\s+of (?:the|our) (?:site|services?|websites?|apps?)\s+(?:who are\s+)?(?:located|based|residing|living)\s+(?:in|outside)\b|\bwhen (?:downloading|using|accessing)\b[^.;]{0,60}\b(?:foreign|another|other) countr|\b(?:users?|individuals?|persons?|people|customers?|visitors?|residents?|you)\s+(?:who are\s+)?(?:located|based|residing|living)\s+(?:in|outside)\b|\bfrom outside\b|\b(?:access|use)\w* (?:the services )?from (?:other|another|outside)|\bif you(?: are|'re| reside| live) (?:located )?(?:in|outside)\b|\bresidents? of\b|\bvisitors? (?:from|located)\b|\bfrom other regions\b|(?<!\bother than (?:the |that )?(?:one|country|countries|jurisdiction) )\b(?:from|in) which (?:you|users?|visitors?) (?:may |can |might )?(?:access|use|visit)\b/i;

// "(only for users outside the United States in jurisdictions where …)": a scope of users, where they are. Not "the data
// of our users outside the United States" after a transfer (the place the data goes), and a destination named after it
// ("For users outside the United States, personal data is processed on servers located in India") is still read.
export const FOR_USERS_OUTSIDE = /\bfor\s+(?:(?:those|any|our|the)\s+)?(?:users?|individuals?|persons?|people|customers?|visitors?|end users?)\s+(?=outside\b)/i;

// Text about the data's movement, not a legal address or an authority's website.
export const DATA_MOVES = /\b(?:transferr?\w*|stor(?:e|ed|es|age|ing)|process(?:ed|es|ing)?|host(?:ed|s|ing)?|maintain\w*|kept|keep|held|hold|(?:data|information|servers?|content|records|teams?|personnel|staff|employees|contractors)\s+(?:(?:is|are|will be|may be)\s+)?located|server\w*|data cent(?:er|re)s?|transmi(?:t|ssion)\w*|sent|send\w*|moved?|access\w*|perform\w*|handl\w*|review\w*|print\w*|produc(?:e|es|ed|ing)|facilit(?:y|ies)|shar(?:e|ed|es|ing))\b/i;
// Not the data moving: an authority's website, mutual legal assistance between governments, the local-law clause ("we make
// no representation that any content is appropriate for access outside of the United States"), export and import laws.
export const DATA_OBJECT = /\b(?:data|information|content|records?|files?|servers?|data cent(?:er|re)s?|hosting|hosted|stored|storage|processed|processing|transferr?\w*|transmissions?|phi|recordings?|transcripts?|backups?|support|teams?|personnel|staff)\b/i;
// A hypothetical transfer ("if any cross-border transfers are necessary") is a review candidate, not a statement.
export const HYPOTHETICAL = /\bif\s+(?:any|such|a)\s+(?:cross-border\s+|international\s+)?transfers?\b|\bshould\s+(?:we|it)\s+(?:ever\s+)?(?:need to\s+)?transfer\b|\bin the (?:unlikely )?event (?:that|of) (?:a|any) transfer\b/i;
export const NOT_MOVEMENT = /\b(?:(?:appropriate|available)\s+(?:or available\s+)?for (?:use|access)(?: in| outside)?\b|incorporated in\b|registered (?:in|under)\b|organi[sz]ed under the laws\b|company reg\b|(?:send|write|mail)\s+(?:us\s+)?(?:a\s+)?letter\b|judicial district\b|venue\b|jurisdiction of\b|violation of any law\b|(?:export|import)(?: (?:and|or) (?:export|import))? (?:control|laws?|regulations?)\b|sanction(?:s|ed)\b|can be accessed here\b|access(?:ed)? (?:the|our|this|its) (?:site|website|page)\b|mutual legal assistance\b|mlat\b|letters rogatory\b|government of (?:one|another) country\b)/i;
// Not the data moving either, but only the phrase to the end of its clause: the terms of a licence ("a worldwide,
// royalty-free licence to … store … Your Content … anywhere in the world", "a non-exclusive license in Japan and other
// countries to design and develop …"), where the rights run, not where data is kept; goods shipped ("ship Stored
// Merchandise to the address … (addresses within Japan only)"); and a source credited for data the product shows
// ("Contains information from … Singapore Land Authority …"), which comes in, no user's data going out. A clause of the vendor's own after it ("…, and your
// content may be stored on servers in India", "To ship your orders, we transfer your data to partners in China") is read.
const TERMS_NOT_DATA = new RegExp(String.raw`(?:\b(?:worldwide|world-wide|royalty-free|non-exclusive|nonexclusive|sub-?licensable|irrevocable|perpetual)\b[^.;]{0,80}?\blicen[cs]e\b|\blicen[cs]e\s+(?:in|throughout)\s+(?!(?:the\s+)?(?:data|information|content)\b)|\bship(?:s|ped|ping)?\b[^.;]{0,40}?\b(?:merchandise|goods|products?|items?|parcels?|packages?|orders?)\b)(?:(?!(?:,\s*|\s+(?:and|but|while|whereas)\s+)(?:we|us|our|your (?:personal )?(?:data|information|content)|personal (?:data|information)|(?:the |all )?(?:data|information))\b)[^.;])*`, 'gi');
/** The sentence with licence terms and goods shipped blanked out (same length, so offsets still hold). */
// The credit stops where the data is kept or moved ("Contains data from our users, and is stored in Singapore", "Includes
// information from your device, which we store on servers in India" still read): only the source's own words are blanked.
const CREDITED_SOURCE = /^\W*(?:contains?|includes?|incorporates?)\s+(?:(?:map|geographic|address|public|open)\s+)?(?:information|data)\s+(?:from|supplied by|provided by|obtained from|licen[cs]ed from)\b(?:(?!\b(?:we|us|our|your|personal|stor\w*|process\w*|host\w*|kept|keep|held|hold|transferr?\w*|servers?|located)\b)[^.;])*/gi;
const blank = (m: string): string => ' '.repeat(m.length);
export const withoutTermsNotData = (v: string): string => v.replace(TERMS_NOT_DATA, blank).replace(CREDITED_SOURCE, blank);
// Standard contractual clauses, transfer addenda and frameworks describe the mechanism of a transfer, not that one happens.
export const MECHANISM_HEADING = /standard contractual clauses|\bclause \d|\bmodule (?:one|two|three|four|\d)|\bannex\b|\bappendix\b|\buk addendum|international data transfer (?:agreement|addendum)/i;
// Incoming transfers to a US vendor ("personal data received from the European Union", "transferred from the EEA to the US").
export const INCOMING = /\b(?:received|receive|receives|transferred|transfers?|comes?|coming|collected)\s+(?:\w+\s+){0,3}?from\s+(?:[\w ]{0,40}?\s)?(?:(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|uk\b|united kingdom|switzerland|europe)|outside (?:of )?the united states)/i;
// A framework a vendor certifies under: the mechanism of a transfer, never by itself a place data goes.
export const DPF = /\b(?:data privacy framework|dpf|privacy shield)\b/i;
// Outside Europe or to third countries: abroad for a European vendor (the UK's too: a British vendor is a European one).
export const EU_OUTSIDE = /\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|eu\/eea|eea\/switzerland|eu or eea|uk\b|united kingdom)|\bthird countr(?:y|ies)\b|\bnon-(?:eu|eea)\b/i;
// The US: abroad for a European vendor or a vendor of neither region.
export const US_PLACE = /\b(?:united states|u\.s\.a?\.?|usa)\b/i;
// Data moved (not users located) outside Europe: the verb must come before the place.
export const OUT_OF_EUROPE = /\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|sen[dt]\w*|host(?:ed|s|ing)?)\b[^.;]{0,60}?\boutside (?:of )?(?:the )?(?:eu|eea|european union|european economic area|uk|united kingdom|eu\/eea)\b/i;
// Places inside the EEA or Switzerland: home ground for a European vendor.
export const EEA_PLACE = /\b(?:ireland|germany|france|the netherlands|netherlands|poland|european union|the eu|the eea|european economic area|member states|switzerland|spain|italy|belgium|luxembourg|austria|sweden|denmark|finland|norway|iceland|estonia|latvia|lithuania|portugal|czech|hungary|romania|bulgaria|greece|cyprus|malta|slovakia|slovenia|croatia|liechtenstein)\b/i;
// Where the data is kept: held, stored, hosted, on servers.
export const HELD = /\b(?:held|stored|hosted|kept|servers?|data cent(?:er|re)s?)\b/i;
