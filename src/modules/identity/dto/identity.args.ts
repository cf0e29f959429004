import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { Trim } from '../../../common/text-validators.js';
import type { PlatformRole } from '../user.entity.js';
import { EmailField, OpaqueTokenField, PasswordField } from './account-fields.js';
import { PlatformRoleEnum } from './platform-role.enum.js';

/** Arguments of the identity mutations, as classes so the global ValidationPipe checks them. */

@ArgsType()
export class RefreshTokenArgs {
  @OpaqueTokenField(
    'Token de renovación recibido en AuthPayload; sin él, el de la cookie HttpOnly `retos_sesion` que recibe el navegador.',
    { optional: true },
  )
  refreshToken?: string;
}

@ArgsType()
export class EmailTokenArgs {
  @OpaqueTokenField('Token del enlace enviado por correo.')
  token: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @OpaqueTokenField('Token del enlace de restablecimiento enviado por correo.')
  token: string;

  @PasswordField('Contraseña nueva, de 10 a 200 caracteres.')
  newPassword: string;
}

@ArgsType()
export class EmailArgs {
  @EmailField('Correo de la cuenta.')
  email: string;
}

@ArgsType()
export class VerifyCurpArgs {
  // Only the type is checked here: every other problem is INVALID_CURP, with the reason, from the service.
  @Field({ description: 'CURP de 18 caracteres; se guarda solo como hash con llave y nunca se devuelve.' })
  @Trim()
  @IsString({ message: 'La CURP debe ser texto.' })
  curp: string;
}

@ArgsType()
export class SetPlatformRoleArgs {
  @Field(() => ID, { description: 'Cuenta cuyo rol cambia.' })
  @IsUUID('all', { message: 'El identificador de cuenta no es válido.' })
  userId: string;

  @Field(() => PlatformRoleEnum, { description: 'Rol nuevo.' })
  @IsIn(Object.values(PlatformRoleEnum), { message: 'El rol no es válido.' })
  role: PlatformRole;
}
