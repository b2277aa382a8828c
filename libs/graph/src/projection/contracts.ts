import { isBlankName, PRACTICE_ID, type DocumentParty } from '@custody/domain';
import type { AttachedContract, FactCorrection } from '@custody/domain';
import type { ManifestDocument } from '../manifest/index.js';
import { applyFactCorrections } from './apply-fact-corrections.js';
import { basename, stamp } from './normalise.js';
import type { SystemDraft, SystemRegistry } from './system-registry.js';
import { inputOrder, type ContractInput, type VendorResolver } from './types.js';

/** A contract with corrections applied and evidence stamped, waiting to be attached to a system. */
export interface PreparedContract {
  documentId: string;
  file: string;
  attached: AttachedContract;
  /** Names that may identify the system it speaks for: the vendor first, then non-customer parties. */
  names: string[];
  /** The vendor the document speaks for, when the extraction identified one. */
  vendor?: string;
  /** The document's title, when the extraction found one (a vendor assessment reads it: assessed-vendors.ts). */
  title?: string;
  /** The role of a party the document leaves as a blank to fill ("[Insert Name of Business Associate]"): a template's. */
  blankParty?: DocumentParty['role'];
}

/** Sort by content (order-independence, {@link inputOrder}), apply corrections and stamp fact evidence with its document. */
export function prepareContracts(
  contracts: readonly ContractInput[],
  corrections: Record<string, FactCorrection[]>,
  warnings: string[],
): PreparedContract[] {
  return [...contracts]
    .sort(inputOrder)
    .map((c) => {
      const corrected = applyFactCorrections(c.result.facts, corrections[c.documentId] ?? []);
      warnings.push(...corrected.warnings.map((w) => `${c.file}: ${w}`));
      const facts = Object.fromEntries(
        Object.entries(corrected.facts).map(([name, fact]) => [name, { ...fact, evidence: stamp(fact.evidence, c.documentId, c.file) }]),
      ) as AttachedContract['facts'];
      const doc = c.result.document;
      // A template's blank names no one: never a name to match a system by.
      const parties = doc.parties.filter((p) => p.role !== 'covered_entity' && p.role !== 'customer' && !isBlankName(p.name)).map((p) => p.name);
      const blank = doc.parties.find((p) => (p.role === 'business_associate' || p.role === 'vendor') && isBlankName(p.name));
      return {
        documentId: c.documentId,
        file: c.file,
        attached: { documentId: c.documentId, file: c.file, kind: doc.kind, facts, ...(doc.expires ? { expires: doc.expires } : {}),
          ...(doc.expiresEvidence ? { expiresEvidence: stamp([doc.expiresEvidence], c.documentId, c.file) } : {}) },
        names: [...(doc.vendor ? [doc.vendor] : []), ...parties],
        ...(doc.vendor ? { vendor: doc.vendor } : {}),
        ...(doc.title ? { title: doc.title } : {}),
        ...(blank ? { blankParty: blank.role } : {}),
      };
    });
}

/**
 * Attach what can be attached and return the rest. A person's link (`links`, by document id) decides first: a
 * contract linked to a system that does not exist stays unattached rather than fall back to a guess. Then the
 * manifest's `documents:` list (matched
 * by file basename, since uploads lose their folders); otherwise the first of the contract's names that
 * matches any system (directly, or through the vendor catalogue) attaches it to every system of that name,
 * which is how one vendor BAA covers every install in a notetaker fleet (a listed document reaches the
 * installs too, through their fleet vendor name).
 */
export function attachContracts(
  pending: readonly PreparedContract[],
  registry: SystemRegistry,
  documents: readonly ManifestDocument[],
  resolveVendor: VendorResolver | undefined,
  links: Readonly<Record<string, string>> = {},
): PreparedContract[] {
  const byFile = new Map(documents.map((d) => [basename(d.file), d.system]));
  const left: PreparedContract[] = [];
  for (const c of pending) {
    const linked = Object.prototype.hasOwnProperty.call(links, c.documentId) ? links[c.documentId] : undefined;
    const listed = linked ?? byFile.get(basename(c.file));
    const targets = listed !== undefined ? withFleet(registry.get(listed), registry) : byName(c.names, registry, resolveVendor);
    if (!targets.length) {
      left.push(c);
      continue;
    }
    for (const s of targets) s.contracts.push(c.attached);
  }
  return left;
}

/** A listed system plus the fleet installs of the same vendor: the vendor's BAA governs every install. */
function withFleet(system: SystemDraft | undefined, registry: SystemRegistry): SystemDraft[] {
  if (!system) return [];
  return [system, ...registry.findByName(system.name).filter((s) => s.group && s.id !== system.id)];
}

function byName(names: readonly string[], registry: SystemRegistry, resolveVendor: VendorResolver | undefined): SystemDraft[] {
  for (const name of names) {
    const catalogue = resolveVendor?.(name)?.name;
    for (const candidate of catalogue ? [name, catalogue] : [name]) {
      // Unsorted: the contract is attached to each alike, so their order changes nothing.
      const found = registry.findByName(candidate, false).filter((s) => s.id !== PRACTICE_ID);
      if (found.length) return found;
    }
  }
  return [];
}
