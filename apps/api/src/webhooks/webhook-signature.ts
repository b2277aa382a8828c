import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CustodyConfig } from '@custody/config';
import { UnauthorizedError } from '@custody/domain';

/** How far a webhook's timestamp may be from now (replay window). */
export const MAX_SKEW_MS = 5 * 60_000;

/**
 * The signature a sender computes: `sha256=` + hex HMAC-SHA256 over `<workspace>.<timestamp>.<raw body>`.
 * The workspace (its slug, or its id) is inside the signed text, so a request signed for one workspace is
 * refused when replayed to another, even where both share a secret.
 */
export function signWebhook(secret: string, workspace: string, timestamp: number | string, raw: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${workspace}.${timestamp}.`).update(raw).digest('hex')}`;
}

/** The secret that signs a workspace's webhooks: its own (`CUSTODY_WEBHOOK_SECRETS`), else the shared one. */
export function webhookSecretFor(config: Pick<CustodyConfig, 'webhookSecret' | 'webhookSecrets'>, ws: { id: string; slug: string }): string | undefined {
  return config.webhookSecrets?.[ws.slug] ?? config.webhookSecrets?.[ws.id] ?? config.webhookSecret;
}

/**
 * Throws `UnauthorizedError` unless `signature` is the HMAC of this workspace's request under `secret`
 * (signed with the workspace's slug or its id) and the timestamp is within {@link MAX_SKEW_MS} of `now`.
 */
export function verifyWebhook(input: { secret: string; ws: { id: string; slug: string }; raw?: Buffer; timestamp?: string; signature?: string; now?: number }): void {
  const { secret, ws, raw, timestamp, signature } = input;
  const ts = Number(timestamp);
  if (!raw || !timestamp || !Number.isFinite(ts) || !signature?.startsWith('sha256=')) throw new UnauthorizedError('webhook needs x-custody-timestamp and x-custody-signature');
  if (Math.abs((input.now ?? Date.now()) - ts) > MAX_SKEW_MS) throw new UnauthorizedError('webhook timestamp is too old or in the future');
  const given = Buffer.from(signature);
  const ok = [ws.slug, ws.id].some((name) => {
    const expected = Buffer.from(signWebhook(secret, name, timestamp, raw));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!ok) throw new UnauthorizedError('webhook signature does not match (HMAC of "<workspace>.<timestamp>.<body>" under the workspace\'s secret)');
}
