import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { Audience, ChallengeFacts } from './notification-audiences.js';
import type { NotificationChannel, NotificationType, PreferenceRow } from './notification-types.js';

/** One person an event reaches, with the one notification they get (the most specific audience). */
export interface Recipient {
  userId: string;
  type: NotificationType;
  proposalId: string | null;
}

export interface NewNotification extends Recipient {
  title: string;
  body: string;
  challengeId: string | null;
}

export interface StoredNotification {
  id: string;
  recipientId: string;
  type: NotificationType;
  title: string;
  body: string;
  challengeId: string | null;
  proposalId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export type InsertedNotification = Pick<StoredNotification, 'id' | 'recipientId' | 'createdAt'>;

export interface PendingEmail extends Recipient {
  email: string;
  displayName: string;
  challengeId: string | null;
}

const NOTIFICATION_COLUMNS = `id::text AS id, recipient_id AS "recipientId", type, title, body, challenge_id AS "challengeId",
  proposal_id AS "proposalId", read_at AS "readAt", created_at AS "createdAt"`;

/** SQL true when `u`'s preference for `type` on `channel` (stored choice or default) is on. */
const enabledFor = (channel: NotificationChannel, user: string, type: string) => `COALESCE(
  (SELECT p.enabled FROM notification_preferences p WHERE p.user_id = ${user} AND p.type = ${type} AND p.channel = '${channel}'),
  ${channel === 'IN_APP' ? 'true' : `${type} NOT IN ('ROUND_OPENED', 'ROUND_CLOSED')`})`;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next `limit` recipients after `cursor` (user id order), one row per person: when several audiences
   * reach someone, the lowest priority wins. Keyset pagination: a chunk never loads more than `limit` people.
   */
  async recipients(audiences: Audience[], cursor: string | null, limit: number): Promise<Recipient[]> {
    const params: unknown[] = [cursor ?? '00000000-0000-0000-0000-000000000000'];
    const p = (value: unknown) => `$${params.push(value)}`;
    const parts: string[] = [];
    for (const a of audiences) {
      // Parameters are numbered only for the parts used (an unused $n has no type PostgreSQL could infer).
      const head = () => `${p(a.type)}::text AS type, ${p(a.priority)}::int AS priority`;
      if ('followers' in a && a.followers.length) {
        const targets = a.followers
          .map((t) => `(f.target_type = ${p(t.targetType)} AND f.target_id = ${p(t.targetId)})`)
          .join(' OR ');
        parts.push(
          `SELECT f.user_id, ${head()}, NULL::uuid AS proposal_id FROM follows f WHERE (${targets}) AND f.user_id > $1`,
        );
      } else if ('authorsOf' in a && a.authorsOf.length) {
        const ids = p(a.authorsOf);
        parts.push(`SELECT x.user_id, ${head()}, x.proposal_id FROM (
            SELECT pr.author_id AS user_id, pr.id AS proposal_id FROM proposals pr WHERE pr.id = ANY(${ids}::uuid[])
            UNION SELECT ca.user_id, ca.proposal_id FROM proposal_co_authors ca WHERE ca.proposal_id = ANY(${ids}::uuid[])) x
          WHERE x.user_id > $1`);
      } else if ('users' in a && a.users.length) {
        parts.push(
          `SELECT u.id AS user_id, ${head()}, NULL::uuid AS proposal_id FROM users u WHERE u.id = ANY(${p(a.users)}::uuid[]) AND u.id > $1`,
        );
      } else if ('pendingJurorsOf' in a) {
        parts.push(`SELECT DISTINCT jm.user_id, ${head()}, NULL::uuid AS proposal_id
          FROM jury_assignments ja JOIN jury_members jm ON jm.id = ja.juror_id
          WHERE ja.round_id = ${p(a.pendingJurorsOf)}::uuid AND jm.user_id > $1
            AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.assignment_id = ja.id)`);
      }
    }
    if (!parts.length) return [];
    const rows: { user_id: string; type: NotificationType; proposal_id: string | null }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (r.user_id) r.user_id, r.type, r.proposal_id
       FROM (${parts.join('\nUNION ALL\n')}) r
       -- A deleted account (docs/privacy.md, ARCO) stays as an author or juror row but is nobody to notify.
       WHERE NOT EXISTS (SELECT 1 FROM users d WHERE d.id = r.user_id AND d.deleted_at IS NOT NULL)
       ORDER BY r.user_id, r.priority, r.proposal_id
       LIMIT ${p(limit)}`,
      params,
    );
    return rows.map((r) => ({ userId: r.user_id, type: r.type, proposalId: r.proposal_id }));
  }

  /**
   * Stores the in-app notifications whose preference is on; returns the id, recipient and time of only the rows this
   * call inserted (the rest of each row is what the caller passed in).
   */
  async insertInApp(tx: Tx, eventId: string, rows: NewNotification[]): Promise<InsertedNotification[]> {
    if (!rows.length) return [];
    return tx.query(
      `INSERT INTO notifications (event_id, recipient_id, type, title, body, challenge_id, proposal_id)
       SELECT $1, r.user_id, r.type, r.title, r.body, r.challenge_id, r.proposal_id
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[])
            AS r(user_id, type, title, body, challenge_id, proposal_id)
       WHERE ${enabledFor('IN_APP', 'r.user_id', 'r.type')}
       ON CONFLICT (event_id, recipient_id) DO NOTHING
       RETURNING id::text AS id, recipient_id AS "recipientId", created_at AS "createdAt"`,
      [eventId, ...columns(rows)],
    );
  }

  /** Records the e-mails owed (preference on, verified address); existing rows are left alone. */
  async insertEmails(tx: Tx, eventId: string, rows: NewNotification[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO email_deliveries (event_id, recipient_id, type, challenge_id, proposal_id)
       SELECT $1, r.user_id, r.type, r.challenge_id, r.proposal_id
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[])
            AS r(user_id, type, title, body, challenge_id, proposal_id)
       JOIN users u ON u.id = r.user_id AND u.email_verified_at IS NOT NULL
       WHERE ${enabledFor('EMAIL', 'r.user_id', 'r.type')}
       ON CONFLICT (event_id, recipient_id) DO NOTHING`,
      [eventId, ...columns(rows)],
    );
  }

  /** E-mails of this event to these people not yet handed to the mail queue (a crashed job's leftovers included). */
  async pendingEmails(eventId: string, userIds: string[]): Promise<PendingEmail[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(
      `SELECT d.recipient_id AS "userId", d.type, d.proposal_id AS "proposalId", d.challenge_id AS "challengeId",
              u.email, u.display_name AS "displayName"
       FROM email_deliveries d JOIN users u ON u.id = d.recipient_id
       WHERE d.event_id = $1 AND d.recipient_id = ANY($2::uuid[]) AND d.queued_at IS NULL`,
      [eventId, userIds],
    );
  }

  async markEmailsQueued(eventId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    await this.dataSource.query(
      `UPDATE email_deliveries SET queued_at = now() WHERE event_id = $1 AND recipient_id = ANY($2::uuid[])`,
      [eventId, userIds],
    );
  }

  async challengeFacts(challengeId: string): Promise<(ChallengeFacts & { title: string }) | null> {
    const rows = await this.dataSource.query<(ChallengeFacts & { title: string })[]>(
      `SELECT unit_id AS "unitId", category, level, state_code AS "stateCode", municipality_code AS "municipalityCode", title
       FROM challenges WHERE id = $1`,
      [challengeId],
    );
    return rows[0] ?? null;
  }

  async roundTitle(roundId: string): Promise<string | null> {
    const rows: { title: string }[] = await this.dataSource.query(`SELECT title FROM rounds WHERE id = $1`, [roundId]);
    return rows[0]?.title ?? null;
  }

  async proposalTitles(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string }[] = await this.dataSource.query(
      `SELECT id, title FROM proposals WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async page(
    recipientId: string,
    options: { unreadOnly: boolean; beforeId: string | null; limit: number },
  ): Promise<StoredNotification[]> {
    return this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications
       WHERE recipient_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL) AND ($3::bigint IS NULL OR id < $3::bigint)
       ORDER BY notifications.id DESC LIMIT $4`,
      [recipientId, options.unreadOnly, options.beforeId, options.limit],
    );
  }

  async count(recipientId: string, unreadOnly: boolean): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [recipientId, unreadOnly],
    );
    return rows[0].n;
  }

  /** Marks the recipient's unread notifications (all, or those ids) read; returns how many changed. */
  async markRead(tx: Tx, recipientId: string, ids: string[] | null, at: Date): Promise<number> {
    const [, count] = await tx.query<[unknown, number]>(
      `UPDATE notifications SET read_at = $3 WHERE recipient_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [recipientId, ids, at],
    );
    return count;
  }

  async preferences(userId: string): Promise<PreferenceRow[]> {
    return this.dataSource.query<PreferenceRow[]>(
      `SELECT type, channel, enabled FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
  }

  async setPreference(tx: Tx, userId: string, pref: PreferenceRow, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO notification_preferences (user_id, type, channel, enabled, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, type, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
      [userId, pref.type, pref.channel, pref.enabled, at],
    );
  }

  /** Preferences, in-app notifications and e-mail deliveries of the recipient, in that order. */
  async deleteAllOfRecipient(tx: Tx, userId: string): Promise<void> {
    await tx.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM notifications WHERE recipient_id = $1`, [userId]);
    await tx.query(`DELETE FROM email_deliveries WHERE recipient_id = $1`, [userId]);
  }

  async userExists(userId: string): Promise<boolean> {
    return (await this.dataSource.query<unknown[]>(`SELECT 1 FROM users WHERE id = $1`, [userId])).length > 0;
  }
}

function columns(rows: NewNotification[]): unknown[] {
  return [
    rows.map((r) => r.userId),
    rows.map((r) => r.type),
    rows.map((r) => r.title),
    rows.map((r) => r.body),
    rows.map((r) => r.challengeId),
    rows.map((r) => r.proposalId),
  ];
}
