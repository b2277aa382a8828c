import { packBytes } from './document-outcomes.js';

/** What PostgreSQL's `substring(bytes FROM from FOR len)` returns for one packed item (1-based; NULL for null). */
const substring = (bytes: Buffer, from: number | null, len: number | null) => (from === null || len === null ? null : bytes.subarray(from - 1, from - 1 + len));

describe('packBytes: sealed byte strings as one binary parameter', () => {
  it('gives back each item, in order, and null for an absent one', () => {
    const items = [Buffer.from('first'), undefined, Buffer.from([0, 255, 1]), Buffer.alloc(0), undefined, Buffer.from('last item')];
    const { bytes, from, len } = packBytes(items);
    expect(from).toHaveLength(items.length);
    expect(len).toHaveLength(items.length);
    const back = items.map((_, i) => substring(bytes, from[i], len[i]));
    expect(back).toEqual([Buffer.from('first'), null, Buffer.from([0, 255, 1]), Buffer.alloc(0), null, Buffer.from('last item')]);
    expect(bytes.length).toBe(5 + 3 + 0 + 9);
  });

  it('packs nothing to an empty buffer with null positions', () => {
    expect(packBytes([undefined, undefined])).toEqual({ bytes: Buffer.alloc(0), from: [null, null], len: [null, null] });
    expect(packBytes([])).toEqual({ bytes: Buffer.alloc(0), from: [], len: [] });
  });

  it('keeps the positions right over many items of random sizes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const items = Array.from({ length: 500 }, (_, i) => (rand() < 0.2 ? undefined : Buffer.from(Array.from({ length: Math.floor(rand() * 40) }, () => (i + Math.floor(rand() * 256)) % 256))));
    const { bytes, from, len } = packBytes(items);
    items.forEach((b, i) => expect(substring(bytes, from[i], len[i])).toEqual(b ?? null));
  });
});
