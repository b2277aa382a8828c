/**
 * Platforms the vendor shows its targeted ads through: "we might use information that we hold about you to show you
 * relevant and targeted advertising for our services through other companies' sites, like A, B or C", "We display
 * targeted advertising to you through social media platforms, such as A, B and C". To target the user there, the vendor
 * hands the platform what identifies the user (a hashed e-mail, an account list), so each example is a recipient
 * (README: a platform named as receiving the data), where a platform merely named elsewhere is not (a sign-in, a page).
 * The vendor acts ("we"), the ads are aimed at the reader ("you", or targeted/relevant/personalised ads), and the kind
 * of place is someone else's: other companies' sites, social media, third-party platforms.
 */
// Without the `u` flag (see subprocessor-triggers.ts): a capital must follow, checked in code.
const AD_THROUGH = /\b(?:we|us)\b[^.;:]{0,160}?\b(?:show|shows|showing|display|displays|displaying|serve|serves|serving|deliver|delivers|delivering|present|presenting)\b([^.;:]{0,160}?)\b(?:advertising|ads|adverts|advertisements)\b[^.;:]{0,80}?\b(?:through|on|via|across)\s+(?:other\s+companies['’]?|third[- ]part(?:y|ies)['’]?|social\s+media|other|external)\s+(?:[\w-]+\s+)?(?:sites|websites|platforms|networks)\s*,?\s*\(?(?:like|such\s+as|including|e\.g\.,?|for\s+example,?)\s+/gi;
// Aimed at the reader: "show you …", "… to you", or ads said to be targeted.
const AT_READER = /\byou\b|\b(?:targeted|relevant|personali[sz]ed|interest-based|tailored)\b/i;
const DENIED = /\b(?:not|never|no)\b/i;

/** The positions right after the introducer of such examples (where the platforms' names follow). */
export function adPlatformExamples(v: string): number[] {
  const out: number[] = [];
  if (!/\b(?:advertising|ads|adverts|advertisements)\b/i.test(v)) return out;
  AD_THROUGH.lastIndex = 0;
  for (let m = AD_THROUGH.exec(v); m; m = AD_THROUGH.exec(v)) {
    const end = m.index + m[0].length;
    if (!/^[\p{Lu}\d[]/u.test(v.slice(end, end + 1))) continue;
    // "We do not show you ads through social media platforms such as A": refused, nobody receives anything.
    if (DENIED.test(m[0].slice(0, m[0].search(/\b(?:show|display|serv|deliver|present)/i))) || !AT_READER.test(m[0])) continue;
    out.push(end);
  }
  return out;
}
