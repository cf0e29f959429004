import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

export interface InvitationRow {
  id: string;
  proposalId: string;
  inviterId: string;
  inviteeId: string | null;
  status: InvitationStatus;
  createdAt: Date;
}

/** A pending invitation as its invitee sees it: what they are asked to sign and by whom (public name). */
export interface PendingInvitationRow {
  id: string;
  proposalId: string;
  proposalTitle: string;
  challengeId: string;
  challengeTitle: string;
  invitedBy: string;
  createdAt: Date;
}

const COLUMNS = `id, proposal_id AS "proposalId", inviter_id AS "inviterId", invitee_id AS "inviteeId", status, created_at AS "createdAt"`;

/** The co_author_invitations table (issue #16). Only SQL; the rules live in CoAuthorsService and co-author-rules.ts. */
@Injectable()
export class CoAuthorInvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises one inviter's invitations until `tx` ends, so the daily quota holds under concurrency. */
  async lockInviter(tx: Tx, inviterId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('co-author-invitations:' || $1::text, 0))`, [
      inviterId,
    ]);
  }

  async countSentSince(tx: Tx, inviterId: string, since: Date): Promise<number> {
    const [row]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM co_author_invitations WHERE inviter_id = $1 AND created_at > $2`,
      [inviterId, since],
    );
    return row.n;
  }

  async pendingInviteeIds(tx: Tx, proposalId: string): Promise<string[]> {
    const rows: { invitee_id: string }[] = await tx.query(
      `SELECT invitee_id FROM co_author_invitations WHERE proposal_id = $1 AND status = 'PENDING' AND invitee_id IS NOT NULL`,
      [proposalId],
    );
    return rows.map((row) => row.invitee_id);
  }

  async insert(
    tx: Tx,
    row: { proposalId: string; inviterId: string; inviteeId: string | null; createdAt: Date },
  ): Promise<string> {
    const [inserted]: { id: string }[] = await tx.query(
      `INSERT INTO co_author_invitations (proposal_id, inviter_id, invitee_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [row.proposalId, row.inviterId, row.inviteeId, row.createdAt],
    );
    return inserted.id;
  }

  async findById(id: string, tx?: Tx): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await (tx ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM co_author_invitations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The invitation row locked until `tx` ends: an accept and a decline of one invitation queue here. */
  async lock(tx: Tx, id: string): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM co_author_invitations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async respond(tx: Tx, id: string, status: Exclude<InvitationStatus, 'PENDING'>, at: Date): Promise<void> {
    await tx.query(`UPDATE co_author_invitations SET status = $2, responded_at = $3 WHERE id = $1`, [id, status, at]);
  }

  /** The viewer's pending invitations, newest first, with the inviter's public name («Anónimo» if so chosen). */
  pendingFor(inviteeId: string): Promise<PendingInvitationRow[]> {
    return this.dataSource.query(
      `SELECT i.id, p.id AS "proposalId", p.title AS "proposalTitle", c.id AS "challengeId", c.title AS "challengeTitle",
              CASE WHEN u.anonymous_in_public THEN 'Anónimo' ELSE u.display_name END AS "invitedBy", i.created_at AS "createdAt"
         FROM co_author_invitations i
         JOIN proposals p ON p.id = i.proposal_id
         JOIN challenges c ON c.id = p.challenge_id
         JOIN users u ON u.id = i.inviter_id
        WHERE i.invitee_id = $1 AND i.status = 'PENDING'
        ORDER BY i.created_at DESC, i.id`,
      [inviteeId],
    );
  }

  /** Adds the co-author (nothing if already one). */
  async addCoAuthor(tx: Tx, proposalId: string, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO proposal_co_authors (proposal_id, user_id) VALUES ($1, $2) ON CONFLICT (proposal_id, user_id) DO NOTHING`,
      [proposalId, userId],
    );
  }

  /** Removes the co-authorship; false when `userId` was not a co-author. */
  async removeCoAuthor(tx: Tx, proposalId: string, userId: string): Promise<boolean> {
    const rows: unknown = await tx.query(
      `DELETE FROM proposal_co_authors WHERE proposal_id = $1 AND user_id = $2 RETURNING user_id`,
      [proposalId, userId],
    );
    const deleted = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : (rows as unknown[]);
    return deleted.length > 0;
  }

  /** Invitations the person sent or received. */
  async deleteAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.query(`DELETE FROM co_author_invitations WHERE invitee_id = $1 OR inviter_id = $1`, [userId]);
  }

  /** The person's co-authorships of never-submitted proposals (submitted ones keep their co-authors). */
  async removeCoAuthorFromDrafts(tx: Tx, userId: string): Promise<void> {
    await tx.query(
      `DELETE FROM proposal_co_authors WHERE user_id = $1
         AND proposal_id IN (SELECT id FROM proposals WHERE submitted_at IS NULL)`,
      [userId],
    );
  }
}
