import { MigrationInterface, QueryRunner } from 'typeorm';

export class Challenges1732000000300 implements MigrationInterface {
  name = 'Challenges1732000000300';

  async up(db: QueryRunner): Promise<void> {
    // Full-text document in Spanish, accent-insensitive: "educacion" finds "Educación", plurals stem alike.
    await db.query(`
      CREATE FUNCTION challenge_search_document(title text, summary text, description text, tags text[])
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('spanish'::regconfig, immutable_unaccent(coalesce(title, ''))), 'A') ||
               setweight(to_tsvector('spanish'::regconfig, immutable_unaccent(coalesce(array_to_string(tags, ' '), ''))), 'A') ||
               setweight(to_tsvector('spanish'::regconfig, immutable_unaccent(coalesce(summary, ''))), 'B') ||
               setweight(to_tsvector('spanish'::regconfig, immutable_unaccent(coalesce(description, ''))), 'C')
      $$`);
    await db.query(`
      CREATE TABLE challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES government_units(id),
        slug text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        category text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        level text NOT NULL,
        state_code char(2) REFERENCES states(code),
        municipality_code char(5) REFERENCES municipalities(code),
        budget numeric(14, 2) CHECK (budget IS NULL OR budget > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'FINISHED', 'CANCELLED')),
        settings jsonb NOT NULL,
        created_by_id uuid REFERENCES users(id),
        published_at timestamptz,
        cancelled_reason text,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_document tsvector GENERATED ALWAYS AS (challenge_search_document(title, summary, description, tags)) STORED,
        CONSTRAINT challenges_slug_unique UNIQUE (slug)
      )`);
    await db.query(`CREATE INDEX challenges_search ON challenges USING gin (search_document)`);
    await db.query(`CREATE INDEX challenges_listing ON challenges (status, created_at DESC)`);
    await db.query(`CREATE INDEX challenges_unit ON challenges (unit_id)`);
    await db.query(`CREATE INDEX challenges_territory ON challenges (level, state_code, municipality_code)`);

    await db.query(`
      CREATE TABLE rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        kind text NOT NULL CHECK (kind IN ('SUBMISSION', 'VOTING', 'EVALUATION')),
        title text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'OPEN', 'CLOSED')),
        opened_at timestamptz,
        closed_at timestamptz,
        advance_count int CHECK (advance_count IS NULL OR advance_count >= 1),
        CONSTRAINT rounds_dates CHECK (closes_at > opens_at),
        CONSTRAINT rounds_position_unique UNIQUE (challenge_id, position)
      )`);
    await db.query(`CREATE INDEX rounds_due_to_open ON rounds (opens_at) WHERE status = 'SCHEDULED'`);
    await db.query(`CREATE INDEX rounds_due_to_close ON rounds (closes_at) WHERE status = 'OPEN'`);

    await db.query(`
      CREATE TABLE evaluation_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
        position int NOT NULL,
        name text NOT NULL,
        description text,
        weight double precision NOT NULL CHECK (weight > 0),
        max_score int NOT NULL CHECK (max_score BETWEEN 1 AND 100),
        CONSTRAINT evaluation_criteria_position_unique UNIQUE (challenge_id, position)
      )`);

    await db.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_challenge FOREIGN KEY (challenge_id) REFERENCES challenges(id)`,
    );
    await db.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor FOREIGN KEY (actor_id) REFERENCES users(id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_challenge`);
    await db.query(`DROP TABLE evaluation_criteria`);
    await db.query(`DROP TABLE rounds`);
    await db.query(`DROP TABLE challenges`);
    await db.query(`DROP FUNCTION challenge_search_document`);
  }
}
