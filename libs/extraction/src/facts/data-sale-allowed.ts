// What data_sale_or_marketing reads as allowed, as data: the vendor marketing to the person, serving ads on their data,
// selling, renting or licensing the data for a price, or sending marketing the person may decline; and what makes such a
// match another's act (a partner sending its own offers) or no targeting (contextual ads).

// A list is data only as a list of people ("mailing list"), not the verb ("list items for sale").
export const DATA = String.raw`(?:[\w-]+\s+){0,6}?(?:data|information|phi|protected health information|records|content|personal|(?<=(?:mailing|e-?mail|customer|contact|subscriber|user|member|marketing)\s)lists?)\b`;
// Who pays for licensed data, and the price: third parties or partners, for a fee, royalty or other payment.
const BUYER = String.raw`(?:third[- ]part(?:y|ies)|partners?|data (?:buyers|brokers|partners)|buyers|licensees|researchers|research (?:partners|institutions|organi[sz]ations)|other (?:companies|organi[sz]ations|businesses))\b`;
const PRICE = String.raw`\b(?:for (?:a |an )?(?:\w+ )?(?:fees?|royalt(?:y|ies)|consideration|compensation|payment|remuneration|money|revenue)|in exchange for|against payment|paid)\b`;
// Other parties that send their own messages or offers (one place for OTHERS_SEND and the messages "sent by" them).
const OTHER_SENDERS = String.raw`(?:partners?|retailers?|merchants?|advertisers?|sponsors?|third[- ]part(?:y|ies)|brands?|sellers?)\b`;
// Ads shown: marketing on the person's data only when the sentence says whose data or whom the ads are for (README:
// "used for … (targeted) advertising"); "we and third parties may display advertisements … in connection with the
// Service" states no use of personal data (a review candidate).
// "serve certain types of ads", "display banner (and similar) advertising": a few words, an aside in brackets among them.
// Ads offered to the person ("to offer you advertisements that may be relevant to you") are shown to them; "offer" with
// no person after it is the vendor's product ("we offer advertising services"). Only the ads themselves: "advertising"
// offered is a product even to the person ("we offer you advertising services", "an advertising-free version"), and
// "ads-free" is their absence.
// "Adverts" is the British word for ads ("show you relevant adverts").
export const SHOWS_ADS = /\b(?:(?:serve|serving|deliver|delivering|show|display) (?:[\w()-]+ ){0,3}(?:ads|adverts|advertisements|advertising)\b|offer(?:s|ing)? (?:you|users|visitors) (?:[\w()-]+ ){0,2}(?:ads|adverts|advertisements)\b(?!-))/i;
export const ADS_ON_DATA = /\b(?:data|information|cookies?|identifiers?|relevant|personali[sz]ed|tailored|targeted|interests?|based (?:on|upon)|profiles?|audiences?|browsing)\b/i;
// The people the ads reach, read from the ads on: before them a person is the one who agrees or acts ("The User agrees
// that Acme may serve ads …"), not whom the ads are chosen for.
export const ADS_TO_PERSON = /\b(?:(?:users?|visitors?|members?)\b|(?:show|serve|deliver|display)(?:ing)?\s+(?:you|users)\b|to you\b)/i;
// French: targeted advertising and direct marketing ("publicité ciblée", "ciblage marketing", "prospection commerciale").
// A French refusal reaches further back ("ne seront pas communiquées à des tiers pour des opérations de prospection
// commerciale"): its "ne … pas" stands before the verb and its object, so the reader looks further for it.
export const FR_MARKETING = /\b(?:publicit[ée]s?\s+cibl[ée]+s?(?![\p{L}])|ciblage\s+(?:marketing|publicitaire)(?![\p{L}])|prospection\s+commerciale(?![\p{L}]))/iu;
// What the vendor may do: market to people, serve ads on their data, sell or rent data.
// "we may market …", "to advertise …": the vendor's only when it is the subject and data or a person is in sight
// (data-sale-actors.ts notVendorMarketing).
export const MAY_MARKET = /\b(?:to|may|will|can|we|also)\s+(?:also\s+)?(?:market|advertise)\b(?!\s+(?:the )?(?:services|products) (?:to )?(?:the )?customer)/i;
export const ALLOWED: RegExp[] = [
  MAY_MARKET,
  /\bmarketing to you\b/i,
  // Communicating with the person about products or events the vendor or others offer, or that "will interest you", is
  // marketing; not news of what they bought ("about products you have purchased").
  /\bcommunicat(?:e|es|ing)\s+with\s+you\s+about\s+(?:(?:our|new|other|the)\s+)?(?:products|offers|promotions|deals)\b(?![^.;]{0,40}\byou (?:have )?(?:purchased|ordered|bought|requested))[^.;]{0,80}?\b(?:offered by|(?:that|which) (?:we think )?(?:may|might|will|would) (?:be of )?interest)/i,
  // Not the name of the rules ads must follow ("an email with any of the following advertising policy violations").
  /\b(?:send|sending|email|emailing|text|texting|mail|mailing|contact|contacting)\s+(?:you |users |patients |clients |customers? |the customer )?(?:with )?(?:[\w'’()-]+,? (?:and |or |& )?){0,6}?(?:marketing|promotional|advertising|promotions)\b(?!\s+(?:polic(?:y|ies)|guidelines?|standards?|rules?|violations?|requirements?|laws?|regulations?|review|approval)\b)/i,
  // Telling the person of offers ("to notify you of … special offers", "to send you … newsletters … or Acme offers"); a
  // name before "offers" with an object after it is another organisation acting ("when Medicare offers a new period").
  /\b(?:notify|notifying|inform|informing|send|sending|email|emailing|contact|contacting)\s+you\b[^.;]{0,120}?\b(?:special offers|promotional offers|exclusive offers|our offers|[A-Z][\w-]+ offers(?=\s*(?:[.,;:)!]|$|(?:and|or|&|from|that|which|by|via)\b))|promotions|deals and discounts)\b/,
  // Messages the vendor provides the person that include promotions ("We may provide you with emails, text messages,
  // push notifications … related to the App, such as enhancements, offers, products, events, and other promotions"): the
  // list of channels runs long before the promotions, so the window is wider than for "send you". Without a channel the
  // promotions are the short list's own ("to provide you with promotions"); "provide you with tools to create … promotions",
  // "reports on your promotions" or "the rules of … promotions" are the user's own or another thing.
  /\bprovid(?:e|es|ing) you with\s+(?:(?:(?!(?:tools?|reports?|reporting|rules|insights|analytics|ability|options?|features?|dashboards?|means)\b)[\w-]+,?\s+(?:and\s+|or\s+|&\s+)?){0,4}?(?:special offers|promotional offers|exclusive offers|(?:other |our )?promotions|promotional (?:messages|e-?mails|communications|materials))\b|(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?(?:e-?mails?|messages|notifications|newsletters|communications|texts|SMS|alerts|mailings|information|updates)\b[^.;]{0,160}?\b(?:special offers|promotional offers|exclusive offers|(?:other |our )?promotions|promotional (?:messages|e-?mails|communications|materials))\b)/i,
  /(?<!\b(?:principles|program(?:me)?|framework|guidelines|codes?(?: of (?:conduct|practice))?|standards|recommendations?) (?:for|of|on) (?:online |the )?)\b(?:targeted|interest-based|behaviou?ral|personali[sz]ed|cross-context(?: behaviou?ral)?) (?:advertising|ads|adverts|advertisements|marketing)\b|\bto target (?:and \w+ )?(?:advertising|ads|adverts|advertisements)\b|\btargeting (?:advertising|ads|adverts|advertisements)\b|\bfor\s+(?:(?:[\w-]+\s+){1,3}(?:and|or|&)\s+)?(?:ad|ads|advertising)[- ]targeting\b/i, // not in a code's name ("… Principles for Online Behavioral Advertising"); the verb too, and its noun as a purpose ("used for user tracking and ad targeting purposes"), not as a topic ("the advertiser is responsible for its ad targeting choices", "ad targeting based on sensitive categories is prohibited")
  // "to inform your interests for ad personalization".
  /\b(?:ads?|advertising) personali[sz]ation\b/i,
  // Ads said to be chosen by the person's use or data ("advertisements, which may be targeted to your usage of the
  // Platform"): targeted on their data, named after the ads rather than before them.
  /\b(?:ads|advertisements|advertising)\b,?\s+(?:(?:which|that)\s+)?(?:(?:may|can|will|might|are|is|be)\s+){0,2}(?:targeted|tailored|personali[sz]ed)\s+(?:to|based on|on)\b[^.;]{0,80}?\b(?:your|users?'?|visitors'?|members'?)\s+(?:usage|use|activity|activities|information|data|interests|browsing|behaviou?r|profile)\b/i,
  // The person as the object of targeting ("to build a profile of users' interests and target them with ads"): ads
  // chosen for them; targeting a campaign or a market with ads is not about a person.
  /\btarget(?:s|ed|ing)?\s+(?:you|them|users|visitors|people|individuals|customers|members)\s+with\s+(?:[\w-]+\s+){0,2}?(?:ads|advertisements|advertising)\b/i,
  // The verb of the same targeting with the ads as its object ("to personalise the ads you see", "customizing the content
  // and advertising presented to you"): the person's data chooses the ads. One other object may be coordinated before them;
  // not the person's own ad settings ("customize your ads preferences").
  /\b(?:customi[sz]|personali[sz]|tailor)(?:e|es|ed|ing|s)?\s+(?:(?:the|our|your|its|any)\s+)?(?:[\w-]+\s+(?:and|or|&)\s+)?(?:advertising|ads|advertisements)\b(?!\s+(?:settings|preferences|choices|controls|options|blockers?|experience)\b)/i,
  // The vendor's messages to the person whose listed contents include promotions (a dot inside a name, "sent by
  // Acme.io including", ends no sentence) ("texts sent by Acme, including
  // service and promotional messages", "communicating with you about the Services, including about new features and
  // promotions"): marketing sent to them, named as one item of what the messages hold.
  // Not messages "sent by" another party ("texts sent by advertisers, including promotions", "emails sent by other
  // users"): theirs, not the vendor's.
  new RegExp(String.raw`\b(?:(?:messages|texts|e-?mails|notifications|communications)\s+(?:we\s+send|sent\s+(?:to\s+you\s+)?by\b(?!\s+(?:(?:our|other|the|their|its)\s+)?(?:[\w-]+\s+)?(?:${OTHER_SENDERS}|users\b)))\b|communicat(?:e|es|ing)\s+with\s+you\s+about\b)(?:[^.;]|\.(?=\w)){0,80}?\bincluding\b[^.;]{0,80}?\b(?:promotions|promotional\s+(?:messages|texts|e-?mails|communications|notifications|offers))\b`, 'i'),
  FR_MARKETING,
  // A disclosure the text concedes may count as a sale or as "sharing" under a privacy law ("some of these disclosures may
  // constitute a “sale” of your Personal Data"): the data may be sold in the law's sense (README: allowed when it may be
  // sold); "does not constitute a sale" is CHARACTERISED, a negation this permission does not match. Supposed under a
  // condition ("If any of our disclosures could be considered a sale, …", "Whether … may constitute a sale") it is not conceded.
  // (The modal is looked for before the condition behind it: a lookbehind tried first ran at every position of the text.)
  /\b(?=may|might|could|can|would)(?<!\b(?:if|whether|unless)\b[^.;,]{0,80})(?:may|might|could|can|would)\s+(?:be\s+(?:considered|deemed|treated as)|constitute|qualify as|amount to)\s+(?:an?\s+)?["“'‘]?(?:sale|selling|sharing)\b/i,
  // Using the person's contact data for advertising ("We use your contact data … for advertising by post").
  /\buse\s+(?:your|the customer's|users'?)\s+(?:[\w-]+\s+){0,2}?(?:data|information|details|e-?mail address(?:es)?)\b[^.;]{0,120}?\bfor (?:the purposes? of )?(?:advertising|marketing)\b/i,
  // The vendor naming advertising among the uses of the data it just described ("we use this information for site
  // optimization, fraud/security purposes, and advertising"): the last item of its list of purposes, not a word inside
  // another purpose ("to measure the effectiveness of advertising").
  /\bwe (?:also )?use (?:this|that|these|such|the) (?:[\w-]+\s+){0,2}?(?:data|information)\s+for\s+(?:(?!(?:of|to|the|on|about|in)\b)[\w/-]+,?\s+(?:and\s+|or\s+)?){0,8}?(?:and|or)\s+(?:for\s+)?(?:advertising|marketing)(?:\s+purposes)?\s*[.;]/i,
  SHOWS_ADS,
  /\bfor (?:our |its |their )?(?:own )?(?:direct )?marketing (?:or \w+ |and \w+ )?purposes\b/i,
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:sell|rent|lease|trade)\b,?\s+(?:or\s+\w+\s+)?${DATA}`, 'i'),
  // Data given for money; what is exchanged must be data ("posts … in exchange for money" are the user's, not a sale).
  /\b(?:data|information)\b[^.;]{0,120}?\bin exchange for (?:money|monetary|remuneration|compensation|payment)/i,
  // Contacting the user about offers or products "that may be of interest" is marketing by another name ("we may
  // email you …, as well as notify you of other offers or Services that may be of interest"). Only verbs that reach
  // the person: "content provided to inform you about our products" describes the site, not a use of their data.
  /\b(?:contact|email|e-mail|send|notify|mail|text|message)(?:ing|s)?\s+you\b[^.;]{0,80}?\b(?:offers?|products?|services?|promotions?|deals|events?|goods)\b[^.;]{0,60}?\b(?:that|which)\s+(?:may|might|could|would)\s+(?:be\s+of\s+)?interest/i,
  // Sending the person details of the vendor's products and services, offers or promotions ("to send you details of our
  // products and services"): marketing; not news of what they bought ("information about products you have purchased").
  /\bsend(?:ing|s)? (?:you )?(?:details|information|news|updates)(?: and \w+)? (?:of|about|on|regarding) (?:(?:our|new|other|similar|the)\s+){0,2}(?:news,?\s+)?(?:(?:own\s+)?products,? (?:and|or|&) services|promotions|offers|deals|discounts|other products|new products|similar (?:products|services))\b(?!\s+(?:that\s+|which\s+)?(?:you (?:have )?(?:purchased|ordered|bought|use|requested)))/i,
  // A newsletter about the vendor's products or offers is a marketing e-mail ("In our newsletter we inform you about
  // new products"); a newsletter on other topics is not, by itself.
  /\bnewsletters?\b(?:[^.;]|\.(?=\S)){0,120}?\b(?:inform|tell|update|notify|send|email|e-mail)\w*\s+(?:you\s+)?(?:\w+\s+){0,2}?(?:about|of|on|with)\s+(?:(?:our|new|current|latest|special|the)\s+){0,3}(?:products?|offers?|offerings|promotions?|deals|discounts)\b/i,
  // Licensing the data to others for a price is selling it ("may license Contributed Data to third parties for a
  // fee", "… to research partners in exchange for license fees"); a license the customer grants the vendor is not.
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:license|licence|sublicense|sublicence)\s+${DATA}[^.;]{0,60}?\b(?:to|with)\s+(?:[\w-]+\s+){0,3}?${BUYER}[^.;]{0,60}?${PRICE}`, 'i'),
  // Licensing the data out is selling it: "may license Contributed Data, in identifiable or de-identified form, to
  // third parties … in exchange for fees". Licensing only de-identified data is de-identified use (its own fact).
  // Not a licence passed on so that others run the service for the vendor ("we can license your content to others, e.g.
  // to service providers that help us to provide the Platform"): the content licence of terms of use, no sale.
  new RegExp(String.raw`\b(?:may|will|can|we|to)\s+(?:also\s+)?(?:license|licence|sublicense|sublicence)\s+${DATA}(?![^.;]{0,20}\bfrom\b)[^.;]{0,160}?\b(?:to (?:third|other|outside|unaffiliated)|to (?:insurers|partners|customers|companies|businesses)|in exchange for|for (?:a )?fees?\b|for (?:monetary )?consideration)(?![^;]{0,100}\b(?:(?:help|helps|assist|assists)\s+us|service providers\s+(?:that|who|which)\s+(?:help|assist|work)|to (?:operate|provide|run|host|deliver) (?:the|our)\b))`, 'i'),
];

// Offers sent by another company ("Our retail partners may send you offers and promotions about their products"): its
// marketing, not the vendor's use of the person's data. The vendor sending offers of partners ("we may send you offers
// from our retail partners") is its own.
const OTHERS_SEND = new RegExp(String.raw`\b${OTHER_SENDERS}\s+(?:(?:may|will|can|might|could|also|sometimes)\s+){0,2}$`, 'i');
// Only a match that opens with the sending or targeting verb has the party before it as its subject ("with third parties
// for marketing purposes" names recipients).
const SENDING = /^(?:send|email|e-mail|text|mail|contact|notify|inform|communicat|provid|market|advertis|promot)/i;
const TARGETING = /^(?:customi[sz]|personali[sz]|tailor)/i;
// The person choosing the ads they see ("You can personalize your ads", "The Ad Center lets you customize the ads you
// see"): their own setting, not the vendor using their data.
const PERSON_DOES = /\b(?:you|users?|customers?|members?|visitors?|subscribers?)\s+(?:(?:can|may|could|might|also|are able to|have the (?:option|ability|choice) to)\s+){1,2}$|\b(?:allow|let|enable|permit|help)s?\s+you\s+(?:to\s+)?$/i;
export const othersSend = (v: string, m: RegExpExecArray): boolean => {
  const before = v.slice(Math.max(0, m.index - 50), m.index);
  if (TARGETING.test(m[0])) return OTHERS_SEND.test(before) || PERSON_DOES.test(before);
  return SENDING.test(m[0]) && OTHERS_SEND.test(before);
};

/** The licensed data is only de-identified or aggregate ("license de-identified data"), not "identifiable or de-identified". */
export function deidentifiedOnly(text: string): boolean {
  return /\b(?:de-?identified|anonymi[sz]ed|aggregated?|aggregate)\b/i.test(text) && !/(?<![-\w])identifiable\b/i.test(text);
}
// Ads chosen by the page or the search, not by the person: no targeting on their data (a review candidate).
export const CONTEXTUAL = /\bcontextual(?:ly)?\b|\bif you search for\b|\bbased (?:only |solely )?on (?:your )?(?:search (?:terms?|quer(?:y|ies))|the (?:page|content|article|search)|what you (?:search|are searching) for)\b/i;
// A list item that opens with a negation negates the whole item, however long the text before the match.
export const NEGATED_ITEM = /^\W*(?:never|not|no)\b/i;
// Ads the person is said to be targeted with: an example of a search then illustrates them, it does not make them contextual.
export const EXPLICIT_TARGETED = /\b(?:targeted|interest-based|behaviou?ral|personali[sz]ed|cross-context)\b/i;
// "Opts"/"opted out" only of the person ("if you have opted out of receiving marketing communications"): "contacts who
// opted out of your marketing emails" are an email-sending customer's recipients, and "users are opted out of
// marketing by default" says none is sent. "Your marketing emails" are the customer's own, not the vendor's.
export const DECLINE_MARKETING = /\b(?:(?:do not|don't|no longer) (?:wish|want) to receive|unsubscribe from (?:receiving )?|opt(?:-| )?out of (?:receiving )?|(?<=\b(?:you|you have|you've|you had|users? (?:has|have)|a user|the user)\s)opt(?:s|ed)(?:-| )?out of (?:receiving )?)\s*(?:our |any |further )?(?:(?!your\b)[\w-]+,? ){0,2}?(?:promotional|marketing|advertising) (?:e-?mails|communications|messages|materials?|offers|newsletters)\b/i;
