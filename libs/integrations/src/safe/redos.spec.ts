import { detectFormatText } from '../detect.js';
import { parseConfig } from '../parse-config.js';
import { isTriviaScript, scanScript, stripComments } from '../parsers/script-scan.js';
import { findSecrets } from '../redact/redact.js';
import { decodeText } from './decode.js';
import { slug } from './text.js';

/**
 * Every pattern that sees uploaded text, fed the input that makes a backtracking pattern blow up
 * (issue 12: 219 bytes of `<!---->` froze the API for 52 s). Each case runs at n and at 8n characters: a
 * linear scan takes about 8 times as long, a quadratic one 64 times, an exponential one never finishes. The
 * bound (24 × the small run + 250 ms) leaves room for a loaded machine without letting quadratic through,
 * and n is large enough (64 Ki) that a quadratic pattern at 8n would take seconds to minutes; 8n (half a
 * megabyte) must also finish within 2 s, which a linear scan does with a wide margin.
 */
const N = 64 * 1024;

function elapsed(run: () => unknown): number {
  const t = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function expectLinear(fn: (s: string) => unknown, unit: string, prefix = '', suffix = '') {
  const make = (chars: number) => prefix + unit.repeat(Math.ceil(chars / unit.length)) + suffix;
  const small = make(N);
  const large = make(8 * N);
  fn(small); // warm up (JIT, lazily built regexes)
  // Best of three each: a scheduling hiccup on a shared machine only ever adds time, and a quadratic or
  // exponential pattern is slow on every run, so the minimum keeps the test honest and stops it flaking.
  const best = (s: string) => Math.min(elapsed(() => fn(s)), elapsed(() => fn(s)), elapsed(() => fn(s)));
  const tSmall = best(small);
  const tLarge = best(large);
  // Linear (8x, with slack), and fast in absolute terms: a bounded quantifier like `[\s\S]{0,65536}?` is
  // "linear" with a constant that still takes seconds on half a megabyte.
  expect({ unit, linear: tLarge < 24 * tSmall + 250, fast: tLarge < 2000 }).toEqual({ unit, linear: true, fast: true });
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('patterns on untrusted input run in linear time', () => {
  // Format detection (the exponential HTML-comment prologue, the Terraform header, YAML/INI line shapes).
  it.each([
    ['<!---->', '', '<x'],
    ['<!-- a -->  ', '<?xml version="1.0"?>', ''],
    [' "a"', 'resource', ''],
    [' ', 'key', ':x'],
    ['- ', '', 'x'],
    ['a', '[', ''],
    ['<script ', '', ''],
    ['= ', 'a', ''],
    ['\n', '', 'x'],
  ])('detectFormatText: %j repeated', (unit, prefix, suffix) => expectLinear(detectFormatText, unit, prefix, suffix));

  // Secret redaction, which runs inside the upload request.
  it.each([
    ['-----BEGIN PRIVATE KEY-----', '', ''],
    ['-----BEGIN RSA PRIVATE KEY-----\n', '', '-----END PRIVATE KEY-----'],
    ['<credentials>', '', ''],
    [' \t', 'password = x', 'y\n'],
    ['eyJ-', '', ''],
    ['sk-', '', ''],
    ['xoxa-', '', ''],
    ['a="', '', ''],
    ['x', '"password": "', ''],
    ['Bearer ', '', ''],
    ['u', 'a://', ''],
    ['pass=', '', ''],
    ['<string>password</string>', '', ''],
    ['key = "', '', ''],
    [' ', 'token:', ''],
  ])('findSecrets: %j repeated', (unit, prefix, suffix) => expectLinear(findSecrets, unit, prefix, suffix));

  it.each([
    ['/*', ''],
    ['new URL(', ''],
    ['com.', ''],
    ['INSERT INTO a (', ''],
    [' ', 'return'],
  ])('script scanning: %j repeated', (unit, prefix) => {
    expectLinear(stripComments, unit, prefix);
    expectLinear(scanScript, unit, prefix);
    expectLinear(isTriviaScript, unit, prefix);
  });

  it.each([
    ['${', ''],
    ['-', 'a'],
  ])('slug: %j repeated', (unit, prefix) => expectLinear(slug, unit, prefix));

  // Whole parses, through detection, decoding and the format's parser.
  it.each([
    ['= ', '#', '\nname=x\n'],
    [' ', 'key', '\r\nname=x\n'],
    [' ', '[main]\nkey', '\rb\n'],
    ['<script ', '{"containerVersion": {"tag": [{"type": "html", "parameter": [{"key": "html", "value": "', '"}]}]}}'],
    ['a', 'name: ${', '\n'],
  ])('parseConfig: %j repeated', (unit, prefix, suffix) => expectLinear((s) => parseConfig(bytes(s), 'x.cfg'), unit, prefix, suffix));

  it('decodeText: every encoding is one pass', () => {
    expectLinear((s) => decodeText(bytes(s)), 'a\u0000');
    expectLinear((s) => decodeText(Buffer.from(s, 'utf16le')), 'password: x\n');
  });
});
