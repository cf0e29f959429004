import { MigrationInterface, QueryRunner } from 'typeorm';

/** Wakes the outbox relay as soon as a transaction that wrote outbox rows commits (NOTIFY is delivered on commit). */
export class OutboxNotify1732000000410 implements MigrationInterface {
  name = 'OutboxNotify1732000000410';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox_events', ''); RETURN NULL; END $$`);
    await db.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER outbox_events_notify ON outbox_events`);
    await db.query(`DROP FUNCTION outbox_events_notify`);
  }
}
