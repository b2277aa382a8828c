import { auditSigningKeyFilePath, dataKeyFilePath, loadConfig, redactedConfig } from './load-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded mode on loopback', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(4600);
  });

  it('reads production URLs and coerces numbers', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/custody', REDIS_URL: 'redis://r:6379', PORT: '8080' });
    expect(c.port).toBe(8080);
    expect(c.redisUrl).toBe('redis://r:6379');
  });

  it('lists every invalid value at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(/port.*databaseUrl|databaseUrl.*port/);
  });

  it('reads the parse budget as before and its wall-clock backstop factor (default 4, 1-100)', () => {
    const d = loadConfig({});
    expect([d.parseTimeoutMs, d.parseWallFactor]).toEqual([30_000, 4]);
    const c = loadConfig({ CUSTODY_PARSE_TIMEOUT_MS: '5000', CUSTODY_PARSE_WALL_FACTOR: '2.5' });
    expect([c.parseTimeoutMs, c.parseWallFactor]).toEqual([5000, 2.5]);
    expect(() => loadConfig({ CUSTODY_PARSE_WALL_FACTOR: '0.5' })).toThrow(/parseWallFactor/);
    expect(() => loadConfig({ CUSTODY_PARSE_WALL_FACTOR: 'lots' })).toThrow(/parseWallFactor/);
  });

  it('never exposes credentials in the loggable copy', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://admin:hunter2@db/custody', CUSTODY_WEBHOOK_SECRET: 'x'.repeat(20) });
    const text = JSON.stringify(redactedConfig(c));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('x'.repeat(20));
  });

  it('masks the data keys and the audit signing key, and puts their files under the home by default', () => {
    const dataKey = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    const c = loadConfig({ CUSTODY_HOME: '/srv/custody', CUSTODY_DATA_KEYS: dataKey, CUSTODY_AUDIT_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAbc\n-----END PRIVATE KEY-----' });
    const text = JSON.stringify(redactedConfig(c));
    expect(text).not.toContain(dataKey.slice(3));
    expect(text).not.toContain('MC4CAQAwBQYDK2VwBCIEIAbc');
    expect(dataKeyFilePath(c)).toBe('/srv/custody/keys/data-keys.json');
    expect(auditSigningKeyFilePath(c)).toBe('/srv/custody/keys/audit-signing-key.pem');
    expect(dataKeyFilePath(loadConfig({ CUSTODY_DATA_KEY_FILE: '/etc/custody/keys.json' }))).toBe('/etc/custody/keys.json');
  });
});
