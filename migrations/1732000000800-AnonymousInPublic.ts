import { MigrationInterface, QueryRunner } from 'typeorm';

/** An author may appear as "Anónimo" to the public and in open-data exports (RULES §9, issue #8). */
export class AnonymousInPublic1732000000800 implements MigrationInterface {
  name = 'AnonymousInPublic1732000000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN anonymous_in_public boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN anonymous_in_public`);
  }
}
