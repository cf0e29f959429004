import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ARCO rights (issue #16). `data_exports`: one row per "download my data" request; the worker fills `content`
 * (the JSON) and the row answers its e-mailed link, found by the SHA-256 of the token, until `expires_at`.
 * `users.deleted_at`: an account deleted by its owner stays as a tombstone row with no personal data, so the
 * votes, ballots, evaluations and submitted proposals that point to it keep every count and result unchanged.
 */
export class AccountPrivacy1734600000000 implements MigrationInterface {
  name = 'AccountPrivacy1734600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    await db.query(`
      CREATE TABLE data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        requested_at timestamptz NOT NULL,
        ready_at timestamptz,
        expires_at timestamptz,
        content jsonb,
        CHECK ((ready_at IS NULL) = (expires_at IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX data_exports_token_hash ON data_exports (token_hash)`);
    await db.query(`CREATE INDEX data_exports_user ON data_exports (user_id, requested_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE data_exports`);
    await db.query(`ALTER TABLE users DROP COLUMN deleted_at`);
  }
}
