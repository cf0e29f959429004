import type pg from 'pg';
import type { TestApp } from './test-app.js';
import { waitFor } from './wait.js';

export const NOTIFICATIONS = `query($first: Int, $after: String, $unread: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unread) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id type title body readAt createdAt challenge { id title } proposal { id title } }
  }
}`;
export const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { targetType targetId createdAt } }`;
export const CREATE_CHALLENGE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
export const PUBLISH = `mutation($id: ID!) { publishChallenge(id: $id) { id status } }`;
export const CANCEL = `mutation($id: ID!, $reason: String!) { cancelChallenge(id: $id, reason: $reason) { id status } }`;

export async function follow(api: TestApp, token: string, targetType: string, targetId: string): Promise<void> {
  const { errors } = await api.gql(FOLLOW, { input: { targetType, targetId } }, token);
  if (errors) throw new Error(`follow failed: ${JSON.stringify(errors)}`);
}

/** Every stored notification, as (recipient, type) pairs, for the events of a challenge. */
export async function storedNotifications(
  sql: pg.Client,
  challengeId: string,
): Promise<{ recipient_id: string; type: string; event_id: string }[]> {
  const { rows } = await sql.query(
    `SELECT recipient_id, type, event_id::text FROM notifications WHERE challenge_id = $1 ORDER BY id`,
    [challengeId],
  );
  return rows;
}

/** Waits until the outbox is relayed and the notifications queue has nothing waiting, delayed or active. */
export async function fanoutSettled(
  sql: pg.Client,
  queue: { getJobCounts(...s: string[]): Promise<Record<string, number>> },
  timeoutMs = 30_000,
): Promise<void> {
  await waitFor(
    'fan-out settled',
    async () => {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`);
      if (rows[0].n > 0) return false;
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(c).every((n) => n === 0);
    },
    timeoutMs,
    100,
  );
}

/** Records an outbox event as a feature's transaction would (the relay hands it on after commit). */
export async function recordEvent(sql: pg.Client, type: string, payload: Record<string, unknown>): Promise<string> {
  const { rows } = await sql.query(`INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id::text`, [
    type,
    JSON.stringify(payload),
  ]);
  return rows[0].id;
}
