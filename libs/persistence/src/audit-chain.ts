import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, as pure functions over rows (no database): each workspace's events form one
 * chain in seq order, where
 *
 *   hash = sha256_hex(prevHash || canonicalChainJson({ workspace, seq, type, at, actor, payload }))
 *
 * and the first entry's prevHash is GENESIS_HASH. Each row stores its prevHash beside its hash, so a break can
 * be told apart: a row whose content no longer gives its hash was edited; a row whose prevHash is not its
 * predecessor's hash follows a deleted, inserted or reordered entry. Without an outside anchor (an exported
 * head hash), deleting the newest entries, or rewriting a whole chain suffix with recomputed hashes, cannot
 * be detected from the rows alone.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** SQL for the time an entry's hash covers, from a timestamptz expression: UTC to the millisecond, ISO 8601. */
export const chainAtSql = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What one entry's hash covers. `at` is the ISO time in UTC with milliseconds (as the audit log shows it). */
export interface ChainContent {
  workspaceId: string;
  seq: number;
  type: string;
  at: string;
  actor: string;
  payload: unknown;
}

export interface ChainEntry extends ChainContent {
  prevHash: string | null;
  hash: string | null;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and no whitespace. Values first go
 * through JSON.stringify/parse, so what is hashed is exactly what a jsonb column keeps: undefined members are
 * dropped, dates become strings, key order does not matter.
 */
export function canonicalChainJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : write(JSON.parse(text));
}

function write(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${write(o[k])}`).join(',')}}`;
}

/** The canonical text an entry's hash covers. */
export function chainContentText(e: ChainContent): string {
  return canonicalChainJson({ workspace: e.workspaceId.toLowerCase(), seq: Number(e.seq), type: e.type, at: e.at, actor: e.actor, payload: e.payload });
}

/**
 * The canonical content text of an entry whose seq and time the database assigns (custody_append_events):
 * `head + at + mid + seq + tail` is chainContentText of the entry. The keys sort as actor, at, payload, seq,
 * type, workspace, so the two values the database fills in fall between fixed pieces; `at` (ISO, from
 * chainAtSql) and the seq (digits) need no JSON escaping.
 */
export function chainContentPieces(e: Omit<ChainContent, 'seq' | 'at'>): { head: string; mid: string; tail: string } {
  return {
    head: `{"actor":${canonicalChainJson(e.actor)},"at":"`,
    mid: `","payload":${canonicalChainJson(e.payload)},"seq":`,
    tail: `,"type":${canonicalChainJson(e.type)},"workspace":${canonicalChainJson(e.workspaceId.toLowerCase())}}`,
  };
}

/** sha256(prevHash || canonical content), hex. */
export function chainHash(prevHash: string, e: ChainContent): string {
  return createHash('sha256').update(prevHash).update(chainContentText(e)).digest('hex');
}

/** An entry reduced to what link checking needs: whether its content still gives its stored hash. */
export interface ChainLink {
  seq: number;
  prevHash: string | null;
  hash: string | null;
  contentOk: boolean;
}

export function toLink(e: ChainEntry): ChainLink {
  return { seq: Number(e.seq), prevHash: e.prevHash, hash: e.hash, contentOk: !!e.hash && !!e.prevHash && chainHash(e.prevHash, e) === e.hash };
}

export type ChainBreakKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'unhashed';

export interface ChainBreak {
  /** The first entry found out of place (for `deleted`: the entry right after the missing one). */
  seq: number;
  kind: ChainBreakKind;
  detail: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; head: { seq: number; hash: string } | null }
  | { ok: false; entries: number; /** entries before the break, all intact */ intact: number; broken: ChainBreak };

/**
 * Walks one workspace's links in seq order and reports the first break, classified:
 * - `edited`: its link holds but its content no longer gives its hash;
 * - `deleted`: its prevHash is no entry's hash (the entry before it is gone);
 * - `inserted`: the chain goes around it (its successor links to its predecessor), or entries are linked past;
 * - `reordered`: it links to an entry that comes after it;
 * - `unhashed`: it has no hash at all (written past the application).
 */
export function verifyLinks(links: readonly ChainLink[]): ChainVerdict {
  const position = new Map<string, number>();
  links.forEach((l, i) => { if (l.hash && !position.has(l.hash)) position.set(l.hash, i); });
  let prev = GENESIS_HASH;
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    const fail = (kind: ChainBreakKind, seq: number, detail: string): ChainVerdict => ({ ok: false, entries: links.length, intact: links.findIndex((x) => x.seq === seq), broken: { seq, kind, detail } });
    if (!l.hash || !l.prevHash) return fail('unhashed', l.seq, `entry ${l.seq} has no hash: it was written past the application`);
    const before = i === 0 ? 'the start of the log' : `entry ${links[i - 1]!.seq}`;
    if (l.prevHash !== prev) {
      const j = position.get(l.prevHash);
      if (j !== undefined && j > i) return fail('reordered', l.seq, `entry ${l.seq} links to entry ${links[j]!.seq}, which comes after it: entries were reordered`);
      const next = links[i + 1];
      if (next && next.prevHash === prev) return fail('inserted', l.seq, `entry ${l.seq} was inserted: entry ${next.seq} links past it to ${before}`);
      if (j !== undefined && j < i - 1) {
        if (l.contentOk) return fail('inserted', links[j + 1]!.seq, `entry ${links[j + 1]!.seq} was inserted: entry ${l.seq} links past it to entry ${links[j]!.seq}`);
        return fail('inserted', l.seq, `entry ${l.seq} does not belong after ${before}: it repeats the link of entry ${links[j + 1]!.seq} and its content does not give its hash`);
      }
      if (l.contentOk) return fail('deleted', l.seq, `the entry before entry ${l.seq} is missing: it links to a hash no entry has (deleted after ${before}, or replaced with a recomputed hash)`);
      return fail('edited', l.seq, `entry ${l.seq} was rewritten: neither its link to ${before} nor its content matches its hash`);
    }
    if (!l.contentOk) return fail('edited', l.seq, `entry ${l.seq} was edited: its content no longer gives its hash`);
    prev = l.hash;
  }
  const last = links[links.length - 1];
  return { ok: true, entries: links.length, head: last ? { seq: last.seq, hash: last.hash! } : null };
}

/** Verifies one workspace's entries, given in seq order. */
export function verifyChain(entries: readonly ChainEntry[]): ChainVerdict {
  return verifyLinks(entries.map(toLink));
}

/** Hashes entries in seq order from `prevHash` (backfill, tests): returns them with prevHash and hash set. */
export function chainEntries<T extends ChainContent>(entries: readonly T[], prevHash = GENESIS_HASH): (T & { prevHash: string; hash: string })[] {
  let prev = prevHash;
  return entries.map((e) => {
    const hash = chainHash(prev, e);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}
