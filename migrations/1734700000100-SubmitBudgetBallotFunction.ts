import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget ballot in one round trip (issue #17): the two statements that store it, in a function, so one call is
 * one transaction without BEGIN and COMMIT round trips. In READ COMMITTED each statement of a plpgsql function takes
 * a new snapshot, so the second still starts once the first holds the ballot row's lock and sees the items of any
 * submission committed before (what running them as two statements of a transaction gave).
 *
 * 1. The ballot row, stored only if the round accepts actions at the stamp (FOR KEY SHARE: a close waits), every
 *    proposal is in its running, the total is within the voter budget and the length within the limits; the upsert
 *    takes the row's lock, so one voter's parallel submissions apply one after another.
 * 2. Only when stored: the items become the given proposals, with the `votes.changed` outbox row.
 * The CHECK on the total and the constraint trigger on the number of items hold it again at commit.
 */
export class SubmitBudgetBallotFunction1734700000100 implements MigrationInterface {
  name = 'SubmitBudgetBallotFunction1734700000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION submit_budget_ballot(
        p_round uuid, p_voter uuid, p_submitted_at timestamptz, p_proposals uuid[],
        p_voter_budget numeric, p_min_length int, p_max_length int, p_event jsonb,
        OUT round_open boolean, OUT running_count int, OUT ballot_total text, OUT ballot_stored boolean,
        OUT ballot_items text[]
      ) LANGUAGE plpgsql AS $$
      BEGIN
        WITH round AS (
          SELECT r.id, r.challenge_id, r.position FROM rounds r
          WHERE r.id = p_round AND r.status <> 'CLOSED' AND r.opens_at <= p_submitted_at AND p_submitted_at < r.closes_at
          FOR KEY SHARE
        ), totals AS (
          SELECT count(p.id)::int AS n, coalesce(sum(coalesce(p.estimated_cost, 0)), 0)::numeric(14, 2) AS total
          FROM round JOIN proposals p ON p.id = ANY(p_proposals) AND p.challenge_id = round.challenge_id
            AND p.status = 'SUBMITTED' AND p.stage = round.position AND p.eliminated_in_round IS NULL
        ), ballot AS (
          INSERT INTO budget_ballots (round_id, voter_id, voter_budget, min_length, max_length, total_cost, submitted_at)
          SELECT round.id, p_voter, p_voter_budget, p_min_length, p_max_length, totals.total, p_submitted_at
          FROM round, totals
          WHERE totals.n = cardinality(p_proposals) AND (p_voter_budget IS NULL OR totals.total <= p_voter_budget)
            AND (totals.n = 0 OR ((p_min_length IS NULL OR totals.n >= p_min_length)
                             AND (p_max_length IS NULL OR totals.n <= p_max_length)))
          ON CONFLICT (round_id, voter_id) DO UPDATE SET voter_budget = EXCLUDED.voter_budget,
            min_length = EXCLUDED.min_length, max_length = EXCLUDED.max_length, total_cost = EXCLUDED.total_cost,
            submitted_at = EXCLUDED.submitted_at
          RETURNING budget_ballots.round_id
        )
        SELECT EXISTS (SELECT 1 FROM round), coalesce((SELECT n FROM totals), 0),
               coalesce((SELECT total FROM totals), 0)::numeric(14, 2)::text, EXISTS (SELECT 1 FROM ballot)
        INTO round_open, running_count, ballot_total, ballot_stored;
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
  }
}
