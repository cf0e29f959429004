import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jury evaluation (RULES §6): jurors of a challenge, their declared conflicts, the assignments of each
 * EVALUATION round and the evaluations.
 *
 * The database keeps the invariants whatever the application does: an account sits once on a
 * challenge's jury; a juror gets one assignment per proposal and round (one per (juror, proposal)
 * within a round — a later EVALUATION round assigns afresh); an assignment holds at most one
 * evaluation, so a resubmission is an upsert on that key; a conflict is declared once per pair.
 * Removing a juror removes their assignments and evaluations with them (CASCADE).
 */
export class Evaluation1732000000600 implements MigrationInterface {
  name = 'Evaluation1732000000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE jury_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        is_chair boolean NOT NULL DEFAULT false,
        joined_seq bigint GENERATED ALWAYS AS IDENTITY,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jury_members_one_per_challenge UNIQUE (challenge_id, user_id)
      )`);
    await db.query(`CREATE INDEX jury_members_user ON jury_members (user_id)`);
    await db.query(`
      CREATE TABLE jury_conflicts (
        juror_id uuid NOT NULL REFERENCES jury_members(id) ON DELETE CASCADE,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (juror_id, proposal_id)
      )`);
    await db.query(`
      CREATE TABLE jury_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        juror_id uuid NOT NULL REFERENCES jury_members(id) ON DELETE CASCADE,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jury_assignments_one_per_juror_and_proposal UNIQUE (round_id, juror_id, proposal_id)
      )`);
    await db.query(`CREATE INDEX jury_assignments_proposal ON jury_assignments (proposal_id, round_id)`);
    await db.query(`
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES jury_assignments(id) ON DELETE CASCADE,
        round_id uuid NOT NULL,
        juror_id uuid NOT NULL,
        proposal_id uuid NOT NULL,
        scores jsonb NOT NULL,
        comment text,
        total double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT evaluations_one_per_assignment UNIQUE (assignment_id)
      )`);
    await db.query(`CREATE INDEX evaluations_round ON evaluations (round_id)`);
    await db.query(`CREATE INDEX evaluations_proposal ON evaluations (proposal_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evaluations`);
    await db.query(`DROP TABLE jury_assignments`);
    await db.query(`DROP TABLE jury_conflicts`);
    await db.query(`DROP TABLE jury_members`);
  }
}
