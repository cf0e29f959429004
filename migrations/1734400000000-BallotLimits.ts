import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participatory budgeting as cities run it (RULES §3, §5): a ballot may have no cost cap
 * (voter_budget NULL) and may have to hold between min_length and max_length proposals (an empty
 * ballot is always allowed). Both limits are copied onto the ballot row when it is cast, like the
 * voter budget, and hold by construction: the cost by the CHECK, the length by a constraint trigger
 * that counts the ballot's items when the transaction commits (deferred, because a ballot's items
 * are replaced one statement after its row, so the count is only final at the end).
 */
export class BallotLimits1734400000000 implements MigrationInterface {
  name = 'BallotLimits1734400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE budget_ballots ALTER COLUMN voter_budget DROP NOT NULL`);
    await db.query(`ALTER TABLE budget_ballots DROP CONSTRAINT budget_ballots_within_budget`);
    await db.query(`
      ALTER TABLE budget_ballots
        ADD CONSTRAINT budget_ballots_within_budget
          CHECK (total_cost >= 0 AND (voter_budget IS NULL OR total_cost <= voter_budget)),
        ADD COLUMN min_length int,
        ADD COLUMN max_length int,
        ADD CONSTRAINT budget_ballots_length_limits
          CHECK ((min_length IS NULL OR min_length >= 1) AND (max_length IS NULL OR max_length >= coalesce(min_length, 1)))`);
    await db.query(`
      CREATE FUNCTION budget_ballots_within_length() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        key_round uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
        key_voter uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.voter_id ELSE NEW.voter_id END;
        ballot record;
        items int;
      BEGIN
        SELECT min_length, max_length INTO ballot FROM budget_ballots WHERE round_id = key_round AND voter_id = key_voter;
        IF NOT FOUND OR (ballot.min_length IS NULL AND ballot.max_length IS NULL) THEN
          RETURN NULL;
        END IF;
        SELECT count(*) INTO items FROM budget_ballot_items WHERE round_id = key_round AND voter_id = key_voter;
        IF items > 0 AND (items < coalesce(ballot.min_length, 0) OR items > coalesce(ballot.max_length, items)) THEN
          RAISE EXCEPTION 'ballot of % proposals outside the limits % .. %', items, ballot.min_length, ballot.max_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_ballots_within_length', TABLE = 'budget_ballots';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER budget_ballots_within_length AFTER INSERT OR UPDATE ON budget_ballots
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION budget_ballots_within_length()`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER budget_ballot_items_within_length AFTER INSERT OR DELETE ON budget_ballot_items
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION budget_ballots_within_length()`);
    // Every stored challenge gets the new settings, empty: no ballot length limits.
    await db.query(`
      UPDATE challenges
      SET settings = jsonb_build_object('minProjectsPerBallot', NULL, 'maxProjectsPerBallot', NULL) || settings
      WHERE NOT settings ? 'minProjectsPerBallot'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE challenges SET settings = settings - 'minProjectsPerBallot' - 'maxProjectsPerBallot'`);
    await db.query(`DROP TRIGGER budget_ballot_items_within_length ON budget_ballot_items`);
    await db.query(`DROP TRIGGER budget_ballots_within_length ON budget_ballots`);
    await db.query(`DROP FUNCTION budget_ballots_within_length`);
    await db.query(`
      ALTER TABLE budget_ballots
        DROP CONSTRAINT budget_ballots_length_limits,
        DROP COLUMN min_length,
        DROP COLUMN max_length,
        DROP CONSTRAINT budget_ballots_within_budget`);
    // Uncapped ballots get the cap they would have had before: the whole budget.
    await db.query(`
      UPDATE budget_ballots b SET voter_budget = c.budget
      FROM rounds r JOIN challenges c ON c.id = r.challenge_id
      WHERE b.round_id = r.id AND b.voter_budget IS NULL`);
    await db.query(`ALTER TABLE budget_ballots ALTER COLUMN voter_budget SET NOT NULL`);
    await db.query(`
      ALTER TABLE budget_ballots
        ADD CONSTRAINT budget_ballots_within_budget CHECK (total_cost >= 0 AND total_cost <= voter_budget)`);
  }
}
