import {
  cmp,
  hasExpired,
  isBaaContract,
  nameKey,
  retentionInDays,
  slugify,
  stampEvidence,
  unique,
  unspecifiedValue,
  type AttachedContract,
  type DocumentKind,
  type Evidence,
  type FactName,
  type FactValueMap,
  type GraphSystem,
} from '@custody/domain';
import { memoByContracts } from './run-memo.js';

/** A contract is a BAA if it says it offers/is one, or was classified as one (the domain's one definition). */
export function isBaa(contract: AttachedContract): boolean {
  return isBaaContract(contract);
}

/** Expired at `now`: good through its last day (the domain's one definition, shared with the projection). */
export function isExpired(contract: AttachedContract, now: Date): boolean {
  return hasExpired(contract.expires, now);
}

/**
 * BAAs attached to a system and not expired at `now`, in precedence order. Within a rule run the list is
 * shared by every system holding the same one contract (a fleet's installs): callers must not mutate it.
 */
export function baasInForce(system: Pick<GraphSystem, 'contracts'>, now: Date): readonly AttachedContract[] {
  return memoByContracts('baas-in-force', system.contracts, now, readBaasInForce);
}

/** BAAs attached to a system that expired before `now` (shared within a run as {@link baasInForce} is). */
export function expiredBaas(system: Pick<GraphSystem, 'contracts'>, now: Date): readonly AttachedContract[] {
  return memoByContracts('expired-baas', system.contracts, now, readExpiredBaas);
}

const readBaasInForce = (contracts: readonly AttachedContract[], now: Date) => sortContracts(contracts.filter((c) => isBaa(c) && !isExpired(c, now)), now);
const readExpiredBaas = (contracts: readonly AttachedContract[], now: Date) => sortContracts(contracts.filter((c) => isBaa(c) && isExpired(c, now)), now);

/** What a fact says for a system, and the clause that says it. */
export interface FactReading<K extends FactName> {
  value: FactValueMap[K];
  evidence: Evidence[];
  contract?: AttachedContract;
}

// A BAA governs PHI over a vendor's general terms (they usually say so, and 164.504(e) makes it the
// instrument that limits a BA's uses), then DPAs and negotiated contracts, then click-through terms,
// then privacy policies. Expired agreements come last: they still say what the vendor was allowed to do.
const KIND_RANK: Record<DocumentKind, number> = { baa: 0, dpa: 1, contract: 2, terms: 3, privacy_policy: 4, other: 5 };

function rank(c: AttachedContract, now: Date): number {
  const kindRank = isBaa(c) ? 0 : KIND_RANK[c.kind] ?? 5;
  return (isExpired(c, now) ? 10 : 0) + kindRank;
}

function sortContracts(contracts: readonly AttachedContract[], now: Date): AttachedContract[] {
  return [...contracts].sort((a, b) => rank(a, now) - rank(b, now) || cmp(a.documentId, b.documentId));
}

function isUnspecified(value: unknown): boolean {
  return value === 'unspecified' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * The governing value of a fact for a system: the first contract, in precedence order, that says
 * something about it. `unspecified` (with no evidence) when no contract does or there is no contract.
 */
export function governingFact<K extends FactName>(system: Pick<GraphSystem, 'contracts'>, name: K, now: Date): FactReading<K> {
  return memoByContracts(name, system.contracts, now, readGoverningFact) as FactReading<K>;
}

function readGoverningFact<K extends FactName>(contracts: readonly AttachedContract[], now: Date, name: K): FactReading<K> {
  for (const c of sortContracts(contracts, now)) {
    const fact = c.facts?.[name];
    if (fact && !isUnspecified(fact.value)) {
      return { value: fact.value as FactValueMap[K], evidence: withSource(fact.evidence ?? [], c), contract: c };
    }
  }
  return { value: unspecifiedValue(name), evidence: [] };
}

/** Fact values to set, by name (the rest unspecified): used for hypothetical and test contracts. */
export type FactValues = Partial<{ [K in FactName]: FactValueMap[K] }>;

/** A day count as written in settings or facts; "indefinite"/"forever"/"unlimited" mean Infinity. */
export function parseDaysValue(v: unknown): number | undefined {
  // The domain's one reading of a retention period (settings store `indefinite`; contracts may say "forever").
  return retentionInDays(v);
}

/** A fact as one particular contract states it (unspecified if absent). */
export function factIn<K extends FactName>(contract: AttachedContract, name: K): FactReading<K> {
  const fact = contract.facts?.[name];
  if (!fact) return { value: unspecifiedValue(name), evidence: [], contract };
  return { value: fact.value as FactValueMap[K], evidence: withSource(fact.evidence ?? [], contract), contract };
}

/** Fact evidence often omits which file it came from; the contract knows. */
export function withSource(evidence: readonly Evidence[], contract: AttachedContract): Evidence[] {
  return stampEvidence(evidence, contract);
}

/** Names of sub-processors a system's contracts name (in any contract) and its settings list. */
export function namedSubprocessors(system: GraphSystem): { inContracts: string[]; inSettings: string[] } {
  const inContracts = unique(system.contracts.flatMap((c) => (!c.via && Array.isArray(c.facts?.subprocessors_named?.value) ? c.facts.subprocessors_named.value : [])));
  // Settings are typed at the edge (a list of names); only trimming is left to do.
  const inSettings = unique((system.settings?.subprocessors ?? []).map((s) => s.trim()).filter(Boolean));
  return { inContracts, inSettings };
}

/** Loose name match: "OpenAI" matches "OpenAI, L.L.C." and the system id `openai`. */
export function nameMatches(a: string, b: string): boolean {
  const na = normalise(a);
  const nb = normalise(b);
  if (!na || !nb) return false;
  return na === nb || (na.length >= 4 && nb.includes(na)) || (nb.length >= 4 && na.includes(nb));
}

/**
 * Whether `name` is the company `vendor` or one of its own affiliates: one name is the other's leading whole words
 * ("Zoom" and "Zoom Voice Communications, Inc."; "OpenAI, L.L.C." and "OpenAI"). Whole words, not letters as
 * {@link nameMatches} compares: "ZoomInfo Technologies LLC" merely begins with Zoom's letters and is a third party.
 */
export function isOwnAffiliate(name: string, vendor: string): boolean {
  const a = nameKey(name);
  const b = nameKey(vendor);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, vendor] : [b, name];
  if (short.length < 3) return false;
  // The longer name's words, read from the start until their key reaches the shorter name's length.
  const words = slugify(long, { max: 200, fallback: '' }).split('-');
  let key = '';
  for (const w of words) {
    key += w;
    if (key.length >= short.length) return key === short;
  }
  return false;
}

/** nameMatches against a fixed list, normalising the list once (fleet graphs have thousands of names). */
export function nameMatcher(names: readonly string[]): (name: string) => boolean {
  return keyMatcher(names.map(normalise));
}

/**
 * {@link nameMatcher} over the names and ids of `systems`. With `first`, the systems it picks are keyed and asked
 * first, and the others only for a name those do not match (a name matches when one key does, so the answer is
 * the same): a fleet's sub-processors are systems of their own, so the names asked (the sub-processors its
 * installs name) match among its few vendors, and its 20,000 install names and ids (200,000 at 100k) were keyed
 * and joined into one text for nothing (~6 % of a cold fleet 10k run of the rules).
 */
export function systemNameMatcher<S extends { id: string; name: string }>(systems: readonly S[], first?: (s: S) => boolean): (name: string) => boolean {
  // Room for this workspace's names and ids: a bound below them would start over within the loop below, every
  // audit, and keep nothing for the next (a 100,000-install fleet has 200,015).
  keyCapacity = Math.max(keyCapacity, 2 * 2 * systems.length);
  const keysOf = (list: readonly S[]): string[] => {
    const keys: string[] = [];
    for (const s of list) keys.push(cachedKey(s.name), cachedKey(s.id));
    return keys;
  };
  if (!first) return manyKeysMatcher(keysOf(systems));
  const asked = manyKeysMatcher(keysOf(systems.filter(first)));
  let rest: ((name: string) => boolean) | undefined;
  return (name) => asked(name) || (rest ??= manyKeysMatcher(keysOf(systems.filter((s) => !first(s)))))(name);
}

/**
 * {@link keyMatcher} for many keys and few questions: a fleet's 200,000 names and ids asked about the handful of
 * sub-processors its installs name. One text of the keys answers an exact match (the key between separators)
 * and a containing key (keys hold no separator, so an occurrence of the asked key lies within one key, of at least
 * its length): no Set of 200,000 keys built, and promoted by the collector, for a few lookups.
 */
function manyKeysMatcher(keys: readonly string[]): (name: string) => boolean {
  let text: string | undefined;
  let within: ((nn: string) => boolean) | undefined;
  return (name) => {
    const nn = normalise(name);
    if (!nn) return false;
    text ??= `${SEP}${keys.join(SEP)}${SEP}`;
    if (text.includes(`${SEP}${nn}${SEP}`) || (nn.length >= 4 && text.includes(nn))) return true;
    return (within ??= keysWithin(keys))(nn);
  };
}

/**
 * Name keys of the names and ids seen: a workspace's names barely change between re-audits, and normalising
 * a fleet's 20,000 names and ids again was most of a new document's incremental re-audit at 10,000 installs
 * (the "is this sub-processor modelled?" matchers). A pure function's cache, bounded: a long-running worker
 * sees many workspaces, and starting over costs one normalisation per name. The bound is 200,000 names or
 * twice the largest workspace's names and ids matched so far, whichever is more (see systemNameMatcher).
 */
const keyCache = new Map<string, string>();
let keyCapacity = 200_000;
function cachedKey(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    if (keyCache.size >= keyCapacity) keyCache.clear();
    keyCache.set(name, (k = normalise(name)));
  }
  return k;
}

/**
 * {@link nameMatcher} asked of systems: whether a system's name or id matches one of `names`, their keys
 * cached per name (a re-audit asks it of a fleet's 10,000 installs, whose names it has seen before).
 */
export function systemMatcher(names: readonly string[]): (system: { id: string; name: string }) => boolean {
  const matches = keysMatcher(names.map(normalise));
  return (s) => matches(cachedKey(s.name)) || matches(cachedKey(s.id));
}

/** nameMatches against normalised keys. */
function keyMatcher(keys: readonly string[]): (name: string) => boolean {
  const matches = keysMatcher(keys);
  return (name) => matches(normalise(name));
}

/** nameMatches of a normalised key against normalised keys. */
function keysMatcher(keys: readonly string[]): (key: string) => boolean {
  const exact = new Set<string>();
  const long: string[] = [];
  for (const nn of keys) {
    if (!nn) continue;
    exact.add(nn);
    if (nn.length >= 4) long.push(nn);
  }
  // A key matched against every system of a fleet (200,000 names and ids) was one `includes` call per long key,
  // twice: built on the first key that is not an exact match, the long keys as one text (a long key contains
  // `nn` iff that text does, when `nn` holds no separator) and by length (`nn` can contain only keys no longer).
  let joined: string | undefined;
  let within: ((nn: string) => boolean) | undefined;
  const anyContains = (nn: string) => {
    if (nn.includes(SEP)) return long.some((l) => l.includes(nn));
    return (joined ??= long.join(SEP)).includes(nn);
  };
  const anyWithin = (nn: string) => (within ??= keysWithin(long))(nn);
  return (nn) => {
    if (!nn) return false;
    if (exact.has(nn)) return true;
    return (nn.length >= 4 && anyContains(nn)) || anyWithin(nn);
  };
}

/** Whether a key of at least four characters among `keys` lies within `nn`, by length (none longer than `nn` can). */
function keysWithin(keys: readonly string[]): (nn: string) => boolean {
  const byLength: string[][] = [];
  for (const l of keys) if (l.length >= 4) (byLength[l.length] ??= []).push(l);
  return (nn) => {
    for (let n = 4; n <= nn.length && n < byLength.length; n++) for (const l of byLength[n] ?? []) if (nn.includes(l)) return true;
    return false;
  };
}

/** Between keys in {@link keysMatcher}'s and {@link manyKeysMatcher}'s joined texts. */
const SEP = '\u0000';

// Vendor names compare by the domain's one name key (the projection matches parties by the same).
const normalise = nameKey;

// Shared with the graph library's queries; re-exported so the rules keep one import for them.
export { cmp, unique } from '@custody/domain';
