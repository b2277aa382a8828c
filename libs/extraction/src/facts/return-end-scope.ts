import type { Clause } from '../clauses/clause.js';
import { hitsOf } from '../clauses/clause.js';
import { introOf, isItem } from '../clauses/structure.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { neighbour } from './fact-context.js';
import { ACCOUNT_DATA } from '../clauses/vocabulary.js';
import { LIFE_OF } from './kept-after-end.js';
import { ACCOUNT_ENDED } from './return-vocabulary.js';

// Whether a sentence of return_or_destroy_on_termination is about the end of the contract or account at all: in its own
// words, by the sentence before it, its heading, or as the deletion after retention periods stated before it.

/** How a sentence is about the end: itself or its heading, the sentence before it, retention periods before it, or only
 * the account's life a period is kept after (`life`: "for as long as your account is active and a reasonable period
 * thereafter", "the duration of the contract plus 30 days"). */
export type Scope = 'end' | 'previous' | 'periods' | 'life';

// The end of the contract or account, in words the vocabulary's `end` condition does not hold as one phrase: "after
// termination", "within 30 days of termination", leaving the platform, inactivity, "as long as you use". Not "delete your
// account data": the data is deleted, the account goes on.
const END = new RegExp(
  String.raw`\b(?:upon|on|following|after|at|within \w+ (?:\(\d+\) )?days? (?:of|after)|effects? of)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|expiry|end|cancellation)\b|\bterminat(?:es|ion)\b|\bexpir(?:es|ation)\b|\b(?:close|closes|closing|delete|deletes|deleting|cancel|cancels|cancelling|canceling|deactivate|deactivates|deactivating) (?:your|their|its|the|an|a) (?:\w+ )?(?:account|subscription)\b(?!\s+${ACCOUNT_DATA}\b)|\b(?:cancellation|deletion|closure|deactivation|termination) of (?:your|their|the|an?) (?:\w+ )?(?:account|subscription)\b|\b(?:account|subscription)s? ${ACCOUNT_ENDED}\b|\b(?:account|subscription) (?:deletion|closure|cancellation|termination)\b|\brequest\w* (?:(?:your|the|their) )?(?:account|subscription) (?:to )?be (?:deleted|closed)\b|\bfor (?:the (?:period|duration) of time|the (?:period|duration)|as long as) (?:that )?you (?:use|are using|have)\b|\bfrom the (?:date of (?:the )?)?last (?:contact|login|log-in|activity|use)\b|\bof inactivity\b|\b(?:agreement|contract|subscription|relationship|services?)(?:\s+with\s+(?:you|us|the customer))?\s+(?:ends|has ended|have ended|ended|(?:comes|has come|have come|came) to an end)\b|\b(?:leaves?|leaving|exits?|exiting|departs?|departing|stops? using|stopping using|(?:cancel(?:s|led|ed|ling|ing)?|end(?:s|ed|ing)?|terminat(?:e|es|ed|ing)) (?:your |their |the )?use of) (?:the|our|this) (?:platform|services?|network|program(?:me)?|app|application)\b|(?:\b(?:après|apres|dès|lors de|suite à)|(?<![A-Za-zÀ-ÿ])à compter de)\s+(?:la\s+|l['’]\s*)?(?:résiliation|clôture|fermeture|désactivation|expiration|fin)\b|\bfin (?:du contrat|de la relation (?:contractuelle|commerciale)|de l['’]abonnement)\b`,
  'i',
);
// ("after you have cancelled use of the Service": the user ending its use, as leaving the platform.)
// (The last two: French, "supprimées 20 jours après résiliation", "à la fin du contrat". "à" is no ASCII word character,
// so "\b" cannot stand before it: a letter lookbehind does.)
// The period counted from the end in other words: "from the end of the business relationship", "for the life of the account
// + 2 years", "as long as your account is active (and a reasonable period thereafter)" (kept-after-end.ts reads the
// period itself).
const END_OF_LIFE = new RegExp(
  String.raw`\bfrom the (?:end|termination|expiry|expiration|closure) of (?:the|your|our|this|its|their|any) (?:[\w-]+ )?(?:account|contract|agreement|subscription|relationship|membership)\b|${LIFE_OF}\s*(?:\+|plus\b|and (?:a further|an additional|another)\b)|\bas long as (?:your|the|their) (?:[\w-]+ )?account (?:is|remains|stays) (?:active|open)\b`,
  'i',
);
// A retention period running out is not the end of the contract ("when the data retention period expires").
const PERIOD_EXPIRY = /\b(?:periods?|obligations?|requirements?)\b[^.;,]{0,60}?\b(?:expir\w*|ends?|ended|elapsed?|lapsed?)\b|\bexpir\w*\s+of\s+(?:the|such|this|that|these|those|its|any|each)\s+(?:[\w-]+\s+)?periods?\b/gi;
// "Once these periods have expired, your data will be deleted": deletion after retention periods stated just before.
const AFTER_PERIODS = /\b(?:once|when|after)\s+(?:these|those|the(?:se)? (?:above|applicable)|such)\s+(?:retention\s+)?periods?\s+(?:have\s+|has\s+)?(?:expired|ended|elapsed|passed)|\bthereafter\b/i;
// Headings under which every clause is about the end: "Termination", "Return of Customer Data", "Effects of termination".
// "Deleting your account", "What account deletion means", "Closing your account": what happens when the account ends.
const END_HEADING = new RegExp(
  String.raw`terminat|\breturn\b|effects? of|end of (?:the )?(?:agreement|contract|services?)|\b(?:delet(?:e|ing)|clos(?:e|ing)|cancel(?:l?ing)?)\s+(?:your\s+|an\s+|the\s+)?account\b(?!\s+${ACCOUNT_DATA}\b)|\baccount\s+(?:deletion|closure)\b`,
  'i',
);

// Words every `end` phrase of the vocabulary contains: sentences without one are not read as clauses for it.
const END_WORD = /terminat|expir|cancel|clos|delet|deactivat|\bend\b|renewal/i;

/** Whether a clause names the end of the contract or account (not "when the storage period … expires"). */
function namesEnd(c: Clause): boolean {
  return hitsOf(c, 'condition', 'end').some((h) => !/^expir/i.test(c.view.slice(h.start, h.end)) || !/\b(?:periods?|obligations?|requirements?)\b[^.;,]*$/i.test(c.view.slice(0, h.start)));
}

/** Whether a text speaks of the end of the contract or account (a retention period running out is not that). */
export function speaksOfEnd(text: string): boolean {
  // The period phrases are blanked only for texts END matches at all (most do not: no copy for them).
  // END_OF_LIFE names the account or contract itself: a retention period's words before it ("a period of five years from
  // the end of the relationship") do not make it a period's end.
  return END_OF_LIFE.test(text) || namesEndWords(text);
}

/** Whether a text names the end itself, not only the account's life a period runs after. */
function namesEndWords(text: string): boolean {
  return END.test(text) && END.test(text.replace(PERIOD_EXPIRY, (m) => ' '.repeat(m.length)));
}

/**
 * Whether a sentence is about the end of the contract or account: it says so (or its clauses name the end), the
 * sentence before it does, or its heading is about termination or return (`end`); or it deletes after retention
 * periods stated in the dozen sentences before, under the same heading (`periods`).
 */
// Words that refer back to what came before: "these purposes", "the purposes above", "such period", "thereafter".
const POINTS_BACK = /\b(?:these|those|such|the (?:above|foregoing|aforementioned))\s+(?:[\w-]+\s+)?(?:purposes?|reasons?|periods?|uses?|needs?|grounds|cases)\b|\b(?:purposes?|reasons?|periods?)\s+(?:(?:set out|listed|described|mentioned|stated)\s+)?above\b|\bthereafter\b|\b(?:after|at the end of|once|when)\s+(?:this|that|these|those|such)\s+(?:period|periods|time)\b/i;

export function endScope(ctx: FactContext, s: Sentence): Scope | undefined {
  // The account's life alone ("as long as your account is active") is no end for the sentence's other clauses ("and we
  // may keep aggregated data indefinitely") nor for the next sentence: only the period kept after it is read (`life`).
  if (namesEndWords(s.view) || (END_WORD.test(s.view) && ctx.clauses(s).some(namesEnd))) return 'end';
  const prev = neighbour(ctx, s, -1);
  if (prev && (namesEndWords(prev.view) || (END_WORD.test(prev.view) && ctx.clauses(prev).some(namesEnd)))) return 'previous';
  // The sentence that closes a list goes on from the list's lead-in ("Once our relationship with you has come to an end, we
  // will retain your information for a period that enables us to:" then the items, then "We will delete it when it is no
  // longer required for these purposes"): the lead-in is the sentence before it in sense.
  // (The list is a paragraph of its own: the sentence before this one's paragraph is the last item.)
  // Only a sentence that points back to the list ("for these purposes", "after that period") goes on from it; one that does
  // not ("We delete payment data when it is no longer needed", "Our partners will delete …") starts a topic of its own.
  const last = ctx.sentences[s.index - 1];
  if (!prev && last && !last.isHeading && POINTS_BACK.test(s.view) && !isItem(ctx.sentences, s) && isItem(ctx.sentences, last) && last.heading === s.heading) {
    const lead = introOf(ctx.sentences, last, true);
    if (lead && !lead.isHeading && namesEndWords(lead.view)) return 'previous';
  }
  if (s.heading !== undefined && END_HEADING.test(s.heading)) return 'end';
  if (END_OF_LIFE.test(s.view)) return 'life';
  if (AFTER_PERIODS.test(s.view)) {
    for (let i = s.index - 1; i >= 0 && s.index - i <= 12; i--) {
      const p = ctx.sentences[i];
      if (p.heading !== s.heading) break;
      if (speaksOfEnd(p.view)) return 'periods';
    }
  }
  return undefined;
}

