import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook, webhookSecretFor } from './webhook-signature.js';

const SECRET = 'shared-secret-0123456789';
const a = { id: '11111111-1111-4111-8111-111111111111', slug: 'practice-a' };
const b = { id: '22222222-2222-4222-8222-222222222222', slug: 'practice-b' };
const raw = Buffer.from('{"type":"setting_change","system":"A-1","settings":{"training":"allowed"}}');
const now = 1_800_000_000_000;

describe('webhook signatures', () => {
  it('accepts a request signed for its workspace, by slug or by id', () => {
    for (const name of [a.slug, a.id]) {
      expect(() => verifyWebhook({ secret: SECRET, ws: a, raw, timestamp: String(now), signature: signWebhook(SECRET, name, now, raw), now })).not.toThrow();
    }
  });

  it('refuses a request signed for workspace a and replayed to workspace b under the same secret', () => {
    const signature = signWebhook(SECRET, a.slug, now, raw);
    expect(() => verifyWebhook({ secret: SECRET, ws: b, raw, timestamp: String(now), signature, now })).toThrow(/signature does not match/);
  });

  it('refuses the old unbound signature, a changed body, a changed timestamp and a stale one', () => {
    const old = `sha256=${createHmac('sha256', SECRET).update(`${now}.`).update(raw).digest('hex')}`;
    expect(() => verifyWebhook({ secret: SECRET, ws: a, raw, timestamp: String(now), signature: old, now })).toThrow(/does not match/);
    const sig = signWebhook(SECRET, a.slug, now, raw);
    expect(() => verifyWebhook({ secret: SECRET, ws: a, raw: Buffer.from(`${raw} `), timestamp: String(now), signature: sig, now })).toThrow(/does not match/);
    expect(() => verifyWebhook({ secret: SECRET, ws: a, raw, timestamp: String(now + 1), signature: sig, now })).toThrow(/does not match/);
    expect(() => verifyWebhook({ secret: SECRET, ws: a, raw, timestamp: String(now), signature: sig, now: now + 10 * 60_000 })).toThrow(/too old/);
    expect(() => verifyWebhook({ secret: SECRET, ws: a, raw, timestamp: undefined, signature: sig, now })).toThrow(/needs x-custody-timestamp/);
  });

  it('uses a workspace\'s own secret when it has one, and the shared one otherwise', () => {
    const config = { webhookSecret: SECRET, webhookSecrets: { [b.slug]: 'b-only-secret-0123456789' } };
    expect(webhookSecretFor(config, a)).toBe(SECRET);
    expect(webhookSecretFor(config, b)).toBe('b-only-secret-0123456789');
    expect(webhookSecretFor({ webhookSecrets: { [b.id]: 'by-id-secret-0123456789' } }, b)).toBe('by-id-secret-0123456789');
    expect(webhookSecretFor({}, a)).toBeUndefined();
  });
});
