import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MunicipalityModel } from '../territory/dto/municipality.model.js';
import { StateModel } from '../territory/dto/state.model.js';
import { TerritoryService } from '../territory/territory.service.js';
import { ViewerModel } from './dto/viewer.model.js';

/** The viewer's residence; visible only to its owner, never on PublicUser. */
@Resolver(() => ViewerModel)
export class ViewerResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ResolveField(() => StateModel, { nullable: true, description: 'Entidad de residencia declarada.' })
  state(@Parent() viewer: ViewerModel): StateModel | null {
    return viewer.stateCode ? this.territory.state(viewer.stateCode) : null;
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Municipio de residencia declarado.' })
  municipality(@Parent() viewer: ViewerModel): MunicipalityModel | null {
    return viewer.municipalityCode ? this.territory.municipality(viewer.municipalityCode) : null;
  }
}
