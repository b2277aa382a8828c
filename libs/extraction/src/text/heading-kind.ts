import type { AnalysedText } from './sentences.js';

/**
 * What a document's own section headings say it is. A privacy notice's sections are about the information the
 * service collects and what it does with it ("Information we collect", "How we share your data", "Cookies",
 * "Your rights and choices"); the terms a user accepts have sections on the bargain ("Termination", "Limitation of
 * liability", "Governing law", "Fees"). A mention of the other document in the opening ("see our Privacy Policy",
 * "read our Terms and Conditions") says much less than the sections the document itself is made of, so classify()
 * lets a clear majority of headings outweigh such a mention. Vocabulary as data: one entry per kind of section.
 */
const PRIVACY_SECTIONS: RegExp[] = [
  /\b(?:information|data) (?:(?:that )?we|you) (?:collect|receive|obtain|process|provide|share|give)/i,
  /\b(?:collection|use|uses|sharing|disclosures?|processing|retention|storage|transfers?|security|protection|categories|sources|recipients) of (?:your )?(?:personal )?(?:information|data)\b/i,
  /\bhow (?:do )?we (?:use|share|collect|process|protect|store|retain|keep|disclose|secure)\b/i,
  /\b(?:why|when|with whom|who) (?:do )?we (?:use|share|collect|process|disclose)\b/i,
  /\bpersonal (?:information|data)\b/i,
  /\bcookies?\b|\btracking technolog/i,
  /\b(?:data|information) (?:retention|security|protection|transfers?|controller)\b|\bhow long (?:do )?we (?:keep|retain|store)\b/i,
  /\byour (?:privacy |data protection )?(?:choices|rights (?:and choices|regarding|over|in relation to|as a data subject|under))|\byour (?:privacy|data protection|california|state) (?:privacy )?rights\b/i,
  /\bchildren\b|\bminors'? (?:privacy|data|information)\b/i,
  /\b(?:international|cross-border) (?:data )?transfers?\b|\blegal bas[ie]s\b/i,
];
const TERMS_SECTIONS: RegExp[] = [
  /\bliability\b/i,
  /\bindemni(?:fy|fication|ty|ties)\b/i,
  /\bwarrant(?:y|ies)\b|\bdisclaimers?\b/i,
  /\bgoverning law\b|\bjurisdiction\b|\bdisputes?\b|\barbitration\b/i,
  /\bterminat(?:e|ion|ing)\b|\bsuspension\b/i,
  /\bintellectual property\b|\bcopyright\b|\btrademarks?\b|\blicen[cs]es?\b/i,
  /\b(?:fees|payments?|billing|subscriptions?|refunds?|pricing|purchases?)\b/i,
  /\b(?:acceptable|prohibited) (?:use|conduct|activities)\b|\buser conduct\b|\byour (?:content|account|obligations|responsibilities)\b|\beligibility\b/i,
  /\bforce majeure\b|\bassignment\b|\bseverability\b|\bentire agreement\b|\bwaiver\b|\bmiscellaneous\b/i,
];

/**
 * A processing agreement's own sections (a DPA's, or the processing annex of terms): the processor's duties to the
 * controller. Liability, indemnity, termination and governing law are in DPAs and BAAs as in every contract, so only
 * these say whether a document with controller/processor vocabulary is a processing agreement or terms with one
 * processing section.
 */
const PROCESSING_SECTIONS: RegExp[] = [
  /\bsub-?processors?\b|\bsub-?processing\b/i,
  /\bdata process(?:ing|or)\b|\bprocessing (?:of|on behalf)\b|(?<!sub-?)\b(?:controllers?|processors?)\b|\bDPA\b/i,
  /\b(?:processing|documented|customer'?s?|controller'?s?) instructions\b|\binstructions (?:of|from)\b/i,
  /\baudits?\b|\binspections?\b/i,
  /\b(?:security|data|personal data) (?:incidents?|breach(?:es)?)\b|\bbreach notification\b/i,
  /\bdata subjects?\b/i,
  /\bstandard contractual clauses\b|\bSCCs?\b|\b(?:international|cross[- ]border|restricted) (?:data )?transfers?\b/i,
  /\b(?:return|deletion|destruction) (?:and|or) (?:return|deletion|destruction)\b|\b(?:return|deletion|destruction) of (?:the )?(?:customer |personal )?data\b/i,
];

export interface HeadingVotes {
  privacy: number;
  terms: number;
  /** Distinct kinds of a processing agreement's own section (PROCESSING_SECTIONS). */
  processing: number;
}

/** How many kinds of a privacy notice's, a terms document's and a processing agreement's sections the document's headings name. */
export function headingVotes(a: AnalysedText): HeadingVotes {
  // Distinct kinds of section, not headings: a cookie notice's ten headings about cookies are one topic, not ten.
  const privacy = new Set<RegExp>();
  const terms = new Set<RegExp>();
  const processing = new Set<RegExp>();
  for (const s of a.sentences) {
    if (!s.isHeading || s.view.length > 120) continue;
    for (const re of PRIVACY_SECTIONS) if (re.test(s.view)) privacy.add(re);
    for (const re of TERMS_SECTIONS) if (re.test(s.view)) terms.add(re);
    for (const re of PROCESSING_SECTIONS) if (re.test(s.view)) processing.add(re);
  }
  return { privacy: privacy.size, terms: terms.size, processing: processing.size };
}

/**
 * The kind the headings settle, when they settle it: at least three kinds of section of one document kind and at least twice as many
 * as of the other. A terms document with one privacy section, or a privacy notice with "Governing law" and
 * "Changes", keeps its majority; a document with few or mixed headings is left to the other signals.
 */
export function headingKind(v: HeadingVotes): 'privacy_policy' | 'terms' | undefined {
  if (v.privacy >= 3 && v.privacy >= 2 * v.terms) return 'privacy_policy';
  if (v.terms >= 3 && v.terms >= 2 * v.privacy) return 'terms';
  return undefined;
}

/**
 * Whether a document whose text speaks of controllers and processors is terms with a processing section rather than
 * a processing agreement: its headings settle on terms and name at most one of a processing agreement's own
 * sections. A DPA with liability, indemnity, termination and law sections names several (sub-processors, audits,
 * incidents, return and deletion …) and stays a DPA.
 */
export function termsDespiteProcessing(v: HeadingVotes): boolean {
  return headingKind(v) === 'terms' && v.processing <= 1;
}
