import { loadYaml, utf8Length } from './safe-yaml.js';

describe('utf8Length', () => {
  it.each([['plain ASCII'], ['café'], ['日本語'], ['emoji 🙂 pair'], ['lone \ud800 surrogate'], ['trailing high \udbff'], ['']])('counts %j as TextEncoder encodes it', (text) => {
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('stops counting past the limit, still over it', () => {
    expect(utf8Length('é'.repeat(100), 10)).toBeGreaterThan(10);
  });
});

describe('loadYaml lineText', () => {
  /** The quote as the loader has always made it: the line without its break, trimmed, with offsets into the text. */
  const expected = (text: string, line: number) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const start = starts[line - 1]!;
    const raw = text.slice(start, starts[line] ?? text.length).replace(/\r?\n$/, '');
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    return { quote, start: start + lead, end: start + lead + quote.length };
  };

  it.each([
    ['spaces', 'a: 1\n  b: two  \nc: 3'],
    ['CRLF breaks', 'a: 1\r\n  b: two\r\nc: 3\r\n'],
    ['tabs and no-break spaces at the ends', 'a: 1\n\t b: two \u00a0\nc: 3'],
    ['a blank line', 'a: 1\n   \nc: 3'],
  ])('quotes every line as before: %s', (_, text) => {
    const yaml = loadYaml(text);
    const lines = text.split('\n').length;
    for (let line = 1; line <= lines; line++) expect(yaml.lineText(line)).toEqual(expected(text, line));
  });
});
