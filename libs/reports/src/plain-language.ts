/**
 * Words a practice owner understands, for executive summaries and the law-enforcement view. Only
 * presentation: severities and postures come from the report, never recomputed here.
 */
import { bindsToBreachRule, BREACH_RULE_MAX_DAYS, setsAsideBreachRule, factValueText, nameList, roleLabel, settingValue, type FactName, type FactValueMap, type FindingKind, type GraphSystem, type Severity } from '@custody/domain';

// The labels live in the domain, shared with the rules' finding text; reports and the dashboard keep importing them here.
export { categoryLabel, factValueText, kindLabel, legalBasisText, roleLabel, settingLabel, settingValue } from '@custody/domain';

/** How a template's role reads ({@link GraphSystem.template}: a BAA whose party's name is left blank). */
export const TEMPLATE_ROLE = 'template: no vendor named';

/**
 * A system's role as the reports and the dashboard list it beside its name: a template's is unknown (no vendor named,
 * so no catalogue role: 'other'), so it reads as the template it is, and a role it was given stands before that.
 */
export function roleText(s: Pick<GraphSystem, 'role' | 'template'>): string {
  if (!s.template) return roleLabel(s.role);
  return s.role === 'other' ? TEMPLATE_ROLE : `${roleLabel(s.role)}, ${TEMPLATE_ROLE}`;
}

/**
 * One sentence per finding kind. `who` names the subject (a system, `A → B` for a flow, a path); `party` the
 * system the exposure lands on, for sentences about a recipient.
 */
const KIND_SENTENCES: Record<FindingKind, (who: string, party: string) => string> = {
  missing_baa: (who) => `${who} receives client information without a signed Business Associate Agreement (BAA), so nothing obliges it to protect that information.`,
  expired_baa: (who) => `The BAA with ${who} has expired: its promises to protect client information no longer bind it.`,
  no_subcontractor_flowdown: (who) => `${who} can pass client information to its own suppliers without making them follow the same privacy rules.`,
  baa_chain_break: (who, party) => `Client information reaches ${party} (via ${who}), a company that never promised in a BAA to protect it.`,
  psychotherapy_notes_exposed: (who) => `Psychotherapy notes, which deserve the strongest protection, leave your practice via ${who}.`,
  ai_training: (who) => `${who} may use your clients' sessions to train its AI models.`,
  deidentified_reuse: (who) => `${who} may strip names from your clients' data and then reuse it for its own business.`,
  data_sale_or_marketing: (who) => `${who} may sell or market with your clients' information.`,
  weak_law_enforcement_posture: (who) => `${who} could hand your clients' records to a government agency (including an immigration agency) without a judge's order or without telling you.`,
  vendor_owns_records: (who) => `${who} claims ownership of your clients' records, not you.`,
  no_return_or_destroy: (who) => `When you stop using ${who}, it does not have to return or destroy your clients' information.`,
  slow_breach_notice: (who) => `If ${who} is breached, it may wait too long before telling you.`,
  recording_retention: (who) => `${who} keeps recordings or transcripts of sessions longer than it needs to.`,
  notetaker_cannot_disable: (who) => `Clinicians cannot switch ${who} off, so every session is captured.`,
  recording_without_consent: (who) => `${who} records sessions without capturing your clients' consent.`,
  claims_aggregation: (_who, party) => `Insurance-claims data reaches ${party}, where it can be pooled into databases others search.`,
  tracking_technology: (who) => `${who} tracks visitors to your patient-facing web pages and learns who is seeking care.`,
  unencrypted_transport: (who) => `Client information travels unencrypted on ${who}, where it can be read in transit.`,
  offshore_processing: (who) => `${who} may process your clients' information outside the country.`,
  unauthorized_third_party_disclosure: (_who, party) => `Client information goes to ${party}, a third party, without a valid, current authorization from the client.`,
  identifiable_research_data: (who) => `Data sent for research via ${who} still identifies your clients.`,
  minimum_necessary: (who) => `More client information than needed is sent via ${who}.`,
  part2_without_consent: (who) => `Substance-use treatment records reach ${who} without the special consent federal law requires.`,
  sensitive_detail_exposed: (who) => `Sensitive details such as immigration status are held by ${who}, which could be compelled to disclose them.`,
  secret_in_config: (who) => `A password or key was written into a configuration for ${who}; anyone with the file could use it.`,
  aggregation_hub: (who) => `${who} gathers many kinds of sensitive client information from many sources in one place.`,
};

/** A plain-words sentence for a finding kind about `who` (landing on `party`, default `who`). */
export function plainSentence(kind: FindingKind, who: string, party: string = who): string {
  return KIND_SENTENCES[kind](who, party);
}

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

/** Law-enforcement posture of a holder: the contract fact, or `no_contract` when none is on file. */
export type Posture = FactValueMap['law_enforcement_disclosure'] | 'no_contract';

/** What a posture means, and who decides whether records are released. */
export const POSTURE_TEXT: Record<Posture, { posture: string; controls: string }> = {
  judicial_process_only: { posture: 'Discloses only on a court order or judicial warrant', controls: 'A judge: the vendor releases only under judicial process' },
  legal_process_with_notice: { posture: 'Discloses on legal process after notifying you', controls: 'Shared: you are told first and can object or seek a protective order' },
  any_legal_request: { posture: 'Discloses on any legal request, including administrative subpoenas (e.g. ICE)', controls: 'The vendor alone, without a judge and possibly without telling you' },
  unspecified: { posture: 'Contract is silent on government requests', controls: 'Unclear: assume the vendor decides' },
  no_contract: { posture: 'No contract on file', controls: 'Unknown: the holder decides under its own policy' },
};

/** Postures ordered from weakest (listed first) to strongest, for the law-enforcement table. */
export const POSTURE_ORDER: readonly Posture[] = ['any_legal_request', 'no_contract', 'unspecified', 'legal_process_with_notice', 'judicial_process_only'];

/** What each contract fact asks, as a reader would put it. */
export const FACT_LABEL: Record<FactName, string> = {
  baa_offered: 'Signs a Business Associate Agreement',
  breach_notice_days: 'Tells you of a breach within',
  subcontractor_flowdown: 'Binds its subcontractors to the same terms',
  subprocessors_named: 'Subcontractors it names',
  ai_training_on_customer_data: 'Trains AI on your clients\' data',
  deidentified_data_use: 'Reuses "de-identified" data',
  data_sale_or_marketing: 'Sells or markets with the data',
  law_enforcement_disclosure: 'Releases records to government',
  record_ownership: 'Owns the records',
  return_or_destroy_on_termination: 'Returns or destroys data when you leave',
  audio_or_recording_retention_days: 'Keeps recordings for',
  offshore_processing: 'Processes data abroad',
};

/**
 * A fact as words, with what still needs a person: where the extractor abstained (or left names out) but kept candidate
 * clauses, the report says so instead of "Not stated" — an abstention is not silence.
 */
export function factText(fact: { value: unknown; evidence?: readonly { quote?: string }[]; review?: { value?: unknown; rejected?: true }[] } | undefined): string {
  // A breach-notice clause that binds the vendor to the Breach Notification Rule states its deadline by reference.
  if (fact?.evidence && bindsToBreachRule({ value: fact.value, evidence: fact.evidence })) return `As 45 CFR 164.410 requires (at most ${BREACH_RULE_MAX_DAYS} days)`;
  // One that sets the rule aside ("is not subject to 164.410") states no deadline, and says so.
  if (fact?.evidence && setsAsideBreachRule({ value: fact.value, evidence: fact.evidence })) return 'Not stated (sets 45 CFR 164.410 aside)';
  const text = factValueText(fact?.value);
  const pending = (fact?.review ?? []).filter((r) => !r.rejected).map((r) => r.value).filter((v) => v !== undefined && v !== null && v !== 'unspecified' && !(Array.isArray(v) && v.length === 0));
  if (!fact || pending.length === 0) return text;
  if (Array.isArray(fact.value)) return `${text}; needs review: ${nameList([...new Set(pending.flat())])}`;
  if (fact.value === null || fact.value === 'unspecified') return `Needs review (could be: ${factValueText(pending[0])})`;
  return text;
}

/**
 * A setting's values across installs, each with its install count in parentheses as the column head ("Values
 * (installs)") and the sites column say. "value: n" read as one more list item once a value was itself a list
 * ("OpenAI; Deepgram: 11").
 */
export function settingValuesText(values: readonly { value: string; installs: number }[], key?: string): string {
  return values.map((v) => `${settingValue(v.value, key)} (${v.installs})`).join('; ');
}
