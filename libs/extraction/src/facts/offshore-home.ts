import type { FactContext } from './fact-context.js';
import { partsUnder } from './fact-context.js';
import { suffixAnchoredMatches } from '../text/suffix-anchored.js';

// The vendor's home region and country for offshore_processing: what is abroad depends on where the vendor is (outside
// the US for an American vendor, outside the EEA for a European one, outside its own country for a vendor of neither).

// The legal vocabulary of each region, counted over the document's head when the vendor's legal name says nothing.
// The UK's own law and regulator count as Europe's: a British vendor's home region is the UK and the EEA (README: outside
// the EEA for a European vendor).
const EU_SIGNAL = /\b(?:general data protection regulation\b(?:\s*\(\s*["“]?gdpr["”]?\s*\))?|gdpr\b|european union\b|eea\b|member states?\b|supervisory authority\b|cnil\b|dsgvo\b|data protection officer\b|information commissioner\b|data protection act 2018\b)/gi;
const US_SIGNAL = /\bccpa\b|\bcpra\b|\bcalifornia\b|\bunited states\b|\bu\.s\.|\bhipaa\b|\bstate laws?\b/gi;
// A part or a sentence addressed to residents of one region ("Privacy Notice for United States Consumers", "Rights for
// California residents", "… or the CCPA if you are a California resident"; "For users in EEA, UK and Switzerland",
// "individuals in the EEA/UK") says where some users are, not where the vendor is: a European vendor's US-state
// supplement is not its own legal vocabulary, nor an American vendor's GDPR section. The places of each region, as data
// ("US" in capitals only: "us" is the vendor). A part headed by one region's law is addressed to its residents alike,
// on either side ("Your rights under the UK GDPR and the EU GDPR", "Your rights under certain U.S. State Laws"): naming
// only one side's would leave the other side's sections counting as the vendor's own vocabulary.
const RESIDENT_PLACES = {
  us: String.raw`(?:california|nevada|virginia|colorado|connecticut|utah|texas|oregon|montana|iowa|delaware|u\.s\.|usa|united states|american)`,
  eu: String.raw`(?:eu|e\.u\.|eea|european union|european economic area|europe|european|uk|united kingdom|switzerland|swiss)(?:\s*\/\s*(?:eu|eea|uk|switzerland))*`,
};
const PEOPLE = String.raw`(?:residents?|consumers?|users?|visitors?|individuals|data subjects)`;
const residentsHeading = (place: string) => new RegExp(String.raw`\b${place}\s+(?:[\w-]+\s+){0,2}?(?:${PEOPLE}|privacy rights|privacy notice|notice|supplement|addendum|disclosures?|state privacy)\b|\b${PEOPLE}\s+(?:located\s+|based\s+)?(?:in|of|from)\s+(?:the\s+)?${place}\b`, 'i');
const residentsSentence = (place: string) => new RegExp(String.raw`\bif you are (?:an?\s+)?(?:${place}\s+(?:resident|consumer|user)\b|(?:user\s+)?(?:resident|located|based|living)\s+in\s+(?:the\s+)?${place}\b)|\b${place}\s+residents?\b|\b${PEOPLE}\s+(?:located\s+|based\s+)?(?:in|of|from)\s+(?:the\s+)?${place}\b`, 'i');
const ADDRESSED = {
  us: { heading: new RegExp(`${residentsHeading(RESIDENT_PLACES.us).source}|\\bconsumer privacy act\\b|\\b(?:ccpa|cpra)\\b|\\bstate (?:privacy )?(?:laws?|rights|notice)\\b`, 'i'), sentence: residentsSentence(RESIDENT_PLACES.us) },
  eu: { heading: new RegExp(`${residentsHeading(RESIDENT_PLACES.eu).source}|\\bgdpr\\b`, 'i'), sentence: residentsSentence(RESIDENT_PLACES.eu) },
};

// The share of the head a part must cover to title the policy rather than address some of its readers.
const TITLE_SHARE = 0.8;

/** The head of the text with the parts and sentences addressed to one region's residents blanked (same offsets). */
function withoutResidentsOf(ctx: FactContext, head: string, region: keyof typeof ADDRESSED): string {
  const { heading, sentence } = ADDRESSED[region];
  // A part is its heading's section, not the sections after it at the same level (an American vendor's "Information for
  // individuals in Europe" before its "Contact us" is not the rest of the policy). A heading over nearly all the text
  // ("PRIVACY POLICY AND YOUR CALIFORNIA PRIVACY RIGHTS", one "For EEA users" part holding the whole policy) titles it:
  // a long section for one region's residents, more than half the text, still is one.
  const spans = partsUnder(ctx, heading, true).filter(([a, b]) => Math.min(b, head.length) - a < head.length * TITLE_SHARE);
  for (const s of ctx.sentences) {
    if (s.start >= head.length) break;
    if (sentence.test(s.view)) spans.push([s.start, s.end]);
  }
  return blanked(head, spans);
}

/**
 * `text` with the spans (clipped to it) overwritten by spaces, in one pass: blanking them one by one copied the whole
 * text per span (a part for one region's residents holds many sentences).
 */
function blanked(text: string, spans: [number, number][]): string {
  const cuts: [number, number][] = [];
  for (const [a, b] of spans) if (a < text.length) cuts.push([a, Math.min(b, text.length)]);
  if (cuts.length === 0) return text;
  cuts.sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of cuts) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    out += text.slice(at, from) + ' '.repeat(b - from);
    at = b;
  }
  return out + text.slice(at);
}

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
  const count = (t: string, re: RegExp) => (t.match(re) ?? []).length;
  // The vocabulary of the vendor's own text first; when that says too little (a vendor whose only legal words are its
  // residents' supplements), the whole head's.
  return (
    byVocabulary(count(withoutResidentsOf(ctx, head, 'eu'), EU_SIGNAL), count(withoutResidentsOf(ctx, head, 'us'), US_SIGNAL)) ??
    byVocabulary(count(head, EU_SIGNAL), count(head, US_SIGNAL))
  );
}

function byVocabulary(eu: number, us: number): 'us' | 'eu' | undefined {
  if (eu >= 5 && eu > 2 * us) return 'eu';
  if (us >= 3 && us >= eu) return 'us';
  return undefined;
}

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
export function homeCountry(text: string): (RegExp & { doubt?: true }) | undefined {
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
