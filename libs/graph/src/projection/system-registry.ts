import { nameKey } from '@custody/domain';
import type { AttachedContract, Evidence, GraphSystem, SystemDecl, SystemRole } from '@custody/domain';
import { categoriesOf, categoryList, withCategory, type Categories } from './categories.js';
import { normaliseName, slugify, sortKeys } from './normalise.js';
import { sortEvidence } from './sort-evidence.js';

/** A system while the projection is still merging evidence into it. */
export interface SystemDraft {
  id: string;
  name: string;
  role: SystemRole;
  /** A bitmask (see Categories), not a Set: one per system of a fleet or an agency's manifest. */
  holds: Categories;
  /** May be a parsed document's own object: replaced, never edited in place. */
  settings: Record<string, unknown>;
  contracts: AttachedContract[];
  evidence: Evidence[];
  /** Where `settings` came from: cited by implied notetaker flows and sub-processor edges. */
  settingsEvidence: Evidence[];
  /**
   * Set by setting changes (see applySettingChanges): the settings evidence the configs and the manifest gave,
   * and each change's keys and evidence, newest first, so an edge cites only the changes to the setting it
   * rests on (settingEvidenceFor).
   */
  settingSources?: { declared: Evidence[]; declaredSettings: Record<string, unknown>; changes: { keys: readonly string[]; evidence: Evidence[] }[] };
  group?: { vendor?: string; site?: string };
  /** Declared in the manifest: its name, role and settings win over what configs say. */
  fromManifest: boolean;
  /** Made from its own contract for a vendor assessment (assessed-vendors.ts), not declared by any input. */
  assessed?: boolean;
  /** Assessed from a template whose party's name is blank (GraphSystem.template). */
  template?: boolean;
  /** Assessed from terms whose vendor's name was not found: named after its file (GraphSystem.unnamed). */
  unnamed?: boolean;
}

/**
 * The systems of one projection, merged as they arrive: by id, then by a shared host, then by normalised
 * name. Merge order is the caller's (manifest first, then documents by id), which is what makes "the
 * manifest wins" and determinism hold.
 */
export class SystemRegistry {
  private readonly byId = new Map<string, SystemDraft>();
  /**
   * Indexes kept in step with `byId` (name, fleet vendor and hosts only change through {@link add}), so
   * lookups cost the size of their answer, not of the registry: a 10,000-install fleet is otherwise quadratic.
   */
  private readonly byNameKey: Index = new Map();
  private readonly byHost: Index = new Map();
  private sorted: SystemDraft[] | undefined;
  /** Ids of the systems added since {@link trackAdded} (undefined before it). */
  private added: string[] | undefined;
  /**
   * The ids and name keys looked up and not found (see {@link lookupKeys}): what a system added later (a new
   * document's) would have been found as, which a replay of that document must rule out (config-replay.ts).
   */
  private readonly missed = { ids: new Set<string>(), names: new Set<string>() };
  /** Every id, name key and host key looked up, found or not: set on a probe registry only (config-replay.ts). */
  asked?: { ids: Set<string>; names: Set<string>; hosts: Set<string> };
  /** The document being projected (a config's id while the config stage runs), and per system it added that is no fleet install, its creator. */
  origin?: string;
  readonly createdIn = new Map<string, string>();
  /**
   * Per seeded system (see {@link seed}), every declaration merged into it, by id, host or name: what a new config
   * contributes to an earlier system, which must agree with it whatever the configs' order (config-replay.ts).
   */
  readonly mergedIntoSeeds = new Map<string, SystemDecl[]>();

  /** From now on, remember the ids of the systems added (the projection's stages after setting changes: see setting-replay.ts). */
  trackAdded(): void {
    this.added = [];
  }

  /** The ids of the systems added since {@link trackAdded}. */
  addedSinceTracked(): readonly string[] {
    return this.added ?? [];
  }

  get(id: string): SystemDraft | undefined {
    const hit = this.byId.get(id);
    if (!hit) this.missed.ids.add(id);
    this.asked?.ids.add(id);
    return hit;
  }

  /**
   * What a projection's lookups depended on, once it is done: the keys systems are found by (ids are the
   * drafts'), and the ids and name keys asked for that no system has even now. A system with none of these
   * keys could not have been found by any lookup, so adding it changes no other merge, attachment or target.
   */
  lookupKeys(): RegistryKeys {
    const ids = new Set([...this.missed.ids].filter((id) => !this.byId.has(id)));
    const names = new Set([...this.missed.names].filter((k) => !this.byNameKey.has(k)));
    return { names: this.byNameKey, hosts: this.byHost, missedIds: ids, missedNames: names };
  }

  /** How many systems there are (without sorting or copying them, as {@link all} would). */
  get size(): number {
    return this.byId.size;
  }

  /** Every system, sorted by id (a fresh array: callers may add systems while iterating it). */
  all(): SystemDraft[] {
    this.sorted ??= [...this.byId.values()].sort(byDraftId);
    return [...this.sorted];
  }

  /**
   * Systems whose name, or whose fleet vendor, normalises to the same key as `name` (sorted by id, unless the
   * caller treats them all alike: a fleet vendor's name finds every install, 100,000 drafts to sort).
   */
  findByName(name: string, sorted = true): SystemDraft[] {
    const key = normaliseName(name);
    if (!key) return [];
    this.asked?.names.add(key);
    const hits = this.byNameKey.get(key);
    if (!hits) {
      this.missed.names.add(key);
      return [];
    }
    if (!(hits instanceof Set)) return [hits];
    return sorted ? [...hits].sort(byDraftId) : [...hits];
  }

  private match(decl: SystemDecl): SystemDraft | undefined {
    const byId = this.byId.get(decl.id);
    this.asked?.ids.add(decl.id);
    if (byId) return byId;
    const other = this.matchOther(decl);
    // A declaration merged by host or name keeps another id: a later system with its id would have taken it. (One
    // not merged is added under its id: not a miss, and a fleet's 100,000 installs are not remembered as ones.)
    if (other) this.missed.ids.add(decl.id);
    return other;
  }

  private matchOther(decl: SystemDecl): SystemDraft | undefined {
    // The first system by id that shares any of the hosts. (Every host asked is indexed right after, by add.)
    let byHost: SystemDraft | undefined;
    for (const h of decl.hosts ?? []) {
      this.asked?.hosts.add(hostKey(h));
      const hits = this.byHost.get(hostKey(h));
      if (hits === undefined) continue;
      for (const s of hits instanceof Set ? hits : [hits]) if (!byHost || byDraftId(s, byHost) < 0) byHost = s;
    }
    if (byHost) return byHost;
    // Fleet installs are distinct systems by construction (one per clinician machine) even when every one
    // is called "Scribewell AI": merging them by name would erase the per-install findings a fleet audit needs.
    if (decl.group) return undefined;
    return this.findByName(decl.name).find((s) => !s.group);
  }

  /**
   * A host the system is found by from now on. A probe records it with the hosts asked: a declaration merged by
   * id gives its system hosts it never asked for, and a later declaration sharing one merges there (config-replay.ts).
   */
  private indexHost(host: string, s: SystemDraft): void {
    const key = hostKey(host);
    this.asked?.hosts.add(key);
    this.index(this.byHost, key, s);
  }

  private index(map: Index, key: string, s: SystemDraft): void {
    if (!key) return;
    const hits = map.get(key);
    if (hits === undefined) map.set(key, s);
    else if (hits instanceof Set) hits.add(s);
    else if (hits !== s) map.set(key, new Set([hits, s]));
  }

  /** Add a declaration, merging it into an existing system when one matches; returns the canonical system. */
  add(decl: SystemDecl, fromManifest: boolean, settingsEvidence: Evidence[] = decl.evidence ?? []): SystemDraft {
    // Manifest systems never merge with each other: the practice gave them distinct ids on purpose.
    const existing = fromManifest ? undefined : this.match(decl);
    if (!existing) {
      // Fields written, not spread in (V8 builds a literal with a spread in it several times slower). The
      // declaration's settings are kept, not copied: a draft's settings are replaced, never edited in place (a
      // merge and a setting change each build a new object), and the record gets its own sorted copy.
      const draft: SystemDraft = {
        id: this.uniqueId(decl.id),
        name: decl.name,
        role: decl.role,
        holds: categoriesOf(decl.holds),
        settings: decl.settings ?? {},
        contracts: [],
        evidence: [...(decl.evidence ?? [])],
        settingsEvidence: decl.settings && hasKeys(decl.settings) ? [...settingsEvidence] : [],
        fromManifest,
      };
      if (decl.group) draft.group = { ...decl.group };
      // Which config made it, for a new config merging into it (config-merge.ts); fleet installs never merge by id there.
      else if (this.origin !== undefined) this.createdIn.set(draft.id, this.origin);
      this.byId.set(draft.id, draft);
      this.added?.push(draft.id);
      this.sorted = undefined;
      // A manifest system's or fleet install's name is its own (100,000 distinct ones): its key is made once, not
      // passed through normaliseName's small memo, which it would only churn. A config's system was just asked
      // for by this name (matchOther), so its key is in the memo.
      this.index(this.byNameKey, fromManifest || decl.group ? nameKey(draft.name) : normaliseName(draft.name), draft);
      if (draft.group?.vendor !== undefined) this.index(this.byNameKey, normaliseName(draft.group.vendor), draft);
      // Hosts are only ever matched, through this index: the draft keeps no list of them.
      for (const h of decl.hosts ?? []) this.indexHost(h, draft);
      return draft;
    }
    this.mergedIntoSeeds.get(existing.id)?.push(decl);
    for (const c of decl.holds ?? []) existing.holds = withCategory(existing.holds, c);
    for (const h of decl.hosts ?? []) this.indexHost(h, existing);
    existing.evidence.push(...(decl.evidence ?? []));
    // Manifest systems are added first, so `existing` may be one: its name, role and settings win. Between
    // two configs the first (by document id) wins, except that a specific role beats a guessed `other`.
    if (existing.role === 'other' && decl.role !== 'other' && !existing.fromManifest) existing.role = decl.role;
    existing.settings = { ...(decl.settings ?? {}), ...existing.settings };
    if (decl.settings && Object.keys(decl.settings).length) existing.settingsEvidence.push(...settingsEvidence);
    if (!existing.group && decl.group) {
      existing.group = { ...decl.group };
      if (existing.group.vendor !== undefined) this.index(this.byNameKey, normaliseName(existing.group.vendor), existing);
    }
    return existing;
  }

  /**
   * A copy of an earlier projection's finished draft, to merge a new config's declarations into as the config
   * stage would (config-merge.ts): found by its id and name key; its arrays are its own.
   */
  seed(draft: SystemDraft): SystemDraft {
    const copy: SystemDraft = { ...draft, evidence: [...draft.evidence], settingsEvidence: [...draft.settingsEvidence], contracts: [...draft.contracts] };
    this.byId.set(copy.id, copy);
    this.mergedIntoSeeds.set(copy.id, []);
    this.sorted = undefined;
    this.index(this.byNameKey, normaliseName(copy.name), copy);
    if (copy.group?.vendor !== undefined) this.index(this.byNameKey, normaliseName(copy.group.vendor), copy);
    return copy;
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

/**
 * Systems by a key: one system alone (most keys: each install's name, each declared host), a Set of them once a
 * second shares it. A Set per key was 100,000 to 200,000 Sets in a fleet or an agency's manifest.
 */
type Index = Map<string, SystemDraft | Set<SystemDraft>>;

/** See {@link SystemRegistry.lookupKeys}. */
export interface RegistryKeys {
  names: { has(key: string): boolean };
  hosts: { has(key: string): boolean };
  missedIds: ReadonlySet<string>;
  missedNames: ReadonlySet<string>;
}

/** `Object.keys(record).length > 0` without the array. */
function hasKeys(record: object): boolean {
  for (const k in record) if (Object.hasOwn(record, k)) return true;
  return false;
}

/** A host as systems are matched by it: `sftp.example:22` and `SFTP.example` are one host (ports and schemes differ per channel). */
export function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
}

const byDraftId = (a: SystemDraft, b: SystemDraft) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The finished, sorted form of a draft. */
export function toGraphSystem(s: SystemDraft): GraphSystem {
  // Fields assigned in the record's key order, `group` only when set: no object spread per system (a fleet's 100,000).
  const out: GraphSystem = {
    id: s.id,
    name: s.name,
    role: s.role,
    holds: categoryList(s.holds),
    settings: sortKeys(s.settings),
    // By file, then id: the first contract of a system must not depend on which upload got the smaller UUID.
    contracts: s.contracts.length > 1 ? [...s.contracts].sort(byFileThenId) : [...s.contracts],
    evidence: sortEvidence(s.evidence),
  };
  if (s.group) out.group = s.group;
  if (s.assessed) out.assessed = true;
  if (s.template) out.template = true;
  if (s.unnamed) out.unnamed = true;
  return out;
}

const byFileThenId = (a: AttachedContract, b: AttachedContract) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
