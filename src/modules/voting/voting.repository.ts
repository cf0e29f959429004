import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { runPrepared } from '../../infrastructure/database/prepared-statement.js';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { OutboxEvents } from '../../infrastructure/outbox/outbox-events.js';
import type { StoredSettings } from '../challenges/challenge.entity.js';
import type { GovernmentLevel } from '../government-units/government-unit.entity.js';
import { readAccountFacts } from '../../infrastructure/auth/account-facts.js';
import type { AccountFacts } from '../../infrastructure/graphql/graphql-context.js';
import type { ChallengeFacts } from '../proposals/participation-eligibility.js';
import { Proposal } from '../proposals/proposal.entity.js';
import type { ChallengeStatus } from '../challenges/round-lifecycle.js';
import { Round } from '../challenges/round.entity.js';
import { BudgetBallot } from './budget-ballot.entity.js';
import { RoundTally } from './round-tally.entity.js';
import { Vote } from './vote.entity.js';
import type { VotingRoundState } from './voting-rules.js';

export interface RoundProposalKey {
  roundId: string;
  proposalId: string;
}

export interface LiveTallyRow {
  roundId: string;
  proposalId: string;
  submittedAt: Date;
  votes: number;
}

/** How many took part in a VOTING round and how many votes they left (RULES §5). */
export interface RoundParticipation {
  /** SINGLE/MULTIPLE: distinct voters with a stored vote; BUDGET: ballots stored, empty ones included. */
  voters: number;
  /** SINGLE/MULTIPLE: stored votes; BUDGET: approvals over all ballots. */
  votes: number;
}

export interface StoredBallot {
  ballot: BudgetBallot;
  proposalIds: string[];
}

/** What voting decides with: the challenge's state, settings and territory (the eligibility rules), and its rounds. */
export interface VotingChallenge extends ChallengeFacts {
  id: string;
  status: ChallengeStatus;
  settings: StoredSettings;
}

export interface LoadedChallenge {
  challenge: VotingChallenge | null;
  rounds: VotingRoundState[];
  /** Whether the viewer sits on the challenge's jury (RULES §6: jurors do not vote), read in the same statement. */
  viewerIsJuror: boolean;
}

/** A proposal with what a vote reads of its challenge. */
export type ProposalInChallenge = { proposal: VotableProposal } & LoadedChallenge;

export interface VotableProposal {
  id: string;
  challengeId: string;
  submittedAt: Date | null;
}

const CHALLENGE_COLUMNS = `c.id, c.status, c.settings, c.level, c.state_code, c.municipality_code,
  (SELECT coalesce(json_agg(json_build_object('id', r.id, 'position', r.position, 'kind', r.kind, 'status', r.status,
            'opensAt', r.opens_at, 'closesAt', r.closes_at) ORDER BY r.position), '[]')
     FROM rounds r WHERE r.challenge_id = c.id) AS rounds,
  EXISTS (SELECT 1 FROM jury_members j WHERE j.challenge_id = c.id AND j.user_id = $2) AS viewer_is_juror`;

interface ChallengeRow {
  id: string;
  status: ChallengeStatus;
  settings: StoredSettings;
  level: GovernmentLevel;
  state_code: string | null;
  municipality_code: string | null;
  rounds: (Omit<VotingRoundState, 'opensAt' | 'closesAt'> & { opensAt: string; closesAt: string })[];
  viewer_is_juror: boolean;
}

function loadedChallenge(row: ChallengeRow): LoadedChallenge {
  const { id, status, settings, level } = row;
  return {
    challenge: { id, status, settings, level, stateCode: row.state_code, municipalityCode: row.municipality_code },
    rounds: row.rounds.map((r) => ({ ...r, opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt) })),
    viewerIsJuror: row.viewer_is_juror,
  };
}

/** Votes, ballots and tallies. Counts always come from the stored rows. */
@Injectable()
export class VotingRepository {
  constructor(private readonly dataSource: DataSource) {}

  accountFacts(userId: string): Promise<AccountFacts | null> {
    return readAccountFacts(this.dataSource, userId);
  }

  /**
   * A proposal with its challenge, the challenge's rounds (by position) and whether the viewer is one of its jurors:
   * a vote's reads in one prepared statement, no ORM hydration (issue #17).
   */
  async proposalInChallenge(proposalId: string, viewerId: string): Promise<ProposalInChallenge | null> {
    const [row] = await runPrepared<ChallengeRow & { submitted_at: Date | null }>(
      this.dataSource,
      {
        name: 'proposal_in_challenge',
        text: `SELECT p.submitted_at, ${CHALLENGE_COLUMNS} FROM proposals p JOIN challenges c ON c.id = p.challenge_id WHERE p.id = $1`,
      },
      [proposalId, viewerId],
    );
    if (!row) return null;
    return {
      proposal: { id: proposalId, challengeId: row.id, submittedAt: row.submitted_at },
      ...loadedChallenge(row),
    };
  }

  /** The same for a challenge: a ballot's reads (issue #17). */
  async challengeWithRounds(challengeId: string, viewerId: string): Promise<LoadedChallenge> {
    const [row] = await runPrepared<ChallengeRow>(
      this.dataSource,
      {
        name: 'challenge_with_rounds',
        text: `SELECT ${CHALLENGE_COLUMNS} FROM challenges c WHERE c.id = $1`,
      },
      [challengeId, viewerId],
    );
    return row ? loadedChallenge(row) : { challenge: null, rounds: [], viewerIsJuror: false };
  }

  roundsByIds(ids: readonly string[]): Promise<Round[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Round).findBy({ id: In([...ids]) });
  }

  /**
   * Stores one vote in one statement, or tells why not: the round must accept actions at `createdAt` (read
   * under FOR KEY SHARE, so a close waits for this vote and a vote after the close sees CLOSED) and the
   * proposal must be in its running. The vote sits under the voter's quota row: the database refuses a
   * second vote for the same proposal (unique key, 23505), one beyond the allowance (CHECK on the quota,
   * 23514) and a stamp outside the round's window (trigger, 23514). The `votes.changed` outbox row is
   * written by the same statement, only when the vote is stored. One statement is its own transaction, so this
   * write needs no BEGIN/COMMIT round trips (issue #17): it all happens or none of it does. It also checks what a
   * kept copy may have missed (issue #17): the voter's account still has the facts the vote was decided on
   * (`account`), the challenge is still published, the voter is not on its jury.
   */
  async insertVote(
    vote: { roundId: string; proposalId: string; voterId: string; allowed: number; createdAt: Date },
    account: AccountFacts,
    event: OutboxEvents['votes.changed'],
  ): Promise<Vote | 'account-changed' | 'round-not-open' | 'juror' | 'not-in-running'> {
    const [row] = await runPrepared<{ account_current: boolean; open: boolean; juror: boolean; id: string | null }>(
      this.dataSource,
      {
        name: 'cast_vote',
        text: `WITH account AS (
         SELECT coalesce(account_facts($3) = $7::jsonb, false) AS current
       ), round AS (
         SELECT r.id, r.challenge_id, r.position FROM rounds r JOIN challenges c ON c.id = r.challenge_id
         WHERE r.id = $1 AND c.status = 'PUBLISHED' AND r.status <> 'CLOSED' AND r.opens_at <= $4 AND $4 < r.closes_at
         FOR KEY SHARE OF r
       ), juror AS (
         SELECT 1 FROM round JOIN jury_members j ON j.challenge_id = round.challenge_id AND j.user_id = $3
       ), running AS (
         SELECT round.id AS round_id FROM round JOIN proposals p ON p.id = $2 AND p.challenge_id = round.challenge_id
           AND p.status = 'SUBMITTED' AND p.stage = round.position AND p.eliminated_in_round IS NULL
         WHERE NOT EXISTS (SELECT 1 FROM juror) AND (SELECT current FROM account)
       ), quota AS (
         INSERT INTO vote_quotas (round_id, voter_id, allowed) SELECT round_id, $3, $5 FROM running
         ON CONFLICT (round_id, voter_id) DO NOTHING
       ), vote AS (
         INSERT INTO votes (round_id, proposal_id, voter_id, created_at) SELECT round_id, $2, $3, $4 FROM running RETURNING id
       ), event AS (
         INSERT INTO outbox_events (type, payload) SELECT 'votes.changed', $6::jsonb FROM vote
       )
       SELECT (SELECT current FROM account) AS account_current, EXISTS (SELECT 1 FROM round) AS open,
         EXISTS (SELECT 1 FROM juror) AS juror, (SELECT id FROM vote) AS id`,
      },
      [
        vote.roundId,
        vote.proposalId,
        vote.voterId,
        vote.createdAt,
        vote.allowed,
        JSON.stringify(event),
        JSON.stringify(account),
      ],
    );
    if (!row.account_current) return 'account-changed';
    if (!row.open) return 'round-not-open';
    if (row.juror) return 'juror';
    if (!row.id) return 'not-in-running';
    return Object.assign(new Vote(), {
      id: row.id,
      roundId: vote.roundId,
      proposalId: vote.proposalId,
      voterId: vote.voterId,
      createdAt: vote.createdAt,
    });
  }

  /**
   * Deletes the voter's vote in one statement, like insertVote: only while the round accepts actions at `now`
   * (read under FOR KEY SHARE, so a close waits), with its `votes.changed` outbox row when a vote was there, and only
   * while the voter's account has the facts the request was decided on. The trigger gives the quota back.
   */
  async deleteVote(
    key: RoundProposalKey & { voterId: string; now: Date },
    account: AccountFacts,
    event: OutboxEvents['votes.changed'],
  ): Promise<'account-changed' | 'round-not-open' | boolean> {
    const [row] = await runPrepared<{ account_current: boolean; open: boolean; deleted: boolean }>(
      this.dataSource,
      {
        name: 'retract_vote',
        text: `WITH account AS (
         SELECT coalesce(account_facts($3) = $6::jsonb, false) AS current
       ), round AS (
         SELECT r.id FROM rounds r JOIN challenges c ON c.id = r.challenge_id
         WHERE r.id = $1 AND c.status = 'PUBLISHED' AND r.status <> 'CLOSED' AND r.opens_at <= $4 AND $4 < r.closes_at
         FOR KEY SHARE OF r
       ), deleted AS (
         DELETE FROM votes v USING round WHERE v.round_id = round.id AND v.proposal_id = $2 AND v.voter_id = $3
           AND (SELECT current FROM account) RETURNING v.id
       ), event AS (
         INSERT INTO outbox_events (type, payload) SELECT 'votes.changed', $5::jsonb FROM deleted
       )
       SELECT (SELECT current FROM account) AS account_current, EXISTS (SELECT 1 FROM round) AS open,
         EXISTS (SELECT 1 FROM deleted) AS deleted`,
      },
      [key.roundId, key.proposalId, key.voterId, key.now, JSON.stringify(event), JSON.stringify(account)],
    );
    if (!row.account_current) return 'account-changed';
    return row.open ? row.deleted : 'round-not-open';
  }

  /**
   * Stores the voter's whole ballot in one statement (the `submit_budget_ballot` function, migrations
   * SubmitBudgetBallotFunction and WritesCheckAccountFacts: what it checks and why its two steps keep one voter's
   * submissions in order), or tells why not. `items` is null when nothing was stored.
   */
  async submitBallot(
    ballot: {
      roundId: string;
      voterId: string;
      voterBudget: string | null;
      minLength: number | null;
      maxLength: number | null;
      submittedAt: Date;
      proposalIds: string[];
    },
    account: AccountFacts,
    event: OutboxEvents['votes.changed'],
  ): Promise<
    'account-changed' | { open: boolean; juror: boolean; inRunning: number; totalCost: string; items: string[] | null }
  > {
    const [row] = await runPrepared<{
      account_current: boolean;
      round_open: boolean;
      voter_is_juror: boolean;
      running_count: number;
      ballot_total: string;
      ballot_items: string[] | null;
    }>(
      this.dataSource,
      { name: 'submit_budget_ballot', text: 'SELECT * FROM submit_budget_ballot($1, $2, $3, $4, $5, $6, $7, $8, $9)' },
      [
        ballot.roundId,
        ballot.voterId,
        ballot.submittedAt,
        ballot.proposalIds,
        ballot.voterBudget,
        ballot.minLength,
        ballot.maxLength,
        JSON.stringify(event),
        JSON.stringify(account),
      ],
    );
    if (!row.account_current) return 'account-changed';
    return {
      open: row.round_open,
      juror: row.voter_is_juror,
      inRunning: row.running_count,
      totalCost: row.ballot_total,
      items: row.ballot_items,
    };
  }

  async ballotOf(roundId: string, voterId: string, tx?: Tx): Promise<StoredBallot | null> {
    const manager = tx ?? this.dataSource.manager;
    const ballot = await manager.findOneBy(BudgetBallot, { roundId, voterId });
    if (!ballot) return null;
    const items: { proposal_id: string }[] = await manager.query(
      'SELECT proposal_id FROM budget_ballot_items WHERE round_id = $1 AND voter_id = $2 ORDER BY proposal_id',
      [roundId, voterId],
    );
    return { ballot, proposalIds: items.map((i) => i.proposal_id) };
  }

  /** Stored votes (or ballot approvals) per (round, proposal), for any proposals: one query for the whole batch. */
  async countVotes(keys: readonly RoundProposalKey[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!keys.length) return counts;
    const rows: { round_id: string; proposal_id: string; votes: number }[] = await this.dataSource.query(
      `SELECT k.round_id, k.proposal_id,
              (SELECT count(*) FROM votes v WHERE v.round_id = k.round_id AND v.proposal_id = k.proposal_id)::int
            + (SELECT count(*) FROM budget_ballot_items b WHERE b.round_id = k.round_id AND b.proposal_id = k.proposal_id)::int AS votes
       FROM unnest($1::uuid[], $2::uuid[]) AS k (round_id, proposal_id)`,
      [keys.map((k) => k.roundId), keys.map((k) => k.proposalId)],
    );
    for (const row of rows) counts.set(`${row.round_id}:${row.proposal_id}`, row.votes);
    return counts;
  }

  /**
   * Participation of rounds, one statement for the whole batch. A round holds either votes or ballots, never
   * both (its challenge has one voting method), so adding the two kinds of rows gives the round's own count.
   */
  async participationOf(roundIds: readonly string[]): Promise<Map<string, RoundParticipation>> {
    const counts = new Map<string, RoundParticipation>();
    if (!roundIds.length) return counts;
    const rows: { round_id: string; voters: number; votes: number }[] = await this.dataSource.query(
      `SELECT k.round_id,
              (SELECT count(DISTINCT v.voter_id) FROM votes v WHERE v.round_id = k.round_id)::int
            + (SELECT count(*) FROM budget_ballots b WHERE b.round_id = k.round_id)::int AS voters,
              (SELECT count(*) FROM votes v WHERE v.round_id = k.round_id)::int
            + (SELECT count(*) FROM budget_ballot_items i WHERE i.round_id = k.round_id)::int AS votes
       FROM unnest($1::uuid[]) AS k (round_id)`,
      [[...roundIds]],
    );
    for (const row of rows) counts.set(row.round_id, { voters: row.voters, votes: row.votes });
    return counts;
  }

  /** Which of these (round, proposal) pairs the voter voted for or approved on their ballot. */
  async votedBy(voterId: string, keys: readonly RoundProposalKey[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { round_id: string; proposal_id: string }[] = await this.dataSource.query(
      `SELECT k.round_id, k.proposal_id FROM unnest($2::uuid[], $3::uuid[]) AS k (round_id, proposal_id)
       WHERE EXISTS (SELECT 1 FROM votes v WHERE v.round_id = k.round_id AND v.proposal_id = k.proposal_id AND v.voter_id = $1)
          OR EXISTS (SELECT 1 FROM budget_ballot_items b WHERE b.round_id = k.round_id AND b.proposal_id = k.proposal_id AND b.voter_id = $1)`,
      [voterId, keys.map((k) => k.roundId), keys.map((k) => k.proposalId)],
    );
    return new Set(rows.map((row) => `${row.round_id}:${row.proposal_id}`));
  }

  /** The voter's votes in these rounds, oldest first. */
  votesOf(voterId: string, roundIds: readonly string[]): Promise<Vote[]> {
    if (!roundIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Vote)
      .find({ where: { voterId, roundId: In([...roundIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The live tally of rounds: every proposal in the running at the round's position (SUBMITTED, at that
   * stage, not eliminated) with its stored votes or approvals, zero included.
   */
  async liveTallies(roundIds: readonly string[], tx?: Tx): Promise<LiveTallyRow[]> {
    if (!roundIds.length) return [];
    const rows: { round_id: string; proposal_id: string; submitted_at: Date; votes: number }[] = await (
      tx ?? this.dataSource.manager
    ).query(
      `SELECT r.id AS round_id, p.id AS proposal_id, p.submitted_at,
              (SELECT count(*) FROM votes v WHERE v.round_id = r.id AND v.proposal_id = p.id)::int
            + (SELECT count(*) FROM budget_ballot_items b WHERE b.round_id = r.id AND b.proposal_id = p.id)::int AS votes
       FROM rounds r
       JOIN proposals p ON p.challenge_id = r.challenge_id AND p.status = 'SUBMITTED' AND p.stage = r.position AND p.eliminated_in_round IS NULL
       WHERE r.id = ANY($1::uuid[])`,
      [roundIds],
    );
    return rows.map((row) => ({
      roundId: row.round_id,
      proposalId: row.proposal_id,
      submittedAt: row.submitted_at,
      votes: row.votes,
    }));
  }

  frozenTallies(roundIds: readonly string[]): Promise<RoundTally[]> {
    if (!roundIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RoundTally)
      .find({ where: { roundId: In([...roundIds]) }, order: { rank: 'ASC' } });
  }

  async insertTally(tx: Tx, rows: RoundTally[]): Promise<void> {
    if (rows.length) await tx.insert(RoundTally, rows);
  }

  /** Distinct voters of a SINGLE/MULTIPLE round, counting only votes for the given proposals. */
  async distinctVoters(tx: Tx, roundId: string, proposalIds: string[]): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      'SELECT count(DISTINCT voter_id)::int AS n FROM votes WHERE round_id = $1 AND proposal_id = ANY($2::uuid[])',
      [roundId, proposalIds],
    );
    return rows[0].n;
  }

  /** Every ballot of a BUDGET round (empty ones included), as approval lists. */
  async ballotsOfRound(tx: Tx, roundId: string): Promise<string[][]> {
    const rows: { approved: string[] }[] = await tx.query(
      `SELECT coalesce(array_agg(i.proposal_id::text ORDER BY i.proposal_id) FILTER (WHERE i.proposal_id IS NOT NULL), '{}') AS approved
       FROM budget_ballots b LEFT JOIN budget_ballot_items i ON i.round_id = b.round_id AND i.voter_id = b.voter_id
       WHERE b.round_id = $1 GROUP BY b.voter_id ORDER BY b.voter_id`,
      [roundId],
    );
    return rows.map((row) => row.approved);
  }

  /**
   * A page of a round's ballots for the open-data export, in the order of each ballot's random
   * `export_key` (keyset on the (round_id, export_key) index): a ballot's row says nothing about the
   * voter's account id or voting time (issue #16). The key never leaves the caller.
   */
  async ballotPage(
    roundId: string,
    afterKey: string | null,
    limit: number,
  ): Promise<{ key: string; approved: string[] }[]> {
    return this.dataSource.query(
      `SELECT b.export_key AS key,
              coalesce(array_agg(i.proposal_id::text ORDER BY i.proposal_id) FILTER (WHERE i.proposal_id IS NOT NULL), '{}') AS approved
       FROM budget_ballots b LEFT JOIN budget_ballot_items i ON i.round_id = b.round_id AND i.voter_id = b.voter_id
       WHERE b.round_id = $1 AND ($2::uuid IS NULL OR b.export_key > $2::uuid)
       GROUP BY b.export_key ORDER BY b.export_key LIMIT $3`,
      [roundId, afterKey, limit],
    );
  }

  async countBallots(roundId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM budget_ballots WHERE round_id = $1',
      [roundId],
    );
    return rows[0].n;
  }

  /** Proposals in the running at `position`. */
  inRunning(tx: Tx, challengeId: string, position: number): Promise<Proposal[]> {
    return tx
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.challenge_id = :challengeId', { challengeId })
      .andWhere(`p.status = 'SUBMITTED' AND p.stage = :position AND p.eliminated_in_round IS NULL`, { position })
      .getMany();
  }

  async unitName(unitId: string): Promise<string | null> {
    const rows: { name: string }[] = await this.dataSource.query('SELECT name FROM government_units WHERE id = $1', [
      unitId,
    ]);
    return rows[0]?.name ?? null;
  }
}
