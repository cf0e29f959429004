import { MigrationInterface, QueryRunner } from 'typeorm';

/** Events written in one transaction share a timestamp; a sequence gives the audit log a total order. */
export class AuditSequence1732000000425 implements MigrationInterface {
  name = 'AuditSequence1732000000425';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events ADD COLUMN seq bigserial NOT NULL`);
    await db.query(`DROP INDEX audit_events_challenge`);
    await db.query(`CREATE INDEX audit_events_challenge ON audit_events (challenge_id, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_events_challenge`);
    await db.query(`CREATE INDEX audit_events_challenge ON audit_events (challenge_id, created_at)`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN seq`);
  }
}
