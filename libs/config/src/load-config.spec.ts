import { loadConfig, redactedConfig } from './load-config.js';

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

  it('never exposes credentials in the loggable copy', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://admin:hunter2@db/custody', CUSTODY_WEBHOOK_SECRET: 'x'.repeat(20) });
    const text = JSON.stringify(redactedConfig(c));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('x'.repeat(20));
  });
});
