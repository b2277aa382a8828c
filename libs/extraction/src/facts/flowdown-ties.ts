import { negationBefore } from '../clauses/negation.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { TRAILING_LEGAL_SUFFIX } from '../text/legal-suffixes.js';
import type { FactContext } from './fact-context.js';

/**
 * What ties someone to a standard named after it (subcontractor_flowdown): "in compliance with this Privacy Policy",
 * "consistent with Acme policies", "subject to our obligations". One list for every standard the flow-down readers
 * know, the document's own ("this policy", "our obligations") and the vendor's called by its name. Data, reviewed as
 * data: each entry is a regular-expression fragment naming a tie, never a party.
 * An `act` is the tied party's own doing (it complies, follows, honours); a `state` ("subject to", "governed by") holds
 * of anything, the use of a service or the data as much as a party.
 */
export const TIES = {
  act: [
    // Ensuring, enforcing, verifying or monitoring compliance is the vendor policing others (users, disputes), not a tie.
    String.raw`(?<!\b(?:ensur|enforc|verif|monitor)\w*\s+)compl(?:y|ies|iance|iant)`,
    String.raw`abides? by`,
    'consistent with',
    'in accordance with',
    String.raw`conform\w*`,
    'bound by',
    String.raw`adhere\w* to`,
    // Honouring, observing, following or upholding the policy is complying with it ("require our Affiliates to honor
    // this Privacy Policy").
    'honou?r',
    'observe',
    'follow',
    'uphold',
  ],
  state: ['subject to', 'governed by'],
} as const satisfies Record<string, readonly string[]>;
export type TieKind = keyof typeof TIES;
// The tie, then up to 60 characters of its sentence before the standard ("comply with applicable laws and this Policy").
const tiedBy = (kinds: readonly TieKind[]): RegExp => new RegExp(String.raw`\b(?:${kinds.flatMap((k) => TIES[k]).join('|')})\b[^.;]{0,60}$`, 'i');
const TIED = { any: tiedBy(['act', 'state']), act: tiedBy(['act']) };
// The data as what is tied ("your Personal Data collected in the app … is subject to this Privacy Notice"): the policy's
// scope, which binds no provider. Not "protect such information in a manner that is consistent with this policy": the
// copula of a relative clause ("that is") is not the data's.
const DATA_TIED = /\b(?:data|information|content|records)\b(?:(?!\b(?:that|which|who|whom)\b)[^.;,]){0,60}?\b(?:is|are|will be|shall be|remains?)\s+(?:\w+\s+)?$/i;

/**
 * Whether the standard at `at` in `v` is one someone is tied to. The tie refused binds nobody to the standard: "this
 * information is not subject to the privacy provisions of this Agreement" (data the user hands to others).
 */
export function tiedTo(v: string, at: number, by: keyof typeof TIED = 'any'): boolean {
  const from = Math.max(0, at - 80);
  const m = TIED[by].exec(v.slice(from, at));
  return m !== null && negationBefore(v, from + m.index, 30) < 0 && !DATA_TIED.test(v.slice(Math.max(0, from + m.index - 100), from + m.index));
}

/**
 * Whether the sentence ties someone to the vendor's own policies called by the vendor's name, which is who "we" are
 * ("require third parties to act consistent with Acme policies on data protection", "comply with Acme's privacy
 * standards"): the vendor's own standard as much as "our policies". Only by a party's act: the policies a vendor calls
 * by its name are, in terms of service, the rules of use ("Programme Use is subject to applicable Google policies").
 */
export function vendorsStandardTied(ctx: FactContext, v: string): boolean {
  const re = vendorsStandardPattern(ctx);
  if (re === null) return false;
  return [...v.matchAll(re)].some((m) => tiedTo(v, m.index, 'act'));
}
// The pattern of vendorsStandardTied, once per document (asked of each sentence, it was compiled anew each time); null
// when the vendor has no name of three characters. matchAll runs on a copy, so the shared pattern's lastIndex stays 0.
const STANDARD_PATTERNS = new WeakMap<FactContext, RegExp | null>();
function vendorsStandardPattern(ctx: FactContext): RegExp | null {
  let re = STANDARD_PATTERNS.get(ctx);
  if (re === undefined) {
    const names = ctx.vendorNames.map((n) => escapeRegExp(n.replace(TRAILING_LEGAL_SUFFIX, '').trim())).filter((n) => n.length >= 3);
    re = names.length === 0 ? null : new RegExp(String.raw`\b(?:${names.join('|')})(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|standards|commitments|obligations)\b`, 'g');
    STANDARD_PATTERNS.set(ctx, re);
  }
  return re;
}
