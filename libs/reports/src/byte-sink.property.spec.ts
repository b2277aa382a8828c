import fc from 'fast-check';
import { ByteSink } from './byte-sink.js';

/**
 * The sink's hand-written encoder and escaper against the definitions they replace (Buffer.from(…, 'utf8') and
 * JSON.stringify) over arbitrary UTF-16: the fixed list in byte-sink.spec.ts only has the cases someone thought of.
 */
const EDGES = [0, 8, 9, 10, 12, 13, 0x1f, 0x20, 0x22, 0x5c, 0x7f, 0x80, 0x7ff, 0x800, 0x2028, 0x2029, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff];
const unit = fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })).map((u) => String.fromCharCode(u));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const piece = fc.oneof(unit, astral, fc.constantFrom('a', '"', '\\', 'é'));
/** Short strings (the hand loop), and strings of 250–262 units ending in an awkward piece (either side of the 256-unit switch to the native path). */
const text = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
  fc.tuple(fc.integer({ min: 250, max: 262 }), fc.array(piece, { minLength: 1, maxLength: 3 })).map(([n, tail]) => `${'x'.repeat(n)}${tail.join('')}`.slice(0, n + 1)),
);

describe('ByteSink (property)', () => {
  it('str is Buffer.from(s, "utf8") and jsonString is the UTF-8 of JSON.stringify(s), for any UTF-16 string', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      const sink = new ByteSink(16);
      sink.str(a);
      sink.jsonString(b);
      sink.jsonString(a);
      sink.str(b);
      return sink.take().equals(Buffer.from(`${a}${JSON.stringify(b)}${JSON.stringify(a)}${b}`, 'utf8'));
    }), { numRuns: 3000 });
  });

  it('writes the same bytes when a multi-byte character lands across the 64 KB a chunk is taken at', () => {
    fc.assert(fc.property(text, fc.integer({ min: 65_520, max: 65_540 }), (s, pad) => {
      const sink = new ByteSink(1 << 16);
      sink.str('y'.repeat(pad));
      sink.jsonString(s);
      sink.str(s);
      return sink.take().equals(Buffer.from(`${'y'.repeat(pad)}${JSON.stringify(s)}${s}`, 'utf8'));
    }), { numRuns: 300 });
  });
});
