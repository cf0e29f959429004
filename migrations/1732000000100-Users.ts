import { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1732000000100 implements MigrationInterface {
  name = 'Users1732000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        platform_role text NOT NULL DEFAULT 'CITIZEN' CHECK (platform_role IN ('CITIZEN', 'MODERATOR', 'ADMIN')),
        email_verified_at timestamptz,
        curp_hash text,
        curp_verified_at timestamptz,
        state_code char(2) REFERENCES states(code),
        municipality_code char(5) REFERENCES municipalities(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_municipality_needs_state CHECK (municipality_code IS NULL OR state_code IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await db.query(`CREATE UNIQUE INDEX users_curp_unique ON users (curp_hash) WHERE curp_hash IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE users`);
  }
}
