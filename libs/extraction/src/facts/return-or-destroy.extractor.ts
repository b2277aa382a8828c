import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, neighbour, operative } from './fact-context.js';

type V = Fact<'return_or_destroy_on_termination'>['value'];

const PREFILTER = /\b(?:return|destroy|delet|purge|erase|dispos|retain|keep|hold)/i;
const END = /\b(?:upon|on|following|after|at|within \w+ (?:\(\d+\) )?days? (?:of|after)|effects? of)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|expiry|end|cancellation)\b|\bterminat(?:es|ion)\b|\bexpir(?:es|ation)\b|\b(?:close|closes|closing|delete|deletes|cancel|cancels) (?:your|their|its|the|an) (?:account|subscription)\b/i;
const MUST = /\b(?:shall|will|must|agrees? to|is required to|are required to|undertakes? to)\b,?(?:\s+(?:promptly|immediately|securely|permanently|either|at (?:the )?(?:customer's|covered entity's|controller's) (?:option|choice|election|request),?))*\s+(?:(?:(?!may\b|retain\b|not\b|keep\b)[\w,'’-]+\s+){0,10}?)(?:return|destroy|delete|purge|erase|dispose)\b|\b(?:we|it|vendor|the company)\s+(?:permanently |securely )?(?:delete|deletes|destroy|destroys|erase|erases|purge|purges)\b/i;
const IMPERATIVE = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:[\w ,]{0,80}\bshall:?\s*)?(?:return|destroy|delete|purge)\b/i;
const NO: RegExp[] = [
  /\bmay(?:,? (?:at its|in its) (?:sole )?discretion,?)? (?:\w+ ){0,2}(?:delete|destroy|purge)\b/i,
  /\b(?:no\s+|not\s+(?:be\s+)?)(?:obligation|obligated|required) to (?:return|delete|destroy|purge)/i,
  /\b(?:will|shall|may) not (?:return|delete|destroy|purge)\b/i,
  /\b(?:will|shall|may) (?:continue to )?retain\b[^.;]{0,80}\b(?:indefinitely|perpetually|after (?:the )?termination|following termination)/i,
  // Open-ended keeping at the vendor's own discretion: "may keep it for as long as we find it useful/valuable".
  /\b(?:will|shall|may|can) (?:continue to )?(?:retain|keep|store|hold)\b[^.;]{0,120}\b(?:for as long as|as long as|so long as|for however long|until) (?:we|it|the company|the vendor|company|vendor) (?:consider|considers|deem|deems|find|finds|believe|believes|judge|judges|see fit|decide|decides|wish|wishes|want|wants|determine|determines)\b/i,
  /\b(?:will|shall|may|can) (?:continue to )?(?:retain|keep|store|hold)\b[^.;]{0,120}\bfor (?:our|its) (?:own )?(?:business|commercial) (?:purposes|needs|use)\b/i,
];

/**
 * `return_or_destroy_on_termination`: in a clause about termination/expiry (or closing an account), yes
 * when the vendor must return, destroy or delete the data; no when it only may delete, has no obligation,
 * or keeps the data. A duty anywhere wins over a discretionary clause.
 */
export function extractReturnOrDestroy(ctx: FactContext): Fact<'return_or_destroy_on_termination'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const prev = neighbour(ctx, s, -1);
    const inScope = END.test(v) || (s.heading !== undefined && /terminat|return|destruction|deletion/i.test(s.heading)) || (prev !== undefined && END.test(prev.view));
    if (!inScope) continue;
    const must = MUST.exec(v) ?? IMPERATIVE.exec(v);
    if (must && !/\b(?:not|never)\s+(?:be\s+)?(?:return|destroy|delete)/i.test(must[0])) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, must.index, must.index + must[0].length), confidence: 0.85 });
      continue;
    }
    for (const re of NO) {
      const m = re.exec(v);
      if (m) {
        cands.push({ value: 'no', evidence: evidenceAt(ctx, s, m.index, m.index + m[0].length), confidence: 0.7 });
        break;
      }
    }
  }
  return decide('return_or_destroy_on_termination', cands, ['yes', 'no']);
}
