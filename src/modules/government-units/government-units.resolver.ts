import { isUuid } from '../../common/ids.js';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination.js';
import { PlatformRoles, UnitRoles } from '../../infrastructure/auth/access.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { PublicUserModel } from '../identity/dto/public-user.model.js';
import { UsersLoaders } from '../identity/users.loaders.js';
import { MunicipalityModel } from '../territory/dto/municipality.model.js';
import { StateModel } from '../territory/dto/state.model.js';
import { TerritoryService } from '../territory/territory.service.js';
import {
  AddUnitMemberArgs,
  CreateGovernmentUnitInput,
  GovernmentUnitsArgs,
  RemoveUnitMemberArgs,
} from './dto/government-unit.inputs.js';
import { GovernmentUnitModel } from './dto/government-unit.model.js';
import { UnitMembershipModel } from './dto/unit-membership.model.js';
import { GovernmentUnitsLoaders } from './government-units.loaders.js';
import { GovernmentUnitsService } from './government-units.service.js';
import { offsetAfter } from '../../common/pagination.js';

const GovernmentUnitConnection = ConnectionType(GovernmentUnitModel, 'GovernmentUnit');

@Resolver(() => GovernmentUnitModel)
export class GovernmentUnitsResolver {
  constructor(
    private readonly service: GovernmentUnitsService,
    private readonly territory: TerritoryService,
    private readonly loaders: GovernmentUnitsLoaders,
  ) {}

  @Query(() => GovernmentUnitConnection, { description: 'Unidades de gobierno, por nombre.' })
  governmentUnits(@Args() args: GovernmentUnitsArgs) {
    return this.service.list({ ...args.filter, first: args.first, offset: offsetAfter(args.after) });
  }

  @Query(() => GovernmentUnitModel, { nullable: true, description: 'Una unidad por su id; null si no existe.' })
  governmentUnit(
    @Args('id', { type: () => ID, description: 'Identificador de la unidad.' }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return isUuid(id) ? this.loaders.for(ctx).unit.load(id) : null; // malformed: no such unit
  }

  @Mutation(() => GovernmentUnitModel, {
    description: 'Da de alta una unidad de gobierno (solo administración de la plataforma).',
  })
  @PlatformRoles('ADMIN')
  createGovernmentUnit(@Args('input', { description: 'Datos de la unidad.' }) input: CreateGovernmentUnitInput) {
    return this.service.create(input);
  }

  @Mutation(() => UnitMembershipModel, {
    description: 'Agrega una cuenta existente a la unidad o cambia su papel (ADMIN de la unidad o de la plataforma).',
  })
  @UnitRoles(['ADMIN'], 'unit', 'unitId')
  addUnitMember(@Args() args: AddUnitMemberArgs) {
    return this.service.addMember(args.unitId, args.email, args.role);
  }

  @Mutation(() => Boolean, { description: 'Quita a una persona de la unidad; la unidad conserva al menos un ADMIN.' })
  @UnitRoles(['ADMIN'], 'unit', 'unitId')
  removeUnitMember(@Args() args: RemoveUnitMemberArgs) {
    return this.service.removeMember(args.unitId, args.userId);
  }

  @ResolveField(() => StateModel, {
    nullable: true,
    description: 'Entidad de la unidad; null para unidades federales.',
  })
  state(@Parent() unit: GovernmentUnitModel) {
    return unit.stateCode ? this.territory.state(unit.stateCode) : null;
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Municipio; solo para unidades municipales.' })
  municipality(@Parent() unit: GovernmentUnitModel) {
    return unit.municipalityCode ? this.territory.municipality(unit.municipalityCode) : null;
  }

  @ResolveField(() => [UnitMembershipModel], {
    description:
      'Integrantes: visible para los miembros de la unidad y la administración de la plataforma; FORBIDDEN para los demás.',
  })
  async members(@Parent() unit: GovernmentUnitModel, @Context() ctx: GraphqlContext) {
    await this.service.assertCanSeeMembers(ctx.viewer, unit.id);
    return this.loaders.for(ctx).members.load(unit.id);
  }
}

@Resolver(() => UnitMembershipModel)
export class UnitMembershipResolver {
  constructor(
    private readonly units: GovernmentUnitsLoaders,
    private readonly users: UsersLoaders,
  ) {}

  @ResolveField(() => GovernmentUnitModel, { description: 'La unidad.' })
  unit(@Parent() membership: UnitMembershipModel, @Context() ctx: GraphqlContext) {
    return this.units.for(ctx).unit.load(membership.unitId);
  }

  @ResolveField(() => PublicUserModel, { description: 'La persona.' })
  user(@Parent() membership: UnitMembershipModel, @Context() ctx: GraphqlContext) {
    return this.users.for(ctx).publicUser.load(membership.userId);
  }
}
