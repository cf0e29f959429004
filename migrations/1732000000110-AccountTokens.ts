import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountTokens1732000000110 implements MigrationInterface {
  name = 'AccountTokens1732000000110';

  async up(db: QueryRunner): Promise<void> {
    // A family is one sign-in and every refresh token rotated from it; reuse of a rotated one revokes it all.
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX refresh_tokens_hash_unique ON refresh_tokens (token_hash)`);
    await db.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)`);

    await db.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX account_tokens_hash_unique ON account_tokens (token_hash)`);
    await db.query(`CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE account_tokens`);
    await db.query(`DROP TABLE refresh_tokens`);
  }
}
