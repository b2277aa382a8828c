import { NON_SOCIAL_PLUGIN_PURPOSE, SOCIAL_NETWORK } from '../clauses/vocabulary.js';
import { SOCIAL_HEADING } from './subprocessor-patterns.js';

// The vendor's pages embedding a platform's social plug-ins or buttons: "This website integrates plugins from LinkedIn
// Corporation", "we use the like buttons of the Twitter service". The subject is the vendor or its site (not the user, who
// may install a browser plug-in from someone to opt out), and the verb is not denied (checked by the caller). "The
// buttons of the Twitter service provided by Twitter Inc" is left to "provided by": "the X service" is a product.
const PLUGIN_OWNER = /\b(?:we|(?:this|our)\s+(?:web\s?)?(?:site|pages?|apps?|services?)s?)\s+(?:also\s+)?(?:use|uses|integrates?|embeds?|contains?|includes?|ha(?:s|ve)\s+integrated)\s+(?:the\s+)?((?:social\s+(?:media\s+|network\s+)?)?(?:plug-?ins?|buttons?)|(?:like|share|tweet|follow)[\s-]+buttons?)\s+(?:from|of)\s+(?=\S)/gi;

/**
 * Positions right after "… integrates plugins from" where the platform that receives the visit is named. Only social
 * plug-ins carry the visit to a platform that watches it: the phrase says so ("social plugins", "like buttons"), the
 * section is about social media, or the owner is a social network. Buttons to sign in, shop or pay ("buttons from Apple
 * and Google so you can sign in", "buttons from PayPal for checkout") and the site's own software ("plugins from Yoast
 * to run the shop") name no recipient.
 */
export function pluginOwners(v: string, heading?: string): number[] {
  if (!/lug-?in|utton/i.test(v)) return [];
  const out: number[] = [];
  PLUGIN_OWNER.lastIndex = 0;
  for (let m = PLUGIN_OWNER.exec(v); m; m = PLUGIN_OWNER.exec(v)) {
    const at = m.index + m[0].length;
    const rest = v.slice(at);
    // A capital must follow (checked here: the pattern is case-insensitive).
    if (!/^\p{Lu}/u.test(rest)) continue;
    const social = /^(?:social|like|share|tweet|follow)\b/i.test(m[1]) || (heading !== undefined && SOCIAL_HEADING.test(heading)) || SOCIAL_NETWORK.test(rest);
    if (!social || NON_SOCIAL_PLUGIN_PURPOSE.test(rest.split(';')[0])) continue;
    out.push(at);
  }
  return out;
}
