import { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1732000000400 implements MigrationInterface {
  name = 'Proposals1732000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenges(id),
        author_id uuid NOT NULL REFERENCES users(id),
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        estimated_cost numeric(14, 2) CHECK (estimated_cost IS NULL OR estimated_cost > 0),
        latitude double precision CHECK (latitude IS NULL OR latitude BETWEEN 14 AND 33),
        longitude double precision CHECK (longitude IS NULL OR longitude BETWEEN -118.5 AND -86.5),
        links text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'HIDDEN', 'INELIGIBLE')),
        stage int NOT NULL DEFAULT 1 CHECK (stage >= 1),
        eliminated_in_round int,
        moderation_reason text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_location_pair CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CONSTRAINT proposals_submitted_at CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL OR status = 'WITHDRAWN')
      )`);
    await db.query(`CREATE INDEX proposals_challenge ON proposals (challenge_id, status, submitted_at)`);
    await db.query(`CREATE INDEX proposals_author ON proposals (author_id)`);
    await db.query(`
      CREATE INDEX proposals_search ON proposals USING gin (
        to_tsvector('spanish'::regconfig, immutable_unaccent(title || ' ' || summary)))`);
    await db.query(`
      CREATE TABLE proposal_co_authors (
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, user_id)
      )`);
    await db.query(`CREATE INDEX proposal_co_authors_user ON proposal_co_authors (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE proposal_co_authors`);
    await db.query(`DROP TABLE proposals`);
  }
}
