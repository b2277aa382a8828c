// Where offshore_processing's data goes: the foreign places, a movement of data that leads to one, and the phrasings
// that send data beyond the vendor's country (YES, tried in order). A reading of its own beside the confinements
// (offshore-confined.ts), so the extractor's precedence between them stays readable in one screen.

// Countries outside the US named in contracts and policies as places where data or the people handling it are.
export const COUNTRIES = String.raw`india|the philippines|philippines|canada|mexico|ireland|germany|france|the netherlands|israel|ukraine|poland|pakistan|brazil|colombia|argentina|costa rica|singapore|australia|japan|the united kingdom|united kingdom|the uk|switzerland|vietnam|china|hong kong|taiwan|south korea|malaysia|indonesia|thailand|sri lanka|bangladesh|nepal|egypt|kenya|nigeria|south africa|morocco|jamaica|guatemala|honduras|el salvador|the dominican republic|dominican republic|peru|chile|uruguay|romania|bulgaria|serbia|belarus|russia|new zealand|spain|italy|portugal|belgium|sweden|denmark|finland|norway|the czech republic|czech republic|hungary|estonia|latvia|lithuania|luxembourg|austria|greece|cyprus|malta|slovakia|slovenia|croatia|iceland|liechtenstein|turkey|the united arab emirates|united arab emirates|saudi arabia|qatar|the republic of korea|tunisia|ghana`;
export const FOREIGN = String.raw`(?:${COUNTRIES}|the european union|european union|the eu|the eea|the european economic area)`;
// A foreign place after "in", "to", "from". A city may come first: "in Pune, India", "from Manila, the Philippines". A
// place followed by "who" locates people ("our customers, users and others in the European Union who access our
// services"), not where data goes; nor does the place's law ("the European Union's General Data Protection Regulation").
export const PLACE = new RegExp(String.raw`\b(?:in|within|to|from|located in)\s+(?:the\s+member\s+states\s+of\s+|[a-z][\w.-]*(?:\s[a-z][\w.-]*)?,\s+)?${FOREIGN}\b(?!(?:['’]s)?\s+(?:standard|data protection|general data|gdpr|laws?|regulations?|directive|representative|residents?|users?|citizens?|addendum|extension|adequacy|international data transfer|idta|data privacy framework)\b|,?\s+who\b)`, 'i');
// The movement of data leading to a place: a verb of transfer, storage or processing, or where things are located.
const MOVES_TO_PLACE = /\b(?:transferr?\w*|stor(?:e|ed|es|ing|age)|process(?:ed|es|ing)?|host(?:ed|s|ing)?|maintain\w*|kept|held|located|based|server\w*|data cent(?:er|re)s?|transmit\w*|sent|send\w*|moved?|access\w*|perform\w*|handl\w*|review\w*|shared?|disclos\w*|teams?|staff|personnel|operations?|facilit(?:y|ies)|offices?)\b[^.;]{0,100}$/i;
export const PLACES = new RegExp(PLACE.source, 'gi');

/**
 * The first named place a movement of data leads to in the same clause ("stored in Ireland", "transferred to India",
 * "servers located in Germany"); "activities carried out in Brazil", "the territory … in the United Kingdom", "a
 * resident in the EEA, please refer to Section 12" name a place, not a destination. Every place in the clause is
 * looked at: "If you are a resident in the EEA, your data is stored in India" moves data to the second.
 */
export function placeDataMovesTo(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(PLACES)) {
    const before = v.slice(Math.max(0, m.index - 100), m.index + (/^located\b/i.test(m[0]) ? 8 : 0));
    if (MOVES_TO_PLACE.test(before) && !USERS_OWN_MOVE.test(before) && !PEOPLE_THERE.test(v.slice(Math.max(0, m.index - 60), m.index))) return m as RegExpExecArray;
  }
  return null;
}
// People the place locates, as whom something reaches ("content accessible to people in Australia", "available to
// subscribers in Japan"): where the audience or the users are, not where the vendor stores or processes data. Not the
// people who handle data ("accessible to our support staff in India"), nor people after the data they own, where the
// place may be the verb's ("stores personal data of its customers in the European Union").
const PEOPLE_THERE = /\b(?:to|for)\s+(?:(?:the|our|its|their|all|any|other|some|certain)\s+)?(?:people|persons|individuals|users?|customers?|consumers?|residents?|visitors?|viewers?|readers?|citizens?|members?|subscribers?|players?|children|audiences?|the public)\s+(?:(?:who\s+(?:are|live|reside)|located|based|living|residing)\s+)?$/i;
// The user moving its own data ("if you store content in India", "you may choose to host your files in Germany"): the
// user's act, not the vendor sending data abroad. Only when the user's verb reaches the place: not when the vendor acts
// after it ("when you upload files, we store them in India"), nor a passive, a relative clause or a clause of its own
// between them ("content you upload is stored in Ireland", "users upload content, which is stored in Germany", "if you
// upload a video, the video will be processed in India").
const USERS_OWN_MOVE = /(?:^|\W)(?:you|users?|customers?)\s+(?:(?:may|can|might|also|choose|chooses|decide|decides|elect|elects|wish|want|to)\s+){0,3}(?:store|stores|upload|uploads|host|hosts|send|sends|transfer|transfers|save|saves|keep|keeps|put|puts|move|moves)\b(?:(?!\b(?:we|it|they|our|which|that|who|where|is|are|was|were|be|been|being)\b)[^.;,]){0,80}$/i;
export const YES: RegExp[] = [
  // "in the United States, Ireland and Singapore": a foreign place in a list that starts with the US.
  new RegExp(String.raw`\b(?:in|within)\s+(?:the\s+)?(?:united states|u\.s\.|usa)(?:,\s*|\s+and\s+|\s+or\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i'),
  // "Outside the country in which you live" is relative to the user, not the vendor's home region.
  /\boutside (?:of )?(?:the )?(?:(?:fifty|50|continental|contiguous|48 contiguous)(?: \(50\))? )?(?:united states|u\.s\.(?:a\.)?|usa|us|country|countries|region|jurisdiction)\b(?!\s+(?:in which|where) you\b|\s+of your (?:residence|location))/i,
  // "in various countries around the globe", "to countries other than the country in which it was received" (not the one
  // "in which you reside": relative to the user, as "outside the country in which you live" below).
  // Not the country "from which you may access" the site: where the user is, not where data goes.
  // Not the countries of a law ("pursuant to the DMCA or similar laws in other countries"): whose law, not where data goes;
  // unless data is handled under it (the next pattern).
  /\b(?:(?<!\b(?:laws?|regulations?|legislation|statutes?|rules)\s+(?:in|of)\s+(?:the\s+)?)(?:other|foreign|third|a number of|various|several|multiple) countr(?:y|ies)\b(?!(?:\/[\w-]+)?\s+(?:from|in) which (?:you|users?|visitors?)\b)|countries around the (?:world|globe)\b|(?:transferr?\w*|accessed|stored|processed|hosted)\b[^.;]{0,60}\b(?:entities|companies|providers|affiliates|locations|servers|jurisdictions)\s+(?:located\s+|based\s+)?(?:around|throughout|across) the (?:world|globe)\b|other locations where\b[^.;]{0,40}\b(?:affiliates|providers|subsidiaries|vendors|partners)\b|on an international basis\b|countr(?:y|ies) other than\b(?!\s+(?:the\s+)?(?:one|country|countries)\s+(?:in which|where)\s+you\b)|anywhere in the world\b|locations? other than\b|offshore\b|overseas\b|internationally\b|across borders\b|cross-border\b)/i,
  // Data handled under the law of other countries ("transferred to and processed under the laws of other countries").
  /\b(?:transferr\w*|transmitted|processed|stored|hosted)\b[^.;]{0,40}\b(?:under|subject to)\s+the\s+(?:laws?|jurisdiction)\s+of\s+(?:other|foreign|various|several|multiple)\s+countries\b/i,
  PLACE,
];
// "processed … in the United States and other locations", "… and elsewhere": the US and places beyond it (for a US vendor,
// abroad). Not "Denver and other locations" (inside the US), nor "the U.S. or elsewhere" (a hedge, said of others' servers).
YES.push(/\b(?:in|to|within)\s+(?:the\s+)?(?:united states|u\.s\.|usa)\s+(?:(?:and|or)\s+(?:in\s+)?(?:other|various|additional)\s+(?:locations|jurisdictions|places|territories)|and\s+elsewhere)\b/i);
// Destinations that are beyond the vendor's country whatever the user's own place: named as where data goes ("in any other
// country", "to other countries", "in the United States and other locations"), not as who judges ("the laws of which may
// be deemed by other countries to be inadequate").
const BEYOND_HOME = /\b(?:an)?other countr|\blocations? other than|\bother (?:locations|jurisdictions|places|territories)\b|\boffshore|\boverseas/i;
const AS_DESTINATION = /\b(?:in|to|into|within|across|and|or)\s+(?:(?:any|the|various|several|many|a number of)\s+)?$/i;
export const beyondHome = (v: string, m: RegExpExecArray): boolean =>
  BEYOND_HOME.test(m[0]) && (/^(?:in|to|into|within)\b/i.test(m[0]) || AS_DESTINATION.test(v.slice(Math.max(0, m.index - 30), m.index)) || /^(?:offshore|overseas)/i.test(m[0]));
// "in any country in which Google or its Subprocessors maintain facilities": wherever the vendor or its providers are.
// Case-sensitive on purpose: a capitalised name (Google) is the vendor or a provider; "you", "your business" or
// "users" are where the user is, which is not data leaving for elsewhere.
YES.push(/\b[Ii]n\s+any\s+(?:other\s+)?country\s+(?:in which|where)\s+(?:[Ww]e|[Oo]ur|[Ii]ts|[Ii]t|[Tt]hey|(?!(?:You|Your|Users?|Customers?)\b)[A-Z][\w.&-]*)\b[^.;]{0,60}\b(?:maintain|operate|have|located|do business)\w*/);
// "transfer your information to, or store or access it in, jurisdictions that may not provide equivalent levels of data
// protection as your home jurisdiction": places whose law may protect less than the user's, named as where data goes (the
// same reading as "outside the country in which you live"). Not "these countries may not …" said of places named before.
YES.push(/\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|access(?:ed|es|ing)?|host(?:ed|s|ing)?)\b[^.;]{0,80}?\b(?:to|in|into),?\s+(?:other\s+)?(?:countries|jurisdictions)\s+(?:that|which)\s+(?:may|might)\s+not\s+(?:have|provide|offer|afford)\s+(?:the\s+same|an?\s+equivalent|equivalent|equal|comparable|similar|levels?\s+of\s+(?:data\s+)?protection\s+(?:that\s+(?:is|are)\s+)?equivalent)\b/i);
// One country in the singular says the same ("transferred to the United States — or to another country in which we (or
// our affiliates or service providers) operate").
YES.push(/\b(?:and|or|in|to)\s+(?:(?:other\s+)?countries|another\s+country|any\s+other\s+country)\s+(?:in which|where)\s+(?:we|our|its|the|they)\b[^.;]{0,80}\b(?:located|operate|have|are)\b/i);
// Data processed, stored or on servers "in another country", "in a different country" ("a third party who may have their
// servers in a different country", "Personal Information processed and stored in another country may be subject to …"):
// a place beyond the vendor's own, named as where the data is. Only with the data's own verb or servers just before it:
// the user "located in another country" is where they are. For a European vendor another country may be in the EEA (the
// extractor does not read it there).
export const ANOTHER_COUNTRY = /\b(?:process(?:ed|es|ing)?|stor(?:e|ed|es|ing)|host(?:ed|s|ing)?|servers?|transferr?(?:ed|ing)?|transmitted|kept|held)\b[^.;]{0,40}?\b(?:in|to)\s+(?:a\s+different|another)\s+country\b(?!\s+(?:of|in|within)\s+the\s+(?:EEA|EU|European))/i;
YES.push(ANOTHER_COUNTRY);
// Data handled the world over by the vendor's own verb ("we share information globally, … with our partners", "your data
// is processed worldwide"): everywhere includes outside any home region.
// The active verb's subject is the vendor ("we", not "we let you"): users sharing information worldwide ("members share information
// worldwide", "you can share your information globally with other users") publish it, the vendor moves nothing; in the
// passive, sharing is left out for the same reason ("when you post publicly, your information is shared worldwide").
YES.push(/\bwe\b(?:(?!\b(?:you|users?|members?|others|people|anyone)\b)[^.;,]){0,40}?\b(?:share|transfer|process|store)\s+(?:(?:your|the|such|this|personal)\s+){0,2}(?:data|information)\s+(?:globally|worldwide|around the (?:world|globe)|across the globe)\b|\b(?:data|information)\s+(?:(?:is|are|will be|may be)\s+)(?:transferred|processed|stored)\s+(?:globally|worldwide|around the (?:world|globe)|across the globe)\b/i);
// Data moved "outside the country in which you live", "outside of your home country", "outside your state, province,
// country": the statement holds for every user, the vendor's own region's users among them, for whom it is outside the
// home region (README: "data may be stored or processed outside the vendor's home region"). A verb of storage, transfer
// or processing (or people or servers located) leads to it; a website the user visits abroad is not data moving.
// The user's own acts are not the vendor moving data: "if you are located outside your home country", "messages you
// send to numbers outside your country". "Your state" alone is inside a US vendor's home region ("records stored at
// facilities outside your state"); only "your state, province, country" (a list that reaches the country) counts.
const MOVE_VERB = String.raw`(?<!\b(?:you|you're|you\s+are|you\s+were|you\s+may\s+be)\s+)\b(?:transferr?\w*|stor(?:e|ed|es|ing)|process(?:ed|es|ing)?|maintain\w*|host(?:ed|s|ing)?|sen[dt]\w*|handl\w*|mov(?:e|ed|es|ing)|kept|held|located|servers?)\b`;
// "processed in one or more countries other than the one in which you reside" says the same as "outside the country in
// which you live" in other words.
export const OUTSIDE_USERS_COUNTRY = new RegExp(String.raw`${MOVE_VERB}[^.;]{0,80}?\b(?:outside\s+(?:of\s+)?(?:the\s+(?:country|jurisdiction)\s+(?:in which|where)\s+you\s+(?:live|reside|are\s+(?:located|resident|based))\b|the\s+country\s+of\s+your\s+residence\b|your\s+(?:(?:home|own)\s+)?(?:state(?=,?\s+(?:province,?\s+)?(?:or\s+)?country\b)|country|jurisdiction)\b)|(?:countr(?:y|ies)|jurisdictions?)\s+other\s+than\s+(?:the\s+(?:one|country|jurisdiction)|that)\s+(?:in which|where)\s+you\s+(?:live|reside|are\s+(?:located|resident|based))\b)`, 'i');
// The verb that reaches "outside" is the last one before it: "stored in your country and will not transfer it outside
// your country" refuses the transfer, so a negation is looked for before that verb, not before the first one.
// So too before "countries other than the one in which you reside" ("stored in your country and will not transfer it to
// countries other than the one in which you reside").
const BEYOND_USER = String.raw`(?:\boutside\b|\bother\s+than\b)`;
export const LAST_MOVE_VERB = new RegExp(String.raw`${MOVE_VERB}(?![^]*${MOVE_VERB}[^]*${BEYOND_USER})[^]*${BEYOND_USER}`, 'i');
YES.push(OUTSIDE_USERS_COUNTRY);
// The template that goes on to say where the data goes: "If you are located outside United States …, we transfer the
// data … to United States", "users who are located outside the U.S. … transferred to the U.S.": data coming into the
// place named, so "outside your state, province, country" was about the users abroad (the same place twice).
export const INCOMING_TEMPLATE = /\b(?:located|resid\w*|based|living)\s+outside\s+(?:of\s+)?(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)[^.;]{0,160}?\b(?:transferr?\w*|sent|send\w*|moved?)\b[^;]{0,80}?\bto\s+(?:the\s+)?\1/;
// Right after "outside your country": the destination named as the US alone ("(including the United States)", "including
// to the U.S., which …", "including in the United States, where our servers are"), the sentence going on to something
// else; not the US first in a list ("including the United States, India and the Philippines", "the United States and Canada").
export const TO_US_AFTER = /^(?:\s+of\s+(?:residence|origin))?[\s,]*\(?\s*(?:(?:including|such as|namely|in particular)(?:\s+(?:to|in|into))?|to|into|in)\s+(?:the\s+)?(?:united states(?: of america)?|u\.s\.(?:a\.)?|usa)(?![a-z])\s*\)?\s*(?:$|[.;:]|,?\s*\(?\s*(?:which|where|whose|in accordance with|subject to|pursuant to|as described)\b)/i;
