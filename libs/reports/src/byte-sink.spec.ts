import { ByteSink } from './byte-sink.js';

/** Strings whose encoding or escaping has edge cases: controls, quotes, non-ASCII, pairs, lone surrogates, long text. */
const AWKWARD = [
  '', 'plain', 'q "x" \\ y', '\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f', 'ünï — § €', '\u2028\u2029', '😀 pair', '\ud83d', 'lone \udc00 low',
  'end \ud800', '\ud800\ud800\udc00', 'ß'.repeat(300), `${'a'.repeat(255)}\u00e9`, `${'"'.repeat(257)}\ud800`,
  'y'.repeat(400), `${'x'.repeat(300)}😀`, `${'x'.repeat(300)}\n`, `${'x'.repeat(300)}\\`,
];

describe('ByteSink', () => {
  it('encodes text as Buffer does and quotes strings as JSON.stringify does, across chunks that grow', () => {
    const sink = new ByteSink(16);
    const want: string[] = [];
    for (const s of AWKWARD) {
      sink.str(s);
      sink.jsonString(s);
      want.push(s, JSON.stringify(s));
    }
    expect(sink.take().equals(Buffer.from(want.join(''), 'utf8'))).toBe(true);
  });

  it('writes safe integers as JSON.stringify does (-0 as 0), across chunks that grow', () => {
    const sink = new ByteSink(4);
    const ints = [0, -0, 7, -7, 9, 10, 99, 100, 1_000_000, -123_456_789, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    for (const n of ints) {
      sink.int(n);
      sink.str(',');
    }
    expect(sink.take().toString('utf8')).toBe(ints.map((n) => `${JSON.stringify(n)},`).join(''));
  });

  it('copies bytes in and out, and starts a new chunk when one is taken', () => {
    const sink = new ByteSink(8);
    sink.str('ab');
    const from = sink.mark();
    sink.jsonString('é"');
    const kept = sink.copySince(from);
    sink.bytes(kept);
    const quoted = JSON.stringify('é"');
    expect(sink.take().toString('utf8')).toBe(`ab${quoted}${quoted}`);
    sink.bytes(kept);
    expect(sink.take().toString('utf8')).toBe(quoted);
  });
});
