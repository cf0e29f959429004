import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { Connection, toConnection } from '../../common/pagination.js';
import { slugify, withSuffix } from '../../common/slug.js';
import { Transactions, Tx } from '../../infrastructure/database/transactions.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { AuditLog } from '../audit/audit-log.js';
import { GovernmentUnitsService } from '../government-units/government-units.service.js';
import { canPublish } from './round-lifecycle.js';
import type { Round } from './round.entity.js';
import { Challenge } from './challenge.entity.js';
import { PlanSource, settingsInput, storedSettings, toPlan } from './challenge-plan.js';
import { challengePlanViolations } from './challenge-rules.js';
import { ChallengesRepository, DraftVisibility } from './challenges.repository.js';
import type { ChallengeFilter, ChallengeOrder } from './dto/challenge-filter.inputs.js';
import type { CreateChallengeInput, UpdateChallengeInput } from './dto/challenge.inputs.js';
import { driverError } from '../../infrastructure/database/driver-error.js';

const TEXT_FIELDS = ['title', 'summary', 'description', 'tags'] as const;
const SLUG_ATTEMPTS = 5;

function invalidState(message: string): DomainError {
  return DomainError.conflict(message, 'INVALID_STATE_TRANSITION');
}

/** Refuses a plan that breaks RULES §3, naming every offending field. */
function assertValidPlan(source: PlanSource): void {
  const violations = challengePlanViolations(toPlan(source));
  if (!violations.length) return;
  const schedule = violations.some((v) => v.reason === 'INVALID_SCHEDULE');
  throw DomainError.badInput(
    violations.map(({ path, message }) => ({ path, message })),
    schedule ? 'INVALID_SCHEDULE' : undefined,
  );
}

@Injectable()
export class ChallengesService {
  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly units: GovernmentUnitsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  findById(id: string): Promise<Challenge | null> {
    return this.challenges.findById(id);
  }

  findByIds(ids: readonly string[]): Promise<Challenge[]> {
    return this.challenges.findByIds(ids);
  }

  /** The rounds of these challenges, in position order. */
  roundsOf(challengeIds: readonly string[]): Promise<Round[]> {
    return this.challenges.roundsOf(challengeIds);
  }

  /**
   * The round clock's writes to the schedule (rounds and challenges are written here only), inside its
   * transaction, which holds the challenge's row lock.
   */
  async markRoundOpened(tx: Tx, roundId: string, at: Date): Promise<void> {
    await this.challenges.updateRound(tx, roundId, { status: 'OPEN', openedAt: at });
  }

  async markRoundClosed(tx: Tx, roundId: string, at: Date): Promise<void> {
    await this.challenges.updateRound(tx, roundId, { status: 'CLOSED', closedAt: at });
  }

  async moveRound(tx: Tx, roundId: string, { opensAt, closesAt }: { opensAt: Date; closesAt: Date }): Promise<void> {
    await this.challenges.updateRound(tx, roundId, { opensAt, closesAt });
  }

  /** After its final round closed. */
  async finish(tx: Tx, challengeId: string, at: Date): Promise<void> {
    await this.challenges.update(tx, challengeId, { status: 'FINISHED', finishedAt: at });
  }

  /** Drafts are seen only by their unit's members and platform admins. */
  async draftVisibility(viewer: Viewer | null): Promise<DraftVisibility> {
    if (!viewer) return { all: false, unitIds: [] };
    if (viewer.platformRole === 'ADMIN') return { all: true, unitIds: [] };
    return { all: false, unitIds: (await this.units.membershipsOf(viewer.id)).map((m) => m.unitId) };
  }

  async findVisible(
    viewer: Viewer | null,
    by: { id?: string | null; slug?: string | null },
  ): Promise<Challenge | null> {
    if (!by.id === !by.slug) throw DomainError.field(by.id ? 'slug' : 'id', 'Indica id o slug, uno solo.');
    const challenge = by.id ? await this.challenges.findById(by.id) : await this.challenges.findBySlug(by.slug!);
    if (!challenge || challenge.status !== 'DRAFT') return challenge;
    const drafts = await this.draftVisibility(viewer);
    return drafts.all || drafts.unitIds.includes(challenge.unitId) ? challenge : null;
  }

  async list(
    viewer: Viewer | null,
    filter: ChallengeFilter,
    order: ChallengeOrder,
    page: { first: number; offset: number },
  ): Promise<Connection<Challenge>> {
    const [rows, total] = await this.challenges.list(
      filter,
      order,
      { offset: page.offset, limit: page.first + 1 },
      await this.draftVisibility(viewer),
    );
    return toConnection(rows, page, total);
  }

  async create(viewer: Viewer, input: CreateChallengeInput): Promise<Challenge> {
    const unit = await this.units.findById(input.unitId);
    if (!unit) throw DomainError.notFound('La unidad de gobierno');
    const source: PlanSource = {
      budget: input.budget ?? null,
      settings: settingsInput(input.settings ?? {}),
      rounds: input.rounds,
      criteria: input.criteria ?? [],
    };
    assertValidPlan(source);
    const plan = toPlan(source);
    return this.retryOnSlugRace(() =>
      this.transactions.run(async (tx) => {
        const challenge = await this.challenges.insert(tx, {
          unitId: unit.id,
          slug: await this.freeSlug(tx, input.title),
          title: input.title,
          summary: input.summary,
          description: input.description,
          category: input.category,
          tags: input.tags ?? [],
          level: unit.level,
          stateCode: unit.stateCode,
          municipalityCode: unit.municipalityCode,
          budget: input.budget ?? null,
          status: 'DRAFT',
          settings: storedSettings(plan.settings),
          createdById: viewer.id,
          publishedAt: null,
          cancelledReason: null,
          finishedAt: null,
        });
        await this.writeSchedule(tx, challenge.id, source);
        await this.audit.record(tx, {
          action: 'challenge.created',
          challengeId: challenge.id,
          actorId: viewer.id,
          summary: `Se creó el reto «${challenge.title}» como borrador.`,
        });
        return challenge;
      }),
    );
  }

  private async retryOnSlugRace<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const { constraint } = driverError(error);
        if (constraint !== 'challenges_slug_unique' || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  /** A draft takes any change; a published challenge only its texts and tags (RULES §3). */
  async update(viewer: Viewer, id: string, input: UpdateChallengeInput): Promise<Challenge> {
    const changed = Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k]) => k);
    return this.transactions.run(async (tx) => {
      const challenge = await this.challenges.lock(tx, id);
      if (!challenge) throw DomainError.notFound('El reto');
      if (challenge.status === 'FINISHED' || challenge.status === 'CANCELLED') {
        throw invalidState('Un reto terminado o cancelado ya no se puede editar.');
      }
      if (challenge.status === 'PUBLISHED') {
        const locked = changed.filter((field) => !(TEXT_FIELDS as readonly string[]).includes(field));
        if (locked.length) {
          throw invalidState(
            `Un reto publicado solo admite cambios de título, resumen, descripción y etiquetas; el calendario cambia con rescheduleRound (no se aceptan: ${locked.join(', ')}).`,
          );
        }
      }
      const changes = {
        ...(input.title != null && { title: input.title }),
        ...(input.summary != null && { summary: input.summary }),
        ...(input.description != null && { description: input.description }),
        ...(input.tags != null && { tags: input.tags }),
        ...(input.category != null && { category: input.category }),
        ...(input.budget != null && { budget: input.budget }),
      };
      if (challenge.status === 'DRAFT') {
        const source = await this.planSource(tx, { ...challenge, ...changes }, input);
        assertValidPlan(source);
        if (input.settings || input.budget != null)
          Object.assign(changes, { settings: storedSettings(toPlan(source).settings) });
        if (input.rounds || input.criteria)
          await this.writeSchedule(tx, id, source, {
            rounds: Boolean(input.rounds),
            criteria: Boolean(input.criteria),
          });
      }
      await this.challenges.update(tx, id, changes);
      await this.audit.record(tx, {
        action: 'challenge.updated',
        challengeId: id,
        actorId: viewer.id,
        summary: `Se actualizó el reto (${changed.join(', ') || 'sin cambios'}).`,
        data: { fields: changed },
      });
      return (await this.challenges.findById(id, tx))!;
    });
  }

  async publish(viewer: Viewer, id: string): Promise<Challenge> {
    return this.transactions.run(async (tx) => {
      const challenge = await this.challenges.lock(tx, id);
      if (!challenge) throw DomainError.notFound('El reto');
      if (challenge.status !== 'DRAFT') throw invalidState('Solo se publica un reto en borrador.');
      const source = await this.planSource(tx, challenge, {});
      assertValidPlan(source);
      const rounds = await this.challenges.roundsOf([id], tx);
      const now = this.clock.now();
      if (!canPublish(challenge.status, rounds, now)) {
        throw DomainError.field(
          'rounds',
          'La última ronda ya cerró: ajusta el calendario antes de publicar.',
          'INVALID_SCHEDULE',
        );
      }
      await this.challenges.update(tx, id, { status: 'PUBLISHED', publishedAt: now });
      await this.audit.record(tx, {
        action: 'challenge.published',
        challengeId: id,
        actorId: viewer.id,
        summary: `Se publicó el reto «${challenge.title}».`,
      });
      await this.outbox.add(tx, 'challenge.published', {
        challengeId: id,
        rounds: rounds.map((r) => ({
          roundId: r.id,
          opensAt: r.opensAt.toISOString(),
          closesAt: r.closesAt.toISOString(),
        })),
      });
      return (await this.challenges.findById(id, tx))!;
    });
  }

  async cancel(viewer: Viewer, id: string, reason: string): Promise<Challenge> {
    return this.transactions.run(async (tx) => {
      const challenge = await this.challenges.lock(tx, id);
      if (!challenge) throw DomainError.notFound('El reto');
      if (challenge.status === 'FINISHED' || challenge.status === 'CANCELLED') {
        throw invalidState('Un reto terminado o ya cancelado no se puede cancelar.');
      }
      await this.challenges.update(tx, id, { status: 'CANCELLED', cancelledReason: reason });
      await this.audit.record(tx, {
        action: 'challenge.cancelled',
        challengeId: id,
        actorId: viewer.id,
        summary: `Se canceló el reto. Motivo: ${reason}`,
      });
      await this.outbox.add(tx, 'challenge.cancelled', { challengeId: id, reason });
      return (await this.challenges.findById(id, tx))!;
    });
  }

  /** The stored challenge with an update's schedule, settings and criteria laid over it. */
  private async planSource(
    tx: Tx,
    challenge: Challenge,
    input: Pick<UpdateChallengeInput, 'settings' | 'rounds' | 'criteria'>,
  ): Promise<PlanSource> {
    const [rounds, criteria] =
      input.rounds && input.criteria
        ? [input.rounds, input.criteria]
        : [
            input.rounds ?? (await this.challenges.roundsOf([challenge.id], tx)),
            input.criteria ?? (await this.challenges.criteriaOf([challenge.id], tx)),
          ];
    return {
      budget: challenge.budget,
      settings: settingsInput(input.settings ?? challenge.settings),
      rounds,
      criteria,
    };
  }

  private async writeSchedule(
    tx: Tx,
    challengeId: string,
    source: PlanSource,
    which = { rounds: true, criteria: true },
  ): Promise<void> {
    if (which.rounds) {
      await this.challenges.replaceRounds(
        tx,
        challengeId,
        source.rounds.map((r, i) => ({
          position: i + 1,
          kind: r.kind,
          title: r.title,
          opensAt: r.opensAt,
          closesAt: r.closesAt,
          advanceCount: r.advanceCount ?? null,
        })),
      );
    }
    if (which.criteria) {
      await this.challenges.replaceCriteria(
        tx,
        challengeId,
        source.criteria.map((c, i) => ({
          position: i + 1,
          name: c.name,
          description: c.description ?? null,
          weight: c.weight,
          maxScore: c.maxScore,
        })),
      );
    }
  }

  /** A readable slug from the title, numbered when taken (the unique index settles races: the caller retries). */
  private async freeSlug(tx: Tx, title: string): Promise<string> {
    const base = slugify(title);
    const taken = new Set(await this.challenges.slugsLike(tx, base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(withSuffix(base, n))) return withSuffix(base, n);
  }
}
