import { dataSourceOptions } from './data-source.js';

describe('dataSourceOptions', () => {
  const extra = (o: ReturnType<typeof dataSourceOptions>) => (o as { extra?: Record<string, unknown> }).extra ?? {};

  it('keeps idle connections open for the embedded engine only (a new connection waits behind its one session)', () => {
    expect(extra(dataSourceOptions('postgres://x/db', 4, 30_000, {}, true)).idleTimeoutMillis).toBe(0);
    // A server of its own: node-postgres's default (idle connections closed after a while) stands.
    expect(extra(dataSourceOptions('postgres://x/db', 10)).idleTimeoutMillis).toBeUndefined();
  });
});
