import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PublicUser', {
  description: 'Lo que cualquiera puede ver de una persona. Nunca incluye correo, CURP ni residencia.',
})
export class PublicUserModel {
  @Field(() => ID, { description: 'Identificador de la cuenta.' })
  id: string;

  @Field({ description: 'Nombre público elegido por la persona.' })
  displayName: string;

  /** Not in the schema: whether the person asked to appear as «Anónimo» to the public. */
  anonymousInPublic?: boolean;
}
