import type { Category } from './vocabulary.js';

/** Nouns after "account" that make it whose data is meant ("your account data", "account profile"), not the account. */
export const ACCOUNT_DATA = String.raw`(?:profiles?|data|information|info|details|content|contents|settings|history|records?|photos?|pictures?|preferences|activity)`;

/**
 * Words that are vocabulary in one sense and not in another, told apart by their neighbours: a hit is dropped
 * when the text right before it matches `before` or right after it matches `after` (both lower-case views).
 */
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
  // "re-enable access to the content", "restrict access to your account", "suspend your access to the Services": the
  // availability of the service or of content is withdrawn or restored, nobody is handed data. Not "enable access to"
  // or "grant access to" (those open it to someone).
  { cat: 'action', kind: 'disclose', phrase: /^access to$/, before: /\b(?:re-?enabl|restor|reinstat|disabl|remov|block|suspend|limit|restrict|revok|deny|denie|terminat|cut(?:ting)? off|los|regain)(?:e|es|ed|ing|s)?\s+(?:or\s+[\w-]+\s+)?(?:(?:your|the|their|its|his|her|user|users'|any|all)\s+)?$/ },
  // "provided that", "provided, however": a proviso, not a disclosure.
  { cat: 'action', kind: 'disclose', phrase: /^provided$/, after: /^\s*(?:that|,\s*however|however)\b/ },
  // "this Privacy Notice", "our notice", "notice of changes": a document or a change notice, not notice of a demand.
  { cat: 'action', kind: 'notify', phrase: /^notice$/, before: /\b(?:privacy|this|cookie|present|legal|our|the)\s+$/ },
  // "court" as the place of a lawsuit ("the courts of Ireland have jurisdiction").
  { cat: 'actor', kind: 'authority', phrase: /^courts?$/, after: /^\s+(?:of|in|located|having|with jurisdiction)\b/ },
  // "authority" as power, not a public body: "full power and authority to enter into", "all reasonable assistance,
  // information, and authority necessary to perform the above" (an indemnity's cooperation).
  { cat: 'actor', kind: 'authority', phrase: /^authority$/, before: /\b(?:full|power,? and|right,? and|rights,? and|legal|corporate|requisite|information,? and|assistance,? and|cooperation,? and|has the|have the|had the)\s+$/ },
  { cat: 'actor', kind: 'authority', phrase: /^authority$/, after: /^\s+(?:(?:reasonably\s+)?necessary|required|to (?:enter|bind|grant|perform|execute|make|act|accept|agree|sign|do so))\b/ },
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
  // "we will delete your account profile", "you can delete your account data": "account" names whose data is deleted,
  // not the account's end (the deletion verb in it stays a hit: lexicon.ts `otherSense`).
  { cat: 'condition', kind: 'end', phrase: /^(?:delete|deleting) your account$/, after: new RegExp(String.raw`^\s+${ACCOUNT_DATA}\b`) },
];
