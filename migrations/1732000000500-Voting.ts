import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Votes, budget ballots, frozen round tallies and the final results (RULES §5, §7).
 *
 * The vote limits hold by construction, whatever the application does and however many requests
 * run at once: every vote row sits under its voter's quota row for the round (foreign key), a
 * trigger counts the votes into that row in the same statement, and a CHECK keeps the count within
 * the allowance (1 for SINGLE, maxVotesPerVoter for MULTIPLE). The counter update takes the quota
 * row's lock, so concurrent votes of one voter are counted one after another and the CHECK sees the
 * true count; the unique key allows one vote per proposal.
 */
export class Voting1732000000500 implements MigrationInterface {
  name = 'Voting1732000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE vote_quotas (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES users(id),
        allowed int NOT NULL CHECK (allowed >= 1),
        used int NOT NULL DEFAULT 0,
        PRIMARY KEY (round_id, voter_id),
        CONSTRAINT vote_quotas_within_allowance CHECK (used BETWEEN 0 AND allowed)
      )`);
    await db.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        voter_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT votes_one_per_proposal UNIQUE (round_id, proposal_id, voter_id),
        CONSTRAINT votes_quota FOREIGN KEY (round_id, voter_id) REFERENCES vote_quotas(round_id, voter_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX votes_round_proposal ON votes (round_id, proposal_id)`);
    await db.query(`CREATE INDEX votes_voter ON votes (voter_id, round_id)`);
    await db.query(`
      CREATE FUNCTION votes_count_into_quota() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE vote_quotas SET used = used + 1 WHERE round_id = NEW.round_id AND voter_id = NEW.voter_id;
        ELSE
          UPDATE vote_quotas SET used = used - 1 WHERE round_id = OLD.round_id AND voter_id = OLD.voter_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER votes_count_into_quota AFTER INSERT OR DELETE ON votes
      FOR EACH ROW EXECUTE FUNCTION votes_count_into_quota()`);

    await db.query(`
      CREATE TABLE budget_ballots (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES users(id),
        voter_budget numeric(14, 2) NOT NULL,
        total_cost numeric(14, 2) NOT NULL,
        submitted_at timestamptz NOT NULL,
        PRIMARY KEY (round_id, voter_id),
        CONSTRAINT budget_ballots_within_budget CHECK (total_cost >= 0 AND total_cost <= voter_budget)
      )`);
    await db.query(`
      CREATE TABLE budget_ballot_items (
        round_id uuid NOT NULL,
        voter_id uuid NOT NULL,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        PRIMARY KEY (round_id, voter_id, proposal_id),
        FOREIGN KEY (round_id, voter_id) REFERENCES budget_ballots(round_id, voter_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX budget_ballot_items_proposal ON budget_ballot_items (round_id, proposal_id)`);

    await db.query(`
      CREATE TABLE round_tallies (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        votes int NOT NULL CHECK (votes >= 0),
        rank int NOT NULL CHECK (rank >= 1),
        share double precision NOT NULL CHECK (share BETWEEN 0 AND 1),
        advanced boolean NOT NULL,
        PRIMARY KEY (round_id, proposal_id),
        CONSTRAINT round_tallies_rank UNIQUE (round_id, rank)
      )`);

    await db.query(`
      CREATE TABLE challenge_results (
        challenge_id uuid PRIMARY KEY REFERENCES challenges(id),
        method text NOT NULL,
        total_voters int NOT NULL CHECK (total_voters >= 0),
        total_votes int NOT NULL CHECK (total_votes >= 0),
        budget_used numeric(14, 2),
        published_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE result_entries (
        challenge_id uuid NOT NULL REFERENCES challenge_results(challenge_id),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        rank int NOT NULL CHECK (rank >= 1),
        votes int,
        vote_score double precision,
        jury_score double precision,
        final_score double precision NOT NULL,
        is_winner boolean NOT NULL,
        allocated numeric(14, 2),
        evaluation_count int NOT NULL DEFAULT 0,
        criterion_averages jsonb NOT NULL DEFAULT '[]',
        juror_scores jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (challenge_id, proposal_id),
        CONSTRAINT result_entries_rank UNIQUE (challenge_id, rank)
      )`);
    await db.query(`CREATE INDEX result_entries_proposal ON result_entries (proposal_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE result_entries`);
    await db.query(`DROP TABLE challenge_results`);
    await db.query(`DROP TABLE round_tallies`);
    await db.query(`DROP TABLE budget_ballot_items`);
    await db.query(`DROP TABLE budget_ballots`);
    await db.query(`DROP TABLE votes`);
    await db.query(`DROP FUNCTION votes_count_into_quota`);
    await db.query(`DROP TABLE vote_quotas`);
  }
}
