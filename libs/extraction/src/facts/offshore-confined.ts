import { negatedBefore } from './fact-context.js';
import { FOREIGN } from './offshore-places.js';

// The confinements of offshore_processing (its `no`): data kept only in the US or only in the EU, transfers abroad
// refused, and what takes a confinement back (access or backups elsewhere, a foreign place later in the list).

// The US as the one place data is confined to ("within the continental United States").
const US = String.raw`(?:the\s+)?(?:(?:continental|contiguous|fifty|50)\s+)?(?:united states|u\.s\.(?:a\.)?|usa)(?![a-z])`;
export const NO: RegExp[] = [
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
export function refusedOffshore(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(OFFSHORE_USE)) if (negatedBefore(v, m.index, 40)) return m as RegExpExecArray;
  return null;
}
// A confinement in so many words, which access or backups elsewhere would contradict rather than qualify.
export const CONFINED_WORD = /\b(?:only|solely|exclusively|entirely)\b/i;
// Some of the vendor's systems, not all of them: "our primary servers", "production servers".
export const PARTIAL_SYSTEMS = /\b(?:primary|production|main|principal|core|live)\s+(?:servers?|systems?|data cent(?:er|re)s?|infrastructure|databases?)\b/i;
// Data reached, supported or copied from elsewhere: the servers' place does not confine it.
export const ACCESS_ELSEWHERE = /\b(?:access\w*|support (?:team|staff|personnel)|backups?|back(?:ed)? up|disaster recovery|replicat\w*|mirror\w*|global\w*|worldwide|around the (?:world|globe)|international\w*|affiliates?)\b/i;
// A concession after a confinement that someone abroad reaches the data ("never stored outside the US, although our
// support team in the Philippines may access it"): access from abroad is processing abroad (README: stored or
// processed). Not a concession about where people are ("although you may access it from Canada": the user's access).
export const ACCESS_ABROAD_CONCEDED = new RegExp(String.raw`\b(?:although|though|but|however|except that|while)\b[^.;]{0,60}?\b(?:(?:teams?|staff|personnel|employees|engineers|agents|contractors|affiliates|providers|subsidiaries|offices?)\b[^.;]{0,30}?\b(?:in|from|located in|based in)\s+${FOREIGN}\b[^.;]{0,30}?\b(?:access|view|process|handle|support|review)\w*|(?:teams?|staff|personnel|employees|engineers|agents|contractors|affiliates|providers|subsidiaries)\b[^.;]{0,30}?\b(?:access|view|process|handle|support|review)\w*\b[^.;]{0,40}?\bfrom\s+${FOREIGN}\b)`, 'i');
// "only in the United States and Ireland": the list goes on to a foreign place.
export const FOREIGN_AFTER = new RegExp(String.raw`^(?:,\s*|\s+(?:and|or)\s+)(?:[a-z]{2,20}(?: [a-z]{2,20})?(?:,\s*|\s+and\s+|\s+or\s+)){0,3}${FOREIGN}\b`, 'i');
// "… only from offices in the United States, but backups are kept in Canada": a foreign place later on.
export const FOREIGN_LATER = new RegExp(String.raw`\b(?:in|within|to|located in)\s+${FOREIGN}\b`, 'i');
// A condition or exception before a refusal of transfers abroad, not "without limiting the foregoing".
export const QUALIFIED_BEFORE = /\b(?:except|unless|other than)\b|\bwithout\b(?!\s+limit)/i;
// A heading-and-value pair or a plain refusal that says no data goes abroad.
export const NO_TRANSFER_ABROAD = /\b(?:third[- ]country|international|cross-border)\s+(?:data\s+)?transfers?\W{0,6}\s*(?:none|no|n\/a|not applicable)\b/i;
// "We do not transfer your personal data outside the EEA": the transfer, refused (the clause layer's negation reader).
const TRANSFER_ABROAD = /\b(?:transfer|store|process|send)\s+(?:your\s+|any\s+|the\s+)?(?:personal\s+)?(?:data|information)\s+(?:\w+\s+){0,3}?(?:outside\s+(?:of\s+)?(?:the\s+)?(?:eu|eea|european union|european economic area)|to\s+(?:a\s+)?third countr(?:y|ies))\b/gi;
// The same refusal with the transfer as the subject: "Transmission to third countries outside the EU/EEA … will not take
// place" (an exception after it, "unless we have been given reasonable guarantees", is read by the caller). Not a
// refusal of some transfers only, named by a relative clause or condition ("transfers to third countries that do not
// offer an adequate level of protection will not take place", "… will not take place if no adequacy decision exists"):
// the others may take place.
const TRANSFER_ABROAD_REFUSED = /\b(?:transfers?|transmissions?)\s+(?:of\s+(?:your\s+|any\s+|the\s+)?(?:personal\s+)?(?:data|information)\s+)?(?:outside\s+(?:of\s+)?(?:the\s+)?(?:eu|eea|european union|european economic area)|to\s+(?:a\s+)?third countr(?:y|ies))\b(?:(?!\b(?:that|which|where|whose|without|lacking|unless|except|if)\b)[^.;]){0,80}?\b(?:will|shall|does|do|is|are)\s+not\s+(?:take place|occur|happen|be (?:carried out|made|performed))\b(?!,?\s+(?:if|where|when|insofar|to the extent|provided)\b)/i;
export function refusedTransferAbroad(v: string): RegExpExecArray | null {
  for (const m of v.matchAll(TRANSFER_ABROAD)) if (negatedBefore(v, m.index, 40)) return m as RegExpExecArray;
  return TRANSFER_ABROAD_REFUSED.exec(v);
}
// Data confined to the EU or EEA ("only within the EEA", "remains in the European Union" with no exception after it).
export const EU_CONFINED = /\b(?:only|solely|exclusively|entirely)\s+(?:(?:with)?in|on servers (?:located )?in)\s+(?:the\s+)?(?:european union|eu\b|eea\b|european economic area|member states)|\b(?:remains?|stays?|will remain)\s+(?:\w+\s+){0,2}(?:with)?in\s+(?:the\s+)?(?:european union|eu\b|eea\b|european economic area)\b(?![^.;]{0,80}\b(?:except|unless|however))/i;
