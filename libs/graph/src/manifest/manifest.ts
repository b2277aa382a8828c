import type { ConsentDecl, DataCategory, Evidence, FlowDecl, LegalBasis, PracticeInfo, SystemDecl } from '@custody/domain';

/** A system declared in `custody.yaml`, with the line that declares it (for evidence and errors). */
export interface ManifestSystem extends SystemDecl {
  holds: DataCategory[];
  settings: Record<string, unknown>;
  hosts: string[];
  evidence: Evidence[];
  line: number;
  /** Evidence pointing at the `settings:` line, when the system has settings (implied notetaker flows cite it). */
  settingsEvidence?: Evidence;
}

/** A flow declared in `custody.yaml`; `legalBasis` is what the practice asserts, if anything. */
export interface ManifestFlow extends FlowDecl {
  legalBasis?: LegalBasis;
  line: number;
}

export interface ManifestConsent extends ConsentDecl {
  line: number;
  evidence: Evidence[];
}

/** `documents: [{file, system}]`: which uploaded contract speaks for which system. */
export interface ManifestDocument {
  file: string;
  system: string;
  line: number;
}

/** A validated stack manifest. Ids are checked: every flow, consent and document points at a known system. */
export interface Manifest {
  file: string;
  practice: PracticeInfo;
  practiceEvidence: Evidence[];
  systems: ManifestSystem[];
  flows: ManifestFlow[];
  consents: ManifestConsent[];
  documents: ManifestDocument[];
}
