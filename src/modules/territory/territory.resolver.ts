import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MunicipalityModel } from './dto/municipality.model.js';
import { StateModel } from './dto/state.model.js';
import { TerritoryService } from './territory.service.js';

@Resolver(() => StateModel)
export class StatesResolver {
  constructor(private readonly territory: TerritoryService) {}

  @Query(() => [StateModel], { description: 'Las 32 entidades federativas, por clave INEGI.' })
  states(): StateModel[] {
    return this.territory.states();
  }

  @Query(() => StateModel, { nullable: true, description: 'Una entidad por su clave INEGI ("21"); null si no existe.' })
  state(@Args('code', { type: () => ID, description: 'Clave INEGI de dos dígitos.' }) code: string): StateModel | null {
    return this.territory.state(code);
  }

  @ResolveField(() => [MunicipalityModel], { description: 'Municipios o alcaldías de la entidad, por clave.' })
  municipalities(@Parent() state: StateModel): MunicipalityModel[] {
    return this.territory.municipalitiesOf(state.code);
  }
}

@Resolver(() => MunicipalityModel)
export class MunicipalitiesResolver {
  constructor(private readonly territory: TerritoryService) {}

  @Query(() => MunicipalityModel, {
    nullable: true,
    description: 'Un municipio por su clave INEGI de 5 dígitos ("21114"); null si no existe.',
  })
  municipality(
    @Args('code', { type: () => ID, description: 'Clave geoestadística de cinco dígitos.' }) code: string,
  ): MunicipalityModel | null {
    return this.territory.municipality(code);
  }

  @ResolveField(() => StateModel, { description: 'Entidad a la que pertenece.' })
  state(@Parent() municipality: MunicipalityModel): StateModel {
    return this.territory.state(municipality.stateCode)!;
  }
}
