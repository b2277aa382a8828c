/**
 * Vocabulary of lists and tables of recipients, as data (reviewed as data, like vocabulary.ts): which headings,
 * introducing sentences and column titles mark a list whose entries receive data (sub-processors, service
 * providers, third parties data is shared with), and which mark lists of something else (the vendor's products,
 * data categories, integrations the user chooses, sign-in options, social media pages, links). English first,
 * with the French, German, Spanish, Italian and Dutch words real policies use for the same roles.
 *
 * Read by clauses/list-context.ts. Patterns are case-insensitive; keep each entry a phrase a careful reader
 * would accept as deciding the question on its own.
 */
import { atWordStart } from '../text/word-start-alternatives.js';

/** Nouns for an organisation that receives data on the vendor's behalf or from it. */
const RECIPIENT_NOUNS = [
  String.raw`sub-?processors?`,
  String.raw`sub-?contractors?`,
  String.raw`(?:data\s+)?processors`,
  String.raw`data\s+processor`,
  String.raw`(?:third[- ]party\s+)?service\s+providers?(?:\(s\))?`,
  String.raw`(?:third[- ]party\s+)?(?:vendors?|suppliers?)`,
  String.raw`recipients?`,
  String.raw`third[- ]part(?:y|ies)\s+(?:that|who|which|with\s+whom|to\s+whom)`,
  // "Third parties we use for advertising:": the vendor's own choice of parties, for a purpose (sign-in lists are
  // taken back by NOT_RECIPIENT_INTRO).
  String.raw`third[- ]part(?:y|ies)\s+we\s+(?:use|work\s+with|engage|partner\s+with|rely\s+on)(?:\s+(?:for|to)\s+[\p{L}\s-]{1,40}?)?`,
  // fr
  String.raw`sous-?traitants?`,
  String.raw`destinataires?`,
  String.raw`prestataires?`,
  // de
  String.raw`(?:unter)?auftragsverarbeiter(?:n|s)?`,
  String.raw`(?:externe[rn]?\s+)?dienstleister(?:n|s)?`,
  String.raw`empfänger(?:n|s)?`,
  String.raw`subunternehmer(?:n|s)?`,
  // es / it / nl
  String.raw`(?:sub)?encargados?(?:\s+del\s+tratamiento)?`,
  String.raw`destinatari(?:os)?`,
  String.raw`(?:sub-?)?responsabili\s+del\s+trattamento`,
  String.raw`(?:sub)?verwerkers?`,
  String.raw`ontvangers?`,
];

/** A heading that announces recipients ("Sub-processors", "Our service providers", "6. Sous-traitants", "Empfänger"). */
export const RECIPIENT_HEADING = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:our\s+|list\s+of\s+|liste\s+des\s+)?(?:${RECIPIENT_NOUNS.join('|')})(?![\p{L}])(?:\s+(?:list|we\s+use|used))?\s*(?:\([^)]*\))?\s*$|\b(?:third|3rd)[- ]part(?:y|ies)\b[^.]{0,50}\b(?:shared?|disclosed?|receiv\w+|transferred)\b|\b(?:who\s+(?:we\s+share|receives?)|with\s+whom\s+(?:we|do\s+we)\s+share|(?:sharing|disclosure)\s+(?:of\s+)?(?:your\s+)?(?:personal\s+)?(?:data|information)\s+(?:with|to))\b`,
  'iu',
);

/**
 * An introducing sentence that says the entries receive data: "we share your information with:", "our
 * sub-processors are:", "service providers we use include:", "third parties that receive…", "hosted by:",
 * "nous faisons appel aux sous-traitants suivants", "wir setzen folgende Dienstleister ein".
 */
export const RECIPIENT_INTRO = new RegExp(
  [
    // The list's head noun, at the end of the sentence: "… with the following sub-processors:", "our vendors are:".
    // Not after "from" (a source of data: "information we receive from service providers:").
    String.raw`(?:^|[^\p{L}])(?<!\bfrom\s+(?:our\s+|the\s+|these\s+|other\s+)?(?:third[- ]party\s+)?)(?:${RECIPIENT_NOUNS.join('|')})(?![\p{L}])(?:\s+(?:that|who|which|we|our|to\s+whom|with\s+whom|used|engaged|listed)\b[^.:;]{0,60}?)?(?:\s*,?\s*\b(?:following|below|listed|include|includes|including|are|is|currently|set\s+out|as\s+follows|such\s+as|e\.g\.?|suivant(?:e?s)?|ci-dessous|folgende[nr]?|siguientes|seguenti|volgende)){0,3}\s*[:.]?\s*$`,
    // "… with the following third-party service provider(s) (delegatees) outside of Korea as described below:".
    String.raw`(?<!\bfrom\s+)\b(?:the\s+following|these|below-listed)\s+(?:(?:third[- ]party|external|trusted)\s+)?(?:${RECIPIENT_NOUNS.join('|')}|third[- ]part(?:y|ies)|(?:companies|entities|organi[sz]ations|partners))(?![\p{L}])`,
    // "A list of the third-party advertising and technology companies that we work with is set forth below:".
    String.raw`\blist\s+of\s+(?:the\s+|our\s+|all\s+)?(?:[\p{L}-]+\s+(?:and\s+)?){0,4}(?:companies|partners|vendors|providers|processors|sub-?processors|third\s+parties|recipients)\b|\b(?:companies|partners|vendors|providers)\s+(?:that|who|which|with\s+whom)\s+we\s+(?:work|partner|share|use|engage)\b`,
    // "… by our analytics providers, …:": the vendor's own providers, named in the list.
    String.raw`\bour\s+(?:[\p{L}-]+\s+){0,2}(?:service\s+providers|providers|vendors|sub-?processors|processors|partners)\b[^.:]{0,40}(?::|\bbelow\b)\s*$`,
    // The vendor's own providers listed with their opt-out links: "Some of our cookie, pixel, and tracking technology vendors
    // offer … tools that you can use to limit or opt out of their tracking technologies, including:", "for some of our
    // providers, you can use their individual opt-out mechanisms:". "Our" makes them the vendor's providers, and an
    // opt-out from a party is from its collecting the user's data; industry opt-out pages ("the DAA", "the NAI") are
    // introduced without "our providers" and stay out.
    // The opt-outs must be the providers' own ("their tracking technologies", "their individual opt-out mechanisms"): an
    // intro sending the user elsewhere to opt out of them ("Our advertising partners may participate in associations
    // that provide simple ways to opt out …, which you can access at:", "… in your browser settings:") lists the
    // industry pages, browsers or devices where that is done, not the providers.
    String.raw`\bour\s+(?:[\p{L}-]+,?\s+(?:and\s+|or\s+)?){0,5}(?:service\s+providers|providers|vendors|partners)\b(?=[^.:]*\btheir\b)(?![^.:]*\b(?:associations?|alliances?|industry|self-regulatory|browsers?|devices?|settings)\b)[^.:]{0,160}\bopt(?:[- ]?outs?\b|\s+out\b)[^.:]{0,80}:\s*$`,
    // A verb of passing data on, anywhere, pointing at the list: "your data may be shared with any of the ad technology providers listed below".
    String.raw`\b(?:share[sd]?|shared|disclose[sd]?|transferr?ed|transmitted)\b[^.]{0,60}\b(?:with|to)\b[^.]{0,100}\b(?:below|following|listed|table)\b`,
    // A verb of passing data on whose object is the list: "we share your information with:", "disclosed to the following".
    String.raw`\b(?:share[sd]?|sharing|disclose[sd]?|disclosing|transfer(?:s|red)?|transmit(?:s|ted)?|send|sent|provide[sd]?|pass(?:ed)?\s+on|make[s]?\s+available|made\s+available)\b[^.:]{0,80}\b(?:with|to)\s*(?:the\s+following(?:\s+(?:companies|entities|organi[sz]ations|third\s+parties|parties))?|these(?:\s+(?:companies|entities|third\s+parties))?)?\s*[:.]?\s*$`,
    // "We use the following service providers:", "we work with these third-party services".
    String.raw`\b(?:we|us)\s+(?:also\s+|currently\s+|may\s+)?(?:use|engage|work\s+with|rely\s+on|partner\s+with|utili[sz]e|contract\s+with)\s+(?:the\s+following|these|some\s+of\s+the\s+following)?\s*(?:third[- ]party\s+|external\s+)?(?:companies|organi[sz]ations|vendors|suppliers|(?:service\s+)?providers|partners|services|tools|processors|sub-?processors)\b`,
    // "Here's who we use to support Firefox Relay:": "who" is the parties the vendor uses, the entries; only a purpose may
    // come between the verb and the colon ("who we use data about:" is not it).
    // Only verbs of using a service: one "works" or "partners with" charities, sponsors and resellers too ("Here's who we
    // partner with for our giving campaign:").
    String.raw`\bwho(?:m)?\s+we\s+(?:use|engage|rely\s+on)(?:\s+(?:to|for)\s+[^.:]{1,60})?\s*:\s*$`,
    String.raw`\b(?:hosted|stored|processed|provided|operated|powered)\s+by\s*:?\s*$`,
    String.raw`\b(?:have|has|get|gets|receive[sd]?)\s+access\s+to\s+(?:your\s+)?(?:personal\s+)?(?:data|information)[^.:]{0,30}[:.]?\s*$`,
    // fr / de / es / it / nl verbs of passing data on, their object the list.
    String.raw`\b(?:partag(?:e|eons|ées?)|communiqu(?:e|ées?|ons)|transmis(?:es)?|transf[ée]r[ée]es?)\b[^.:]{0,80}\b(?:à|avec|aux)\b[^.:]{0,30}[:.]?\s*$`,
    String.raw`\b(?:weiter(?:gegeben|geleitet|gabe)|übermittel[tn]|offengelegt|setzen\s+(?:wir\s+)?(?:folgende|die\s+folgenden))\b[^.:]{0,60}[:.]?\s*$`,
    String.raw`\b(?:compartid[oa]s?|comunicad[oa]s?|cedid[oa]s?|condivis[io]|comunicat[io]|gedeeld|verstrekt)\b[^.:]{0,60}[:.]?\s*$`,
  ].join('|'),
  'iu',
);

/**
 * An introducing sentence or heading that says the entries are not recipients of customer data, whatever
 * nouns follow: data collected, categories of data, the vendor's products, integrations or services the user
 * connects, ways to sign in, social media pages, apps stores, rights, links, cookies by name, examples.
 */
export const NOT_RECIPIENT_INTRO = new RegExp(
  atWordStart([
    String.raw`\b(?:we|us)\s+(?:may\s+)?(?:collect|receive|obtain|gather|process)\b[^.]{0,60}(?:following|below|:)`,
    String.raw`\b(?:categories|types|kinds)\s+of\s+(?:personal\s+)?(?:data|information|recipients|third\s+parties|service\s+providers|vendors|partners)\b`,
    String.raw`\b(?:information|data)\s+(?:we|you)\s+(?:collect|provide|give)\b`,
    String.raw`\bsources?\s+(?:of|from\s+which)\b`,
    // A list of obligations: "When engaging a Subprocessor, we will:", "Customer shall:".
    String.raw`\b(?:will|shall|must|agrees?\s+to|undertakes?\s+to|is\s+required\s+to)\s*:\s*$`,
    // A list of uses or steps, not of parties: "… to:", "for the following purposes:".
    String.raw`\b(?:to|in\s+order\s+to|for|where|when|if|by)\s*:\s*$|\b(?:following|these)\s+(?:purposes|reasons|circumstances|conditions|cases|ways|steps|measures|safeguards|rights|types\s+of\s+cookies|cookies)\b`,
    String.raw`\b(?:our|the\s+following)\s+(?:products?|apps?|applications?|brands?|features?|websites?|sites?|offerings?|plans?|games?)\b`,
    String.raw`\b(?:you|users?)\s+(?:can|may|choose\s+to|decide\s+to)\s+(?:connect|link|integrate|install|enable|authori[sz]e)\b`,
    String.raw`\bintegrations?\b`,
    String.raw`\b(?:sign|log)\s*[- ]?(?:in|on)\s+(?:with|using|through|via)\b`,
    // "Third parties we use for logging in:": sign-in providers are sources of data, not recipients.
    String.raw`\b(?:for|to)\s+(?:logging|signing|log|sign)\s*[- ]?(?:in|on)\b|\b(?:log|sign)[- ]?in\s+providers?\b`,
    String.raw`\bsocial\s+(?:media|networks?)\s+(?:pages?|presences?|profiles?|accounts?|channels?)\b|\bfollow\s+us\b`,
    String.raw`\bapp\s+stores?\b`,
    String.raw`\byour\s+(?:rights|choices|options)\b|\bright\s+to\b`,
    String.raw`\b(?:useful|related|further)\s+links\b|\blearn\s+more\b`,
    String.raw`\bcookies?\s+(?:names?|we\s+use|used)\b|\bname\s+of\s+(?:the\s+)?cookies?\b`,
    String.raw`\b(?:données|daten|datos|dati|gegevens)\s+(?:collectées|que\s+nous\s+collectons|erheben|recogemos|raccolti|verzamelen)\b`,
  ]),
  'i',
);

/** A column title of the entity's name in a recipients table ("Sub-processor", "Vendor name", "Partenaire", "Empfänger"). */
export const NAME_COLUMN = new RegExp(
  String.raw`^(?:(?:legal\s+|company\s+|entity\s+|vendor\s+|provider\s+|supplier\s+)?names?(?:\s+of\s+(?:the\s+)?\w+)?|(?:(?:third[- ]party|service|sub-?processor|vendor|provider|supplier|company|legal)\s+)?(?:entity|entities)|(?:third[- ]party\s+)?(?:sub-?processors?|processors?|sub-?contractors?|(?:service\s+)?providers?|vendors?|suppliers?|recipients?|partners?|companies|company)(?:\s+names?)?|third[- ]part(?:y|ies)(?:\s+names?)?|sous-?traitants?|partenaires?|prestataires?|destinataires?|(?:unter)?auftragsverarbeiter|dienstleister|empfänger|anbieter|unternehmen|firma|proveedor(?:es)?|encargados?|fornitor[ei]|responsabil[ei]|verwerkers?|ontvangers?)\s*[:*]*$`,
  'iu',
);

/** A column title that makes a table a table of recipients by itself (stronger than "name"): who the row is. */
export const RECIPIENT_COLUMN = new RegExp(
  String.raw`^(?:(?:third[- ]party\s+)?(?:sub-?processors?|(?:data\s+)?processors?|sub-?contractors?|(?:service\s+)?providers?\s+names?|recipients?|vendors?(?:\s+names?)?)|sous-?traitants?|destinataires?|(?:unter)?auftragsverarbeiter|empfänger|dienstleister|encargados?|verwerkers?|ontvangers?)\s*[:*]*$`,
  'iu',
);

/**
 * A column titled as where the row's data goes, in a table whose rows are purposes or kinds of data ("Purpose | Legal
 * basis | Who do we share personal data with?", "Shared with", "Disclosed to"): its cells name the recipients of that
 * row's data, one entry per sentence. Only the question or the participle with its preposition, ending the title:
 * "Data shared" (what is passed) is SHARED_COLUMN, not who.
 */
export const SHARED_WITH_COLUMN = /\b(?:who(?:m)?\s+(?:do\s+|does\s+|will\s+|may\s+)?(?:we|[\p{Lu}][\p{L}]+)\s+(?:share|disclose|transfer|send|pass)\b[^|]{0,40}$|(?:with|to)\s+whom\b[^|]{0,40}$|(?:shared|disclosed|transferred|sent|passed\s+on)\s+(?:with|to)\s*[?:*]*$)/iu;

/** Column titles of what a row is about, not who: a header row is made of these and name titles. */
export const OTHER_COLUMN = new RegExp(
  String.raw`^(?:purposes?|function|functions|services?(?:\s+provided)?|(?:processing\s+)?activit(?:y|ies)|description|nature|categor(?:y|ies)(?:\s+of\s+[\p{L}\s]+)?|(?:data|personal\s+data)(?:\s+[\p{L}]+)?|location|locations|countr(?:y|ies)|regions?|(?:hosting|processing|data)\s+locations?|address|website|links?|url|privacy\s+policy|safeguards?|transfer\s+mechanism|guarantees?|garanties|type|role|duration|retention|expiry|cookies?|cookie\s+names?|legal\s+basis|contact|more\s+information|traitement(?:\s+réalisé)?|finalité|pays(?:\s+destinataire)?|localisation|zweck|land|standort|sitz|finalidad|país|finalità|paese|doel|land)\s*[:*]*$`,
  'iu',
);

/** A column whose cells say whether the row's entity gets personal data at all ("Access to personal data: No"). */
export const ACCESS_COLUMN = /\baccess\b|\breceives?\b|\bzugriff\b|\baccès\b/i;
export const NO_ACCESS_CELL = /^(?:no|none|n\/a|nein|non|keine?)\b/i;

/** A cookie or tracking table: its rows are cookies, their provider column at most a review candidate. */
export const COOKIE_TABLE = /\bcookies?\b|\btrackers?\b|\bpixels?\b|\btags?\b/i;

/**
 * An intro that says only "we use:" or "including:": recipients when the sentences just before it speak of
 * third-party services or providers ("… along with third-party services to help us understand … We use:").
 */
export const BARE_INTRO = /\bwe\s+(?:also\s+)?(?:use|work\s+with|rely\s+on)\s*:\s*$/i;
// "… shares data with certain third parties …" counts too: the sharing verb says the parties receive data; so does
// "We may allow third parties to serve advertisements … / to collect information": the vendor lets them at the data.
// Not when denied ("We do not allow third parties to …", "we never share your data with third parties"): the list
// after such a denial is what the vendor uses instead.
export const THIRD_PARTY_MENTION = /\bthird[- ]part(?:y|ies)\s+(?:services?|tools?|providers?|vendors?|companies)\b|(?<!\b(?:not|never)\s+|n['’]t\s+)\b(?:allow|permit|let)s?\s+(?:certain\s+|some\s+|selected\s+)?third[- ]parties\s+to\s+(?:serve|provide|collect|place|set)\b|\b(?:service\s+providers?|sub-?processors?|vendors?)\b|(?<!\b(?:not|never)\s+|n['’]t\s+)\b(?:share[sd]?|disclose[sd]?|transfer(?:s|red)?)\b[^.]{0,40}\b(?:with|to)\s+(?:certain\s+|some\s+|selected\s+|trusted\s+)?third[- ]part(?:y|ies)\b/i;

/** A title word of a table's column (unanchored): a first row made of short cells with these is a header row. */
export const TITLE_WORD = /\b(?:(?:names?|purposes?|recipients?|categor(?:y|ies)|data|information|locations?|countr(?:y|ies)|services?|providers?|vendors?|(?:sub-?)?processors?|basis|descriptions?|types?|entit(?:y|ies)|partners?|compan(?:y|ies)|functions?|activit(?:y|ies)|address|website|region|duration|expiry|shared|disclosure|safeguards?|transfer)\b|(?:sous-?traitants?|partenaires?|destinataires?|traitement|finalité|pays|garanties|empfänger|dienstleister|zweck|kategorie|finalidad|destinatarios|finalità|destinatari)\b)/iu;
/** Who a row is, searched in a longer column title ("Name or Category of Data Recipients", "Third-party vendor"). */
export const NAME_TITLE_WORD = /\b(?:(?:names?|recipients?|(?:sub-?)?processors?|vendors?|providers?|partners?|entit(?:y|ies)|compan(?:y|ies)|suppliers?|sub-?contractors?|third[- ]part(?:y|ies))\b|(?:sous-?traitants?|partenaires?|prestataires?|destinataires?|empfänger|dienstleister|auftragsverarbeiter|anbieter|destinatarios|encargados?|destinatari|fornitori|verwerkers?|ontvangers?)\b)/iu;
/** A column title that lists categories, not names ("Category of Recipients"), unless it also says "name". */
export const CATEGORY_TITLE = /\b(?:categor(?:y|ies)\b|catégories?\b|kategorien?\b|types?\s+of\b)/iu;

/** A column that says what is passed to the row's entity ("Types of data shared", "Personal data disclosed", "Purpose of Transfer"). */
export const SHARED_COLUMN = /\b(?:data|information|items?|pi)\b[^|]{0,30}\b(?:shared|disclosed|transferred|provided|received|transmitted)\b|\b(?:shared|disclosed|transferred|transmitted)\s+(?:data|information|items|personal)|\bpurposes?\s+of\s+(?:the\s+)?(?:transfer|disclosure|sharing|processing)\b|\btransfer\s+mechanism\b|\b(?:hosting|processing|data)\s+locations?\b|\bdonnées\s+(?:partagées|transmises|communiquées)|\bübermittelte\s+daten\b|\bdatos\s+(?:compartidos|cedidos)\b/i;

/** A name-column title that is a third party's role ("Third Party", "Provider", "Vendor"): its cells are recipients, even in a cookie table. */
export const ROLE_COLUMN = /^(?:third[- ]part(?:y|ies)(?:\s+(?:name|provider|vendor|company))?|(?:cookie\s+|service\s+|technology\s+)?providers?(?:\s+names?)?|vendors?(?:\s+names?)?|partners?|(?:third[- ]party\s+)?companies|company(?:\s+name)?|(?:ad\s+technology|analytics|advertising)\s+(?:providers?|partners?|vendors?)|anbieter|fournisseurs?|partenaires?)\s*[:*]*$/iu;

/**
 * Trackers and providers named in prose as the party that collects data on the vendor's pages (README: analytics,
 * advertising, tracking and payment providers that receive data), read by facts/tracker-names.ts:
 * - `COLLECTOR_AFTER`: what follows a name that is the subject collecting ("Stripe uses a cookie", "Google
 *   Analytics stores information about", "X sets the following cookies"), or its possessive ("CloudFlare's cookies"); up to
 *   two auxiliaries may come before the verb, and a second verb of using the data after it ("Adnova may also collect and
 *   use certain data", "X will set cookies", "X collects, records, and analyzes your visits").
 * - `COLLECTED_BY`: what precedes a name that a cookie or tag is used or set by ("Used by Hotjar to …",
 *   "cookies placed by Criteo").
 * - `TRACKER_SENTENCE`: both count only in a sentence (or table row), or under a heading, about cookies, tags or tracking.
 */
export const COLLECTOR_AFTER = /^(?:\s+(?:(?:also|may|will|then|can|might|could)\s+){0,2}(?:collects?|gathers?|stores?|records?|receives?|tracks?|logs?)(?:,?\s+(?:and\s+)?(?:uses?|stores?|records?|process(?:es)?|shares?|analy[sz]es?)\b,?)*\s+(?:(?:your|the|this|such|certain|some|anonymi[sz]ed|aggregated|personal|usage)\s+){0,3}(?:information|data|details|ip\s+address(?:es)?|identifiers?|activity|usage|interactions?|visits?|behaviou?r)\b|\s+(?:(?:also|may|will|then|can|might|could)\s+){0,2}(?:uses?|sets?|places?|drops?|deploys?)\s+(?:(?:a|the|its|their|own|following|several|some|these|first-party|third-party)\s+){0,3}(?:cookies?|pixels?|(?:web\s+)?tags?|web\s+beacons?|trackers?|tracking\s+technolog(?:y|ies)|local\s+storage)\b|['’]s?\s+(?:(?:own|analytics|advertising|tracking)\s+)?(?:cookies?|pixels?|tags?|trackers?|sdks?|tracking\s+(?:code|technolog(?:y|ies)))\b|\s+data\s+collection\b)/i;
// A cookie "implemented", "created" or "generated by Quillpay" is that party's as one "set by" it is (a party that writes the cookie reads it back).
export const COLLECTED_BY = /\b(?:used|set|placed|served|dropped|deployed|stored|installed|read|collected|loaded|implemented|created|generated)\s+by\s+$/i;
// "This Cookie Policy was generated by Policymint": what was made is the text (or its page), so the agent is the tool
// that wrote it, not a cookie's maker; COLLECTED_BY's verbs of making count only for a cookie or tag.
export const TEXT_MADE_BY = /\b(?:policy|notice|statement|declaration|page|document)\s+(?:(?:is|was|has\s+been)\s+)?(?:(?:automatically|last)\s+)?(?:implemented|created|generated)\s+by\s+$/i;
// The same agent after the noun of collecting ("manage the use and collection of certain information by Statwise via its
// opt-out add-on"): the party that collects the data; not where the collection is denied ("we do not allow the collection
// of data by …", checked on the clause before it).
export const COLLECTION_BY = /\b(?:collection|use)\s+(?:and\s+(?:collection|use)\s+)?of\s+(?:[\w-]+\s+){0,3}?(?:information|data)\s+by\s+$/i;
// A tracker named by the party it comes from ("advertisements or tracking technologies from Adnova", "cookies served from
// Trackwell"): that party's code runs on the vendor's pages and collects the visit, as with a cookie "set by" it.
export const TRACKERS_FROM = /\b(?:cookies?|pixels?|tags?|web\s+beacons?|trackers?|tracking\s+technolog(?:y|ies)|sdks?)\s+(?:(?:provided|served|placed|set|delivered|loaded)\s+)?from\s+$/i;
// The user removing or refusing trackers before such a phrase ("you can block cookies from Trackwell", "delete cookies
// from your browser"): the phrase names what the user acts on, not a party collecting on the vendor's pages.
export const USER_REFUSES_BEFORE = /\b(?:block|blocks|blocking|delete|deleting|remove|removing|disable|disabling|refuse|refusing|reject|rejecting|clear|clearing|opt(?:ing)?\s+out|accept|accepting|allow|allowing|manage|managing|control|controlling)\b[^.;:]{0,60}$/i;
// Where the collecting is done: on the vendor's own pages, apps or services ("sets cookies through our site", "your visits
// to our website", "Some of our Services may include … tracking technologies from X"). A platform named so is a tracker
// on the vendor's pages, whatever else it is (facts/tracker-names.ts).
export const ON_OUR_PAGES = /\b(?:on|through|via|across|in|to)\s+(?:our|this)\s+(?:web)?(?:sites?|pages?|services?|apps?|applications?|platform)\b|\bour\s+(?:web)?(?:sites?|services?|apps?|pages?)\s+(?:may\s+)?(?:include|incorporate|use|contain)s?\b/i;
// The user ("you", "users who …") signing in or connecting in the same sentence: the platform is then the one the user reaches (README).
export const USER_CONNECTS = /\b(?:you|users?|visitors?|customers?|members?)\s+(?:who\s+)?(?:(?:choose|chooses|decide|decides)\s+to\s+)?(?:sign|signs|log|logs|connect|connects|link|links|share|shares)\b/i;
export const DENIED_BEFORE = /\b(?:not|never|no)\b[^.;:]{0,80}$/i;
export const TRACKER_SENTENCE = /\bcookies?\b|\bpixels?\b|\btags?\b|\bweb\s+beacons?\b|\btrackers?\b|\btracking\b|\banalytics\b|\bsdks?\b/i;

/**
 * A provider noun of an advertising or analytics role just before a name ("advertising partners, for example Google
 * and Facebook"): a social network or platform named in that role is a recipient, not a page the vendor keeps.
 * "Platforms" only after "advertising" or "ad": "social media marketing platforms such as Facebook" and "fitness tracking
 * platforms" are where the vendor keeps pages or the user connects, not parties running ads on the user's data.
 */
export const AD_ROLE_BEFORE = /\b(?:(?:advertising|advertisers?|ad\s+(?:tech(?:nology)?|networks?)|analytics|marketing|measurement|tracking)\s+(?:partners?|providers?|vendors?|networks?|compan(?:y|ies)|services?|tools?)|(?:advertising|ad(?:\s+tech(?:nology)?)?)\s+platforms?)\b[^.;:]{0,40}$/i;
// The names of an enumeration before a name of it ("Google, Twitter, Facebook and "): see inAdRole.
const EARLIER_NAMES = /(?:[\p{Lu}][\p{L}\p{N}.&'’+-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&'’+-]*){0,3}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$/u;

/**
 * Whether the text before a name gives it an advertising or analytics role (AD_ROLE_BEFORE). A name inside an enumeration
 * has the role of the enumeration's lead, however many names come between: in "advertising platforms, such as Google,
 * Twitter, Facebook and Instagram" the fourth is as much an advertising platform as the first.
 */
export function inAdRole(before: string): boolean {
  const role = (t: string): boolean => {
    const m = LAST_AD_ROLE.exec(t);
    return m !== null && !ANOTHER_LIST.test(m[1]);
  };
  return role(before) || role(before.replace(EARLIER_NAMES, ''));
}
// The role noun nearest the name: "advertising partners (Criteo) and advertising platforms like " is read from the second.
const LAST_AD_ROLE = new RegExp(String.raw`^[\s\S]*(${AD_ROLE_BEFORE.source})`, 'i');
// After the role noun, its own examples and then another introducer ("marketing tools (Braze) and login providers like
// "): the names that follow are examples of that other list, whose role is not said to be advertising.
const ANOTHER_LIST = /(?:\bsuch\s+as|\blike|\bincluding|\be\.g\.,?|\()\s*[\p{Lu}][^.;:]*(?:\bsuch\s+as|\blike|\bincluding|\be\.g\.,?)\s*$/u;
// The parties the vendor advertises with or through ("Third parties that we advertise with, such as Facebook, in order to
// serve you advertisements"): a platform named as one runs the vendor's ads on the user's data, a recipient whatever noun
// introduced it.
export const ADVERTISES_WITH_BEFORE = /\b(?:third\s+parties|partners|companies|platforms|networks)\s+(?:that|who|whom|which)\s+we\s+(?:advertise|market)\s+(?:with|through|on)\b[^.;:]{0,40}$/i;

/**
 * Words of cookie and tracking prose that policies capitalise as titles ("Non-Cookie Technologies", "Statistics",
 * "Performance Cookies"): a name made only of these is a kind of tracker, not an organisation.
 */
export const TRACKER_TITLE_WORD = /^(?:non-[\p{L}-]+|cookies?|technolog(?:y|ies)|statistics?|stats|tracking|trackers?|analytics|advertising|marketing|performance|functional(?:ity)?|necessary|strictly|essential|targeting|social|media|web|beacons?|pixels?|tags?|local|storage|session|persistent|first-party|third-party|preferences?|measurement|audience|insights?)$/iu;

/**
 * A tracker named for its maker at the end of a name ("Reddit Pixel", "LinkedIn Insight Tag", "Meta SDK"): the tag
 * runs on the vendor's pages, but it is its maker's, so the maker is the party.
 */
export const MAKERS_TAG_AFTER = /\s+(?:[\p{Lu}][\p{L}]+\s+)?(?:Pixel|Tag|SDK)$/u;
