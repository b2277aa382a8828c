import fc from 'fast-check';
import { parseCsvRecords } from './fleet.parser.js';
import { readPlainCsv } from './plain-csv.js';

const field = fc.constantFrom('', ' ', 'a', ' b ', 'S01-LT-00448', 'Marcus Iyer ASW #182', 'OpenAI;Deepgram', 'x"y', '"q"', 'tab\there', 'ü', '  ', 'US', 'Tomás', 'a\u00a0b', '\u2003x', 'x\u3000', '😀', '\ud800', 'a\u0085b', 'vt\u000bx');
const header = fc.constantFrom('install_id,vendor,site', ' Install_ID , Vendor,site', 'install_id,install_id,site', 'install_id,,site', '__proto__,vendor,site', 'a,b');
const row = fc.array(field, { minLength: 2, maxLength: 4 }).map((f) => f.join(','));
const csv = fc.tuple(fc.constantFrom('', '\uFEFF'), header, fc.array(fc.oneof(row, fc.constantFrom('', '   ', '1,2,3')), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([bom, h, rows, eol, last]) => `${bom}${[h, ...rows].join(eol)}${last ? eol : ''}`);
// Files whose lines end in different ways (csv-parse takes the first line end it meets as the delimiter).
const eol = fc.constantFrom('\n', '\r\n', '\r');
const mixed = fc.tuple(header, fc.array(fc.tuple(eol, fc.oneof(row, fc.constant(''))), { maxLength: 8 }), fc.option(eol))
  .map(([h, rows, last]) => `${h}${rows.map(([e, r]) => `${e}${r}`).join('')}${last ?? ''}`);

describe('plain fleet CSV', () => {
  it('reads only what csv-parse reads the same way: records, values and lines', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(csv, mixed), (text) => {
        const plain = readPlainCsv(text);
        if (!plain) return;
        read++;
        expect(plain).toEqual(parseCsvRecords(text));
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it('reads a fleet export with its line numbers, skipping empty lines', () => {
    const text = 'Install_ID, Vendor ,site\r\nS1, Scribewell AI ,Oakland\r\n\r\nS2,Other,\r\n';
    expect(readPlainCsv(text)).toEqual([
      { record: { install_id: 'S1', vendor: 'Scribewell AI', site: 'Oakland' }, line: 2 },
      { record: { install_id: 'S2', vendor: 'Other', site: '' }, line: 4 },
    ]);
    expect(readPlainCsv(text)).toEqual(parseCsvRecords(text));
  });

  it('leaves quotes, ragged rows and odd headers to csv-parse', () => {
    for (const text of ['a,b\n"x",y\n', 'a,b\n1,2,3\n', 'a,a\n1,2\n', 'a,b\n1\n', 'a,b\r1,2\r', 'a,b\n \n', 'a\tb\n1\t2\n', 'a,b\r\n1,zoom\n2,otter\r\n', 'a,b\n1,zoom\r\n2,otter\n']) expect([text, readPlainCsv(text)]).toEqual([text, undefined]);
  });
});
