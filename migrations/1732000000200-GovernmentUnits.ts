import { MigrationInterface, QueryRunner } from 'typeorm';

export class GovernmentUnits1732000000200 implements MigrationInterface {
  name = 'GovernmentUnits1732000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE government_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        acronym text,
        description text,
        level text NOT NULL CHECK (level IN ('FEDERAL', 'STATE', 'MUNICIPAL')),
        state_code char(2) REFERENCES states(code),
        municipality_code char(5) REFERENCES municipalities(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- RULES §2: the level fixes the territory.
        CONSTRAINT government_units_territory CHECK (
          (level = 'FEDERAL' AND state_code IS NULL AND municipality_code IS NULL) OR
          (level = 'STATE' AND state_code IS NOT NULL AND municipality_code IS NULL) OR
          (level = 'MUNICIPAL' AND state_code IS NOT NULL AND municipality_code IS NOT NULL
            AND left(municipality_code, 2) = state_code)
        )
      )`);
    await db.query(`
      CREATE INDEX government_units_search ON government_units
      USING gin (immutable_unaccent(lower(name || ' ' || coalesce(acronym, ''))) gin_trgm_ops)`);
    await db.query(
      `CREATE INDEX government_units_territory_idx ON government_units (level, state_code, municipality_code)`,
    );
    await db.query(`
      CREATE TABLE unit_memberships (
        unit_id uuid NOT NULL REFERENCES government_units(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, user_id)
      )`);
    await db.query(`CREATE INDEX unit_memberships_user ON unit_memberships (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_memberships`);
    await db.query(`DROP TABLE government_units`);
  }
}
