import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a hidden proposal returns when a moderator unhides it (SUBMITTED or WITHDRAWN). */
export class ProposalModeration1732000000420 implements MigrationInterface {
  name = 'ProposalModeration1732000000420';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE proposals ADD COLUMN hidden_from_status text
        CHECK (hidden_from_status IS NULL OR hidden_from_status IN ('SUBMITTED', 'WITHDRAWN'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE proposals DROP COLUMN hidden_from_status`);
  }
}
