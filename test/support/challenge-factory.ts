import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { applySettingsDefaults, type RoundKind } from '../../src/modules/challenges/challenge-rules.js';
import type { StoredSettings } from '../../src/modules/challenges/challenge.entity.js';

export interface RoundSpec {
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  title?: string;
  advanceCount?: number | null;
}

export interface CreatedRound {
  id: string;
  position: number;
  kind: RoundKind;
  title: string;
  opensAt: Date;
  closesAt: Date;
}

export interface CreatedChallenge {
  challengeId: string;
  unitId: string;
  adminId: string;
  rounds: CreatedRound[];
}

const TITLES: Record<RoundKind, string> = { SUBMISSION: 'Propuestas', VOTING: 'Votación', EVALUATION: 'Evaluación' };

/** Rounds relative to `base` (ms offsets): `roundsFromNow([[1000, 3000, 'SUBMISSION'], [3000, 5000, 'VOTING']])`. */
export function roundsFromNow(offsets: [number, number, RoundKind][], base = Date.now()): RoundSpec[] {
  return offsets.map(([from, to, kind]) => ({ kind, opensAt: new Date(base + from), closesAt: new Date(base + to) }));
}

const tag = () => randomBytes(4).toString('hex');

/** A verified account that is ADMIN of a new federal unit. */
export async function createUnitWithAdmin(
  sql: pg.Client | pg.PoolClient,
): Promise<{ unitId: string; adminId: string }> {
  const t = tag();
  const {
    rows: [user],
  } = await sql.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at) VALUES ($1, 'x', $2, now()) RETURNING id`,
    [`admin-${t}@example.mx`, `Admin ${t}`],
  );
  const {
    rows: [unit],
  } = await sql.query(`INSERT INTO government_units (name, level) VALUES ($1, 'FEDERAL') RETURNING id`, [
    `Secretaría ${t}`,
  ]);
  await sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [unit.id, user.id]);
  return { unitId: unit.id, adminId: user.id };
}

/**
 * A PUBLISHED challenge with the given rounds, written in one transaction exactly as publishing does:
 * status PUBLISHED, published_at, audit `challenge.published` and the `challenge.published` outbox row.
 * Through SQL, not GraphQL: the challenges module builds its mutations separately.
 */
export async function createPublishedChallenge(
  sql: pg.Client,
  rounds: RoundSpec[],
  owner?: { unitId: string; adminId: string },
): Promise<CreatedChallenge> {
  await sql.query('BEGIN');
  try {
    const { unitId, adminId } = owner ?? (await createUnitWithAdmin(sql));
    const plan = applySettingsDefaults({});
    const settings: StoredSettings = {
      ...plan,
      voterBudget: plan.voterBudget === null ? null : (Number(plan.voterBudget) / 100).toFixed(2),
    };
    const t = tag();
    const {
      rows: [challenge],
    } = await sql.query(
      `INSERT INTO challenges (unit_id, slug, title, summary, description, category, level, status, settings, created_by_id, published_at)
       VALUES ($1, $2, $3, 'Resumen del reto de prueba', 'Descripción larga del reto de prueba para la ciudadanía.', 'OTHER', 'FEDERAL',
               'PUBLISHED', $4, $5, now())
       RETURNING id, title`,
      [unitId, `reto-${t}`, `Reto de prueba ${t}`, JSON.stringify(settings), adminId],
    );
    const created: CreatedRound[] = [];
    for (const [index, spec] of rounds.entries()) {
      const title = spec.title ?? TITLES[spec.kind];
      const {
        rows: [round],
      } = await sql.query(
        `INSERT INTO rounds (challenge_id, position, kind, title, opens_at, closes_at, advance_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [challenge.id, index + 1, spec.kind, title, spec.opensAt, spec.closesAt, spec.advanceCount ?? null],
      );
      created.push({
        id: round.id,
        position: index + 1,
        kind: spec.kind,
        title,
        opensAt: spec.opensAt,
        closesAt: spec.closesAt,
      });
    }
    await sql.query(
      `INSERT INTO audit_events (challenge_id, action, actor_id, summary, data) VALUES ($1, 'challenge.published', $2, $3, '{}')`,
      [challenge.id, adminId, `Publicó el reto «${challenge.title}»`],
    );
    const payload = {
      challengeId: challenge.id,
      rounds: created.map((r) => ({
        roundId: r.id,
        opensAt: r.opensAt.toISOString(),
        closesAt: r.closesAt.toISOString(),
      })),
    };
    await sql.query(`INSERT INTO outbox_events (type, payload) VALUES ('challenge.published', $1)`, [
      JSON.stringify(payload),
    ]);
    await sql.query('COMMIT');
    return { challengeId: challenge.id, unitId, adminId, rounds: created };
  } catch (error) {
    await sql.query('ROLLBACK');
    throw error;
  }
}
