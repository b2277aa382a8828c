/** The words of provider clauses, for the sub-processor readers: nouns for providers, verbs relating them to the vendor and data, and names that are not recipients. */

/**
 * Nouns for the vendor's providers, after which names follow ("payment processors like Stripe", "provider Kapa.ai Inc.").
 * Case-insensitive without the `u` flag: V8 runs /iu alternations five times slower, and nothing here needs it.
 */
export const PROVIDER_NOUN = /\b(?:sub-?processors?|subcontractors?|sub-?contractors?|(?:service\s+)?providers?|vendors?|suppliers?|partners?|processors?|contractors?|affiliates?|subsidiar(?:y|ies)|compan(?:y|ies)\s+in\s+our\s+group|group\s+compan(?:y|ies)|(?:collection|hosting|cloud|payment|email|e-mail|analytics|marketing|advertising|technology|software|chatbot|messaging|delivery|verification|identity)\s+(?:company|companies|service|services|tools?|platforms?)|third[- ]party\s+(?:technology|technologies|tools?|services?|software)|carriers?|aggregators?|(?:companies|organi[sz]ations|businesses|firms)\s+(?:that|who|which)\s+(?:help|assist|provide|perform|process|support|work)|(?:metrics|analytics|tracking)\s+tools?|third[- ]party\s+(?:web\s+)?analytics(?!\s+(?:services?|tools?|providers?|compan))|ad\s+(?:networks?|exchanges?|servers?))\b/i;

/** Verbs and phrases that relate the vendor, a provider and data: using, engaging, sharing with, hosting by. */
export const RELATION_VERB = /\b(?:use[sd]?|using|engage[sd]?|engaging|rel(?:y|ies|ied)\s+on|works?\s+with|partners?\s+with|share[sd]?|sharing|disclos\w+|transferr?\w*|sen[dt]s?|sending|forward\w*|provid\w+|transmit\w*|host\w*|stor\w+|process\w*|powered\s+by|operated\s+by|handled\s+by|run\s+by|receiv\w+|access\w*|hire[sd]?|employ\w*|contract\w*|communicat\w+|through|via|instruct\w*|delegat\w+|outsourc\w+)\b/i;

/**
 * Names in a provider clause that are not recipients of the customer's or users' data (README conventions):
 * checked on the text just before the name (`before`), just after it (`after`) or around it (`around`).
 * `ownCell`: in a table row, `around` is read in the name's own cell only. A framework in another column ("| Branch |
 * Deeplinks for apps | SCCs, DPF | US |") is the safeguard of the row's transfer, an attribute of the party named, not
 * the party itself.
 */
export const NOT_RECIPIENT: { reason: string; before?: RegExp; after?: RegExp; around?: RegExp; both?: boolean; ownCell?: true }[] = [
  // "data may be provided by FedEx to Easyship": the name hands data to another party (a source); `both`: the text
  // before and the text after must match.
  { reason: 'a party that provides data to another, not a recipient', before: /\b(?:provided|supplied|sent|transferred|disclosed|passed)\s+(?:directly\s+)?by\s+$/i, after: /^\s+to\s+(?:\[)?[\p{Lu}]/u, both: true },
  // "We also receive information about you from third parties such as … your social account providers Apple or Google":
  // a clause taking information from parties names where data comes from, unless a verb passing it on comes between.
  { reason: 'a source the vendor receives information from, not a recipient', before: /\b(?:receive[sd]?|receiving|obtain(?:s|ed)?|obtaining|get|gets|collect(?:s|ed)?|collecting)\s+(?:[\w-]+\s+){0,3}?(?:information|data|details|it)\s+(?:about\s+you\s+)?from\s+(?:(?!\b(?:shar|disclos|transfer|sen[dt]|provid(?:e|es|ed|ing)\s+(?:to|with)|pass|sell|sold|giv|host|stor|process|us(?:e|es|ed|ing)\b|through\b|via\b|to\s+(?:help|assist|perform|provide))\w*)[^.;:]){0,200}$/i },
  { reason: 'a sign-in provider (a data source)', before: /\b(?:sign(?:ing)?[- ]?(?:in|up|on)|log(?:ging)?[- ]?in|login|authenticate|register)\s+(?:with|using|via|through)\s+(?:your\s+)?(?:existing\s+)?$/i },
  { reason: 'a sign-in provider (a data source)', after: /^\s*(?:account\s+)?(?:login|log-in|sign-in|sign in|single sign-on|sso|connect)\b/i },
  { reason: 'a platform the user connects or links to', before: /\b(?:connect|link|integrate|sync)\s+(?:your\s+)?(?:\w+\s+)?(?:account\s+)?(?:with|to)\s+$/i },
  // "Some Acme products, like our speakers, can integrate with third-party services like X": what a product can be connected
  // to is a service its user chooses to link (README: parties the user connects to), not one the vendor passes data to.
  // A capability ("can"), not the vendor's own act ("we integrate with", "we may connect to").
  { reason: 'a platform the user connects or links to', before: /(?<!\bwe\s+)\b(?:can|could)\s+(?:be\s+)?(?:integrate[ds]?|connect(?:ed)?|link(?:ed)?|pair(?:ed)?|sync(?:ed)?)\s+(?:with|to)\s+(?:(?:a|an|any|other|the|third[- ]party|external|your)\s+){0,3}(?:[\w-]+\s+)?(?:services?|platforms?|apps?|devices?|assistants?)(?:,?\s+(?:like|such\s+as|including)\s+)$/i },
  // "If you choose to connect your Acme business account to a third-party service such as X": the user links the
  // account, so the examples of the service it links to are parties the user reaches (README), not the vendor's recipients.
  // The examples' list ends where another clause starts ("tools like Zapier, and we send emails through Mailchimp and Intercom").
  { reason: 'a platform the user connects or links to', before: /\b(?:you|users?)\s+(?:(?:may|can|choose|chooses|decide|decides|elect|elects|opt|opts|wish|want|to)\s+){0,3}(?:connect|link|integrate|sync)\s+(?:your\s+)?(?:[\w-]+\s+){0,3}?(?:with|to)\s+(?:(?:a|an|any|other|the|third[- ]party|external|your)\s+){0,3}(?:[\w-]+\s+)?(?:services?|platforms?|apps?|accounts?|tools?|providers?)(?:,?\s+|\s*\(\s*)(?:like|such\s+as|e\.g\.,?|including|for\s+example,?)\s+(?:(?:(?!\b(?:we|our|us|they|their|it|its|which|who|that)\b)[^.;:]){0,120}?(?:,|\s+or|\s+and)\s+)?$/i },
  // "You may decide to use third-party services, like Stripe", "an Institution that utilizes Canvas": the user (or the
  // customer's institution) acts, so the name is a service it chooses or connects to (README), not one the vendor passes
  // data to. Only when the user's verb takes the name, or a service noun giving it as an example, as its object ("When you
  // purchase Third Party Services through Acme (such as A or B)": bought through the vendor, still the user's choice).
  { reason: 'a service the user or customer chooses, not a recipient of the vendor', before: /\b(?:you|users?|institutions?|students?|customers?)\s+(?:(?:that|who|which|may|can|might|also|then|wish|want|decide|decides|choose|chooses|elect|elects|opt|opts|to)\s+){0,4}(?:use|uses|utili[sz]es?|select|selects|purchase|purchases|buy|buys|ship|ships|pay|pays)\s+(?:(?:(?:a|an|the|any|other|certain|third[- ]party|external|your)\s+){0,3}(?:[\w-]+\s+)?(?:services?|providers?|platforms?|tools?|apps?|processors?|carriers?|systems?|integrations?)(?:\s+(?:through|via|from)\s+[\w-]+)?(?:,?\s+|\s*\(\s*)(?:like|such\s+as|e\.g\.,?|including|for\s+example,?)\s+(?:[^.;:]{0,120}?(?:,|\s+or|\s+and)\s+)?(?:\[)?)?$/i },
  { reason: "a platform where the vendor has a page", before: /\b(?:pages?|profiles?|presences?|channels?|fan\s*pages?|accounts?)\s+(?:on|at)\s+$/i },
  // "The Register is … owned and operated by Situation Publishing": the service's owner is the vendor itself, or the owner
  // of a platform the text mentions ("Steam (which is owned and operated by Valve Corporation)"); neither receives data as such.
  { reason: 'the owner of a service the text names (the vendor itself, or a platform\'s owner)', before: /\bowned\s+(?:and\s+(?:operated|run|managed)\s+)?by\s+(?:the\s+)?$/i },
  // "services for, or on behalf of, Acme Ireland Limited": the principal the work is done for, not the one receiving data.
  { reason: 'the party on whose behalf the work is done, not a recipient', before: /\b(?:on\s+behalf\s+of|for\s+the\s+benefit\s+of),?\s+(?:the\s+)?$/i },
  // "except for anonymous logs shared with APNIC", "we share anonymised statistics with X": a party given only data about no one (README: personal data only).
  { reason: 'it receives only anonymous or aggregated data', before: /\b(?:anonymous|anonymi[sz]ed|aggregated|de-?identified|non-personal)\s+(?:[\w-]+\s+){0,3}?(?:shared|disclosed|provided|transferred|sent|made\s+available)\s+(?:with|to)\s+(?:the\s+)?$|\bshar(?:e|es|ing)\s+(?:only\s+)?(?:anonymous|anonymi[sz]ed|aggregated|de-?identified|non-personal)\s+(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?$/i },
  { reason: 'a representative, not a recipient', around: /\brepresentatives?\b/i },
  { reason: 'an authority or regulator', around: /\b(?:supervisory authorit|data protection authorit|commissioner|ombudsman|regulator)/i },
  // A dispute body is named for what it does, often in a row's other cells ("| TrustArc | Complaint details | Independent
  // dispute resolution |"): read on the whole row. A framework is read in the name's own cell only (see `ownCell`).
  { reason: 'a dispute-resolution body or framework', around: /\b(?:arbitrat|dispute resolution|jams\b|american arbitration|truste\b|bbb\b|better business bureau)/i },
  { reason: 'a dispute-resolution body or framework', around: /\b(?:privacy shield|data privacy framework|dpf\b)/i, ownCell: true },
  // "must comply with the acceptable use policies of our upstream providers, UUNET": whose rules apply, not who gets data.
  { reason: 'a document of another company, cited', before: /\b(?:policies|polic(?:y|ies)|terms|rules|guidelines)\s+of\s+(?:our\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:providers?|partners?|vendors?|suppliers?|carriers?)?,?\s+(?:such\s+as\s+|like\s+|including\s+)?(?:[^.;:]{0,80}?(?:,|\s+or|\s+and)\s+)?$/i },
  { reason: 'a document of another company, cited', after: /^['’]?s?\s+(?:privacy (?:policy|notice|statement)|terms(?: of (?:service|use))?|cookie policy|data (?:protection|privacy) (?:notice|policy))\b/i },
  // 'the Apple Inc. ("Apple") App Store': an alias in parentheses may stand between the name and the store.
  { reason: 'an app store', after: /^\s*(?:\([^()]{0,40}\)\s*)?(?:app\s*store|play\s+store)\b/i },
  // "Little Window, our chatbot": the vendor's own product or feature, named by a possessive after it.
  { reason: "the vendor's own product", after: /^\s*,?\s*(?:is\s+)?(?:our|its)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:chatbot|bot|app|application|tool|product|feature|assistant|platform|website|site|service|newsletter|magazine|brand|program(?:me)?)\b/i },
  { reason: 'an app store', before: /\b(?:apple|google)\s+$/i, after: /^\s*store\b/i },
  // "not with another application platform provider (such as Pear Inc. or Gamma LLC), which may provide you the app": the
  // examples of a kind of app store or app platform are the stores the user gets the app from (README: app stores), whatever
  // the clause does with them. The examples before the name are names (capitalised words): "such as Pear Inc. and with our
  // payment processor, Quillpay" has left the examples at "with our …". Case-sensitive, so written with [Aa].
  { reason: 'an app store', before: /\b(?:[Aa]pp(?:lication)?\s+(?:[Pp]latform|[Ss]tore|[Mm]arketplace|[Dd]istribution)\s+(?:[Pp]roviders?|[Oo]perators?)|[Aa]pp(?:lication)?\s*[Ss]tores?|[Aa]pp\s+[Mm]arketplaces?)\s*(?:\(\s*|,\s*|\s)(?:such\s+as|e\.g\.,?|like|including|for\s+example,?)\s+(?:[\p{Lu}\d][\p{L}\p{N}&'.-]*(?:\s+(?:(?:of|de|&)\s+)?[\p{Lu}\d][\p{L}\p{N}&'.-]*){0,5}(?:,\s*(?:and|or)?|\s+or|\s+and)\s+){0,4}$/u },
  { reason: 'a mandated report recipient', around: /\b(?:ncmec|national center for missing)/i },
  // "We are required to share certain data with the grid operators, A and B", "to meet our licence and regulatory
  // requirements we will share meter data with the Network Companies A and B": a party the law or a regulator makes the
  // vendor share with is a mandated recipient (README), not one the vendor chose; within the clause (no stop or semicolon
  // between the obligation and the name, nor a clause of the vendor's own joined by "and we").
  { reason: 'a mandated recipient (the vendor must share with it by law or regulation)', before: /(?:\b(?:are|is|am|be|being)\s+(?:legally\s+|also\s+|statutorily\s+)?(?:required|obliged|obligated|mandated|compelled)\s+(?:by\s+(?:law|regulation)\s+)?to\s+(?:share|disclose|provide|report|pass|send|transfer)\b|\bto\s+(?:meet|comply\s+with|fulfil+)\s+(?:our\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:legal|regulatory|statutory|licen[cs]e)\s+(?:[\w-]+\s+){0,2}?(?:requirements|obligations|duties|conditions)\b)(?:(?!\b(?:and|but)\s+(?:we|us)\b)[^.;]){0,160}$/i },
  // "we use Apple’s TrueDepth camera", "the Motionix sensor in your phone": a part of the user's device, not an organisation.
  { reason: "a part of the user's device, not an organisation", after: /^\s+(?:camera|sensor|chip|microphone|touchscreen|keyboard|fingerprint\s+(?:reader|sensor)|face\s+scanner)s?\b/i },
  // "Atlassian, Inc. and its U.S. subsidiaries (A, B, C) adhere to the Data Privacy Framework Principles …": the group's
  // entities certifying under a framework speak for the vendor; the sentence passes them no data.
  { reason: "the vendor's group certifying under a framework, not a recipient", after: /^,?\s+and\s+its\s+(?:[\w.-]+\s+){0,3}(?:subsidiaries|affiliates)\s*\([^;()]{0,200}\)\s+(?:adheres?\s+to|compl(?:y|ies)\s+with|participates?\s+in|(?:is|are|have|has)\s+(?:been\s+)?(?:self-)?certified|self-certif\w+)\b/i },
  { reason: "the vendor's group certifying under a framework, not a recipient", before: /\band\s+its\s+(?:[\w.-]+\s+){0,3}(?:subsidiaries|affiliates)\s*\([^()]*$/i, after: /^[^;()]{0,200}\)\s+(?:adheres?\s+to|compl(?:y|ies)\s+with|participates?\s+in|(?:is|are|have|has)\s+(?:been\s+)?(?:self-)?certified|self-certif\w+)\b/i, both: true },
  { reason: 'an open-source or self-hosted tool, not a recipient', after: /^\s*(?:is\s+)?(?:an?\s+)?(?:open[- ]source|self-hosted)\b/i },
];
