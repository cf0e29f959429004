import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15. E-mails stored in the one normalised form of src/common/email.ts (NFKC, trimmed, lower-case)
 * and unique in that form. When two old rows fold into one address only the oldest is rewritten; the other
 * keeps its spelling and shows up in the migration's NOTICE so an operator can merge or close it.
 * session_version: access tokens carry it, and a password reset or "sign out everywhere" bumps it.
 */
export class AccountResilience1734100000000 implements MigrationInterface {
  name = 'AccountResilience1734100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_email_unique`);
    await db.query(`
      WITH folded AS (
        SELECT id, lower(normalize(btrim(email), NFKC)) AS email,
               row_number() OVER (PARTITION BY lower(normalize(btrim(email), NFKC)) ORDER BY created_at, id) AS rank
        FROM users)
      UPDATE users u SET email = folded.email FROM folded
      WHERE folded.id = u.id AND folded.rank = 1 AND u.email <> folded.email`);
    await db.query(`
      DO $$ DECLARE n int; BEGIN
        SELECT count(*) INTO n FROM users u
        WHERE EXISTS (SELECT 1 FROM users o WHERE o.id <> u.id AND o.email = lower(normalize(btrim(u.email), NFKC)));
        IF n > 0 THEN RAISE NOTICE '% cuentas comparten correo normalizado con otra más antigua', n; END IF;
      END $$`);
    await db.query(`CREATE UNIQUE INDEX users_email_unique ON users (email)`);
    await db.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN session_version`);
    await db.query(`DROP INDEX users_email_unique`);
    await db.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
  }
}
