import type { SystemRole } from '@custody/domain';
import type { VendorEntry } from '../types.js';
import { VENDORS } from './vendors.js';

/** A catalogue hit. */
export interface VendorMatch {
  name: string;
  role: SystemRole;
  kind?: string;
}

/** Host name of a URL-ish string (`https://user@api.x.com:443/p` → `api.x.com`); undefined when none. */
export function hostOf(s: string): string | undefined {
  const t = s.trim();
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?(\[[0-9a-f:]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d+)?(?:[/?#]|$)/i.exec(t);
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  // A bare word without a dot is only a host when it came with a scheme (e.g. http://mysql/).
  if (!host.includes('.') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return undefined;
  return host;
}

/**
 * A vendor list prepared for lookups: hosts in a map and name needles normalised once. Projection looks up
 * every install's sub-processors and every flow endpoint (hundreds of thousands of calls for a large fleet);
 * re-normalising every alias on every call was the audit's largest single cost.
 */
interface PreparedList {
  length: number;
  /** Host → first entry in list order that lists it (the scan kept the first of equally long matches). */
  hosts: Map<string, VendorEntry>;
  /** ` name ` / ` alias ` needles of at least 3 characters, in list order. */
  needles: { needle: string; entry: VendorEntry }[];
  /** Answers already given, by the exact string asked (bounded: cleared when full). */
  memo: Map<string, VendorEntry | null>;
}

const MEMO_LIMIT = 50_000;
const PREPARED = new WeakMap<readonly VendorEntry[], PreparedList>();
const nameNeedle = (s: string) => ` ${s.replace(/[^a-z0-9.]+/g, ' ').trim()} `;

function prepare(list: readonly VendorEntry[]): PreparedList {
  const cached = PREPARED.get(list);
  // A caller that grows its extra list in place gets a fresh index (length is the cheap change signal).
  if (cached && cached.length === list.length) return cached;
  const hosts = new Map<string, VendorEntry>();
  const needles: PreparedList['needles'] = [];
  for (const v of list) {
    for (const h of v.hosts ?? []) if (!hosts.has(h)) hosts.set(h, v);
    for (const a of [v.name.toLowerCase(), ...(v.aliases ?? [])]) {
      const needle = nameNeedle(a);
      if (needle.trim().length >= 3) needles.push({ needle, entry: v });
    }
  }
  const prepared = { length: list.length, hosts, needles, memo: new Map() };
  PREPARED.set(list, prepared);
  return prepared;
}

/** The entry whose host is the longest suffix of `host` on a label boundary (the host itself first). */
function byHost(host: string, list: PreparedList): VendorEntry | undefined {
  let dot = -1;
  do {
    const hit = list.hosts.get(host.slice(dot + 1));
    if (hit) return hit;
    dot = host.indexOf('.', dot + 1);
  } while (dot >= 0);
  return undefined;
}

/** The entry whose name or alias is the longest whole-word phrase in `name` (the first of equally long ones). */
function byName(name: string, list: PreparedList): VendorEntry | undefined {
  const n = nameNeedle(name.toLowerCase());
  let best: VendorEntry | undefined;
  let bestLen = 0;
  for (const { needle, entry } of list.needles) {
    if (needle.length > bestLen && n.includes(needle)) {
      best = entry;
      bestLen = needle.length;
    }
  }
  return best;
}

/**
 * Looks a host, URL or vendor name up in the known-vendor catalogue. `extra` entries (from config)
 * are consulted first, so a deployment can add or override vendors.
 *
 * @example lookupVendor('https://api.openai.com/v1/chat') // { name: 'OpenAI', role: 'llm_provider' }
 */
export function lookupVendor(hostOrName: string, extra: readonly VendorEntry[] = []): VendorMatch | undefined {
  if (!hostOrName || typeof hostOrName !== 'string') return undefined;
  const builtin = prepare(VENDORS);
  // No extra entries (the usual case, often a fresh `[]` per call): the built-in list's own index and memo.
  const own = extra.length ? prepare(extra) : undefined;
  const memo = (own ?? builtin).memo;
  let hit = memo.get(hostOrName);
  if (hit === undefined) {
    const host = hostOf(hostOrName);
    hit = (host && ((own && byHost(host, own)) ?? byHost(host, builtin))) || (own && byName(hostOrName, own)) || byName(hostOrName, builtin) || null;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(hostOrName, hit);
  }
  // A fresh object per call: callers may keep or change what they are given.
  return hit ? { name: hit.name, role: hit.role, ...(hit.kind ? { kind: hit.kind } : {}) } : undefined;
}
