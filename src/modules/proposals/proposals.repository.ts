import { Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { Challenge } from '../challenges/challenge.entity.js';
import { Round } from '../challenges/round.entity.js';
import { ProposalCoAuthor } from './proposal-co-author.entity.js';
import type { ParticipantSource, ProposalFilter, ProposalOrdering } from './proposal-list-extensions.js';
import { MODERATED_STATUSES } from './proposal-rules.js';
import { Proposal, ProposalStatus } from './proposal.entity.js';
import { everSubmittedSql } from '../../common/public-visibility.js';

export type ProposalDraft = Pick<
  Proposal,
  'challengeId' | 'authorId' | 'title' | 'summary' | 'body' | 'estimatedCost' | 'latitude' | 'longitude' | 'links'
>;
export type ProposalPatch = Partial<
  Pick<
    Proposal,
    | 'title'
    | 'summary'
    | 'body'
    | 'estimatedCost'
    | 'latitude'
    | 'longitude'
    | 'links'
    | 'status'
    | 'submittedAt'
    | 'moderationReason'
    | 'hiddenFromStatus'
  >
>;

/** A list query, already decided by the service: the repository only translates it to SQL. */
export interface ProposalQuery {
  challengeId: string;
  statuses: ProposalStatus[];
  search: string | null;
  /** Only proposals that reached this round position. */
  minStage: number | null;
  /** Keeps only the winners (the voting feature's filter). */
  winners: ProposalFilter | null;
  /** The signed-in viewer: also sees their own unsubmitted proposals. */
  viewerId: string | null;
  /** Moderators and the unit's staff may match moderated content by search; others only its title. */
  seesModeratedContent: boolean;
  order: { kind: 'NEWEST' } | { kind: 'RANDOM'; seed: string } | { kind: 'EXTENSION'; apply: ProposalOrdering };
  offset: number;
  limit: number;
}

export interface CoAuthorRow {
  proposalId: string;
  userId: string;
  displayName: string;
  anonymousInPublic: boolean;
}

const SEARCH_QUERY_SQL = `websearch_to_tsquery('spanish', immutable_unaccent(:search))`;
// Same expression as the proposals_search index.
const SEARCH_DOCUMENT_SQL = `to_tsvector('spanish'::regconfig, immutable_unaccent(p.title || ' ' || p.summary))`;
const IS_AUTHOR_SQL = `(p.author_id = :viewerId OR EXISTS (SELECT 1 FROM proposal_co_authors ca WHERE ca.proposal_id = p.id AND ca.user_id = :viewerId))`;

@Injectable()
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, tx?: Tx): Promise<Proposal | null> {
    return (tx ?? this.dataSource.manager).findOneBy(Proposal, { id });
  }

  findByIds(ids: readonly string[]): Promise<Proposal[]> {
    return this.dataSource.getRepository(Proposal).findBy({ id: In([...ids]) });
  }

  /**
   * The challenge and its rounds with share locks, taken in the round clock's order (challenge, then
   * rounds by position): a proposal write and a round close of the same challenge run one after the
   * other, so nothing is submitted or edited into a round that is closing.
   */
  async lockChallengeShared(tx: Tx, challengeId: string): Promise<{ challenge: Challenge; rounds: Round[] } | null> {
    const challenge = await tx
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .where('c.id = :challengeId', { challengeId })
      .setLock('pessimistic_read')
      .getOne();
    if (!challenge) return null;
    const rounds = await tx
      .getRepository(Round)
      .createQueryBuilder('r')
      .where('r.challenge_id = :challengeId', { challengeId })
      .orderBy('r.position', 'ASC')
      .setLock('pessimistic_read')
      .getMany();
    return { challenge, rounds };
  }

  /** The proposal row locked until `tx` ends: co-author additions and status changes of one proposal queue here. */
  lock(tx: Tx, id: string): Promise<Proposal | null> {
    return tx
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  insert(tx: Tx, draft: ProposalDraft): Promise<Proposal> {
    return tx.save(tx.create(Proposal, { ...draft, status: 'DRAFT' }));
  }

  async update(tx: Tx, id: string, patch: ProposalPatch): Promise<void> {
    await tx.update(Proposal, { id }, patch);
  }

  /** The author's never-submitted proposals. */
  async deleteDraftsOf(tx: Tx, authorId: string): Promise<void> {
    await tx.query(`DELETE FROM proposals WHERE author_id = $1 AND submitted_at IS NULL`, [authorId]);
  }

  async coAuthorIds(tx: Tx, proposalId: string): Promise<string[]> {
    const rows = await tx.find(ProposalCoAuthor, { where: { proposalId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  /** Co-authors with their public names, in the order they were added. */
  async coAuthorsOf(proposalIds: readonly string[]): Promise<CoAuthorRow[]> {
    if (!proposalIds.length) return [];
    return this.dataSource.query(
      `SELECT ca.proposal_id AS "proposalId", u.id AS "userId", u.display_name AS "displayName", u.anonymous_in_public AS "anonymousInPublic"
         FROM proposal_co_authors ca JOIN users u ON u.id = ca.user_id
        WHERE ca.proposal_id = ANY($1::uuid[])
        ORDER BY ca.created_at, u.id`,
      [[...proposalIds]],
    );
  }

  /** Which of these proposals `userId` wrote or co-wrote. */
  async authoredBy(userId: string, proposalIds: readonly string[]): Promise<Set<string>> {
    if (!proposalIds.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM proposals p WHERE p.id = ANY($1::uuid[])
          AND (p.author_id = $2 OR EXISTS (SELECT 1 FROM proposal_co_authors ca WHERE ca.proposal_id = p.id AND ca.user_id = $2))`,
      [[...proposalIds], userId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async list(query: ProposalQuery): Promise<[Proposal[], number]> {
    const qb = this.dataSource
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.challenge_id = :challengeId', { challengeId: query.challengeId })
      .andWhere('p.status IN (:...statuses)', { statuses: query.statuses });
    this.applyVisibility(qb, query);
    if (query.search) this.applySearch(qb, query);
    if (query.minStage !== null) qb.andWhere('p.stage >= :minStage', { minStage: query.minStage });
    query.winners?.(qb);
    this.applyOrder(qb, query);
    return qb.offset(query.offset).limit(query.limit).getManyAndCount();
  }

  private applyVisibility(qb: SelectQueryBuilder<Proposal>, query: ProposalQuery): void {
    if (query.viewerId) qb.andWhere(`(${everSubmittedSql('p')} OR ${IS_AUTHOR_SQL})`, { viewerId: query.viewerId });
    else qb.andWhere(everSubmittedSql('p'));
  }

  /** Spanish full text over title and summary; a moderated proposal matches the public only by its title. */
  private applySearch(qb: SelectQueryBuilder<Proposal>, query: ProposalQuery): void {
    qb.andWhere(`${SEARCH_DOCUMENT_SQL} @@ ${SEARCH_QUERY_SQL}`, { search: query.search });
    if (query.seesModeratedContent) return;
    const own = query.viewerId ? ` OR ${IS_AUTHOR_SQL}` : '';
    qb.andWhere(
      `(p.status NOT IN (:...moderated) OR to_tsvector('spanish'::regconfig, immutable_unaccent(p.title)) @@ ${SEARCH_QUERY_SQL}${own})`,
      { moderated: MODERATED_STATUSES },
    );
  }

  private applyOrder(qb: SelectQueryBuilder<Proposal>, query: ProposalQuery): void {
    if (query.order.kind === 'RANDOM') {
      qb.addSelect(`md5(p.id::text || :seed)`, 'random_key')
        .setParameter('seed', query.order.seed)
        .orderBy('random_key', 'ASC');
    } else if (query.order.kind === 'EXTENSION') {
      query.order.apply(qb, { challengeId: query.challengeId });
    }
    qb.addOrderBy('p.submitted_at', 'DESC', 'NULLS FIRST').addOrderBy('p.created_at', 'DESC').addOrderBy('p.id', 'ASC');
  }

  /** SUBMITTED proposals per challenge (Challenge.proposalCount). */
  async countSubmitted(challengeIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { challenge_id: string; n: number }[] = await this.dataSource.query(
      `SELECT challenge_id, count(*)::int AS n FROM proposals
        WHERE challenge_id = ANY($1::uuid[]) AND status = 'SUBMITTED' GROUP BY challenge_id`,
      [[...challengeIds]],
    );
    return new Map(rows.map((row) => [row.challenge_id, row.n]));
  }

  /**
   * Distinct people per challenge among the authors and co-authors of every proposal ever submitted,
   * plus `extraSql` sources of `(challenge_id, user_id)` rows (voters, commenters).
   */
  async countParticipants(
    challengeIds: readonly string[],
    others: readonly ParticipantSource[],
  ): Promise<Map<string, number>> {
    const sources = [
      `SELECT p.challenge_id, p.author_id AS user_id FROM proposals p WHERE ${everSubmittedSql('p')}`,
      `SELECT p.challenge_id, ca.user_id FROM proposal_co_authors ca JOIN proposals p ON p.id = ca.proposal_id WHERE ${everSubmittedSql('p')}`,
      ...others.map((source) =>
        source(this.dataSource.createQueryBuilder() as SelectQueryBuilder<ObjectLiteral>).getQuery(),
      ),
    ];
    const rows: { challenge_id: string; n: number }[] = await this.dataSource.query(
      `SELECT challenge_id, count(DISTINCT user_id)::int AS n
         FROM (${sources.map((sql) => `(${sql})`).join(' UNION ALL ')}) people
        WHERE challenge_id = ANY($1::uuid[]) GROUP BY challenge_id`,
      [[...challengeIds]],
    );
    return new Map(rows.map((row) => [row.challenge_id, row.n]));
  }

  async setStage(tx: Tx, proposalIds: string[], stage: number): Promise<void> {
    if (proposalIds.length) await tx.update(Proposal, { id: In(proposalIds) }, { stage });
  }

  async setEliminated(tx: Tx, proposalIds: string[], inRound: number): Promise<void> {
    if (proposalIds.length) await tx.update(Proposal, { id: In(proposalIds) }, { eliminatedInRound: inRound });
  }

  /** Moves every SUBMITTED proposal at `fromStage` on to `toStage`; returns their ids. */
  async advanceSubmitted(tx: Tx, challengeId: string, fromStage: number, toStage: number): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `UPDATE proposals SET stage = $3, updated_at = now()
        WHERE challenge_id = $1 AND status = 'SUBMITTED' AND stage = $2 AND eliminated_in_round IS NULL
        RETURNING id`,
      [challengeId, fromStage, toStage],
    );
    return (Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : rows).map((row) => row.id);
  }
}
