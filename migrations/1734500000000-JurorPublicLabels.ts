import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Juror labels that cannot be linked to the jury list (issue #16): "Jurado N" numbers jurors by a random
 * key drawn when they join, not by the order they were added. Juries whose results are already
 * published keep the labels they were published with (key in joining order), so nothing public changes.
 */
export class JurorPublicLabels1734500000000 implements MigrationInterface {
  name = 'JurorPublicLabels1734500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE jury_members ADD COLUMN public_label_key uuid NOT NULL DEFAULT gen_random_uuid()`);
    await db.query(
      `UPDATE jury_members SET public_label_key = lpad(to_hex(joined_seq), 32, '0')::uuid
        WHERE challenge_id IN (SELECT challenge_id FROM challenge_results)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE jury_members DROP COLUMN public_label_key`);
  }
}
