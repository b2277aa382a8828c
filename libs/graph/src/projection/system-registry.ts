import type { AttachedContract, DataCategory, Evidence, GraphSystem, SystemDecl, SystemRole } from '@custody/domain';
import { normaliseName, slugify, sortCategories, sortEvidence, sortKeys } from './normalise.js';

/** A system while the projection is still merging evidence into it. */
export interface SystemDraft {
  id: string;
  name: string;
  role: SystemRole;
  holds: Set<DataCategory>;
  settings: Record<string, unknown>;
  hosts: Set<string>;
  contracts: AttachedContract[];
  evidence: Evidence[];
  /** Where `settings` came from: cited by implied notetaker flows and sub-processor edges. */
  settingsEvidence: Evidence[];
  group?: { vendor?: string; site?: string };
  /** Declared in the manifest: its name, role and settings win over what configs say. */
  fromManifest: boolean;
}

/**
 * The systems of one projection, merged as they arrive: by id, then by a shared host, then by normalised
 * name. Merge order is the caller's (manifest first, then documents by id), which is what makes "the
 * manifest wins" and determinism hold.
 */
export class SystemRegistry {
  private readonly byId = new Map<string, SystemDraft>();

  get(id: string): SystemDraft | undefined {
    return this.byId.get(id);
  }

  all(): SystemDraft[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Systems whose name, or whose fleet vendor, normalises to the same key as `name`. */
  findByName(name: string): SystemDraft[] {
    const key = normaliseName(name);
    if (!key) return [];
    return this.all().filter((s) => normaliseName(s.name) === key || (s.group?.vendor !== undefined && normaliseName(s.group.vendor) === key));
  }

  private match(decl: SystemDecl): SystemDraft | undefined {
    const byId = this.byId.get(decl.id);
    if (byId) return byId;
    const hosts = (decl.hosts ?? []).map((h) => h.toLowerCase());
    const byHost = this.all().find((s) => hosts.some((h) => s.hosts.has(h)));
    if (byHost) return byHost;
    // Fleet installs are distinct systems by construction (one per clinician machine) even when every one
    // is called "Scribewell AI": merging them by name would erase the per-install findings a fleet audit needs.
    if (decl.group) return undefined;
    return this.findByName(decl.name).find((s) => !s.group);
  }

  /** Add a declaration, merging it into an existing system when one matches; returns the canonical system. */
  add(decl: SystemDecl, fromManifest: boolean, settingsEvidence: Evidence[] = decl.evidence ?? []): SystemDraft {
    // Manifest systems never merge with each other: the practice gave them distinct ids on purpose.
    const existing = fromManifest ? undefined : this.match(decl);
    if (!existing) {
      const draft: SystemDraft = {
        id: this.uniqueId(decl.id),
        name: decl.name,
        role: decl.role,
        holds: new Set(decl.holds ?? []),
        settings: { ...(decl.settings ?? {}) },
        hosts: new Set((decl.hosts ?? []).map((h) => h.toLowerCase())),
        contracts: [],
        evidence: [...(decl.evidence ?? [])],
        settingsEvidence: decl.settings && Object.keys(decl.settings).length ? [...settingsEvidence] : [],
        fromManifest,
        ...(decl.group ? { group: { ...decl.group } } : {}),
      };
      this.byId.set(draft.id, draft);
      return draft;
    }
    for (const c of decl.holds ?? []) existing.holds.add(c);
    for (const h of decl.hosts ?? []) existing.hosts.add(h.toLowerCase());
    existing.evidence.push(...(decl.evidence ?? []));
    // Manifest systems are added first, so `existing` may be one: its name, role and settings win. Between
    // two configs the first (by document id) wins, except that a specific role beats a guessed `other`.
    if (existing.role === 'other' && decl.role !== 'other' && !existing.fromManifest) existing.role = decl.role;
    existing.settings = { ...(decl.settings ?? {}), ...existing.settings };
    if (decl.settings && Object.keys(decl.settings).length) existing.settingsEvidence.push(...settingsEvidence);
    if (!existing.group && decl.group) existing.group = { ...decl.group };
    return existing;
  }

  /** `base`, or `base-2`, `base-3`… when another system already has that id. */
  uniqueId(base: string): string {
    const root = base || 'system';
    if (!this.byId.has(root)) return root;
    for (let n = 2; ; n++) if (!this.byId.has(`${root}-${n}`)) return `${root}-${n}`;
  }

  /** A new system for a party we only know by name (a sub-processor, an unknown flow endpoint). */
  addByName(name: string, role: SystemRole, evidence: Evidence[]): SystemDraft {
    return this.add({ id: this.uniqueId(slugify(name)), name, role, evidence }, false);
  }
}

/** The finished, sorted form of a draft. */
export function toGraphSystem(s: SystemDraft): GraphSystem {
  return {
    id: s.id,
    name: s.name,
    role: s.role,
    holds: sortCategories(s.holds),
    settings: sortKeys(s.settings),
    contracts: [...s.contracts].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0)),
    evidence: sortEvidence(s.evidence),
    ...(s.group ? { group: s.group } : {}),
  };
}
