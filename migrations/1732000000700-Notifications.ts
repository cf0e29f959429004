import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follows, notification preferences (only the choices that differ from the defaults), in-app notifications and
 * e-mail deliveries (RULES §8). Each (event, recipient) is stored at most once per channel: retried or duplicated
 * fan-out jobs insert with ON CONFLICT DO NOTHING and act only on the rows they inserted.
 */
export class Notifications1732000000700 implements MigrationInterface {
  name = 'Notifications1732000000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE follows (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('CHALLENGE', 'UNIT', 'CATEGORY', 'STATE', 'MUNICIPALITY')),
        target_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_type, target_id)
      )`);
    // Fan-out walks the followers of a target in user id order (keyset pagination).
    await db.query(`CREATE INDEX follows_by_target ON follows (target_type, target_id, user_id)`);
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL')),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type, channel)
      )`);
    await db.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        event_id bigint NOT NULL,
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        challenge_id uuid,
        proposal_id uuid,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_once UNIQUE (event_id, recipient_id)
      )`);
    await db.query(`CREATE INDEX notifications_of_recipient ON notifications (recipient_id, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL`);
    await db.query(`
      CREATE TABLE email_deliveries (
        event_id bigint NOT NULL,
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        challenge_id uuid,
        proposal_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        PRIMARY KEY (event_id, recipient_id)
      )`);
    await db.query(`CREATE INDEX email_deliveries_pending ON email_deliveries (event_id) WHERE queued_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_deliveries`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE notification_preferences`);
    await db.query(`DROP TABLE follows`);
  }
}
