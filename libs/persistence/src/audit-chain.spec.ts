import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalChainJson, chainContentPieces, chainContentText, chainEntries, chainHash, verifyChain, type ChainEntry } from './audit-chain.js';

const WS = '6f1c1a52-3f7e-4c1b-9a59-0d6a3c1f0b11';

/** A healthy chain of n entries with global seqs that skip (other workspaces' events sit between). */
function chain(n = 6): ChainEntry[] {
  const rows = Array.from({ length: n }, (_, i) => ({
    workspaceId: WS, seq: 10 + i * 3, type: i === 0 ? 'WorkspaceCreated' : 'DocumentReceived',
    at: new Date(Date.UTC(2025, 0, 1, 9, 0, i)).toISOString(), actor: i % 2 ? 'key:abc' : 'system',
    payload: { file: `doc-${i}.pdf`, size: 100 + i, nested: { b: [1, 2.5, 'ü'], a: null } },
  }));
  return chainEntries(rows);
}

describe('audit-log hash chain', () => {
  it('hashes sha256(prevHash || canonical JSON of workspace, seq, type, at, actor, payload)', () => {
    const [e] = chain(1);
    const text = '{"actor":"system","at":"2025-01-01T09:00:00.000Z","payload":{"file":"doc-0.pdf","nested":{"a":null,"b":[1,2.5,"ü"]},"size":100},"seq":10,"type":"WorkspaceCreated","workspace":"6f1c1a52-3f7e-4c1b-9a59-0d6a3c1f0b11"}';
    expect(e!.prevHash).toBe(GENESIS_HASH);
    expect(e!.hash).toBe(createHash('sha256').update(GENESIS_HASH + text).digest('hex'));
  });

  it('canonical JSON ignores key order and what jsonb does not keep', () => {
    expect(canonicalChainJson({ b: 1, a: { d: undefined, c: [new Date(0)] } })).toBe('{"a":{"c":["1970-01-01T00:00:00.000Z"]},"b":1}');
    expect(canonicalChainJson({ z: 1, a: 2 })).toBe(canonicalChainJson(JSON.parse('{"a":2,"z":1}')));
    // The workspace id's case does not matter (PostgreSQL returns uuids in lower case).
    const e = chain(1)[0]!;
    expect(chainHash(GENESIS_HASH, { ...e, workspaceId: WS.toUpperCase() })).toBe(e.hash);
  });

  it('the pieces the database fills seq and time between give the canonical content text', () => {
    // What custody_append_events hashes (head + at + mid + seq + tail) must be what verification hashes.
    const entries = [
      ...chain(3),
      { workspaceId: WS.toUpperCase(), seq: 9_007_199_254_740_991, type: 'EvidenceRead', at: '2026-12-04T15:00:00.123Z', actor: 'key:"quoted" \\ ✓ 🗂', payload: { what: 'findings', z: [0.1, 1e21, -0, 2.5e-7], '10': 'ten', '2': { b: null, a: true } } },
      { workspaceId: WS, seq: 1, type: 'EvidenceRead', at: '2026-12-04T15:00:00.000Z', actor: 'system', payload: null },
    ];
    for (const e of entries) {
      const { head, mid, tail } = chainContentPieces(e);
      expect(head + e.at + mid + String(e.seq) + tail).toBe(chainContentText(e));
    }
  });

  it('an untouched chain verifies, with its head', () => {
    const rows = chain();
    expect(verifyChain(rows)).toEqual({ ok: true, entries: 6, head: { seq: rows[5]!.seq, hash: rows[5]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: null });
  });

  it('detects an edited payload, type, actor, time or seq', () => {
    const edits: ((e: ChainEntry) => ChainEntry)[] = [
      (e) => ({ ...e, payload: { ...(e.payload as object), size: 1 } }),
      (e) => ({ ...e, type: 'EvidenceRead' }),
      (e) => ({ ...e, actor: 'system' === e.actor ? 'key:x' : 'system' }),
      (e) => ({ ...e, at: '2024-12-31T23:59:59.000Z' }),
      (e) => ({ ...e, seq: e.seq + 1 }),
      (e) => ({ ...e, workspaceId: '00000000-0000-0000-0000-000000000000' }),
    ];
    for (const edit of edits) {
      const rows = chain();
      rows[2] = edit(rows[2]!);
      const v = verifyChain(rows);
      expect(v).toMatchObject({ ok: false, intact: 2, broken: { seq: rows[2]!.seq, kind: 'edited' } });
    }
  });

  it('detects an edit whose hash was recomputed (the next entry no longer links to it)', () => {
    const rows = chain();
    const edited = { ...rows[2]!, payload: { file: 'other.pdf' } };
    rows[2] = { ...edited, hash: chainHash(edited.prevHash!, edited) };
    expect(verifyChain(rows)).toMatchObject({ ok: false, broken: { seq: rows[3]!.seq, kind: 'deleted' } });
  });

  it('detects a deleted entry, the first one included', () => {
    const rows = chain();
    const v = verifyChain(rows.filter((_, i) => i !== 3));
    expect(v).toMatchObject({ ok: false, entries: 5, intact: 3, broken: { seq: rows[4]!.seq, kind: 'deleted' } });
    expect((v as { broken: { detail: string } }).broken.detail).toContain(`after entry ${rows[2]!.seq}`);
    expect(verifyChain(rows.slice(1))).toMatchObject({ ok: false, intact: 0, broken: { seq: rows[1]!.seq, kind: 'deleted' } });
  });

  it('detects an inserted entry, with a made-up hash or a correctly computed one', () => {
    const rows = chain();
    const content = { workspaceId: WS, seq: rows[2]!.seq + 1, type: 'FindingTriaged', at: rows[2]!.at, actor: 'system', payload: { status: 'accepted' } };
    const madeUp = [...rows.slice(0, 3), { ...content, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) }, ...rows.slice(3)];
    expect(verifyChain(madeUp)).toMatchObject({ ok: false, intact: 3, broken: { seq: content.seq, kind: 'inserted' } });
    const forged = [...rows.slice(0, 3), { ...content, prevHash: rows[2]!.hash, hash: chainHash(rows[2]!.hash!, content) }, ...rows.slice(3)];
    expect(verifyChain(forged)).toMatchObject({ ok: false, intact: 3, broken: { seq: content.seq, kind: 'inserted' } });
    const unhashed = [...rows.slice(0, 3), { ...content, prevHash: null, hash: null }, ...rows.slice(3)];
    expect(verifyChain(unhashed)).toMatchObject({ ok: false, intact: 3, broken: { seq: content.seq, kind: 'unhashed' } });
  });

  it('detects two swapped entries, whether their seqs or their places were swapped', () => {
    const rows = chain();
    // Places: the rows keep their own seq (and hash) but come in another order.
    const moved = [rows[0]!, rows[3]!, rows[2]!, rows[1]!, rows[4]!, rows[5]!];
    expect(verifyChain(moved)).toMatchObject({ ok: false, intact: 1, broken: { seq: rows[3]!.seq, kind: 'reordered' } });
    // Seqs: an UPDATE exchanged the two rows' seqs, so seq order changed too.
    const swapped = [rows[0]!, { ...rows[3]!, seq: rows[1]!.seq }, rows[2]!, { ...rows[1]!, seq: rows[3]!.seq }, rows[4]!, rows[5]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, intact: 1, broken: { seq: rows[1]!.seq, kind: 'reordered' } });
    // Adjacent entries.
    const adjacent = [rows[0]!, rows[2]!, rows[1]!, ...rows.slice(3)];
    expect(verifyChain(adjacent)).toMatchObject({ ok: false, intact: 1, broken: { seq: rows[2]!.seq, kind: 'reordered' } });
  });
});
