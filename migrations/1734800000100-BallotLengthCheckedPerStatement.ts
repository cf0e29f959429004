import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17: the number of a ballot's items is checked once per statement that changes them (transition tables)
 * instead of once per item at commit: a ballot of n new items fired 2n deferred row triggers, each a function call
 * and a lookup of the ballot (a fifth of `submit_budget_ballot`'s time in pg_stat_user_functions). The ballot's
 * writes replace its items in one statement, so the check sees the whole ballot; the deferred check of the ballot
 * row (`budget_ballots_within_length`) stays.
 */
export class BallotLengthCheckedPerStatement1734800000100 implements MigrationInterface {
  name = 'BallotLengthCheckedPerStatement1734800000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER budget_ballot_items_within_length ON budget_ballot_items`);
    await db.query(`
      CREATE FUNCTION budget_ballot_items_within_length() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        outside record;
      BEGIN
        SELECT b.min_length, b.max_length, count(i.proposal_id)::int AS items INTO outside
        FROM (SELECT DISTINCT round_id, voter_id FROM changed_items) c
        JOIN budget_ballots b ON b.round_id = c.round_id AND b.voter_id = c.voter_id
        LEFT JOIN budget_ballot_items i ON i.round_id = c.round_id AND i.voter_id = c.voter_id
        WHERE b.min_length IS NOT NULL OR b.max_length IS NOT NULL
        GROUP BY c.round_id, c.voter_id, b.min_length, b.max_length
        HAVING count(i.proposal_id) > 0 AND (count(i.proposal_id) < coalesce(b.min_length, 0)
          OR count(i.proposal_id) > coalesce(b.max_length, count(i.proposal_id)))
        LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'ballot of % proposals outside the limits % .. %', outside.items, outside.min_length, outside.max_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_ballots_within_length', TABLE = 'budget_ballots';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER budget_ballot_items_added_within_length AFTER INSERT ON budget_ballot_items
      REFERENCING NEW TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION budget_ballot_items_within_length()`);
    await db.query(`
      CREATE TRIGGER budget_ballot_items_removed_within_length AFTER DELETE ON budget_ballot_items
      REFERENCING OLD TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION budget_ballot_items_within_length()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER budget_ballot_items_added_within_length ON budget_ballot_items`);
    await db.query(`DROP TRIGGER budget_ballot_items_removed_within_length ON budget_ballot_items`);
    await db.query(`DROP FUNCTION budget_ballot_items_within_length`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER budget_ballot_items_within_length AFTER INSERT OR DELETE ON budget_ballot_items
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION budget_ballots_within_length()`);
  }
}
