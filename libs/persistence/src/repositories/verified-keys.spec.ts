import { VerifiedKeyCache, type VerifiedKey } from './verified-keys.js';

const key = (over: Partial<VerifiedKey> = {}): VerifiedKey => ({ keyId: 'k1', workspaceId: 'w1', role: 'viewer', verifiedAt: 1000, ...over });

describe('VerifiedKeyCache', () => {
  it('answers a kept key until its TTL (monotonic clock) or its expiry (wall clock), whichever comes first', () => {
    let mono = 0;
    const cache = new VerifiedKeyCache(500, () => mono);
    cache.keep('h', key({ expiresAt: 1300 }), cache.mark());
    expect(cache.get('h', 1200)).toMatchObject({ keyId: 'k1' });
    expect(cache.get('h', 1300)).toBeUndefined();
    cache.keep('h', key(), cache.mark());
    mono = 500;
    expect(cache.get('h', 1500)).toMatchObject({ keyId: 'k1' });
    mono = 501;
    expect(cache.get('h', 1501)).toBeUndefined();
  });

  it('does not trust a key longer when the wall clock steps back', () => {
    let mono = 0;
    const cache = new VerifiedKeyCache(500, () => mono);
    cache.keep('h', key(), cache.mark());
    mono = 501;
    // The wall clock went back an hour: the entry is still 501 ms old.
    expect(cache.get('h', 1000 - 3_600_000)).toBeUndefined();
  });

  it('drops a revoked key at once, and never keeps a key whose row was read before a revocation', () => {
    const cache = new VerifiedKeyCache(60_000);
    cache.keep('h1', key(), cache.mark());
    cache.keep('h2', key({ keyId: 'k2' }), cache.mark());
    const before = cache.mark();
    cache.forget('k1');
    expect(cache.get('h1', 1001)).toBeUndefined();
    expect(cache.get('h2', 1001)).toMatchObject({ keyId: 'k2' });
    // A read that started before the revocation may hold the revoked row: not kept.
    cache.keep('h1', key(), before);
    expect(cache.get('h1', 1001)).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = new VerifiedKeyCache(0);
    cache.keep('h', key(), cache.mark());
    expect(cache.get('h', 1000)).toBeUndefined();
  });
});
