import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../../common/clock.js';
import { PageArgs, offsetAfter, toConnection, ConnectionType } from '../../common/pagination.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { AuditService } from '../audit/audit.service.js';
import { GovernmentUnitModel } from '../government-units/dto/government-unit.model.js';
import { GovernmentUnitsLoaders } from '../government-units/government-units.loaders.js';
import { MunicipalityModel } from '../territory/dto/municipality.model.js';
import { StateModel } from '../territory/dto/state.model.js';
import { TerritoryService } from '../territory/territory.service.js';
import { ChallengesLoaders } from './challenges.loaders.js';
import { AuditEventModel } from './dto/audit-event.model.js';
import { ChallengeSettingsModel } from './dto/challenge-settings.model.js';
import { ChallengeModel } from './dto/challenge.model.js';
import { ChallengePhaseEnum } from './dto/enums.js';
import { EvaluationCriterionModel } from './dto/evaluation-criterion.model.js';
import { RoundModel } from './dto/round.model.js';
import { currentRound, derivePhase } from './round-lifecycle.js';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const AuditEventConnection = ConnectionType(AuditEventModel, 'AuditEvent');

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Cuántos eventos (1..100).' })
  @Transform(({ value }: { value: unknown }) => value ?? 50)
  @IsInt()
  @Min(1, { message: 'first debe ser al menos 1' })
  @Max(100, { message: 'first no puede ser mayor que 100' })
  override first = 50;
}

@Resolver(() => ChallengeModel)
export class ChallengeFieldsResolver {
  constructor(
    private readonly loaders: ChallengesLoaders,
    private readonly units: GovernmentUnitsLoaders,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => GovernmentUnitModel, { description: 'Unidad que publica el reto.' })
  unit(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.units.for(ctx).unit.load(challenge.unitId);
  }

  @ResolveField(() => StateModel, { nullable: true, description: 'Entidad (retos estatales y municipales).' })
  state(@Parent() challenge: ChallengeModel) {
    return challenge.stateCode ? this.territory.state(challenge.stateCode) : null;
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Municipio (retos municipales).' })
  municipality(@Parent() challenge: ChallengeModel) {
    return challenge.municipalityCode ? this.territory.municipality(challenge.municipalityCode) : null;
  }

  @ResolveField(() => ChallengeSettingsModel, { description: 'Reglas del reto.' })
  settings(@Parent() challenge: ChallengeModel): ChallengeSettingsModel {
    return challenge.settings;
  }

  @ResolveField(() => [RoundModel], { description: 'Calendario de rondas, en orden.' })
  rounds(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).rounds.load(challenge.id);
  }

  @ResolveField(() => RoundModel, { nullable: true, description: 'La ronda abierta ahora, si hay una.' })
  async currentRound(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return currentRound(await this.loaders.for(ctx).rounds.load(challenge.id));
  }

  @ResolveField(() => ChallengePhaseEnum, { description: 'Fase derivada del estado y de las rondas.' })
  async phase(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return derivePhase(challenge.status, await this.loaders.for(ctx).rounds.load(challenge.id));
  }

  @ResolveField(() => [EvaluationCriterionModel], { description: 'Criterios de evaluación del jurado.' })
  criteria(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).criteria.load(challenge.id);
  }

  @ResolveField(() => AuditEventConnection, { description: 'Bitácora pública del reto, lo más reciente primero.' })
  async auditLog(@Parent() challenge: ChallengeModel, @Args() args: AuditLogArgs) {
    const offset = offsetAfter(args.after);
    const [rows, total] = await this.audit.ofChallenge(challenge.id, { offset, limit: args.first + 1 });
    return toConnection(rows, { first: args.first, offset }, total);
  }

  @ResolveField(() => Boolean, {
    description:
      'Si quien consulta puede editar el reto (miembro de su unidad o administración, y el reto no ha terminado).',
  })
  async viewerCanEdit(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    if (!ctx.viewer || challenge.status === 'FINISHED' || challenge.status === 'CANCELLED') return false;
    if (ctx.viewer.platformRole === 'ADMIN') return true;
    const memberships = await this.units.for(ctx).membershipsOfUser.load(ctx.viewer.id);
    return memberships.some((m) => m.unitId === challenge.unitId);
  }
}
