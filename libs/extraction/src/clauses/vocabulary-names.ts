/** What is not an organisation's name, for the sub-processor readers: self-hosted software, policy words, platforms, addresses, citations. */

/**
 * Software a vendor runs itself (open-source, self-hosted by default): named as a tool the vendor uses, not as an
 * organisation receiving data (OTA README: "Matomo and Mastodon (software)"). Their hosted offerings are named
 * differently ("Matomo Cloud", "InnoCraft") and are not matched.
 */
export const SELF_HOSTED_SOFTWARE = /^(?:matomo|matomo analytics|piwik|mastodon|jitsi|jitsi meet|nextcloud|owncloud|wordpress|moodle|mattermost|discourse|open web analytics|peertube|rocket\.chat|element|matrix|keycloak|mediawiki|drupal|joomla)$/i;

/**
 * Words that policies capitalise as headings, defined terms or feature names ("Authorized Users", "Interest-Based
 * Advertising", "Third-Party Apps", "Account Management"): a phrase made only of these is not an organisation's
 * name unless it has a legal suffix or is a link. Extend when a new document shows such a phrase taken for a name.
 */
export const POLICY_WORDS = new Set(
  (
    'account accounts management platform platforms operation operations communication communications community interaction interactions creating code geolocation ' +
    'sensory professional promotion promotions support services service partner partners user users mobility licensing accelerator transactions transaction involving ' +
    'third party parties third-party generative artificial intelligence interest interest-based based advertising advertisement advertisements referrer url urls buyer buyers ' +
    'advertiser advertisers exchange exchanges suite controller controllers processor processors detect detection improve carrying measuring understanding developing essential ' +
    'functional why audio video authentication analytics targeting tool tools fraud customizing customized ads contextual contextual-based location location-based sites site ' +
    'encryption zero-knowledge knowledge zero virtual good goods digital storefront scheduler schedulers family centre center participant participants anti-fraud anti ' +
    'app apps application applications integration integrations offering offerings member members restricted rights right designated agent agents developer developers page pages ' +
    'archive storage my messages message showtimes cable malware password passwords them only so-called consent your non affiliate affiliates profile profiles processed company ' +
    'companies for payment payments electronic id verification vendor vendors provider providers various cookie cookies manager e-commerce functionality style sheets cascading ' +
    'flash spotlight data information content contents personal sensitive security privacy policy notice terms legal law enforcement government public general products product ' +
    'features feature settings preferences customer customers client clients subscriber subscribers business businesses enterprise team teams plan plans premium free basic ' +
    'standard contractual clauses module annex schedule exhibit appendix section article agreement addendum order form effective date updated last new marketing sales sale ' +
    'email e-mail newsletter newsletters sms text notification notifications push mobile web website websites online internet network networks social media search maps map ' +
    'cloud hosting server servers infrastructure backup backups storefronts store stores shop shopping purchase purchases order orders billing invoice invoices subscription ' +
    'subscriptions rewards reward points gift card cards wallet payments transfer transfers request requests complaint complaints dispute disputes claim claims help faq ' +
    'contact contacts home main overview introduction summary details detail example examples note notes purpose purposes category categories type types retention period ' +
    'periods deletion access correction portability objection restriction withdrawal opt-out opt-in do not sell share track tracking california virginia colorado europe european ' +
    'eea uk united states kingdom global international domestic regional local national federal state states country countries region regions the and of in on to with by at ' +
    'other others additional further certain all any some each such this that these those our we you us it its their they his her one two three first second ' +
    'strictly necessary performance functional analytical targeting advertising social preference preferences session persistent first-party third-party own ' +
    'identity identifiers identifier device devices browser browsers usage log logs diagnostic diagnostics crash crashes error errors event events inferences inference ' +
    'commercial professional employment education biometric health medical financial protected characteristics classification sensitive precise approximate audio visual ' +
    'internet activity activities electronic network olfactory thermal background check checks verification kyc aml anti-money laundering sanctions screening ' +
    'moderation safety trust integrity quality assurance research development testing test tests beta pilot program programs partnership partnerships sponsor sponsors ' +
    'sponsored affiliated unaffiliated successor successors merger acquisition sale bankruptcy reorganization corporate transaction transactions group groups holding holdings ' +
    // Purpose labels of "**Legal Compliance**: we may disclose …" list items.
    'legal compliance enforcement protection protecting prevention preventing security emergency emergencies business transfer transfers purposes purpose consent aggregated de-identified ' +
    // Technology words of headings and features ("Other Automatic Data Collection Technologies", "powered by Generative AI"); not "technologies": "Cloud Technologies" is a company.
    'ai automatic automated'
  ).split(/\s+/),
);

/**
 * Brands that are platforms, stores or software rather than recipients of the vendor's customer data unless the
 * text says they receive it for the vendor (ads, pixels, analytics): social networks where users engage, app
 * stores (of phones, computers and game consoles), browsers and operating systems.
 */
const SOCIAL_NETWORK_NAMES = 'facebook|instagram|twitter|x|linkedin|youtube|tiktok|pinterest|reddit|snapchat|whatsapp|telegram|tumblr|mastodon|threads|vk|weibo|wechat|xing';
/** A name that starts with a social network's ("LinkedIn Corporation", "Pinterest"): its plug-ins are social ones. */
export const SOCIAL_NETWORK = new RegExp(`^(?:${SOCIAL_NETWORK_NAMES})\\b`, 'i');
/**
 * What a plug-in or button is for when it is not social: signing in, the shop, the payment. Such a button connects the
 * user to a sign-in, shop or payment service of the user's choosing, not to a platform that watches the visit.
 */
export const NON_SOCIAL_PLUGIN_PURPOSE = /\bsign(?:ing)?[\s-]?(?:in|on|up)\b|\blog(?:ging)?[\s-]?in\b|\blogin\b|\bcheck[\s-]?out\b|\bpay(?:ments?)?\b|\bshop(?:ping)?\b|\bcarts?\b|\bpurchases?\b/i;
// App stores, and their in-app payments by any of the names lists give them ("Apple Store In-App Payments", "Google
// Play In-App Billing", "Apple In-App Purchases", "Amazon Appstore In-App Purchasing"): the store takes the payment.
const APP_STORES = 'app store|apple app store|play store|google play(?: store)?|amazon appstore|amazon app store|samsung galaxy store|galaxy store|huawei appgallery';
const IN_APP_PAYMENTS = '(?:in-app (?:payments?|purchases?|purchasing|billing|subscriptions?)|billing)';
export const PLATFORM_BRANDS = new RegExp(`^(?:${SOCIAL_NETWORK_NAMES}|(?:${APP_STORES})(?: ${IN_APP_PAYMENTS})?|apple (?:store )?${IN_APP_PAYMENTS}|itunes|testflight(?: program)?|windows store|microsoft store|xbox(?: store)?|playstation(?: store)?|meta quest(?: store)?|nintendo(?: eshop)?|safari|chrome|firefox|edge|opera|internet explorer|android|ios|ipados|macos|windows|linux)$`, 'i');
/**
 * Card schemes and means of payment ("pay with Visa", "payable via SEPA Direct Debit", "pay with Bitcoin"): the payer's own providers and data
 * sources (README labels: "issuers and payment networks are the user's own providers"), not recipients of the vendor, unlike
 * the processor taking the payment for the vendor ("payable via Paystride").
 */
export const PAYMENT_MEANS = /^(?:visa|mastercard|master\s?card|maestro|american\s+express|amex|discover|diners\s+club|jcb|(?:china\s+)?union\s?pay|cartes?\s+bancaires?|carte\s+bleue|sepa(?:\s+(?:direct\s+debit|credit\s+transfer))?|ach|bacs|direct\s+debit|(?:bank|wire)\s+transfer|(?:credit|debit|bank|gift)\s+cards?|cheques?|cash|bitcoin|ether(?:eum)?|litecoin|dogecoin|tether|usdc|usdt|stablecoins?|crypto(?:currenc(?:y|ies))?)$/i;
/** What makes such a platform a recipient after all: its ads, pixel, analytics or conversion tools. */
export const PLATFORM_AS_RECIPIENT = /^\s*(?:ads|advertising|pixel|insight tag|analytics|conversions? api|custom audiences|ad manager|marketing api|audience network|business tools|sdk)\b/i;

/**
 * Industry self-regulatory bodies and their consumer opt-out programmes (README: an opt-out programme is not a
 * recipient): a list of "partners and how to opt out" that names one among the ad networks points the reader to its
 * opt-out page; the body itself receives no customer data.
 */
export const INDUSTRY_OPT_OUT_BODY =
  /^(?:the\s+)?(?:network advertising initiative|(?:european interactive )?digital advertising alliance(?: of canada)?|your ?ad ?choices|your online choices|ad choices|nai|daa|daac|edaa)(?:\s*\((?:nai|daa|daac|edaa)\))?$/i;

/** Endings of street addresses and places ("Amphitheatre Parkway", "Grand Canal Square"): not names. */
export const ADDRESS_WORD = /\b(?:street|str|st|road|rd|avenue|ave|boulevard|blvd|way|parkway|lane|drive|place|square|quay|suite|floor|building|house|tower|plaza|court|terrace|strasse|straße|gasse|platz|weg|rue|calle|via|box|po box|p\.o\. box)\.?(?:\s+(?:n|s|e|w|ne|nw|se|sw)\.?)?$/i;

/**
 * Capitalised phrases that name a thing, not an organisation (README: names are third-party organisations): a legal
 * citation ("Article 49", "Art"), or a technical artefact or category by its last word ("Data Portability API",
 * "Live ID Verification", "Information From Other Sources", "Ad Exchanges", "Laravel Site Session ID").
 */
export const NOT_AN_ORGANISATION =
  /^(?:[Aa]rt(?:icle)?|[Ss]ec(?:tion)?|[Rr]ecital|[Cc]hapter|[Cc]lause|[Pp]aragraph)\.?(?:\s+[\d(][\w.()]*)*$|\s(?:APIs?|SDKs?|IDs?|Interface|Logo|Session|Verification|Sources|Exchanges|Facilitators|Cookies?)$/;
