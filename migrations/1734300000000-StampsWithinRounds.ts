import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rows whose time a round's window governs, the column holding that time, and the constraint name reported. */
const STAMPED = [
  { table: 'votes', column: 'created_at', constraint: 'votes_stamped_within_round' },
  { table: 'budget_ballots', column: 'submitted_at', constraint: 'budget_ballots_stamped_within_round' },
  { table: 'evaluations', column: 'updated_at', constraint: 'evaluations_stamped_within_round' },
] as const;

/**
 * Issue #19: a vote, a ballot or an evaluation is stamped inside [opens_at, closes_at) of its round, and never
 * in a CLOSED round, whatever code writes it. The trigger reads the round under FOR KEY SHARE in the writing
 * statement, so a close (FOR UPDATE on the round) waits for the write, and a write after the close sees CLOSED.
 * The services stamp with the same clock reading that decided the round was open; this is the backstop.
 */
export class StampsWithinRounds1734300000000 implements MigrationInterface {
  name = 'StampsWithinRounds1734300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION stamped_within_round() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        stamp timestamptz := (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz;
        round record;
      BEGIN
        SELECT opens_at, closes_at, status INTO round FROM rounds WHERE id = NEW.round_id FOR KEY SHARE;
        IF NOT FOUND OR round.status = 'CLOSED' OR stamp < round.opens_at OR stamp >= round.closes_at THEN
          RAISE EXCEPTION '% stamped % outside its round''s window', TG_TABLE_NAME, stamp
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_ARGV[1], TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);
    for (const { table, column, constraint } of STAMPED) {
      await db.query(`
        CREATE TRIGGER ${constraint} BEFORE INSERT OR UPDATE OF round_id, ${column} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION stamped_within_round('${column}', '${constraint}')`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, constraint } of STAMPED) await db.query(`DROP TRIGGER ${constraint} ON ${table}`);
    await db.query(`DROP FUNCTION stamped_within_round`);
  }
}
