import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PlatformRole } from '../user.entity.js';
import { PlatformRoleEnum } from './platform-role.enum.js';

@ObjectType('AccountLookup', {
  description: 'Una cuenta como la ve la administración de la plataforma al buscarla por su correo.',
})
export class AccountLookupModel {
  @Field(() => ID, { description: 'Identificador de la cuenta.' })
  id: string;

  @Field({ description: 'Nombre público.' })
  displayName: string;

  @Field({ description: 'Correo de la cuenta.' })
  email: string;

  @Field(() => PlatformRoleEnum, { description: 'Rol en la plataforma.' })
  platformRole: PlatformRole;
}
