import { SourceText, locateEvidence } from './source-lines.js';

describe('SourceText', () => {
  const idx = new SourceText('ab\ncd\n\nef');
  it('gives 1-based lines and columns', () => {
    expect([0, 2, 3, 6, 7, 9].map((o) => idx.position(o))).toEqual([
      { line: 1, column: 1 }, { line: 1, column: 3 }, { line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 }, { line: 4, column: 3 },
    ]);
  });
});

describe('locateEvidence', () => {
  const source = new SourceText([
    '# Terms', '', 'Provider **may disclose** Customer Data', 'to law enforcement.', '', 'Provider may disclose Customer Data to auditors.', '',
    'Provider may disclose Customer Data to auditors.',
  ].join('\n'));

  it('uses the offsets when the source slice is the quote', () => {
    const start = source.text.indexOf('Provider may disclose');
    expect(locateEvidence({ quote: 'Provider may disclose', start }, source)).toMatchObject({ startLine: 6, startColumn: 1, charOffset: start });
  });

  it('picks the occurrence nearest the extracted offset when the quote recurs', () => {
    const second = source.text.lastIndexOf('Provider may disclose Customer Data to auditors.');
    expect(locateEvidence({ quote: 'Provider may disclose Customer Data to auditors.', start: second - 10 }, source)?.startLine).toBe(8);
    expect(locateEvidence({ quote: 'Provider may disclose Customer Data to auditors.', start: 5 }, source)?.startLine).toBe(6);
  });

  it('matches across markup and line breaks the extractor removed', () => {
    const r = locateEvidence({ quote: 'Provider may disclose Customer Data to law enforcement.', start: 9 }, source);
    expect(r).toMatchObject({ startLine: 3, startColumn: 1, endLine: 4 });
  });

  it('says undefined when the quote is not in the source', () => {
    expect(locateEvidence({ quote: 'Nothing like this', start: 0 }, source)).toBeUndefined();
    expect(locateEvidence({ quote: '   ' }, source)).toBeUndefined();
  });
});
