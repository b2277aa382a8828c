import { findSecrets, isPlaceholder, REDACTED, redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  const cases: [string, string, string][] = [
    ['xml element', '<password>Sup3r-Secret-Pw!</password>', 'Sup3r-Secret-Pw!'],
    ['mirth 2.x property', '<property name="password">hunter22</property>', 'hunter22'],
    ['json member', '{ "client_secret": "cs-123456789" }', 'cs-123456789'],
    ['properties line', 'ihe.keypassword=Jembi#123', 'Jembi#123'],
    ['yaml line', 'db:\n  password: plainYamlPass', 'plainYamlPass'],
    ['basic-auth url', 'url: https://alice:wonder-land@api.example.test/x', 'wonder-land'],
    ['connection string', 'Server=db;User Id=sa;Password=Conn$tr1ng;', 'Conn$tr1ng'],
    ['bearer header', 'Authorization: Bearer abcDEF1234567890xyz', 'abcDEF1234567890xyz'],
    ['jwt', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9'],
    ['openai key', 'key: sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX', 'sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX'],
    ['aws key id', 'AKIAABCDEFGHIJKLMNOP', 'AKIAABCDEFGHIJKLMNOP'],
    ['script jdbc', "DatabaseConnectionFactory.createDatabaseConnection('d','jdbc:x://h/db','root','dbPass77');", 'dbPass77'],
    ['entity-quoted script', 'createDatabaseConnection(&apos;d&apos;,&apos;jdbc:x&apos;,&apos;u&apos;,&apos;entPass9&apos;)', 'entPass9'],
    ['mirth map entry', '<entry><string>password</string><list><string>formPw42</string></list></entry>', 'formPw42'],
    ['credentials map', '<credentials class="linked-hash-map"><entry><string>user1</string><string>basicPw55</string></entry></credentials>', 'basicPw55'],
    ['password hash', '"passwordHash": "9f8e7d6c5b4a3928"', '9f8e7d6c5b4a3928'],
    ['code literal key', "function enc(d, key = 'static-phi-key') {}", 'static-phi-key'],
  ];
  it.each(cases)('masks a secret in %s', (_name, text, secret) => {
    const { text: out, redactions } = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
    expect(redactions.length).toBeGreaterThan(0);
    expect(redactions[0].replacement).toBe(REDACTED);
    expect(JSON.stringify(redactions)).not.toContain(secret);
  });

  it('masks PEM private key bodies and keeps line numbers', () => {
    const text = 'a: 1\nkey: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEA1234\n  abcdEFGH5678\n  -----END RSA PRIVATE KEY-----\nafter: 2\n';
    const { text: out, redactions } = redactSecrets(text);
    expect(out).not.toContain('MIIEowIBAAKCAQEA1234');
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out.split('\n')[6]).toBe('after: 2');
    expect(redactions[0]).toMatchObject({ kind: 'private_key', line: 3 });
  });

  it('reports the 1-based line and key of each secret', () => {
    const { redactions } = redactSecrets('a=1\nb=2\ncore.api.password=openhim-pw\n');
    expect(redactions).toEqual([{ kind: 'password', path: 'core.api.password', line: 3, replacement: REDACTED }]);
  });

  it('leaves placeholders, defaults and code expressions alone', () => {
    for (const text of [
      'password=${DB_PASSWORD}',
      'odoo.password=${ODOO_PASSWORD:}',
      '<password>anonymous</password>',
      '"password": ""',
      '"token": "Bearer ${token}"',
      'token = &quot;Bearer &quot;+ sourceMap.get(&apos;token&apos;);',
      '"pass": "{{REDIS_PASS}}"',
      '"passwordAlgorithm": "sha512"',
    ]) {
      expect(findSecrets(text)).toEqual([]);
    }
    expect(isPlaceholder('${X}')).toBe(true);
    expect(isPlaceholder('realValue1')).toBe(false);
  });

  it('does not treat ordinary keys ending in similar words as secrets', () => {
    expect(findSecrets('"bypass": "yes-really"\n"tokenUrl": "https://x.test/t"\n"authType": "basic"')).toEqual([]);
  });

  it.each([
    ['a long word', 'a'.repeat(2_000_000)],
    ['dotted runs', 'a.'.repeat(1_000_000)],
    ['unterminated quotes', '"'.repeat(1_000_000)],
    ['repeated open tags', '<string>'.repeat(200_000)],
    ['repeated script calls', "createDatabaseConnection('".repeat(100_000)],
    ['scheme-like runs', 'http://a:b'.repeat(200_000)],
  ])('scans %s in linear time (no ReDoS)', (_name, text) => {
    const t0 = performance.now();
    findSecrets(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
