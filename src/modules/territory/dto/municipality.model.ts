import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Municipality', {
  description: 'Un municipio o alcaldía, identificado por su clave INEGI de 5 dígitos (entidad + municipio).',
})
export class MunicipalityModel {
  @Field(() => ID, { description: 'Clave geoestadística INEGI (CVEGEO), cinco dígitos.' })
  code: string;

  @Field({ description: 'Nombre oficial según el catálogo AGEEML del INEGI.' })
  name: string;

  stateCode: string;
}
