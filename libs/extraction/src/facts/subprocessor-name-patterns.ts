import { AUTHORITY_HEADS } from '../clauses/authorities.js';
import { LEGAL_SUFFIX, LEGAL_SUFFIXES, REGION_IN_NAME } from '../text/legal-suffixes.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/** The patterns of organisation names in policies (subprocessor-names.ts): name tokens, legal suffixes, lists of names. */

// The legal forms, from the one vocabulary (text/legal-suffixes.ts).
export const SUFFIX = LEGAL_SUFFIX;
// A name token: capitalised or with an inner capital ("iDenfy", "eBay"), a number with letters, dotted brands ("Kapa.ai").
export const TOKEN = String.raw`(?:[\p{Lu}0-9][\p{L}\p{N}&'’.+-]*[\p{L}\p{N}]|[\p{Lu}]|[\p{Ll}]+-?[\p{Lu}][\p{L}\p{N}&'’.+-]*)`;
// A trade name after "doing business as" belongs to the same name ("Widgix, LLC dba Survey Gizmo"), when it ends where
// the name does: at punctuation, the sentence's end or a lower-case word. Capitalised words running on after it are
// another phrase ("… dba SurveyGizmo Privacy Policy", "… dba Survey Quill The Survey Platform"): the name then ends
// at its legal suffix, as without the trade name. A trade name may open with "The" ("… d/b/a The Widget Store").
const DBA_WORD = String.raw`(?!(?:The|Our|In|For|To|At|On|By|With|See|Privacy|Policy|Notice|Terms)(?![\p{L}]))${TOKEN}`;
const DBA = String.raw`(?:\s+(?:dba|d\/b\/a|d\.b\.a\.)\s+(?:The\s+)?${DBA_WORD}(?:\s+${DBA_WORD}){0,3}(?=\s*(?:[,.;:()]|$)|\s+\p{Ll}))?`;
// The last word of a legal form written with its dot ("Ltd.", "Inc.", "S.A.") where a list goes on after it ("Sisense Ltd.,
// Nimbus and Appsflyer"): a name word may not end there, or the name would end before the dot ("Sisense Ltd") and the
// list with it; the legal suffix takes the word with its dot, and the list reads on. A word of a form, as the forms write it.
const DOTTED_FORM_WORDS = [...new Set(LEGAL_SUFFIXES.map((f) => f.split(' ').pop()!.replace(/\.\?$|\.$/, '')).filter((w) => /^[\p{L}.]+$/u.test(w)))];
const SUFFIX_DOT_IN_LIST = String.raw`(?!(?:${DOTTED_FORM_WORDS.map(escapeRegExp).join('|')})\.(?:\s*,|\s+(?:and|or|&)\s))`;
const NAME = String.raw`${TOKEN}(?:\s+(?:(?:of|de|du|&|and|for)\s+)?${SUFFIX_DOT_IN_LIST}${TOKEN}){0,5}(?:(?:\s+${REGION_IN_NAME})?,?\s+${SUFFIX}(?![\p{L}])${DBA})?`;
export const ENDS_WITH_SUFFIX = new RegExp(String.raw`${SUFFIX}$`, 'u');
// A legal suffix ends a company's name: "and" after one joins the next company ("Google LLC and Sanoma Media Finland
// Oy" is two), while "and" between other words may be inside one name ("Procter and Gamble Co."). The look-behind is
// asked only after an "and" has matched: at every other word boundary it would cost a scan of the suffix list.
// A region may stand before the suffix, inside the name ("ACI Worldwide (EMEA) Ltd.", "Samsung Electronics (UK) Limited").
export const SUFFIX_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}])(${TOKEN}(?:(?:\s+(?:and|&)\s+(?<!\s${SUFFIX}\s+(?:and|&)\s+)|\s+of\s+|\s+)${TOKEN}){0,5})(?:\s+${REGION_IN_NAME})?,?\s+${SUFFIX}(?![\p{L}])${DBA}`, 'gu');
export const SUFFIX_NAME_ALL = new RegExp(SUFFIX_NAME.source, 'gu');
// A legal suffix anywhere: the name-with-suffix scan (slow: up to six name tokens tried at every capital) runs only where one is.
export const HAS_SUFFIX = new RegExp(String.raw`\s${SUFFIX}(?![\p{L}])`, 'u');
export const NAME_AT = new RegExp(String.raw`^\s*(?:the\s+)?(${NAME})`, 'u');
// A short parenthesis after a name in a list is its country or acronym ("Zendesk Inc. (USA), Stripe (USA) and Adyen (the
// Netherlands)"): the list goes on after it (splitNames keeps the name before it). One holding a company's legal name
// ("Sentry.io (Functional Software, Inc., USA)", "(formerly Writelatex Ltd)") is another name for the same entity or
// a former one, not a note: the list ends before it, as it did without notes.
const NAME_NOTE = String.raw`(?:\s*\((?![^()]*\s${SUFFIX}(?![\p{L}]))[^()\d\n]{1,40}\))?`;
// Two products of two providers written with a slash between them ("Google Analytics/Firebase Analytics (USA), Amazon
// group (USA)"): two names, when each has at least two words ("Conversant/CJ Affiliate" is one company's names, "TCP/IP" no one's).
// The slash is matched before the look-behind is asked: asked first, the look-behind would run at every position.
const SLASH = String.raw`\/(?<=\p{Lu}\S*\s\S+\/)(?=\p{Lu}\S*\s\p{Lu})`;
// "Stripe, the Department of Justice and Mailgun": a public body written with its "the" inside a list is one entry of
// it (set aside alone as an authority when read, see authoritySpan), not the list's end. Only before a body's head word:
// "Stripe, the payment processor" or "Stripe, the Company" still ends it.
const THE_BODY = String.raw`(?:the\s+(?=(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}(?:${AUTHORITY_HEADS.join('|')})(?![\p{L}])))?`;
// One copy of the name after either separator: (A|B)C tries its readings in the order AC|BC does, so the readings are
// those of a copy after each, in a pattern V8 compiles in about half the time.
export const NAME_LIST_AT = new RegExp(String.raw`^\s*(?:the\s+)?(${NAME}${NAME_NOTE}(?:(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\/or\s+|\s+and\s+|\s+or\s+|\s+&\s+)${THE_BODY}|${SLASH})${NAME}${NAME_NOTE}){0,12})`, 'u');
// Connective adverbs that open sentences ("Additionally, …") are not names either.
export const NOT_A_NAME = /^(?:additionally|furthermore|moreover|finally|alternatively|similarly|accordingly|consequently|likewise|specifically|generally|otherwise|therefore|thus|hence|nevertheless|nonetheless|meanwhile|subsequently|the|a|an|our|we|you|your|this|these|such|any|all|each|customer|covered entity|business associate|company|vendor|services?|section|article|schedule|exhibit|appendix|annex|agreement|hipaa|gdpr|ccpa|cpra|phi|eu|eea|uk|us|u\.s\.|united states|usa|california|europe|data|personal|protected|note|none|n\/a|name|purpose|location|sub-?processors?|entity|country|service|function|description|category|sub-?contractors?|vendors?|providers?|(?:service|third[- ]party) providers?|recipients?|partners?|names?|purposes?|functions?|locations?|countr(?:y|ies)|regions?|roles?|services provided|processing|activity|activities|(?:company|vendor|provider|entity|sub-?processor|sub-?contractor|legal|supplier) names?|suppliers?|third[- ]part(?:y|ies)|hosting location|privacy policy|privacy notice|privacy statement|terms|terms of (?:service|use)|cookie policy|cookies?|personal data|personal information|user|users|member|members|website|site|app|apps|application|platform|content|account|email|sms|api|ai|ml|it|hr|faq|help center|support|settings|dashboard|standard contractual clauses|sccs?|dpa|data processing agreement|data privacy framework|privacy shield|for|if|when|where|while|with|in|on|at|by|to|from|as|or|and|but|also|other|some|certain|further|more|please|see|click|learn|read|note|important|example|e\.g|i\.e|etc|inc|llc|ltd|limited|gmbh|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|[a-z]|transport layer security|tls|ssl|https?|secure sockets layer|advanced encryption standard|aes|wi-?fi|bluetooth|ip|sdk|javascript|html|yes|true|false|optional|required|mandatory|unknown|not applicable|everyone|anyone|someone|nobody|list|statement|page|addendum|form|portal|link|table|document|here|below|above|overview|summary|details)$/i;

// A brand's shape: an inner capital ("PayPal"), a dot ("Kapa.ai") or a digit ("G2").
export const BRAND_SHAPE = /[\p{Ll}][\p{Lu}]|\.[\p{L}]|[\p{L}][0-9]/u;
export const SPLIT_NAMES = new RegExp(String.raw`(;|,(?![^()]*\))|\s+and\/or\s+|\s+and\s+|\s+or\s+|\s+&\s+(?=[\p{Lu}])|${SLASH})`, 'u');
