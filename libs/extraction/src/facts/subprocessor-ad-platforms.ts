/**
 * Platforms the vendor shows its targeted ads through: "we might use information that we hold about you to show you
 * relevant and targeted advertising for our services through other companies' sites, like A, B or C", "We display
 * targeted advertising to you through social media platforms, such as A, B and C". To target the user there, the vendor
 * hands the platform what identifies the user (a hashed e-mail, an account list), so each example is a recipient
 * (README: a platform named as receiving the data), where a platform merely named elsewhere is not (a sign-in, a page).
 * The vendor acts ("we"), the ads are aimed at the reader ("you", or targeted/relevant/personalised ads), and the kind
 * of place is someone else's: other companies' sites, social media, third-party platforms.
 */
// "us" as the object of a preposition ("Advertisers who work with us may show you ads") is not the one showing them.
// Without the `u` flag (see subprocessor-triggers.ts): a capital must follow, checked in code.
const AD_THROUGH = /\b(?:we|(?<!\b(?:with|to|for|by|from|of|about)\s+)us)\b[^.;:]{0,160}?\b(?:show|shows|showing|display|displays|displaying|serve|serves|serving|deliver|delivers|delivering|present|presenting)\b([^.;:]{0,160}?)\b(?:advertising|ads|adverts|advertisements)\b[^.;:]{0,80}?\b(?:through|on|via|across)\s+(?:other\s+companies['’]?|third[- ]part(?:y|ies)['’]?|social\s+media|other|external)\s+(?:[\w-]+\s+)?(?:sites|websites|platforms|networks)\s*,?\s*\(?(?:like|such\s+as|including|e\.g\.,?|for\s+example,?)\s+/gi;
// Aimed at the reader: "show you …", "… to you", or ads said to be targeted.
const AT_READER = /\byou\b|\b(?:targeted|relevant|personali[sz]ed|interest-based|tailored)\b/i;
const DENIED = /\b(?:not|never|no)\b/i;
const RELATIVE_ENDS = /\b(?:with|for|to|by)\s+(?:may|might|can|could|will|would|also|then)\b/i;
// "… such as A or B, but we do not share your personal data with them": the platforms receive nothing from the vendor.
const NO_DATA_AFTER = /\b(?:do|does|will)\s+not\s+(?:share|disclose|provide|pass|send|give|receive|get|collect)\b|\bwithout\s+(?:sharing|disclosing|providing|passing)\b/i;

/** The positions right after the introducer of such examples (where the platforms' names follow). */
export function adPlatformExamples(v: string): number[] {
  const out: number[] = [];
  if (!/\b(?:advertising|ads?|adverts?|advertisements?)\b/i.test(v)) return out;
  for (const re of [AD_THROUGH, AD_THROUGH_NAMED]) {
    re.lastIndex = 0;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      const end = m.index + m[0].length;
      if (!/^[\p{Lu}\d[]/u.test(v.slice(end, end + 1))) continue;
      // "We do not show you ads through social media platforms such as A": refused, nobody receives anything.
      const before = m[0].slice(0, m[0].search(/\b(?:show|display|serv|deliver|present)/i));
      // "Advertisers we work with may show you ads …": "we" closes a relative clause; the advertisers show the ads.
      if (DENIED.test(before) || RELATIVE_ENDS.test(before) || !AT_READER.test(m[0]) || NO_DATA_AFTER.test(v.slice(end))) continue;
      out.push(end);
    }
  }
  return out;
}
// The platform named right after the ads the vendor shows through it: "when we use a matched audience to serve you our ad
// through Fooface", "we show you ads on Quillbook". The name must follow at once (a capital, checked in code).
const AD_THROUGH_NAMED = /\b(?:we|(?<!\b(?:with|to|for|by|from|of|about)\s+)us)\b[^.;:]{0,160}?\b(?:show|shows|showing|display|displays|displaying|serve|serves|serving|deliver|delivers|delivering|present|presenting)\b([^.;:]{0,60}?)\b(?:ad|ads|advert|adverts|advertisements?)\s+(?:through|on|via)\s+/gi;
