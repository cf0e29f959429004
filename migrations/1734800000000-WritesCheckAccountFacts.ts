import { MigrationInterface, QueryRunner } from 'typeorm';
import { SubmitBudgetBallotFunction1734700000100 as PreviousBallotFunction } from './1734700000100-SubmitBudgetBallotFunction.js';

/**
 * Issue #17: a vote or a ballot no longer needs its own read of the account. `account_facts` is what a request may
 * do as one value (the authenticator reads it, `src/infrastructure/auth/account-facts.ts`), and the statement that stores a vote or a
 * ballot compares it with the facts its decision was made on: a role change, a sign-out, a verification or a change
 * of territory committed before the statement refuses it, and the API decides again on a fresh read. In plpgsql, whose
 * plans are kept per connection: a SQL function with a FROM is never inlined and is planned again at every call
 * (pgbench: 22 800 calls/s against 36 200).
 *
 * `submit_budget_ballot` also checks, in the same statement, what a kept copy of the challenge may have missed:
 * the challenge still published and the voter not on its jury (as `cast_vote` does).
 */
export class WritesCheckAccountFacts1734800000000 implements MigrationInterface {
  name = 'WritesCheckAccountFacts1734800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION account_facts(p_user uuid) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN (SELECT jsonb_build_object('platformRole', platform_role, 'sessionVersion', session_version,
          'emailVerified', email_verified_at IS NOT NULL, 'curpVerified', curp_verified_at IS NOT NULL,
          'stateCode', state_code, 'municipalityCode', municipality_code)
        FROM users WHERE id = p_user);
      END
      $$`);
    await db.query(`DROP FUNCTION submit_budget_ballot`);
    await db.query(`
      CREATE FUNCTION submit_budget_ballot(
        p_round uuid, p_voter uuid, p_submitted_at timestamptz, p_proposals uuid[],
        p_voter_budget numeric, p_min_length int, p_max_length int, p_event jsonb, p_account jsonb,
        OUT account_current boolean, OUT round_open boolean, OUT voter_is_juror boolean, OUT running_count int,
        OUT ballot_total text, OUT ballot_stored boolean, OUT ballot_items text[]
      ) LANGUAGE plpgsql AS $$
      BEGIN
        account_current := coalesce(account_facts(p_voter) = p_account, false);
        IF NOT account_current THEN RETURN; END IF;

        WITH round AS (
          SELECT r.id, r.challenge_id, r.position FROM rounds r JOIN challenges c ON c.id = r.challenge_id
          WHERE r.id = p_round AND c.status = 'PUBLISHED' AND r.status <> 'CLOSED'
            AND r.opens_at <= p_submitted_at AND p_submitted_at < r.closes_at
          FOR KEY SHARE OF r
        ), juror AS (
          SELECT 1 FROM round JOIN jury_members j ON j.challenge_id = round.challenge_id AND j.user_id = p_voter
        ), totals AS (
          SELECT count(p.id)::int AS n, coalesce(sum(coalesce(p.estimated_cost, 0)), 0)::numeric(14, 2) AS total
          FROM round JOIN proposals p ON p.id = ANY(p_proposals) AND p.challenge_id = round.challenge_id
            AND p.status = 'SUBMITTED' AND p.stage = round.position AND p.eliminated_in_round IS NULL
        ), ballot AS (
          INSERT INTO budget_ballots (round_id, voter_id, voter_budget, min_length, max_length, total_cost, submitted_at)
          SELECT round.id, p_voter, p_voter_budget, p_min_length, p_max_length, totals.total, p_submitted_at
          FROM round, totals
          WHERE NOT EXISTS (SELECT 1 FROM juror)
            AND totals.n = cardinality(p_proposals) AND (p_voter_budget IS NULL OR totals.total <= p_voter_budget)
            AND (totals.n = 0 OR ((p_min_length IS NULL OR totals.n >= p_min_length)
                             AND (p_max_length IS NULL OR totals.n <= p_max_length)))
          ON CONFLICT (round_id, voter_id) DO UPDATE SET voter_budget = EXCLUDED.voter_budget,
            min_length = EXCLUDED.min_length, max_length = EXCLUDED.max_length, total_cost = EXCLUDED.total_cost,
            submitted_at = EXCLUDED.submitted_at
          RETURNING budget_ballots.round_id
        )
        SELECT EXISTS (SELECT 1 FROM round), EXISTS (SELECT 1 FROM juror), coalesce((SELECT n FROM totals), 0),
               coalesce((SELECT total FROM totals), 0)::numeric(14, 2)::text, EXISTS (SELECT 1 FROM ballot)
        INTO round_open, voter_is_juror, running_count, ballot_total, ballot_stored;
        IF NOT ballot_stored THEN RETURN; END IF;

        WITH removed AS (
          DELETE FROM budget_ballot_items i
          WHERE i.round_id = p_round AND i.voter_id = p_voter AND NOT (i.proposal_id = ANY(p_proposals))
        ), added AS (
          INSERT INTO budget_ballot_items (round_id, voter_id, proposal_id) SELECT p_round, p_voter, unnest(p_proposals)
          ON CONFLICT DO NOTHING
        ), event AS (
          INSERT INTO outbox_events (type, payload) VALUES ('votes.changed', p_event)
        )
        SELECT coalesce(array_agg(id::text ORDER BY id), '{}') INTO ballot_items FROM unnest(p_proposals) AS id;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION submit_budget_ballot`);
    await db.query(`DROP FUNCTION account_facts`);
    await new PreviousBallotFunction().up(db);
  }
}
