import fc from 'fast-check';
import { canMatch, findSecrets, RULES, type SecretSpan } from './redact.js';

/** findSecrets as it was before the literal prefilter: every rule's regex run over the whole text. */
function referenceFindSecrets(text: string): SecretSpan[] {
  const all: SecretSpan[] = [];
  for (const rule of RULES) {
    const matches: RegExpExecArray[] = [];
    if ('re' in rule) {
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text))) {
        if (m[0].length === 0) rule.re.lastIndex++;
        else matches.push(m);
      }
    } else matches.push(...rule.find(text));
    for (const m of matches) for (const s of rule.spans(m)) if (s.end > s.start) all.push(s);
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Pieces of every rule's matches, near misses and separators, so random joins build and break secrets. */
const PIECES = [
  'password', 'Password', 'pwd', 'pass', 'key', 'api_key', 'client_secret', 'auth-token', 'x.keypassword', 'token',
  '=', ' = ', ':', ': ', '"', "'", '\\"', '&quot;', '&apos;', ';', '&', '?', '@', '://', 'https', 'jdbc:mysql', 'u', 'user',
  'Sup3r-Secret', 'hunter22', 'abcDEF1234567890xyz', 'changeit-placeholder', '${ENV}', 'x', '*****',
  '\n', '\r\n', '\r', ' ', '\t', '  ', ',', '#',
  '<password>', '</password>', '<property name="password">', '</property>', '<string>', '</string>', '<list>',
  '<credentials>', '</credentials>', '<entry>', '</entry>', 'secret="', 'pw="',
  '-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', 'MIIEow', '-----',
  'Bearer ', 'Basic ', 'Token ', 'eyJhbGciOi', '.eyJzdWIiOi', '.sig_123', 'AKIA', 'ABCDEFGHIJKLMNOP', 'sk-', 'sk-ant-',
  'AAAAAAAAAAAAAAAAAAAAAAAA', 'xoxb-', 'ghp_', 'AIza', 'SG.', 'sk_live_', 'rk_live_', 'SK', '0123456789abcdef0123456789abcdef',
  'createDatabaseConnection(', 'getConnection(', ', ', ')', 'é', 'Ω', '😀', '\u2028', '\u00a0', 'S06-LT-00001', 'OpenAI;Deepgram',
];
const WHOLE = ['SK0123456789abcdef0123456789abcdef', 'ghp_' + 'a'.repeat(30), 'sk_live_' + 'a'.repeat(16), 'xoxp-1234567890', 'AIza' + 'b'.repeat(35), 'SG.' + 'c'.repeat(16) + '.' + 'd'.repeat(16)];
const piece = fc.constantFrom(...PIECES, ...WHOLE);
/** Long joins build multi-part secrets; short ones leave single secrets alone in a text, where the filter decides. */
const text = fc.oneof(fc.array(piece, { maxLength: 60 }), fc.array(piece, { maxLength: 6 })).map((p) => p.join(''));

describe('findSecrets literal prefilter', () => {
  it('finds exactly the spans of the unfiltered rules on random texts of secret pieces', () => {
    fc.assert(fc.property(text, (t) => {
      expect(findSecrets(t)).toEqual(referenceFindSecrets(t));
    }), { numRuns: 3000 });
  });

  it('holds a needed literal in every match of every rule (so a skipped text had no match)', () => {
    fc.assert(fc.property(text, (t) => {
      for (const rule of RULES) {
        if (!('re' in rule)) continue;
        rule.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = rule.re.exec(t))) {
          if (m[0].length === 0) rule.re.lastIndex++;
          else expect([rule.re.source, canMatch(m[0], rule.needs)]).toEqual([rule.re.source, true]);
        }
      }
    }), { numRuns: 3000 });
  });

  it('agrees on secrets at the start and end of a text, across CRLF and next to unicode', () => {
    const cases = [
      'password=hunter22', 'x\r\npassword=hunter22', 'password=hunter22\r\n', '{"api_key":"abcdef123"}',
      'é😀 Bearer abcDEF1234567890xyz', 'AKIAABCDEFGHIJKLMNOP', 'u://user:pa55word@h', '<password>p@ss</password>',
      "key = 'abcdefgh'", 'sk-ant-AAAAAAAAAAAAAAAAAAAAAAAA', 'a,b\r\nSK0123456789abcdef0123456789abcdef',
      'token: "tok-1234"\r\ntoken: \'tok-5678\'', 'install_id,clinician\nS06-LT-00001,Hannah Nguyen',
    ];
    for (const t of cases) expect(findSecrets(t)).toEqual(referenceFindSecrets(t));
    expect(findSecrets(cases[0]!)).toHaveLength(1);
  });
});
