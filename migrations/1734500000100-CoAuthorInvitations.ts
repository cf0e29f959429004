import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-authorship by invitation (issue #16): `addCoAuthor` records an invitation that the invited person
 * accepts or declines. Every call leaves a row, whether or not the address has an account (`invitee_id`
 * NULL: nobody to invite), so the daily quota per inviter counts the same either way. No e-mail address
 * is stored.
 */
export class CoAuthorInvitations1734500000100 implements MigrationInterface {
  name = 'CoAuthorInvitations1734500000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE co_author_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        inviter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        invitee_id uuid REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
        created_at timestamptz NOT NULL,
        responded_at timestamptz,
        CHECK ((status = 'PENDING') = (responded_at IS NULL))
      )`);
    await db.query(`CREATE INDEX co_author_invitations_inviter ON co_author_invitations (inviter_id, created_at)`);
    await db.query(
      `CREATE UNIQUE INDEX co_author_invitations_one_pending ON co_author_invitations (proposal_id, invitee_id)
        WHERE status = 'PENDING' AND invitee_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX co_author_invitations_invitee ON co_author_invitations (invitee_id) WHERE status = 'PENDING'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE co_author_invitations`);
  }
}
