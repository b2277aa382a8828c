import type { DataCategory } from '@custody/domain';

/**
 * What a message type, resource type, segment or field name says about the PHI it carries.
 * Patterns run over free text (scripts, templates, field lists), so each is anchored on word edges.
 */
const RULES: [RegExp, DataCategory[]][] = [
  // HL7 v2 message types
  [/\bADT(?:[_^\s-]?A\d\d)?\b/, ['demographics', 'contact', 'insurance_ids']],
  [/\bORU(?:[_^]R\d\d)?\b/, ['diagnosis']],
  [/\b(?:ORM|OML|OMG|OMI)(?:[_^]O\d\d)?\b/, ['treatment_plan', 'diagnosis']],
  [/\bMDM(?:[_^]T\d\d)?\b/, ['progress_notes']],
  [/\bSIU(?:[_^]S\d\d)?\b/, ['scheduling']],
  [/\bDFT(?:[_^]P\d\d)?\b/, ['claims', 'payment']],
  [/\b(?:RDE|RAS|RXO)\b/, ['treatment_plan']],
  [/\bVXU\b/, ['diagnosis']],
  // HL7 v2 segments read by scripts
  [/\bPID\b/, ['demographics']],
  [/\bPID[.-](?:11|13|14)\b/, ['contact']],
  [/\bPID[.-]19\b/, ['demographics']],
  [/\b(?:DG1|PRB)\b/, ['diagnosis']],
  [/\bOBX\b|\bOBR\b/, ['diagnosis']],
  [/\b(?:IN1|IN2|GT1)\b/, ['insurance_ids']],
  [/\bPV1\b/, ['scheduling']],
  // X12
  [/\b837[IPD]?\b|\bX12\b[^\n]{0,200}?\bclaim|\bCLM\*/i, ['claims', 'diagnosis', 'insurance_ids']],
  [/\b835\b/, ['payment', 'claims']],
  [/\b27[01]\b/, ['insurance_ids']],
  // FHIR resource types
  [/\b(?:Patient|RelatedPerson|Person)\b/, ['demographics']],
  [/\b(?:Observation|Condition|DiagnosticReport|AllergyIntolerance|Immunization|Procedure)\b/, ['diagnosis']],
  [/\b(?:MedicationRequest|MedicationStatement|ServiceRequest|CarePlan|Medication)\b/, ['treatment_plan']],
  [/\b(?:Appointment|Schedule|Slot|Encounter)\b/, ['scheduling']],
  [/\b(?:Claim|ClaimResponse|ExplanationOfBenefit)\b/, ['claims']],
  [/\bCoverage\b/, ['insurance_ids']],
  [/\b(?:DocumentReference|Composition)\b/, ['progress_notes']],
  [/\bQuestionnaireResponse\b/, ['progress_notes']],
  // Field names (snake, camel, spaced; English and a few Spanish ones seen in clinic exports)
  [/(?:first|last|given|family|full|middle)[_\s-]?name|\bnombre\b|\bapellido\b|\bsurname\b|\bgender\b|\bsexo?\b|\bdob\b|birth[_\s-]?date|date[_\s-]?of[_\s-]?birth|\bnacimiento\b|\bage\b|\bssn\b|\bmrn\b|patient[_\s-]?id/i, ['demographics']],
  [/\be-?mail\b|phone|\bmobile\b|\baddress\b|\bzip\b|postal|\bcity\b|telecom/i, ['contact']],
  [/diagnos|\bicd\b|icd[_-]?10|chief[_\s-]?complaint|symptom|medical[_\s-]?history|\bproblems?\b|\ballerg|\bvital|\blab[_\s-]?result|\bcondition\b/i, ['diagnosis']],
  [/medication|prescription|treatment|care[_\s-]?plan|\border\b|\bestudio\b/i, ['treatment_plan']],
  [/appointment|\bbooking\b|\bschedul|\bvisit\b|\badmit/i, ['scheduling']],
  [/insurance|member[_\s-]?id|\bpayer\b|policy[_\s-]?number|\bcoverage\b/i, ['insurance_ids']],
  [/\bclaims?\b|\bbilling\b|\bcpt\b|\bhcpcs\b/i, ['claims']],
  [/progress[_\s-]?note|clinical[_\s-]?note|session[_\s-]?note|soap[_\s-]?note|\bnotes\b/i, ['progress_notes']],
  [/psychotherapy[_\s-]?note|process[_\s-]?note/i, ['psychotherapy_notes']],
  [/transcript/i, ['session_transcript']],
  [/\baudio\b|recording|\bvoice\b/i, ['session_recording']],
  [/payment|credit[_\s-]?card|\bcard[_\s-]?number|\brevenue\b|\bamount\b/i, ['payment']],
  [/substance|alcohol|opioid|\bsud\b|42\s*cfr/i, ['substance_use']],
  [/immigration|visa[_\s-]?status|\bpassport\b|citizenship/i, ['immigration_status']],
  [/client[_\s-]?id|\bgclid\b|cookie|user[_\s-]?agent|ip[_\s-]?address|device[_\s-]?id|page[_\s-]?(?:path|url)|referrer/i, ['web_identifiers']],
];

/** Data categories mentioned in `text`; `fallback` when nothing is recognised (never an empty list). */
export function categoriesFromText(text: string, fallback: DataCategory[] = ['demographics']): DataCategory[] {
  const out = new Set<DataCategory>();
  if (text) for (const [re, cats] of RULES) if (re.test(text)) cats.forEach((c) => out.add(c));
  return out.size ? [...out] : [...fallback];
}

/** Union of category lists, in first-seen order. */
export function mergeCategories(...lists: DataCategory[][]): DataCategory[] {
  return [...new Set(lists.flat())];
}
