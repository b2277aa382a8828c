import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key lifecycle: a role per key (owner, auditor, viewer), an optional expiry and the last time it was used.
 * Existing keys become owners, which is what every key was before roles existed.
 */
export class ApiKeyRoles1764700000000 implements MigrationInterface {
  name = 'ApiKeyRoles1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ADD COLUMN role text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'auditor', 'viewer'))`);
    await q.query(`ALTER TABLE api_key ADD COLUMN expires_at timestamptz`);
    await q.query(`ALTER TABLE api_key ADD COLUMN last_used_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['last_used_at', 'expires_at', 'role']) await q.query(`ALTER TABLE api_key DROP COLUMN ${c}`);
  }
}
