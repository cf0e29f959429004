import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('State', {
  description: 'Una de las 32 entidades federativas de México, identificada por su clave INEGI ("01".."32").',
})
export class StateModel {
  @Field(() => ID, { description: 'Clave INEGI de la entidad (CVE_ENT), dos dígitos.' })
  code: string;

  @Field({ description: 'Nombre oficial según el catálogo AGEEML del INEGI.' })
  name: string;

  @Field({ description: 'Clave de dos letras de RENAPO usada dentro de la CURP, p. ej. PL para Puebla.' })
  curpCode: string;
}
