import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PlatformRole, User } from '../user.entity.js';
import { PlatformRoleEnum } from './platform-role.enum.js';

/**
 * The signed-in account as its owner sees it. Other modules add their fields (memberships, jury,
 * notifications) with @ResolveField on this type; `state` and `municipality` come from ViewerResolver.
 */
@ObjectType('Viewer', { description: 'La cuenta con la que se inició sesión, vista por su titular.' })
export class ViewerModel {
  @Field(() => ID, { description: 'Identificador de la cuenta.' })
  id: string;

  @Field({ description: 'Correo de la cuenta; solo lo ve su titular.' })
  email: string;

  @Field({ description: 'Si el correo ya fue confirmado.' })
  emailVerified: boolean;

  @Field({ description: 'Nombre público.' })
  displayName: string;

  @Field(() => PlatformRoleEnum, { description: 'Rol en la plataforma.' })
  platformRole: PlatformRole;

  @Field({ description: 'Si la cuenta verificó una CURP (que nunca se muestra).' })
  curpVerified: boolean;

  @Field({
    description:
      'Si la persona eligió aparecer como «Anónimo» ante el público y en los datos abiertos (moderación, administración y el personal de la dependencia siguen viendo su nombre).',
  })
  anonymousInPublic: boolean;

  @Field({ description: 'Fecha de creación de la cuenta.' })
  createdAt: Date;

  stateCode: string | null;
  municipalityCode: string | null;

  static from(user: User): ViewerModel {
    return Object.assign(new ViewerModel(), {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
      displayName: user.displayName,
      platformRole: user.platformRole,
      curpVerified: user.curpVerifiedAt !== null,
      anonymousInPublic: user.anonymousInPublic,
      createdAt: user.createdAt,
      stateCode: user.stateCode,
      municipalityCode: user.municipalityCode,
    });
  }
}
