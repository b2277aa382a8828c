import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseSubject } from '../clauses/clause.js';
import { decide, evidenceAt, neighbour, operative } from './fact-context.js';

type V = Fact<'return_or_destroy_on_termination'>['value'];

const PREFILTER = /\b(?:return|destroy|delet|purge|erase|dispos|retain|keep|hold)/i;
// Leaving a platform ends the clinician's relationship with it: "When Clinician leaves the platform, … retains all records".
const END = /\b(?:upon|on|following|after|at|within \w+ (?:\(\d+\) )?days? (?:of|after)|effects? of)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|expiry|end|cancellation)\b|\bterminat(?:es|ion)\b|\bexpir(?:es|ation)\b|\b(?:close|closes|closing|delete|deletes|deleting|cancel|cancels|cancelling|canceling|deactivate|deactivates|deactivating) (?:your|their|its|the|an|a) (?:\w+ )?(?:account|subscription)\b|\b(?:cancellation|deletion|closure|deactivation|termination) of (?:your|their|the|an?) (?:\w+ )?(?:account|subscription)\b|\b(?:account|subscription) (?:is|has been|was) (?:deleted|closed|deactivated|cancell?ed|terminated)\b|\bfor (?:the (?:period|duration) of time|the (?:period|duration)|as long as) (?:that )?you (?:use|are using|have)\b|\bfrom the (?:date of (?:the )?)?last (?:contact|login|log-in|activity|use)\b|\bof inactivity\b|\b(?:agreement|contract|subscription|relationship|services?)\s+(?:ends|has ended|ended|comes to an end)\b|\b(?:leaves?|leaving|exits?|exiting|departs?|departing|stops? using|stopping using) (?:the|our|this) (?:platform|services?|network|program(?:me)?)\b/i;
const ON_REQUEST = /\b(?:upon|on|following|after|once we (?:receive|confirm)|if you|when you|where you)\b[^.;]{0,60}\brequests?\b|\brequests? (?:the )?(?:deletion|erasure)\b|\bright to (?:erasure|deletion|be forgotten)\b/i;
// The end of the contract or the account itself (not "delete your account" as a feature).
const END_STRICT = /\b(?:termination|expiration|expiry|end of (?:the|this|your) (?:agreement|contract|subscription|services?|relationship)|cancellation|(?:account|subscription) (?:is|has been|was) (?:deleted|closed|deactivated|cancell?ed|terminated)|close (?:your|their|the) account|closes (?:your|their|the) account|deactivat\w+)\b/i;
const CHILD = /\b(?:child|children|minor|minors|under (?:the age of )?1[3-8]|under the age)\b/i;
// Deletion stated as what happens, without a modal: "will result in the deletion of your account and all data",
// "Deleting your account permanently deletes …", "your data will be deleted", "are then deleted".
const HAPPENS = /\bresults? in the (?:permanent )?(?:deletion|erasure|destruction) of\b|\b(?:permanently|automatically|securely)\s+(?:deletes|erases|destroys)\b|\b(?:will|shall)\s+(?:then\s+|automatically\s+|permanently\s+)?be\s+(?:permanently\s+|automatically\s+|securely\s+)?(?:deleted|erased|destroyed|purged|anonymi[sz]ed)\b|\b(?:is|are)\s+(?:then\s+|automatically\s+|permanently\s+)?(?:deleted|erased|destroyed|purged)\b|\band\s+(?:then\s+)?(?:deleted|erased|destroyed)\b/i;
// "Once these periods have expired, your data will be deleted": deletion after retention periods stated just before.
const AFTER_PERIODS = /\b(?:once|when|after)\s+(?:these|those|the(?:se)? (?:above|applicable)|such)\s+(?:retention\s+)?periods?\s+(?:have\s+|has\s+)?(?:expired|ended|elapsed|passed)|\bthereafter\b/i;
const MUST = /\b(?:shall|will|must|agrees? to|is required to|are required to|undertakes? to)\b,?(?:\s+(?:promptly|immediately|securely|permanently|either|at (?:the )?(?:customer's|covered entity's|controller's) (?:option|choice|election|request),?))*\s+(?:(?:(?!may\b|retain\b|not\b|keep\b)[\w,'’-]+\s+){0,10}?)(?:return|destroy|delete|purge|erase|dispose)\b|\b(?:we|it|vendor|the company)\s+(?:permanently |securely )?(?:delete|deletes|destroy|destroys|erase|erases|purge|purges)\b/i;
const IMPERATIVE = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:[\w ,]{0,80}\bshall:?\s*)?(?:return|destroy|delete|purge)\b/i;
const NO: RegExp[] = [
  /\bmay(?:,? (?:at its|in its) (?:sole )?discretion,?)? (?:\w+ ){0,2}(?:delete|destroy|purge)\b/i,
  // "is not required to return or destroy", "has no obligation/duty to delete", "need not return", "not obliged to".
  /\b(?:no\s+|not\s+(?:be\s+)?)(?:obligation|obligated|obliged|required|duty|responsib(?:le|ility)) (?:to|for) (?:return|delete|destroy|purge|erase|dispose)/i,
  /\bneed not (?:return|delete|destroy|purge|erase)\b/i,
  /\b(?:will|shall|may) not (?:return|delete|destroy|purge)\b/i,
  /\b(?:will|shall|may) (?:continue to )?retain\b[^.;]{0,80}\b(?:indefinitely|perpetually|after (?:the )?termination|following termination)/i,
  // Open-ended keeping at the vendor's own discretion: "may keep it for as long as we find it useful/valuable".
  /\b(?:will|shall|may|can) (?:continue to )?(?:retain|keep|store|hold)\b[^.;]{0,120}\b(?:for as long as|as long as|so long as|for however long|until) (?:we|it|the company|the vendor|company|vendor) (?:consider|considers|deem|deems|find|finds|believe|believes|judge|judges|see fit|decide|decides|wish|wishes|want|wants|determine|determines)\b/i,
  /\b(?:will|shall|may|can) (?:continue to )?(?:retain|keep|store|hold)\b[^.;]{0,120}\bfor (?:our|its) (?:own )?(?:business|commercial) (?:purposes|needs|use)\b/i,
];

/** Whether one of the dozen sentences before `s`, under the same heading, speaks of the end of the contract or account. */
function endBefore(ctx: FactContext, s: { index: number; heading?: string }): boolean {
  for (let i = s.index - 1; i >= 0 && s.index - i <= 12; i--) {
    const p = ctx.sentences[i];
    if (p.heading !== s.heading) return false;
    if (END.test(p.view)) return true;
  }
  return false;
}

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
    const endHere = END.test(v);
    const afterPeriods = AFTER_PERIODS.test(v) && endBefore(ctx, s);
    const inScope = endHere || afterPeriods || (s.heading !== undefined && /terminat|return|destruction|deletion/i.test(s.heading)) || (prev !== undefined && END.test(prev.view));
    if (!inScope) continue;
    // The customer's duties ("Upon termination, you must destroy all copies of the Software") and the customer's
    // own deletion feature ("You may delete your account") are not the vendor returning or deleting data.
    const clauses = ctx.clauses(s);
    if (clauses.length > 0 && clauses.every((c) => clauseSubject(c)?.kind === 'customer')) continue;
    // Erasure on request and deleting a child's account are not deletion at the end of the contract (README).
    if (ON_REQUEST.test(v) && !END_STRICT.test(v)) {
      const m = /\S[^]*/.exec(v)!;
      if (/\b(?:delete|deletes|erase|destroy)\b/i.test(v)) cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, m.index, m.index + Math.min(m[0].length, 300)), confidence: 0.5, review: 'deletion on request, not at the end of the contract or account' });
      continue;
    }
    if (CHILD.test(v)) continue;
    const must = MUST.exec(v) ?? IMPERATIVE.exec(v);
    if (must && !/\b(?:not|never)\s+(?:be\s+)?(?:return|destroy|delete)/i.test(must[0])) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, must.index, must.index + must[0].length), confidence: 0.85 });
      continue;
    }
    const happens = (endHere || afterPeriods) && !/\b(?:you|users?|customers?)\s+(?:can|may|are able to)\b/i.test(v) ? HAPPENS.exec(v) : null;
    if (happens && !/\b(?:not|never|no)\b[^.;]{0,30}$/i.test(v.slice(Math.max(0, happens.index - 40), happens.index))) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, happens.index, happens.index + happens[0].length), confidence: 0.75 });
      continue;
    }
    // Discretion or keeping counts only where this sentence or the one before is about the end of the contract or account.
    if (!endHere && !(prev !== undefined && END.test(prev.view))) continue;
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
