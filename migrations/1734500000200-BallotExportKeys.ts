import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ballots.pb` in a random order (issue #16): each ballot draws a random key when first stored, and the
 * export pages by (round, key) through an index, so the order is unrelated to the voter's account id or
 * voting time, and fast. The key is never published.
 */
export class BallotExportKeys1734500000200 implements MigrationInterface {
  name = 'BallotExportKeys1734500000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE budget_ballots ADD COLUMN export_key uuid NOT NULL DEFAULT gen_random_uuid()`);
    await db.query(`CREATE UNIQUE INDEX budget_ballots_export_order ON budget_ballots (round_id, export_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE budget_ballots DROP COLUMN export_key`);
  }
}
