import { InvalidInputError } from '@custody/domain';
import { parseConfig, parseFleet } from '../index.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const rejects = (input: Uint8Array, reason: RegExp, opts?: { maxBytes?: number }) => {
  let err: unknown;
  try {
    parseConfig(input, 'x', opts);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InvalidInputError);
  expect((err as Error).message).toMatch(reason);
};

describe('hostile input', () => {
  it('rejects XML external entities (XXE)', () => {
    rejects(bytes('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><channel><name>&x;</name><sourceConnector/></channel>'), /entity|DOCTYPE/i);
  });

  it('rejects billion laughs without expanding anything', () => {
    const lol = ['<!DOCTYPE lolz [<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`), ']>'].join('');
    rejects(bytes(`<?xml version="1.0"?>${lol}<Subscription xmlns="http://hl7.org/fhir"><criteria value="&lol9;"/></Subscription>`), /entity|DOCTYPE/i);
  });

  it('rejects a DOCTYPE even without entities (except HTML5)', () => {
    rejects(bytes('<!DOCTYPE channel SYSTEM "http://evil.test/x.dtd"><channel/>'), /DOCTYPE/);
    expect(parseConfig(bytes('<!DOCTYPE html><html><body>hi</body></html>')).format).toBe('html-tracking');
  });

  it('rejects a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    rejects(bytes(bomb), /alias/i);
  });

  it('rejects YAML custom tags', () => {
    rejects(bytes('endpoint: !!python/object/apply:os.system ["id"]\nother: 1\n'), /tag/i);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the JSON key %s', (key) => {
    rejects(bytes(`{"a": {"${key}": {"polluted": true}}, "url": "https://x.test"}`), /forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects prototype keys in properties and INI', () => {
    rejects(bytes('a.__proto__.x=1\nb.host=h\nb.port=1\n'), /forbidden key/);
  });

  it('rejects a 100 MB JSON by the default size limit, before decoding it', () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x20);
    big[0] = 0x5b;
    rejects(big, /over the 52428800-byte limit/);
  });

  it('honours a custom size limit', () => {
    rejects(bytes(JSON.stringify({ url: 'https://x.test', pad: 'x'.repeat(2000) })), /limit/, { maxBytes: 1000 });
  });

  it('rejects deeply nested JSON instead of overflowing the stack', () => {
    rejects(bytes('['.repeat(100000) + ']'.repeat(100000)), /nesting deeper/);
  });

  it('reports malformed JSON with its line', () => {
    rejects(bytes('{\n  "a": 1,\n  "b": \n}'), /line 4/);
  });

  it('reports malformed XML with its line', () => {
    rejects(bytes('<channel>\n<sourceConnector>\n</channel>'), /malformed XML/);
  });

  it('rejects a fleet file that is not a fleet export', () => {
    expect(() => parseFleet(bytes('{"a":1}'))).toThrow(InvalidInputError);
  });

  it('keeps an unknown format as unparsed rather than dropping it', () => {
    const r = parseConfig(bytes('hello there, this is not a config'));
    expect(r.format).toBe('unknown');
    expect(r.unparsed?.[0].reason).toMatch(/unrecognised/);
    expect(parseConfig(new Uint8Array([0, 0, 1, 2])).unparsed?.[0].reason).toMatch(/binary/);
  });
});
