import type { Evidence } from './evidence.js';
import type { DocumentKind, FactName, FactValueMap } from './taxonomy.js';

/** One fact a document establishes, with the evidence that proves it. */
export interface Fact<K extends FactName = FactName> {
  value: FactValueMap[K];
  evidence: Evidence[];
  /** 0–1: how sure the extractor is. A human correction has confidence 1. */
  confidence: number;
  /** Which extractor produced it (`rules@1`, `llm:<model>`, `human:<user>`). */
  extractor?: string;
  /** When a human corrected this fact: the machine's original answer, kept beside the correction. */
  machine?: { value: FactValueMap[K]; confidence: number; extractor?: string };
  /**
   * Clauses that bear on the fact but did not settle it (the extractor abstained, or they disagree with the
   * answer): "needs review" candidates a person can confirm or correct in one step. Optional; the
   * `{ value, evidence, confidence }` contract is unchanged.
   */
  review?: ReviewCandidate<K>[];
}

/** A clause for a person to look at: the value it would support (if any), where it is, and why it was not taken. */
export interface ReviewCandidate<K extends FactName = FactName> {
  value?: FactValueMap[K];
  evidence: Evidence[];
  reason: string;
  /**
   * The extractor judged this candidate not to be the answer (a sub-processor "name" that is the vendor's own
   * brand, a platform where it has a page, a category of recipients): kept with its reason for the record, but
   * nothing waits for a person, so reports and the dashboard do not call it "needs review".
   */
  rejected?: true;
}

export type FactSet = { [K in FactName]: Fact<K> };

export interface DocumentParty {
  name: string;
  role: 'covered_entity' | 'business_associate' | 'customer' | 'vendor' | 'subcontractor' | 'other';
}

/** What `custody extract` knows about a document besides its facts. */
export interface ExtractedDocumentInfo {
  file?: string;
  kind: DocumentKind;
  title?: string;
  parties: DocumentParty[];
  /** The vendor (business associate) this document speaks for, if identifiable. */
  vendor?: string;
  /** The normalised text length facts' offsets refer to. */
  textLength: number;
  pages?: number;
  /** ISO date the agreement ends, when it says so (used for `expired_baa`). */
  expires?: string;
  /** The sentence stating that date, quoted by an expired-BAA finding (the title proves a BAA, not when it ended). */
  expiresEvidence?: Evidence;
  effective?: string;
}

export interface ExtractionResult {
  document: ExtractedDocumentInfo;
  facts: FactSet;
}

/** A human's correction of a fact: stored as an event; the original stays. */
export interface FactCorrection {
  fact: FactName;
  value: unknown;
  by: string;
  reason: string;
  at: string;
  /**
   * The review candidate's value this correction decides (the held-back names a person accepted or rejected):
   * accepted when the corrected value holds it, rejected when not. Without it a rejection would leave the name
   * waiting, since the value alone cannot tell "looked at and refused" from "not looked at yet". On a list fact only
   * these names change (see applyCorrections); a correction without it settles the whole fact, as before it existed.
   */
  candidate?: unknown;
}

/**
 * 45 CFR 164.410(b): a business associate reports a breach of unsecured PHI to the covered entity without unreasonable
 * delay and no later than 60 calendar days after discovery. A BAA that binds the vendor to that section states its
 * deadline by reference.
 */
export const BREACH_RULE_MAX_DAYS = 60;
/** A reference to the Breach Notification Rule's business-associate duty: 164.410 itself, or the rule or subpart by name. */
export const BREACH_RULE_REFERENCE = /\b164\.410\b|\bbreach notification rule\b|\bsubpart D of (?:45 C\.?F\.?R\.?\s*)?part 164\b/i;

/**
 * Words before a reference to the rule that set it aside rather than bind the vendor to it: "is not subject to", "shall
 * not be bound by the time limits of", "notwithstanding", "in lieu of", "has no obligation to comply with". Within the
 * reference's own phrase (no comma, semicolon or period between): "Notwithstanding anything to the contrary, Business
 * Associate shall report … as required by 164.410" still binds. The words between (group 1) must name what is set
 * aside, not start a phrase of their own: {@link DEFERS_BETWEEN}.
 */
const SETS_ASIDE_BEFORE = /\b(?:notwithstanding|in lieu of|instead of|rather than|regardless of|without regard to|exempt(?:ed)? from|not\s+(?:be\s+)?(?:subject|bound|governed|held)\s+(?:to|by)|not\s+(?:be\s+)?(?:required|obligated)\s+(?:by|under|to\s+comply\s+with)|need\s+not\s+comply\s+with|no\s+(?:obligations?|duty|duties)\s+(?:under|to\s+comply\s+with))\b([^.;,]{0,40})$/i;
/**
 * Words between a set-aside phrase and the reference that make the reference defer to the rule again: "instead of the
 * individuals as required by 164.410" (the report is made as the rule requires), "not subject to any delay beyond that
 * permitted by 164.410" (the rule's limit is the limit), "regardless of its size in accordance with 164.410", or a
 * new verb ("… shall report … 164.410"). "the time limits of", "the notice required by", "the deadlines as set forth in"
 * name what is set aside.
 */
const DEFERS_BETWEEN = /\b(?:as\s+(?:required|mandated|directed)|beyond|exceed(?:s|ing)?|in\s+accordance\s+with|pursuant\s+to|consistent\s+with|in\s+compliance\s+with|shall|will|must)\b/i;
/**
 * Words after a reference that set it aside: "… of the Breach Notification Rule shall not apply". Not a carve-out of
 * some incidents, which leaves the rule binding for the rest: "… shall not apply to Security Incidents that are
 * unsuccessful attempts", "… shall not apply where …".
 */
const SETS_ASIDE_AFTER = /^[^.;]{0,40}?\b(?:shall|will|does|do)\s+not\s+apply\b(?!\s+(?:where|if|when|unless|to\s+the\s+extent)\b|\s+(?:to|for|with\s+respect\s+to|in\s+the\s+case\s+of)\s+[^.;]{0,60}?\b(?:unsuccessful|attempt(?:s|ed)?|that|which|where|if|when|unless)\b)/i;
const BREACH_RULE_REFERENCES = new RegExp(BREACH_RULE_REFERENCE.source, 'gi');

/** Whether the words before a reference set it aside (a set-aside phrase whose object is the reference). */
function setAsideBefore(before: string): boolean {
  const m = SETS_ASIDE_BEFORE.exec(before);
  return m !== null && !DEFERS_BETWEEN.test(m[1] ?? '');
}

/**
 * Words before a reference that make it a condition, not the vendor's duty: "if 45 CFR 164.410 applies to Business
 * Associate", "to the extent that Business Associate is subject to the Breach Notification Rule", "where the breach
 * notification rule requires". A new verb between ("if it discovers a breach, it shall report … as required by
 * 164.410": {@link DEFERS_BETWEEN}) makes the reference the main clause's again, and "to the extent required by 164.410"
 * defers to the rule's own duty, which a business associate always owes (164.410(a)).
 */
const CONDITION_BEFORE = /\b(?:if|unless|provided\s+that|in\s+the\s+event(?:\s+that)?|to\s+the\s+extent(?:\s+that)?|where|when(?:ever)?)\b([^.;,]{0,60})$/i;
const REQUIRED_BY = /^\s*(?:required|mandated)\s+(?:by|under)\s*$/i;
/** The same after the reference: "as required by 164.410, if applicable", "… to the extent it applies". */
const CONDITION_AFTER = /^\s*\)?\s*,?\s*(?:if|where|when|to\s+the\s+extent)\s+(?:applicable|(?:it|that\s+section|the\s+rule)\s+(?:applies|is\s+applicable))\b/i;

/** Whether the words around a reference make it a condition (the vendor bound only if it applies). */
function conditionalReference(before: string, after: string): boolean {
  if (CONDITION_AFTER.test(after)) return true;
  const m = CONDITION_BEFORE.exec(before);
  return m !== null && !DEFERS_BETWEEN.test(m[1] ?? '') && !REQUIRED_BY.test(m[1] ?? '');
}

/**
 * How a clause refers to the Breach Notification Rule: `binds` where some reference binds it outright, else
 * `conditional` where one binds it only on a condition, else `sets_aside` where every one sets it aside.
 */
function breachRuleReading(quote: string): 'binds' | 'conditional' | 'sets_aside' | undefined {
  // "45 C.F.R." keeps its reference in one phrase (its periods are no sentence's end).
  const text = quote.replace(/\bC\.F\.R\./gi, 'CFR');
  let found = false;
  let conditional = false;
  for (const m of text.matchAll(BREACH_RULE_REFERENCES)) {
    found = true;
    // The reference's own "45 CFR §" is no word between it and a set-aside phrase.
    const before = text.slice(Math.max(0, m.index - 120), m.index).replace(/\b45\s*CFR\s*(?:§+\s*|sections?\s+)?$/i, '');
    const after = text.slice(m.index + m[0].length);
    if (setAsideBefore(before) || SETS_ASIDE_AFTER.test(after)) continue;
    if (conditionalReference(before, after)) conditional = true;
    else return 'binds';
  }
  return conditional ? 'conditional' : found ? 'sets_aside' : undefined;
}

/**
 * The reading of a BAA's clauses that cite the Breach Notification Rule, all of them with their precedence: a clause that
 * sets the rule aside ("Business Associate is not subject to the time limits of 164.410") overrides one that binds the
 * vendor to it, as the specific exception overrides the general duty wherever it stands in the text; an outright
 * binding clause binds; one that binds only on a condition ("if 164.410 applies to Business Associate") states no
 * deadline the practice can rely on. Undefined when no clause cites the rule.
 */
export function breachRuleStance(quotes: readonly string[]): 'binds' | 'conditional' | 'sets_aside' | undefined {
  let binds = false;
  let conditional = false;
  for (const q of quotes) {
    const r = breachRuleReading(q);
    if (r === 'sets_aside') return 'sets_aside';
    if (r === 'binds') binds = true;
    else if (r === 'conditional') conditional = true;
  }
  return binds ? 'binds' : conditional ? 'conditional' : undefined;
}

/**
 * Whether a `breach_notice_days` reading binds the vendor to the Breach Notification Rule's deadline without stating
 * days ("report … breaches of unsecured protected health information as required by 45 CFR 164.410"): the extractor
 * gives such a reading no number (the text states none) but quotes the clause, so a BAA that defers to the rule is
 * told from one that is silent on breach reporting. Its deadline is then {@link BREACH_RULE_MAX_DAYS}. A clause that
 * sets the rule aside ("is not subject to 164.410", "notwithstanding 164.410") binds it to nothing: {@link setsAsideBreachRule}.
 */
export function bindsToBreachRule(fact: { value: unknown; evidence: readonly { quote?: string }[] }): boolean {
  return fact.value === null && breachRuleStance(fact.evidence.map((e) => e.quote ?? '')) === 'binds';
}

/** Whether a `breach_notice_days` reading states no days and quotes a clause that sets the Breach Notification Rule aside (which wins: {@link breachRuleStance}). */
export function setsAsideBreachRule(fact: { value: unknown; evidence: readonly { quote?: string }[] }): boolean {
  return fact.value === null && breachRuleStance(fact.evidence.map((e) => e.quote ?? '')) === 'sets_aside';
}
