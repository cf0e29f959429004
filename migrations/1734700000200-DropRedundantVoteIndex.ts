import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `votes_round_proposal (round_id, proposal_id)` repeats the first two columns of the unique key
 * `votes_one_per_proposal (round_id, proposal_id, voter_id)`, which serves the same lookups and counts; every vote
 * paid for updating both (issue #17).
 */
export class DropRedundantVoteIndex1734700000200 implements MigrationInterface {
  name = 'DropRedundantVoteIndex1734700000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX votes_round_proposal`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX votes_round_proposal ON votes (round_id, proposal_id)`);
  }
}
