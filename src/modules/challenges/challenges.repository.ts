import { Injectable } from '@nestjs/common';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Tx } from '../../infrastructure/database/transactions.js';
import { Round } from './round.entity.js';
import type { ChallengePhase } from './round-lifecycle.js';
import { Challenge } from './challenge.entity.js';
import { Criterion } from './criterion.entity.js';
import type { ChallengeFilter, ChallengeOrder } from './dto/challenge-filter.inputs.js';

/** Who may see drafts: platform admins all of them, unit members their units' ones. */
export interface DraftVisibility {
  all: boolean;
  unitIds: string[];
}

/** The phase of RULES §3 in SQL, matching derivePhase(): the open round's kind, else upcoming or intermission. */
const PHASE_SQL = `CASE
  WHEN c.status <> 'PUBLISHED' THEN c.status
  ELSE coalesce(
    (SELECT r.kind FROM rounds r WHERE r.challenge_id = c.id AND r.status = 'OPEN' LIMIT 1),
    CASE WHEN EXISTS (SELECT 1 FROM rounds r WHERE r.challenge_id = c.id AND r.status = 'CLOSED') THEN 'INTERMISSION' ELSE 'UPCOMING' END)
  END`;

const OPEN_ROUND_CLOSES_SQL = `(SELECT r.closes_at FROM rounds r WHERE r.challenge_id = c.id AND r.status = 'OPEN' LIMIT 1)`;

const SEARCH_QUERY_SQL = `websearch_to_tsquery('spanish', immutable_unaccent(:search))`;

export type ChallengeDraft = Omit<Challenge, 'id' | 'createdAt' | 'updatedAt'>;
export type RoundDraft = Pick<Round, 'position' | 'kind' | 'title' | 'opensAt' | 'closesAt' | 'advanceCount'>;
export type CriterionDraft = Pick<Criterion, 'position' | 'name' | 'description' | 'weight' | 'maxScore'>;

@Injectable()
export class ChallengesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, tx?: Tx): Promise<Challenge | null> {
    return (tx ?? this.dataSource.manager).findOneBy(Challenge, { id });
  }

  findBySlug(slug: string): Promise<Challenge | null> {
    return this.dataSource.getRepository(Challenge).findOneBy({ slug });
  }

  findByIds(ids: readonly string[]): Promise<Challenge[]> {
    return this.dataSource.getRepository(Challenge).findBy({ id: In([...ids]) });
  }

  async lock(tx: Tx, id: string): Promise<Challenge | null> {
    return tx.createQueryBuilder(Challenge, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  /** Slugs already taken by `base` or `base-N`. */
  async slugsLike(tx: Tx, base: string): Promise<string[]> {
    const rows: { slug: string }[] = await tx.query(
      `SELECT slug FROM challenges WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
      [base],
    );
    return rows.map((r) => r.slug);
  }

  async list(
    filter: ChallengeFilter,
    order: ChallengeOrder,
    page: { offset: number; limit: number },
    drafts: DraftVisibility,
  ): Promise<[Challenge[], number]> {
    const qb = this.dataSource.getRepository(Challenge).createQueryBuilder('c');
    this.applyFilter(qb, filter, drafts);
    this.applyOrder(qb, order, Boolean(filter.search));
    return qb.offset(page.offset).limit(page.limit).getManyAndCount();
  }

  private applyFilter(qb: SelectQueryBuilder<Challenge>, filter: ChallengeFilter, drafts: DraftVisibility) {
    if (!drafts.all) {
      qb.andWhere(
        drafts.unitIds.length ? `(c.status <> 'DRAFT' OR c.unit_id IN (:...draftUnits))` : `c.status <> 'DRAFT'`,
        {
          draftUnits: drafts.unitIds,
        },
      );
    }
    if (filter.search) qb.andWhere(`c.search_document @@ ${SEARCH_QUERY_SQL}`, { search: filter.search });
    if (filter.level) qb.andWhere('c.level = :level', { level: filter.level });
    if (filter.stateCode) qb.andWhere('c.state_code = :state', { state: filter.stateCode });
    if (filter.municipalityCode)
      qb.andWhere('c.municipality_code = :municipality', { municipality: filter.municipalityCode });
    if (filter.unitId) qb.andWhere('c.unit_id = :unit', { unit: filter.unitId });
    if (filter.category) qb.andWhere('c.category = :category', { category: filter.category });
    if (filter.phases?.length)
      qb.andWhere(`(${PHASE_SQL}) IN (:...phases)`, { phases: filter.phases satisfies ChallengePhase[] });
  }

  private applyOrder(qb: SelectQueryBuilder<Challenge>, order: ChallengeOrder, searching: boolean) {
    if (order === 'RELEVANCE' && searching) {
      qb.addSelect(`ts_rank(c.search_document, ${SEARCH_QUERY_SQL})`, 'relevance').orderBy('relevance', 'DESC');
    } else if (order === 'CLOSING_SOON') {
      qb.addSelect(OPEN_ROUND_CLOSES_SQL, 'open_round_closes').orderBy('open_round_closes', 'ASC', 'NULLS LAST');
    } else if (order === 'MOST_PROPOSALS') {
      qb.addSelect(this.proposalCountSql(), 'proposal_count').orderBy('proposal_count', 'DESC');
    }
    qb.addOrderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC');
  }

  /** Submitted proposals of each challenge, as Challenge.proposalCount counts them. */
  private proposalCountSql(): string {
    return `(SELECT count(*) FROM proposals p WHERE p.challenge_id = c.id AND p.status = 'SUBMITTED')`;
  }

  roundsOf(challengeIds: readonly string[], tx?: Tx): Promise<Round[]> {
    return (tx ?? this.dataSource.manager).find(Round, {
      where: { challengeId: In([...challengeIds]) },
      order: { position: 'ASC' },
    });
  }

  /** `tx` is required (null outside one): a read inside a transaction must see what it wrote, on its connection. */
  criteriaOf(challengeIds: readonly string[], tx: Tx | null): Promise<Criterion[]> {
    return (tx ?? this.dataSource.manager).find(Criterion, {
      where: { challengeId: In([...challengeIds]) },
      order: { position: 'ASC' },
    });
  }

  insert(tx: Tx, challenge: ChallengeDraft): Promise<Challenge> {
    return tx.save(tx.create(Challenge, challenge));
  }

  async update(tx: Tx, id: string, changes: Partial<ChallengeDraft>): Promise<void> {
    await tx.update(Challenge, { id }, changes);
  }

  async updateRound(
    tx: Tx,
    roundId: string,
    changes: Partial<Pick<Round, 'status' | 'openedAt' | 'closedAt' | 'opensAt' | 'closesAt'>>,
  ): Promise<void> {
    await tx.update(Round, { id: roundId }, changes);
  }

  async replaceRounds(tx: Tx, challengeId: string, rounds: RoundDraft[]): Promise<void> {
    await tx.delete(Round, { challengeId });
    await tx.insert(
      Round,
      rounds.map((r) => ({ ...r, challengeId })),
    );
  }

  async replaceCriteria(tx: Tx, challengeId: string, criteria: CriterionDraft[]): Promise<void> {
    await tx.delete(Criterion, { challengeId });
    if (criteria.length)
      await tx.insert(
        Criterion,
        criteria.map((c) => ({ ...c, challengeId })),
      );
  }
}
