import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, negatedBefore, neighbour, operative, partsUnder } from './fact-context.js';
import { suffixAnchoredMatches } from '../text/suffix-anchored.js';
import { frenchOutsideEu } from './offshore-fr.js';

type V = Fact<'offshore_processing'>['value'];

// Countries outside the US named in contracts and policies as places where data or the people handling it are.
const COUNTRIES = String.raw`india|the philippines|philippines|canada|mexico|ireland|germany|france|the netherlands|israel|ukraine|poland|pakistan|brazil|colombia|argentina|costa rica|singapore|australia|japan|the united kingdom|united kingdom|the uk|switzerland|vietnam|china|hong kong|taiwan|south korea|malaysia|indonesia|thailand|sri lanka|bangladesh|nepal|egypt|kenya|nigeria|south africa|morocco|jamaica|guatemala|honduras|el salvador|the dominican republic|dominican republic|peru|chile|uruguay|romania|bulgaria|serbia|belarus|russia|new zealand|spain|italy|portugal|belgium|sweden|denmark|finland|norway|the czech republic|czech republic|hungary|estonia|latvia|lithuania|luxembourg|austria|greece|cyprus|malta|slovakia|slovenia|croatia|iceland|liechtenstein|turkey|the united arab emirates|united arab emirates|saudi arabia|qatar|the republic of korea|tunisia|ghana`;
const PREFILTER = new RegExp(String.raw`\b(?:usa\b|hors\b|en dehors\b|pays tiers|outside|countr|world|globe|offshore|overseas|abroad|international|europe|eea\b|eu\b|kingdom|united states|u\.s\.|located|region|across borders|cross-border|jurisdictions that|${COUNTRIES})`, 'i');
// Sharing with companies located abroad moves data there too ("we share your personal information with the companies
// of our group based in Luxembourg and Hungary").
const PROCESS = /\b(?:transfer|process|stor|host|access|maintain|locat|perform|handl|hold|kept|keep|server|data cent(?:er|re)|transmit|send|sent|move|review|support|receiv|print|shar(?:e|ed|es|ing)\b)\w*/i;
const FOREIGN = String.raw`(?:${COUNTRIES}|the european union|european union|the eu|the eea|the european economic area)`;
// A provider that works on the data from its own facilities abroad ("ScribeWorks Pvt. Ltd., which performs
// transcription from its facilities in Bangalore, India"; "whose staff work from offices in Cebu, the Philippines").
const WORKS_FROM_ABROAD = new RegExp(String.raw`\b(?:works?|working|operates?|operating|performs?|performing|produces?|producing|provides?|providing|carr(?:y|ies) out|delivers?|handles?|services?)\b[^.;]{0,60}?\bfrom\s+(?:its|their|his|her)?\s*(?:own\s+)?(?:facilities|facility|offices?|premises|sites?|locations?|(?:delivery|service|operations?|processing|call|contact|support) cent(?:er|re)s?|operations)\s+(?:located\s+|based\s+)?(?:in|at)\s+(?:[a-z.'-]+(?:\s[a-z.'-]+)?,\s+)?${FOREIGN}\b`, 'i');
// Who works there: a provider noun, a company with a legal suffix, or a relative clause after a name.
const PROVIDER_HERE = /\b(?:subcontractors?|sub-?processors?|vendors?|contractors?|(?:service )?providers?|suppliers?|affiliates?|partners?|outsourc\w*)\b|\b(?:Inc|LLC|Ltd|Limited|GmbH|Pvt|Corp|Corporation|S\.A|B\.V)\b\.?|[A-Z][\w.&-]+,?\s+(?:which|who|whose)\b/;
// A foreign place after "in", "to", "from". A city may come first: "in Pune, India", "from Manila, the Philippines". A
// place followed by "who" locates people ("our customers, users and others in the European Union who access our
// services"), not where data goes; nor does the place's law ("the European Union's General Data Protection Regulation").
const PLACE = new RegExp(String.raw`\b(?:in|within|to|from|located in)\s+(?:the\s+member\s+states\s+of\s+|[a-z][\w.-]*(?:\s[a-z][\w.-]*)?,\s+)?${FOREIGN}\b(?!(?:['’]s)?\s+(?:standard|data protection|general data|gdpr|laws?|regulations?|directive|representative|residents?|users?|citizens?|addendum|extension|adequacy|international data transfer|idta|data privacy framework)\b|,?\s+who\b)`, 'i');
// The movement of data leading to a place: a verb of transfer, storage or processing, or where things are located.
const MOVES_TO_PLACE = /\b(?:transferr?\w*|stor(?:e|ed|es|ing|age)|process(?:ed|es|ing)?|host(?:ed|s|ing)?|maintain\w*|kept|held|located|based|server\w*|data cent(?:er|re)s?|transmit\w*|sent|send\w*|moved?|access\w*|perform\w*|handl\w*|review\w*|shared?|disclos\w*|teams?|staff|personnel|operations?|facilit(?:y|ies)|offices?)\b[^.;]{0,100}$/i;
const PLACES = new RegExp(PLACE.source, 'gi');

/**
 * The first named place a movement of data leads to in the same clause ("stored in Ireland", "transferred to India",
 * "servers located in Germany"); "activities carried out in Brazil", "the territory … in the United Kingdom", "a
 * resident in the EEA, please refer to Section 12" name a place, not a destination. Every place in the clause is
 * looked at: "If you are a resident in the EEA, your data is stored in India" moves data to the second.
 */
function placeDataMovesTo(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(PLACES)) {
    const before = v.slice(Math.max(0, m.index - 100), m.index + (/^located\b/i.test(m[0]) ? 8 : 0));
    if (MOVES_TO_PLACE.test(before) && !USERS_OWN_MOVE.test(before)) return m as RegExpExecArray;
  }
  return null;
}
// The user moving its own data ("if you store content in India", "you may choose to host your files in Germany"): the
// user's act, not the vendor sending data abroad. Only when the user's verb reaches the place: not when the vendor acts
// after it ("when you upload files, we store them in India"), nor a passive, a relative clause or a clause of its own
// between them ("content you upload is stored in Ireland", "users upload content, which is stored in Germany", "if you
// upload a video, the video will be processed in India").
const USERS_OWN_MOVE = /(?:^|\W)(?:you|users?|customers?)\s+(?:(?:may|can|might|also|choose|chooses|decide|decides|elect|elects|wish|want|to)\s+){0,3}(?:store|stores|upload|uploads|host|hosts|send|sends|transfer|transfers|save|saves|keep|keeps|put|puts|move|moves)\b(?:(?!\b(?:we|it|they|our|which|that|who|where|is|are|was|were|be|been|being)\b)[^.;,]){0,80}$/i;
const YES: RegExp[] = [
  // "in the United States, Ireland and Singapore": a foreign place in a list that starts with the US.
  new RegExp(String.raw`\b(?:in|within)\s+(?:the\s+)?(?:united states|u\.s\.|usa)(?:,\s*|\s+and\s+|\s+or\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i'),
  // "Outside the country in which you live" is relative to the user, not the vendor's home region.
  /\boutside (?:of )?(?:the )?(?:(?:fifty|50|continental|contiguous|48 contiguous)(?: \(50\))? )?(?:united states|u\.s\.(?:a\.)?|usa|us|country|countries|region|jurisdiction)\b(?!\s+(?:in which|where) you\b|\s+of your (?:residence|location))/i,
  // "in various countries around the globe", "to countries other than the country in which it was received" (not the one
  // "in which you reside": relative to the user, as "outside the country in which you live" below).
  // Not the country "from which you may access" the site: where the user is, not where data goes.
  /\b(?:other|foreign|third|a number of|various|several|multiple) countr(?:y|ies)\b(?!(?:\/[\w-]+)?\s+(?:from|in) which (?:you|users?|visitors?)\b)|\bcountries around the (?:world|globe)\b|\b(?:transferr?\w*|accessed|stored|processed|hosted)\b[^.;]{0,60}\b(?:entities|companies|providers|affiliates|locations|servers|jurisdictions)\s+(?:located\s+|based\s+)?(?:around|throughout|across) the (?:world|globe)\b|\bother locations where\b[^.;]{0,40}\b(?:affiliates|providers|subsidiaries|vendors|partners)\b|\bon an international basis\b|\bcountr(?:y|ies) other than\b(?!\s+(?:the\s+)?(?:one|country|countries)\s+(?:in which|where)\s+you\b)|\banywhere in the world\b|\blocations? other than\b|\boffshore\b|\boverseas\b|\binternationally\b|\bacross borders\b|\bcross-border\b/i,
  PLACE,
];
// "processed … in the United States and other locations", "… and elsewhere": the US and places beyond it (for a US vendor,
// abroad). Not "Denver and other locations" (inside the US), nor "the U.S. or elsewhere" (a hedge, said of others' servers).
YES.push(/\b(?:in|to|within)\s+(?:the\s+)?(?:united states|u\.s\.|usa)\s+(?:(?:and|or)\s+(?:in\s+)?(?:other|various|additional)\s+(?:locations|jurisdictions|places|territories)|and\s+elsewhere)\b/i);
// Destinations that are beyond the vendor's country whatever the user's own place: named as where data goes ("in any other
// country", "to other countries", "in the United States and other locations"), not as who judges ("the laws of which may
// be deemed by other countries to be inadequate").
const BEYOND_HOME = /\bother countr|\blocations? other than|\bother (?:locations|jurisdictions|places|territories)\b|\boffshore|\boverseas/i;
const AS_DESTINATION = /\b(?:in|to|into|within|across|and|or)\s+(?:(?:any|the|various|several|many|a number of)\s+)?$/i;
const beyondHome = (v: string, m: RegExpExecArray): boolean =>
  BEYOND_HOME.test(m[0]) && (/^(?:in|to|into|within)\b/i.test(m[0]) || AS_DESTINATION.test(v.slice(Math.max(0, m.index - 30), m.index)) || /^(?:offshore|overseas)/i.test(m[0]));
// "in any country in which Google or its Subprocessors maintain facilities": wherever the vendor or its providers are.
// Case-sensitive on purpose: a capitalised name (Google) is the vendor or a provider; "you", "your business" or
// "users" are where the user is, which is not data leaving for elsewhere.
YES.push(/\b[Ii]n\s+any\s+(?:other\s+)?country\s+(?:in which|where)\s+(?:[Ww]e|[Oo]ur|[Ii]ts|[Ii]t|[Tt]hey|(?!(?:You|Your|Users?|Customers?)\b)[A-Z][\w.&-]*)\b[^.;]{0,60}\b(?:maintain|operate|have|located|do business)\w*/);
// "transfer your information to, or store or access it in, jurisdictions that may not provide equivalent levels of data
// protection as your home jurisdiction": places whose law may protect less than the user's, named as where data goes (the
// same reading as "outside the country in which you live"). Not "these countries may not …" said of places named before.
YES.push(/\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|access(?:ed|es|ing)?|host(?:ed|s|ing)?)\b[^.;]{0,80}?\b(?:to|in|into),?\s+(?:other\s+)?(?:countries|jurisdictions)\s+(?:that|which)\s+(?:may|might)\s+not\s+(?:have|provide|offer|afford)\s+(?:the\s+same|an?\s+equivalent|equivalent|equal|comparable|similar|levels?\s+of\s+(?:data\s+)?protection\s+(?:that\s+(?:is|are)\s+)?equivalent)\b/i);
YES.push(/\b(?:and|or|in|to)\s+(?:other\s+)?countries\s+(?:in which|where)\s+(?:we|our|its|the|they)\b[^.;]{0,80}\b(?:located|operate|have|are)\b/i);
// Data moved "outside the country in which you live", "outside of your home country", "outside your state, province,
// country": the statement holds for every user, the vendor's own region's users among them, for whom it is outside the
// home region (README: "data may be stored or processed outside the vendor's home region"). A verb of storage, transfer
// or processing (or people or servers located) leads to it; a website the user visits abroad is not data moving.
// The user's own acts are not the vendor moving data: "if you are located outside your home country", "messages you
// send to numbers outside your country". "Your state" alone is inside a US vendor's home region ("records stored at
// facilities outside your state"); only "your state, province, country" (a list that reaches the country) counts.
const MOVE_VERB = String.raw`(?<!\b(?:you|you're|you\s+are|you\s+were|you\s+may\s+be)\s+)\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|maintain\w*|host(?:ed|s|ing)?|sen[dt]\w*|handl\w*|mov(?:e|ed|es|ing)|kept|held|located|servers?)\b`;
const OUTSIDE_USERS_COUNTRY = new RegExp(String.raw`${MOVE_VERB}[^.;]{0,80}?\boutside\s+(?:of\s+)?(?:the\s+(?:country|jurisdiction)\s+(?:in which|where)\s+you\s+(?:live|reside|are\s+(?:located|resident|based))\b|the\s+country\s+of\s+your\s+residence\b|your\s+(?:(?:home|own)\s+)?(?:state(?=,?\s+(?:province,?\s+)?(?:or\s+)?country\b)|country|jurisdiction)\b)`, 'i');
// The verb that reaches "outside" is the last one before it: "stored in your country and will not transfer it outside
// your country" refuses the transfer, so a negation is looked for before that verb, not before the first one.
const LAST_MOVE_VERB = new RegExp(String.raw`${MOVE_VERB}(?![^]*${MOVE_VERB}[^]*\boutside\b)[^]*\boutside\b`, 'i');
YES.push(OUTSIDE_USERS_COUNTRY);
// The template that goes on to say where the data goes: "If you are located outside United States …, we transfer the
// data … to United States", "users who are located outside the U.S. … transferred to the U.S.": data coming into the
// place named, so "outside your state, province, country" was about the users abroad (the same place twice).
const INCOMING_TEMPLATE = /\b(?:located|resid\w*|based|living)\s+outside\s+(?:of\s+)?(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)[^.;]{0,160}?\b(?:transferr?\w*|sent|send\w*|moved?)\b[^;]{0,80}?\bto\s+(?:the\s+)?\1/;
// Right after "outside your country": the destination named as the US alone ("(including the United States)", "including
// to the U.S., which …", "including in the United States, where our servers are"), the sentence going on to something
// else; not the US first in a list ("including the United States, India and the Philippines", "the United States and Canada").
const TO_US_AFTER = /^(?:\s+of\s+(?:residence|origin))?[\s,]*\(?\s*(?:(?:including|such as|namely|in particular)(?:\s+(?:to|in|into))?|to|into|in)\s+(?:the\s+)?(?:united states(?: of america)?|u\.s\.(?:a\.)?|usa)(?![a-z])\s*\)?\s*(?:$|[.;:]|,?\s*\(?\s*(?:which|where|whose|in accordance with|subject to|pursuant to|as described)\b)/i;
const US = String.raw`(?:the\s+)?(?:(?:continental|contiguous|fifty|50)\s+)?(?:united states|u\.s\.(?:a\.)?|usa)(?![a-z])`;
const NO: RegExp[] = [
  /\b(?:only|solely|exclusively|entirely)\s+(?:with)?in\s+(?:the\s+)?(?:continental\s+)?(?:united states|u\.s\.(?:a\.)?|usa)\b/i,
  // "exclusively in data centers located in the United States", "only at facilities within the U.S.".
  new RegExp(String.raw`\b(?:only|solely|exclusively|entirely)\s+(?:(?:with)?in|at|on|from)\s+(?:[\w-]+\s+){1,5}?(?:(?:located|situated|based|hosted|operated)\s+)?(?:(?:with)?in|at)\s+${US}`, 'i'),
  /\b(?:all|any)\s+(?:[\w-]+\s+){0,4}(?:is|are|shall be|will be|remains?|shall remain)\s+(?:stored|processed|hosted|maintained|located)\s+(?:only\s+|solely\s+|exclusively\s+)?(?:with)?in\s+(?:the\s+)?(?:united states|u\.s\.(?:a\.)?|usa)\b/i,
  // "all information you provide will be processed and securely maintained in our web servers … located within the
  // United States": every piece of data, on the vendor's own systems, in the US.
  new RegExp(String.raw`\b(?:all|any)\s+(?:[\w-]+\s+){0,4}(?:is|are|shall be|will be)\s+(?:stored|processed|hosted|maintained)\b(?:\s+and\s+(?:\w+\s+)?(?:stored|processed|hosted|maintained))?\s+(?:on|in|at)\s+(?:our|its)\s+[^.;]{0,60}?\b(?:located|situated|based)\s+(?:with)?in\s+${US}`, 'i'),
];
// "We do not use offshore resources", "never engage overseas staff": a use of offshore work that the clause layer's
// negation reader finds refused.
const OFFSHORE_USE = /\b(?:use|permit|allow|engage)\b[^.;]{0,30}\b(?:offshore|overseas)\b/gi;
function refusedOffshore(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(OFFSHORE_USE)) if (negatedBefore(v, m.index, 40)) return m as RegExpExecArray;
  return null;
}
// A confinement in so many words, which access or backups elsewhere would contradict rather than qualify.
const CONFINED_WORD = /\b(?:only|solely|exclusively|entirely)\b/i;
// Some of the vendor's systems, not all of them: "our primary servers", "production servers".
const PARTIAL_SYSTEMS = /\b(?:primary|production|main|principal|core|live)\s+(?:servers?|systems?|data cent(?:er|re)s?|infrastructure|databases?)\b/i;
// Data reached, supported or copied from elsewhere: the servers' place does not confine it.
const ACCESS_ELSEWHERE = /\b(?:access\w*|support (?:team|staff|personnel)|backups?|back(?:ed)? up|disaster recovery|replicat\w*|mirror\w*|global\w*|worldwide|around the (?:world|globe)|international\w*|affiliates?)\b/i;
// A concession after a confinement that someone abroad reaches the data ("never stored outside the US, although our
// support team in the Philippines may access it"): access from abroad is processing abroad (README: stored or
// processed). Not a concession about where people are ("although you may access it from Canada": the user's access).
const ACCESS_ABROAD_CONCEDED = new RegExp(String.raw`\b(?:although|though|but|however|except that|while)\b[^.;]{0,60}?\b(?:(?:teams?|staff|personnel|employees|engineers|agents|contractors|affiliates|providers|subsidiaries|offices?)\b[^.;]{0,30}?\b(?:in|from|located in|based in)\s+${FOREIGN}\b[^.;]{0,30}?\b(?:access|view|process|handle|support|review)\w*|(?:teams?|staff|personnel|employees|engineers|agents|contractors|affiliates|providers|subsidiaries)\b[^.;]{0,30}?\b(?:access|view|process|handle|support|review)\w*\b[^.;]{0,40}?\bfrom\s+${FOREIGN}\b)`, 'i');
// "only in the United States and Ireland": the list goes on to a foreign place.
const FOREIGN_AFTER = new RegExp(String.raw`^(?:,\s*|\s+(?:and|or)\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i');
// "… only from offices in the United States, but backups are kept in Canada": a foreign place later on.
const FOREIGN_LATER = new RegExp(String.raw`\b(?:in|within|to|located in)\s+${FOREIGN}\b`, 'i');
// Where the user is or uses the service from, not where the vendor sends data: "if you are visiting the Site from a
// location outside …", "users of the Site located in countries outside …", "when using the app … in a foreign country",
// the portability of a subscription "during temporary stays in another Member State"; not "countries other than the
// country from which you access the Services" (data leaving the user's country).
const FROM_ABROAD = /\bif you (?:access|use|visit)\b[^.;]{0,60}\bfrom\b|\bcross-border portability\b|\b(?:during|on) (?:a |their |your )?temporary stays?\b|\bif you are (?:visiting|accessing|using)\b[^.;]{0,40}\bfrom\b|\b(?:users?|visitors?|customers?|individuals?)\s+of (?:the|our) (?:site|services?|websites?|apps?)\s+(?:who are\s+)?(?:located|based|residing|living)\s+(?:in|outside)\b|\bwhen (?:downloading|using|accessing)\b[^.;]{0,60}\b(?:foreign|another|other) countr|\b(?:users?|individuals?|persons?|people|customers?|visitors?|residents?|you)\s+(?:who are\s+)?(?:located|based|residing|living)\s+(?:in|outside)\b|\bfrom outside\b|\b(?:access|use)\w* (?:the services )?from (?:other|another|outside)|\bif you(?: are|'re| reside| live) (?:located )?(?:in|outside)\b|\bresidents? of\b|\bvisitors? (?:from|located)\b|\bfrom other regions\b|(?<!\bother than (?:the |that )?(?:one|country|countries|jurisdiction) )\b(?:from|in) which (?:you|users?|visitors?) (?:may |can |might )?(?:access|use|visit)\b/i;

// "(only for users outside the United States in jurisdictions where …)": a scope of users, where they are. Not "the data
// of our users outside the United States" after a transfer (the place the data goes), and a destination named after it
// ("For users outside the United States, personal data is processed on servers located in India") is still read.
const FOR_USERS_OUTSIDE = /\bfor\s+(?:(?:those|any|our|the)\s+)?(?:users?|individuals?|persons?|people|customers?|visitors?|end users?)\s+(?=outside\b)/i;

// Text about the data's movement, not a legal address or an authority's website.
const DATA_MOVES = /\b(?:transferr?\w*|stor(?:e|ed|es|age|ing)|process(?:ed|es|ing)?|host(?:ed|s|ing)?|maintain\w*|kept|keep|held|hold|(?:data|information|servers?|content|records|teams?|personnel|staff|employees|contractors)\s+(?:(?:is|are|will be|may be)\s+)?located|server\w*|data cent(?:er|re)s?|transmit\w*|sent|send\w*|moved?|access\w*|perform\w*|handl\w*|review\w*|print\w*|produc(?:e|es|ed|ing)|facilit(?:y|ies)|shar(?:e|ed|es|ing))\b/i;
// Not the data moving: an authority's website, mutual legal assistance between governments.
const DATA_OBJECT = /\b(?:data|information|content|records?|files?|servers?|data cent(?:er|re)s?|hosting|hosted|stored|storage|processed|processing|transferr?\w*|phi|recordings?|transcripts?|backups?|support|teams?|personnel|staff)\b/i;
// A hypothetical transfer ("if any cross-border transfers are necessary") is a review candidate, not a statement.
const HYPOTHETICAL = /\bif\s+(?:any|such|a)\s+(?:cross-border\s+|international\s+)?transfers?\b|\bshould\s+(?:we|it)\s+(?:ever\s+)?(?:need to\s+)?transfer\b|\bin the (?:unlikely )?event (?:that|of) (?:a|any) transfer\b/i;
const NOT_MOVEMENT = /\b(?:appropriate|available)\s+(?:or available\s+)?for use in\b|\bincorporated in\b|\bregistered (?:in|under)\b|\borgani[sz]ed under the laws\b|\bcompany reg\b|\b(?:send|write|mail)\s+(?:us\s+)?(?:a\s+)?letter\b|\bjudicial district\b|\bvenue\b|\bjurisdiction of\b|\bviolation of any law\b|\bexport (?:control|laws?|regulations?)\b|\bsanction(?:s|ed)\b|\bcan be accessed here\b|\baccess(?:ed)? (?:the|our|this|its) (?:site|website|page)\b|\bmutual legal assistance\b|\bmlat\b|\bletters rogatory\b|\bgovernment of (?:one|another) country\b/i;
// Standard contractual clauses, transfer addenda and frameworks describe the mechanism of a transfer, not that one happens.
const MECHANISM_HEADING = /standard contractual clauses|\bclause \d|\bmodule (?:one|two|three|four|\d)|\bannex\b|\bappendix\b|\buk addendum|international data transfer (?:agreement|addendum)/i;
// Incoming transfers to a US vendor ("personal data received from the European Union", "transferred from the EEA to the US").
const INCOMING = /\b(?:received|receive|receives|transferred|transfers?|comes?|coming|collected)\s+(?:\w+\s+){0,3}?from\s+(?:[\w ]{0,40}?\s)?(?:(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|uk\b|united kingdom|switzerland|europe)|outside (?:of )?the united states)/i;
const DPF = /\b(?:data privacy framework|dpf|privacy shield)\b/i;
const EU_CONFINED = /\b(?:only|solely|exclusively|entirely)\s+(?:(?:with)?in|on servers (?:located )?in)\s+(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|member states)|\b(?:remains?|stays?|will remain)\s+(?:\w+\s+){0,2}(?:with)?in\s+(?:the\s+)?(?:european union|eu\b|eea\b|european economic area)\b(?![^.;]{0,80}\b(?:except|unless|however))/i;
const EU_OUTSIDE = /\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|eu\/eea|eea\/switzerland|eu or eea)|\bthird countr(?:y|ies)\b|\bnon-(?:eu|eea)\b/i;
const US_PLACE = /\b(?:united states|u\.s\.a?\.?|usa)\b/i;
const EU_SIGNAL = /\bgdpr\b|\beuropean union\b|\beea\b|\bmember states?\b|\bsupervisory authority\b|\bcnil\b|\bdsgvo\b|\bdata protection officer\b/gi;
const US_SIGNAL = /\bccpa\b|\bcpra\b|\bcalifornia\b|\bunited states\b|\bu\.s\.|\bhipaa\b|\bstate laws?\b/gi;
const LEGAL_NAME = /([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}),?\s+(?:Inc|LLC|Corp|Corporation|GmbH|SAS|SARL|B\.V|N\.V|Oy|AB|AG|Ltd|Limited|S\.A|S\.L)\b\.?/g;
// Where LEGAL_NAME's suffix stands, with the whitespace before it: the matches are looked for only near these (see
// text/suffix-anchored.ts; trying LEGAL_NAME at every capital of 150,000 characters was most of homeRegion's time).
const LEGAL_SUFFIX_AFTER_SPACE = /\s(?:Inc|LLC|Corp|Corporation|GmbH|SAS|SARL|B\.V|N\.V|Oy|AB|AG|Ltd|Limited|S\.A|S\.L)\b/;
const EU_SUFFIX = /\b(?:GmbH|SAS|S\.A\.S\.?|SARL|S\.A\.|SA|B\.V\.|N\.V\.|Oy|AB|ApS|A\/S|S\.L\.|S\.p\.A\.|S\.r\.l\.|OÜ|UAB|AG|Sp\. z o\.o\.)\.?$/;
const US_SUFFIX = /\b(?:Inc|LLC|Corp|Corporation|L\.L\.C|PBC|LP)\.?$/;

/** The vendor's home region from its legal name (GmbH, SAS … or Inc., LLC) and the document's legal vocabulary. */
export function homeRegion(ctx: FactContext): 'us' | 'eu' | undefined {
  for (const n of ctx.vendorNames) {
    if (EU_SUFFIX.test(n)) return 'eu';
    if (US_SUFFIX.test(n)) return 'us';
  }
  const head = ctx.text.slice(0, 150_000);
  // The vendor's legal name written elsewhere ("Name: WPEngine, Inc." in an annex for the brand "WP Engine").
  const keys = ctx.vendorNames.map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((k) => k.length >= 3);
  if (keys.length > 0) {
    for (const m of suffixAnchoredMatches(LEGAL_NAME, LEGAL_SUFFIX_AFTER_SPACE, 4, head)) {
      const key = m[1].toLowerCase().replace(/[^a-z0-9]/g, '');
      if (!keys.some((k) => key === k || key.startsWith(k))) continue;
      if (EU_SUFFIX.test(m[0])) return 'eu';
      if (US_SUFFIX.test(m[0])) return 'us';
    }
  }
  const eu = (head.match(EU_SIGNAL) ?? []).length;
  const us = (head.match(US_SIGNAL) ?? []).length;
  if (eu >= 5 && eu > 2 * us) return 'eu';
  if (us >= 3 && us >= eu) return 'us';
  return undefined;
}

/**
 * `offshore_processing` (README convention): yes when data may be stored or processed outside the vendor's home
 * region — outside the US for a US vendor, outside the EEA/Switzerland for a European one; no only when the text
 * confines storage and processing to the home region. Read from clauses where data moves (transfer, storage,
 * processing, access), not legal addresses, users located abroad, transfers into the home region, or the
 * mechanisms of a transfer (standard contractual clauses, frameworks) on their own, which go to review.
 * A named place outside the US is offshore for a US (or unknown) vendor; for a European vendor, a place in the
 * US or another third country is, and "only within the EU/EEA" is `no`.
 */
export function extractOffshore(ctx: FactContext): Fact<'offshore_processing'> {
  const cands: Candidate<V>[] = [];
  const home = homeRegion(ctx);
  const country = home === undefined ? homeCountry(ctx.text) : undefined;
  const mechanism = partsUnder(ctx, MECHANISM_HEADING);
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const inMechanism = mechanism.some(([a, b]) => s.start >= a && s.start < b);
    const works = WORKS_FROM_ABROAD.exec(v);
    if (works && PROVIDER_HERE.test(v) && !(home === 'eu' && EEA_PLACE.test(works[0])) && !negatedBefore(v, works.index, 60)) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, works.index, works.index + works[0].length), confidence: 0.8 });
      continue;
    }
    // The same reading in French, for the French documents of European vendors ("vos données peuvent être transmises à des
    // sociétés situées hors de l'Union européenne", "susceptibles d'être traitées hors de l'UE"): data sent, processed or
    // stored outside the EU. A refusal ("ne sont pas transférées hors de l'UE") confines it; "ne … que" is a restriction.
    if (home !== 'us') {
      const fr = frenchOutsideEu(v);
      if (fr) {
        cands.push({ value: fr.refused ? 'no' : 'yes', evidence: evidenceAt(ctx, s, fr.m.index, fr.m.index + fr.m[0].length), confidence: fr.refused ? 0.75 : 0.8 });
        continue;
      }
    }
    if (!PROCESS.test(v) || !DATA_MOVES.test(v) || !DATA_OBJECT.test(v) || NOT_MOVEMENT.test(v)) continue;
    const ev = (m: RegExpExecArray) => evidenceAt(ctx, s, m.index, m.index + m[0].length);
    // The mechanism of a transfer (SCCs, annexes, DPF self-certification) does not say data goes abroad.
    if (inMechanism || DPF.test(v) || (home !== 'eu' && INCOMING.test(v))) {
      const m = /\S[^]*/.exec(v)!;
      if (home === 'eu' && EU_OUTSIDE.test(v) && !DPF.test(v)) cands.push({ value: 'yes', evidence: ev(m), confidence: 0.6, review: 'transfer mechanism only (standard contractual clauses, an annex or a framework)' });
      continue;
    }
    // "Third Country Transfers: None", "we do not transfer your data outside the EEA": confined to the home region.
    if (home !== 'us') {
      const none = NO_TRANSFER_ABROAD.exec(v) ?? refusedTransferAbroad(v);
      // Not a refusal qualified by the law ("Neither party shall transfer Personal Data outside the EEA in breach of the
      // Data Protection Laws" refuses unlawful transfers only) or by an exception, after it or in an aside before it ("We
      // will not, without your consent, transfer …").
      if (none && !/\b(?:except|unless|however|but|without|other than|in (?:breach|violation|contravention) of)\b/i.test(v.slice(none.index)) && !QUALIFIED_BEFORE.test(v.slice(0, none.index))) {
        cands.push({ value: 'no', evidence: ev(none), confidence: 0.85 });
        continue;
      }
    }
    // "we may transfer your personal data outside of the EU" from a vendor that is not American: data leaves its region.
    if (home === undefined) {
      const out = OUT_OF_EUROPE.exec(v);
      if (out && !negatedBefore(v, out.index, 80) && !FROM_ABROAD.test(v) && !HYPOTHETICAL.test(v)) {
        cands.push({ value: 'yes', evidence: ev(out), confidence: 0.75 });
        continue;
      }
    }
    if (home === 'eu') {
      const conf = EU_CONFINED.exec(v);
      if (conf && !/\b(?:except|unless|however|but)\b/i.test(v.slice(conf.index))) {
        cands.push({ value: 'no', evidence: ev(conf), confidence: 0.8 });
        continue;
      }
      const out = EU_OUTSIDE.exec(v);
      if (out && !negatedBefore(v, out.index, 80) && !FROM_ABROAD.test(v)) {
        cands.push({ value: 'yes', evidence: ev(out), confidence: 0.8 });
        continue;
      }
      // A transfer to a US provider ("transferred to a server of … Acme Inc. (…, USA) and processed there").
      const us = US_PLACE.exec(v);
      if (us && /\b(?:transferr?\w*|processed there|stored (?:in|on)|hosted (?:in|on|by)|servers? (?:in|located in))\b/i.test(v) && !FROM_ABROAD.test(v) && !negatedBefore(v, us.index, 80)) {
        cands.push({ value: 'yes', evidence: ev(us), confidence: 0.75 });
        continue;
      }
    }
    const no = NO.map((re) => re.exec(v)).find((m) => m !== null) ?? refusedOffshore(v) ?? undefined;
    const rest = no ? v.slice(no.index + no[0].length) : '';
    // "All data is hosted on our servers in the US" says where the data sits, not who reaches it from where: not with
    // access, support or backups beside it (here or in the next sentence), nor of the "primary" servers only.
    const all = no !== undefined && /^(?:all|any)\b/i.test(no[0]) && !CONFINED_WORD.test(no[0]);
    const next = all ? neighbour(ctx, s, 1) : undefined;
    const loose = all && (PARTIAL_SYSTEMS.test(no[0]) || ACCESS_ELSEWHERE.test(v) || (next !== undefined && ACCESS_ELSEWHERE.test(next.view)));
    if (no && !loose && !FOREIGN_AFTER.test(rest) && !FOREIGN_LATER.test(rest)) {
      cands.push({ value: 'no', evidence: ev(no), confidence: 0.85 });
      continue;
    }
    for (const re of YES) {
      const m = re === PLACE ? placeDataMovesTo(v) : re.exec(v);
      if (!m) continue;
      // The clause layer's negation reader ("including, but not limited to, the United States or other countries" is a
      // list, not a negation; "we do not sell data and transfer it to India" states the transfer).
      const at = re === OUTSIDE_USERS_COUNTRY ? m.index + (LAST_MOVE_VERB.exec(m[0])?.index ?? 0) : m.index;
      const negated = negatedBefore(v, at, 90);
      const usTarget = /\b(?:united states|u\.s\.|usa|us)\b/i.test(m[0]);
      if (negated && usTarget) {
        const conceded = ACCESS_ABROAD_CONCEDED.exec(v.slice(m.index));
        if (conceded) cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, m.index + conceded.index, m.index + conceded.index + conceded[0].length), confidence: 0.8 });
        else cands.push({ value: 'no', evidence: ev(m), confidence: 0.85 });
        break;
      }
      if (negated) break;
      // Where the user is ("If you are located outside the United States, …") is no destination, but the same sentence may
      // go on to one beyond the vendor's country ("… processed in the United States or in any other country in which we
      // have facilities"): the next pattern is tried.
      if (FROM_ABROAD.test(v) && re !== OUTSIDE_USERS_COUNTRY && !beyondHome(v, m)) continue;
      // "outside the United States" right after "for users": where they are.
      const users = FOR_USERS_OUTSIDE.exec(v);
      if (users && m.index === users.index + users[0].length) continue;
      // A European vendor's home region is many countries: outside the user's own country may still be inside the EEA.
      if (re === OUTSIDE_USERS_COUNTRY && home === 'eu') break;
      // The next sentence may stand in a paragraph of its own (the template's lines are separate paragraphs).
      // The template's sentences come in either order ("If you are located outside … we transfer the data … to …" may
      // stand before the "outside your state, province, country" sentence): both neighbours are read.
      // "the transfer of your Personal Information outside of your home country, (including the United States)": the one
      // destination named is the US vendor's home, so the sentence speaks to users abroad whose data comes in.
      if (re === OUTSIDE_USERS_COUNTRY && home !== 'eu' && TO_US_AFTER.test(v.slice(m.index + m[0].length)) && !FOREIGN_LATER.test(v.slice(m.index + m[0].length))) break;
      if (re === OUTSIDE_USERS_COUNTRY && (INCOMING_TEMPLATE.test(`${v} ${ctx.sentences[s.index + 1]?.view ?? ''}`) || INCOMING_TEMPLATE.test(ctx.sentences[s.index - 1]?.view ?? ''))) break;
      // For a European vendor, a place inside the EEA is home ground, unless the clause names it as where data is hosted
      // for the customer (kept as offshore from the US practice's side: "Customer Personal Data is hosted in Germany").
      if (home === 'eu' && EEA_PLACE.test(m[0]) && !/\b(?:hosted|stored|processed|processing)\b[^.;]{0,70}$/i.test(v.slice(Math.max(0, m.index - 80), m.index + 12))) break;
      if (HYPOTHETICAL.test(v)) {
        cands.push({ value: 'yes', evidence: ev(m), confidence: 0.55, review: 'a hypothetical transfer ("if any transfers are necessary")' });
        break;
      }
      // A vendor of neither region keeping the data in its own country ("a Canadian not-for-profit" whose "servers
      // [are] located in Canada", a bank under English law whose "data will be held in the UK"): home ground.
      // Every place of the clause is read: "stored in the UK and in India" names home ground and a place abroad, and
      // the US is abroad for such a vendor ("servers in the United Kingdom and the United States").
      if (country && country.test(m[0])) {
        const abroad = [...v.matchAll(PLACES)].find((p) => !country.test(p[0])) ?? US_PLACE.exec(v);
        if (abroad) cands.push({ value: 'yes', evidence: ev(abroad as RegExpExecArray), confidence: 0.75 });
        else if (HELD.test(v)) cands.push({ value: 'no', evidence: ev(m), confidence: country.doubt ? 0.6 : 0.7 });
        break;
      }
      cands.push({ value: 'yes', evidence: ev(m), confidence: 0.8 });
      break;
    }
  }
  return decide('offshore_processing', cands, ['yes', 'no']);
}

// A condition or exception before a refusal of transfers abroad, not "without limiting the foregoing".
const QUALIFIED_BEFORE = /\b(?:except|unless|other than)\b|\bwithout\b(?!\s+limit)/i;
// A heading-and-value pair or a plain refusal that says no data goes abroad.
const NO_TRANSFER_ABROAD = /\b(?:third[- ]country|international|cross-border)\s+(?:data\s+)?transfers?\W{0,6}\s*(?:none|no|n\/a|not applicable)\b/i;
// "We do not transfer your personal data outside the EEA": the transfer, refused (the clause layer's negation reader).
const TRANSFER_ABROAD = /\b(?:transfer|store|process|send)\s+(?:your\s+|any\s+|the\s+)?(?:personal\s+)?(?:data|information)\s+(?:\w+\s+){0,3}?(?:outside\s+(?:of\s+)?(?:the\s+)?(?:eu|eea|european union|european economic area)|to\s+(?:a\s+)?third countr(?:y|ies))\b/gi;
function refusedTransferAbroad(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(TRANSFER_ABROAD)) if (negatedBefore(v, m.index, 40)) return m as RegExpExecArray;
  return null;
}
// Data moved (not users located) outside Europe: the verb must come before the place.
const OUT_OF_EUROPE = /\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|sen[dt]\w*|host(?:ed|s|ing)?)\b[^.;]{0,60}?\boutside (?:of )?(?:the )?(?:eu|eea|european union|european economic area|uk|united kingdom|eu\/eea)\b/i;
const EEA_PLACE = /\b(?:ireland|germany|france|the netherlands|netherlands|poland|european union|the eu|the eea|european economic area|member states|switzerland|spain|italy|belgium|luxembourg|austria|sweden|denmark|finland|norway|iceland|estonia|latvia|lithuania|portugal|czech|hungary|romania|bulgaria|greece|cyprus|malta|slovakia|slovenia|croatia|liechtenstein)\b/i;

// The vendor's own country when it is neither American nor European: its nationality ("a Canadian not-for-profit
// corporation", "incorporated in England"), as the names of the place. The law its terms choose is weaker: a US company
// may pick Canadian law for Canadian users, so it counts only when stated for everyone (not "if you are in Canada,
// these terms are governed by …") and nothing in the document says the vendor is incorporated elsewhere.
const NATIONALITY: [RegExp, RegExp, RegExp][] = [
  [/\b(?:a|an)\s+canadian\s+(?:[\w-]+\s+){0,2}(?:corporation|company|organi[sz]ation|business)\b|\bincorporated (?:in|under the laws of) canada\b/i, /\b(?:governed by|in accordance with|under) the laws of (?:the province of \w+ and )?canada\b/i, /\bcanada\b/i],
  [/\b(?:a|an)\s+(?:british|english)\s+(?:[\w-]+\s+){0,2}(?:corporation|company|organi[sz]ation|business)\b|\bincorporated (?:in|under the laws of) england\b/i, /\b(?:governed by|in accordance with|under) the laws of england(?: and wales)?\b/i, /\b(?:the uk|united kingdom|the united kingdom)\b/i],
];
// The vendor incorporated somewhere else: a US legal form or state of incorporation.
const OTHER_INCORPORATION = /\b[A-Z][\w&.'-]*,?\s+(?:Inc|LLC|Corp|L\.L\.C|PBC)\b|\b(?:a|an)\s+(?:delaware|california|new york|nevada|washington|texas|massachusetts|american|u\.s\.|us)\s+(?:[\w-]+\s+){0,2}(?:corporation|company|limited liability company)\b|\bincorporated (?:in|under the laws of) (?:the state of )?(?:delaware|california|new york|nevada|the united states)\b/i;
// A choice of law that depends on where the user is.
const USER_DEPENDENT = /\b(?:if|where|when) you (?:are|reside|live|access|use)\b|\bfor (?:users|customers|residents) (?:in|of|located)\b/i;
function homeCountry(text: string): (RegExp & { doubt?: true }) | undefined {
  const head = text.slice(0, 150_000);
  for (const [who, , place] of NATIONALITY) if (who.test(head)) return place;
  if (OTHER_INCORPORATION.test(head)) return undefined;
  for (const [, law, place] of NATIONALITY) {
    const m = law.exec(head);
    if (!m) continue;
    const start = Math.max(head.lastIndexOf('.', m.index), head.lastIndexOf('\n', m.index)) + 1;
    if (USER_DEPENDENT.test(head.slice(start, m.index))) continue;
    return Object.assign(new RegExp(place.source, place.flags), { doubt: true as const });
  }
  return undefined;
}
// Where the data is kept: held, stored, hosted, on servers.
const HELD = /\b(?:held|stored|hosted|kept|servers?|data cent(?:er|re)s?)\b/i;
