import type pg from 'pg';

/** How many round.opened / round.closed audit events and round.closed outbox rows each round of a challenge has. */
export async function clockEventsPerRound(
  sql: pg.Client,
  challengeId: string,
): Promise<{ id: string; status: string; opened: number; closed: number; closedEvents: number }[]> {
  const { rows } = await sql.query(
    `SELECT r.id, r.status,
       (SELECT count(*)::int FROM audit_events a WHERE a.action = 'round.opened' AND a.data->>'roundId' = r.id::text) AS opened,
       (SELECT count(*)::int FROM audit_events a WHERE a.action = 'round.closed' AND a.data->>'roundId' = r.id::text) AS closed,
       (SELECT count(*)::int FROM outbox_events o WHERE o.type = 'round.closed' AND o.payload->>'roundId' = r.id::text) AS "closedEvents"
     FROM rounds r WHERE r.challenge_id = $1 ORDER BY r.position`,
    [challengeId],
  );
  return rows;
}

export const closedExactlyOnce = (rounds: { id: string }[]) =>
  rounds.map((r) => ({ id: r.id, status: 'CLOSED', opened: 1, closed: 1, closedEvents: 1 }));

export async function isFinished(sql: pg.Client, challengeId: string): Promise<boolean> {
  const { rows } = await sql.query(`SELECT status FROM challenges WHERE id = $1`, [challengeId]);
  return rows[0]?.status === 'FINISHED';
}
