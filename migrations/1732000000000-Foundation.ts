import { MigrationInterface, QueryRunner } from 'typeorm';
import { readCatalogCsv } from './inegi-catalog.js';

export class Foundation1732000000000 implements MigrationInterface {
  name = 'Foundation1732000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it.
    await db.query(`
      CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await db.query(`
      CREATE TABLE states (
        code char(2) PRIMARY KEY,
        name text NOT NULL,
        curp_code char(2) NOT NULL UNIQUE,
        abbreviation text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE municipalities (
        code char(5) PRIMARY KEY,
        state_code char(2) NOT NULL REFERENCES states(code),
        name text NOT NULL
      )`);
    await db.query(`CREATE INDEX municipalities_state_code ON municipalities (state_code)`);

    const states = readCatalogCsv('mx-states.csv');
    await db.query(
      `INSERT INTO states (code, name, curp_code, abbreviation)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        states.map((s) => s.cve_ent),
        states.map((s) => s.name),
        states.map((s) => s.curp_code),
        states.map((s) => s.abbreviation),
      ],
    );
    const municipalities = readCatalogCsv('mx-municipalities.csv');
    await db.query(
      `INSERT INTO municipalities (code, state_code, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [municipalities.map((m) => m.cvegeo), municipalities.map((m) => m.cve_ent), municipalities.map((m) => m.name)],
    );

    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid,
        action text NOT NULL,
        actor_id uuid,
        summary text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_events_challenge ON audit_events (challenge_id, created_at)`);
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events es de solo inserción'; END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await db.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_events`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only`);
    await db.query(`DROP TABLE municipalities`);
    await db.query(`DROP TABLE states`);
    await db.query(`DROP FUNCTION immutable_unaccent`);
  }
}
