import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tx } from '../../infrastructure/database/transactions.js';

export interface AccountForDeletion {
  id: string;
  passwordHash: string;
  platformRole: string;
  deletedAt: Date | null;
}

export interface StoredExport {
  id: string;
  userId: string;
  readyAt: Date | null;
  expiresAt: Date | null;
  content: unknown;
}

/**
 * Every table that holds personal data (docs/privacy.md, "Personal fields"), in one place: what an export
 * reads. A deletion erases them through the owning modules' services (PrivacyService.deleteAccount); only
 * `data_exports` is privacy's own. A table added there must be added here and there too.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAccount(userId: string): Promise<AccountForDeletion | null> {
    const [row] = await this.dataSource.query<AccountForDeletion[]>(
      `SELECT id, password_hash AS "passwordHash", platform_role AS "platformRole", deleted_at AS "deletedAt"
       FROM users WHERE id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** The account row, locked until `tx` ends. */
  async lockAccount(tx: Tx, userId: string): Promise<AccountForDeletion | null> {
    const [row] = await tx.query<AccountForDeletion[]>(
      `SELECT id, password_hash AS "passwordHash", platform_role AS "platformRole", deleted_at AS "deletedAt"
       FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return row ?? null;
  }

  /** Ids of the platform ADMINs, locked (id order, as `setPlatformRole` locks them). */
  async lockPlatformAdmins(tx: Tx): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM users WHERE platform_role = 'ADMIN' ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Units where the account is the only ADMIN. The units' ADMIN memberships are locked first, so two
   * ADMINs of one unit deleting their accounts at once cannot both leave it.
   */
  async unitsWhereOnlyAdmin(tx: Tx, userId: string): Promise<string[]> {
    await tx.query(
      `SELECT 1 FROM unit_memberships WHERE role = 'ADMIN'
         AND unit_id IN (SELECT unit_id FROM unit_memberships WHERE user_id = $1 AND role = 'ADMIN')
       ORDER BY unit_id, user_id FOR UPDATE`,
      [userId],
    );
    const rows = await tx.query<{ name: string }[]>(
      `SELECT u.name FROM unit_memberships m JOIN government_units u ON u.id = m.unit_id
       WHERE m.user_id = $1 AND m.role = 'ADMIN'
         AND NOT EXISTS (SELECT 1 FROM unit_memberships o
                         WHERE o.unit_id = m.unit_id AND o.role = 'ADMIN' AND o.user_id <> $1)
       ORDER BY u.name`,
      [userId],
    );
    return rows.map((r) => r.name);
  }

  /** The account's export requests (the erasure's first step; the other tables go through their modules). */
  async deleteExports(tx: Tx, userId: string): Promise<void> {
    await tx.query(`DELETE FROM data_exports WHERE user_id = $1`, [userId]);
  }

  async insertExport(tx: Tx, row: { id: string; userId: string; tokenHash: string; requestedAt: Date }) {
    await tx.query(`INSERT INTO data_exports (id, user_id, token_hash, requested_at) VALUES ($1, $2, $3, $4)`, [
      row.id,
      row.userId,
      row.tokenHash,
      row.requestedAt,
    ]);
  }

  /** Expired exports keep no content (the row stays until the account goes, for the person's own record). */
  async clearExpiredExports(tx: Tx, userId: string, now: Date): Promise<void> {
    await tx.query(`UPDATE data_exports SET content = NULL WHERE user_id = $1 AND expires_at <= $2`, [userId, now]);
  }

  /** The export row, locked: its worker job re-reads it under the lock (a retried job does nothing twice). */
  async lockExport(tx: Tx, id: string): Promise<StoredExport | null> {
    const [row] = await tx.query<StoredExport[]>(
      `SELECT id, user_id AS "userId", ready_at AS "readyAt", expires_at AS "expiresAt", NULL AS content
       FROM data_exports WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async storeExport(tx: Tx, id: string, content: unknown, readyAt: Date, expiresAt: Date): Promise<void> {
    await tx.query(`UPDATE data_exports SET content = $2, ready_at = $3, expires_at = $4 WHERE id = $1`, [
      id,
      JSON.stringify(content),
      readyAt,
      expiresAt,
    ]);
  }

  async findExportByTokenHash(tokenHash: string): Promise<StoredExport | null> {
    const [row] = await this.dataSource.query<StoredExport[]>(
      `SELECT e.id, e.user_id AS "userId", e.ready_at AS "readyAt", e.expires_at AS "expiresAt", e.content
       FROM data_exports e JOIN users u ON u.id = e.user_id
       WHERE e.token_hash = $1 AND u.deleted_at IS NULL`,
      [tokenHash],
    );
    return row ?? null;
  }

  async clearExportContent(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE data_exports SET content = NULL WHERE id = $1`, [id]);
  }

  async findEmailRecipient(userId: string): Promise<{ email: string; displayName: string } | null> {
    const [row] = await this.dataSource.query<{ email: string; displayName: string }[]>(
      `SELECT email, display_name AS "displayName" FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    return row ?? null;
  }

  /**
   * Everything the platform holds about the account, and nothing about anyone else: rows are selected by
   * the account's id, and the columns that point to other people (actors, inviters, co-authors) are left out.
   * Secrets are left out too: password hash, CURP hash, token hashes (RULES §1: the CURP is never exported).
   */
  async collect(tx: Tx, userId: string): Promise<Record<string, unknown>> {
    const one = async (sql: string) => ((await tx.query<{ v: unknown }[]>(sql, [userId]))[0]?.v ?? null) as unknown;
    const list = async (sql: string) =>
      (await one(`SELECT coalesce(json_agg(t), '[]'::json) AS v FROM (${sql}) t`)) as unknown[];
    return {
      account: await one(`SELECT json_build_object(
          'id', u.id, 'email', u.email, 'displayName', u.display_name, 'platformRole', u.platform_role,
          'emailVerifiedAt', u.email_verified_at, 'curpVerified', u.curp_hash IS NOT NULL,
          'curpVerifiedAt', u.curp_verified_at, 'anonymousInPublic', u.anonymous_in_public,
          'residence', json_build_object('stateCode', u.state_code, 'state', s.name,
                                         'municipalityCode', u.municipality_code, 'municipality', m.name),
          'createdAt', u.created_at, 'updatedAt', u.updated_at) AS v
        FROM users u LEFT JOIN states s ON s.code = u.state_code LEFT JOIN municipalities m ON m.code = u.municipality_code
        WHERE u.id = $1`),
      unitMemberships: await list(`SELECT g.id AS "unitId", g.name AS "unit", m.role, m.created_at AS "createdAt"
        FROM unit_memberships m JOIN government_units g ON g.id = m.unit_id WHERE m.user_id = $1 ORDER BY m.created_at`),
      follows: await list(`SELECT target_type AS "targetType", target_id AS "targetId", created_at AS "createdAt"
        FROM follows WHERE user_id = $1 ORDER BY created_at`),
      notificationPreferences: await list(`SELECT type, channel, enabled, updated_at AS "updatedAt"
        FROM notification_preferences WHERE user_id = $1 ORDER BY type, channel`),
      notifications: await list(`SELECT id, type, title, body, challenge_id AS "challengeId",
          proposal_id AS "proposalId", read_at AS "readAt", created_at AS "createdAt"
        FROM notifications WHERE recipient_id = $1 ORDER BY id`),
      emailDeliveries: await list(`SELECT type, challenge_id AS "challengeId", proposal_id AS "proposalId",
          created_at AS "createdAt", queued_at AS "queuedAt"
        FROM email_deliveries WHERE recipient_id = $1 ORDER BY created_at`),
      proposals: await list(`SELECT id, challenge_id AS "challengeId", title, summary, body,
          estimated_cost AS "estimatedCost", latitude, longitude, links, status, stage,
          eliminated_in_round AS "eliminatedInRound", moderation_reason AS "moderationReason",
          submitted_at AS "submittedAt", created_at AS "createdAt", updated_at AS "updatedAt"
        FROM proposals WHERE author_id = $1 ORDER BY created_at`),
      coAuthorships: await list(`SELECT p.id AS "proposalId", p.title, c.created_at AS "since"
        FROM proposal_co_authors c JOIN proposals p ON p.id = c.proposal_id WHERE c.user_id = $1 ORDER BY c.created_at`),
      coAuthorInvitations: await list(`SELECT id, proposal_id AS "proposalId",
          CASE WHEN invitee_id = $1 THEN 'RECEIVED' ELSE 'SENT' END AS direction, status,
          created_at AS "createdAt", responded_at AS "respondedAt"
        FROM co_author_invitations WHERE invitee_id = $1 OR inviter_id = $1 ORDER BY created_at`),
      votes: await list(`SELECT id, round_id AS "roundId", proposal_id AS "proposalId", created_at AS "createdAt"
        FROM votes WHERE voter_id = $1 ORDER BY created_at`),
      budgetBallots: await list(`SELECT b.round_id AS "roundId", b.total_cost AS "totalCost",
          b.submitted_at AS "submittedAt",
          (SELECT coalesce(json_agg(i.proposal_id ORDER BY i.proposal_id), '[]'::json) FROM budget_ballot_items i
            WHERE i.round_id = b.round_id AND i.voter_id = b.voter_id) AS "proposalIds"
        FROM budget_ballots b WHERE b.voter_id = $1 ORDER BY b.submitted_at`),
      juryMemberships:
        await list(`SELECT challenge_id AS "challengeId", is_chair AS "isChair", created_at AS "createdAt"
        FROM jury_members WHERE user_id = $1 ORDER BY created_at`),
      juryConflicts: await list(`SELECT proposal_id AS "proposalId", reason, created_at AS "createdAt"
        FROM jury_conflicts WHERE juror_id = $1 ORDER BY created_at`),
      evaluations: await list(`SELECT id, round_id AS "roundId", proposal_id AS "proposalId", scores, comment, total,
          submitted_at AS "submittedAt", updated_at AS "updatedAt"
        FROM evaluations WHERE juror_id = $1 ORDER BY submitted_at`),
      sessions: await list(`SELECT family_id AS "sessionId", created_at AS "createdAt", expires_at AS "expiresAt",
          rotated_at AS "rotatedAt", revoked_at AS "revokedAt"
        FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`),
      accountLinks:
        await list(`SELECT purpose, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
        FROM account_tokens WHERE user_id = $1 ORDER BY created_at`),
      dataExports: await list(`SELECT requested_at AS "requestedAt", ready_at AS "readyAt", expires_at AS "expiresAt"
        FROM data_exports WHERE user_id = $1 ORDER BY requested_at`),
      auditEvents: await list(`SELECT action, challenge_id AS "challengeId", actor_id = $1 AS "byMe", summary,
          CASE WHEN actor_id = $1 THEN data END AS data,
          created_at AS "createdAt"
        FROM audit_events WHERE actor_id = $1 OR data::text LIKE '%"' || $1::text || '"%' ORDER BY seq`),
    };
  }
}
