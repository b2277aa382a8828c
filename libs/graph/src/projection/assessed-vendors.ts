import { PRACTICE_ID, templateName, type DataCategory, type Evidence, type SystemRole } from '@custody/domain';
import { categoriesOf } from './categories.js';
import type { PreparedContract } from './contracts.js';
import { basename } from './normalise.js';
import type { FlowTable } from './flow-table.js';
import type { SystemRegistry } from './system-registry.js';
import type { VendorResolver } from './types.js';

/**
 * What any vendor the practice adopts for client work holds: who the clients are and how to reach them. A
 * contract alone never says more than this about what the practice would send, so it is the floor of every
 * assessment, and the only assumption made for a vendor of no known role.
 */
export const ASSESSED_BASE_DATA: readonly DataCategory[] = ['contact', 'demographics'];

/**
 * What a vendor of a known role (from the vendor catalogue) receives to do its job, beyond the floor: the least
 * its purpose needs (e.g. a clearinghouse or payer the claim and its codes, a notetaker the session it writes
 * up), never the most a practice might send. Roles not listed (cloud storage, LLM providers, `other`…) get the
 * floor only: what is put in them depends on the practice, which a contract cannot tell.
 */
export const ASSESSED_ROLE_DATA: Partial<Record<SystemRole, readonly DataCategory[]>> = {
  ehr: ['progress_notes', 'diagnosis', 'treatment_plan'],
  therapy_platform: ['progress_notes', 'diagnosis', 'treatment_plan'],
  ai_notetaker: ['session_recording', 'session_transcript'],
  clearinghouse: ['claims', 'diagnosis', 'insurance_ids'],
  billing_service: ['claims', 'diagnosis', 'insurance_ids'],
  payer: ['claims', 'diagnosis', 'insurance_ids'],
  communications: ['scheduling'],
  telehealth: ['scheduling'],
  payment_processor: ['payment'],
  analytics_tracker: ['web_identifiers'],
};

/**
 * Roles a practice holds no vendor contract with: a payer is a covered entity in its own right (its handling of
 * claims answers to HIPAA and its own notice, not to terms the practice accepts) and a government body is the
 * requester itself, so a payer's web privacy statement says nothing about what it does with the claims it is sent.
 */
const NOT_A_VENDOR: ReadonlySet<SystemRole> = new Set(['payer', 'government']);

/**
 * A payer or government body the vendor catalogue does not know, told by its name as it registers it: a health plan or
 * insurer ("Northfield Health Plan, Inc.", "Lakeshore Mutual Insurance Company", "Blue Cross Blue Shield of Ames", a
 * name ending in Insurance or Assurance), or a public body ("California Department of Health Care Services", "U.S.
 * Department of Health and Human Services", "County of Ames", "Centers for Medicare & Medicaid Services"), which has no
 * legal suffix. Like a catalogued one ({@link NOT_A_VENDOR}) it would not hold the practice's PHI as its vendor. A
 * company whose name only serves insurance ("Insurance Billing Pros LLC", "ClaimLine Insurance Services") is a vendor.
 */
export function isPayerOrGovernmentName(name: string): boolean {
  const n = name.replace(/\s+/g, ' ').trim();
  if (PAYER_NAME.test(n)) return !SERVES_PAYERS.test(n);
  return GOVERNMENT_NAME.test(n) && !LEGAL_FORM.test(n);
}
const PAYER_NAME = /\b(?:health\s+plans?|health\s+insurance|insurance\s+(?:company|co\b|plan)|mutual\s+insurance|blue\s+cross|blue\s+shield|BCBS|HMO|health\s+maintenance\s+organi[sz]ation|medicaid|medicare)\b|\b(?:insurance|assurance)(?:,?\s+(?:inc|corp|corporation|company|co|ltd|limited|llc|plc|ag|se|sa)\.?)?$/i;
// A company named for the work it does for payers or public programs ("Medicare Billing Solutions, LLC", "HMO Connect
// LLC", "Medicaid Eligibility Partners LLC") is a vendor that may hold the practice's PHI, not a payer.
const SERVES_PAYERS = /\b(?:billing|solutions?|software|consult(?:ing|ants?)|eligibility|technolog(?:y|ies)|systems|partners|connect|analytics|revenue)\b/i;
const GOVERNMENT_NAME = /^(?:the\s+)?(?:u\.?s\.?|united states|state|county|city|commonwealth|government|office|province|republic|ministry|department)\s+of\b|\b(?:department|ministry|agency|bureau|commission|administration|board)\s+(?:of|for)\b|\bcenters\s+for\s+medicare\b/i;
const LEGAL_FORM = /,?\s+(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|gmbh|plc|pbc|llp|pllc|co)\.?$/i;

/**
 * A notice of privacy practices (45 CFR 164.520) is a covered entity's notice to its own clients, titled as such or
 * by the header the rule prescribes ("This notice describes how medical information about you may be used and
 * disclosed"): the practice's own, or a payer's, never terms a vendor offers the practice. Without a manifest naming
 * the practice, its party is no known name, so the title is what tells it from a vendor's privacy policy.
 */
export function isPrivacyPracticesNotice(title: string | undefined): boolean {
  return !!title && /\bnotice of (?:[a-z]+ ){0,3}privacy practices\b|\bthis notice describes how (?:[a-z]+ ){0,2}information about you\b/i.test(title);
}

/**
 * The name of a vendor the text does not name in a form Custody reads (a policy that says "we" throughout, a
 * template with placeholders): its document's file. The document was given to assess the party that wrote it,
 * so its terms are judged all the same, under a name that says where they come from.
 */
export function unnamedVendor(file: string, blankParty?: PreparedContract['blankParty']): string {
  // A template that leaves its party's name blank ("[Insert Name of Business Associate]") says so: no vendor signed it.
  if (blankParty) return templateName(blankParty === 'business_associate' ? 'Business Associate' : 'Vendor', basename(file));
  // No blank and no name read: a vendor's own terms ("we" throughout), judged all the same, under a name that says it is
  // the file's, not the vendor's, so no reader takes it for a company called after the file.
  return `Unnamed vendor (no name found in ${basename(file)})`;
}

/** True when the input declared no system besides the practice and no flow: nothing to link a contract to. */
export function onlyThePractice(registry: SystemRegistry, flows: FlowTable): boolean {
  // Counted, not listed: a fleet's or an agency's registry holds 100,000 systems, and all() would sort and copy them.
  return registry.size === 1 && flows.all().length === 0;
}

/**
 * A vendor assessment: the practice owner drops in a vendor's BAA, terms or privacy policy alone, before adopting
 * it ("what does this BAA let it do with my sessions?"). With no system to link it to, the contract would raise no
 * finding and the audit would score 0, a clean bill for terms that may let the vendor train AI on the records or
 * release them on any legal request. So each contract that names its vendor makes that vendor a system, marked
 * `assessed`, that receives from the practice what a careful reader can justify, also marked `assessed`:
 *
 * - the floor ({@link ASSESSED_BASE_DATA}): who the clients are and how to reach them;
 * - what the vendor's role needs ({@link ASSESSED_ROLE_DATA}), when the vendor catalogue knows the vendor's role
 *   (the role is `other` otherwise: a contract's wording is no reliable sign of what a vendor does);
 * - session recordings when the contract states how long it keeps recordings (it holds them: that clause is cited).
 *
 * The flow's legal basis then follows from the contract as for any system (a BAA makes it `baa`), and the rules
 * judge its terms as they would a declared vendor's. Only the caller decides when this applies: a workspace with
 * systems of its own keeps its contracts unlinked when no system matches them (reported, not guessed into the graph),
 * as there a vendor's name matching nothing usually means a typo or a missing `documents:` entry, and an invented
 * system would add findings about a vendor the practice may not use. A contract whose vendor the text does not name
 * is assessed under its file's name ({@link unnamedVendor}); one a person linked, a payer's or government body's
 * ({@link NOT_A_VENDOR}, or {@link isPayerOrGovernmentName} for one the catalogue does not know), or a notice of privacy practices ({@link isPrivacyPracticesNotice}) is left alone. Each assessed contract is attached to its vendor here; returns the rest.
 */
export function assessContractVendors(
  pending: readonly PreparedContract[],
  registry: SystemRegistry,
  flows: FlowTable,
  resolveVendor: VendorResolver | undefined,
  links: Readonly<Record<string, string>> = {},
): PreparedContract[] {
  const left: PreparedContract[] = [];
  for (const c of pending) {
    const known = c.vendor ? resolveVendor?.(c.vendor) : undefined;
    const role = known?.role ?? 'other';
    if (Object.prototype.hasOwnProperty.call(links, c.documentId) || NOT_A_VENDOR.has(role) || isPrivacyPracticesNotice(c.title)) {
      left.push(c);
      continue;
    }
    // An uncatalogued payer or public body, told by its name: not a vendor either.
    if (!known && c.vendor && isPayerOrGovernmentName(c.vendor)) {
      left.push(c);
      continue;
    }
    // The catalogue's name when it knows the vendor, as a declared system would be called (and as the vendor's own
    // affiliates named as sub-processors resolve: "Zoom Voice Communications" is Zoom, not a second party).
    const name = known?.name ?? c.vendor ?? unnamedVendor(c.file, c.blankParty);
    // The practice's own notice of privacy practices is not a vendor's.
    if (registry.findByName(name).some((s) => s.id === PRACTICE_ID)) {
      left.push(c);
      continue;
    }
    const facts = c.attached.facts;
    const data: DataCategory[] = [...ASSESSED_BASE_DATA, ...(ASSESSED_ROLE_DATA[role] ?? [])];
    const evidence: Evidence[] = [];
    if (facts.baa_offered?.value === 'yes') evidence.push(...facts.baa_offered.evidence);
    const recordings = facts.audio_or_recording_retention_days;
    if (typeof recordings?.value === 'number') {
      data.push('session_recording');
      evidence.push(...recordings.evidence);
    }
    const system = registry.addByName(name, role, [...evidence]);
    system.assessed = true;
    // Named by its blank: the terms of a template, which no vendor has offered.
    if (!known && !c.vendor && c.blankParty) system.template = true;
    // Named after its file: its terms are a vendor's (no blank to fill), scored, and the reports say whose name it is not.
    else if (!known && !c.vendor) system.unnamed = true;
    system.contracts.push(c.attached);
    flows.add({
      from: PRACTICE_ID,
      to: system.id,
      data: categoriesOf(data),
      // Nothing says how it would travel: claim no transport.
      transport: 'unknown',
      purpose: 'vendor assessment: what the practice would send it',
      evidence,
      origin: 'assessed',
      // One flow per vendor: a second contract of the same vendor merges its evidence and categories into it.
      source: `assessed:${c.documentId}`,
    });
  }
  return left;
}
