import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX } from '../../identity/dto/account-fields.js';

@ArgsType()
export class DeleteMyAccountArgs {
  // No minimum: a wrong password of any length is the same refusal at this field.
  @Field({ description: 'La contraseña actual de la cuenta, para confirmar que eres tú.' })
  @IsString({ message: 'La contraseña debe ser texto.' })
  @MaxLength(PASSWORD_MAX, { message: `La contraseña admite a lo más ${PASSWORD_MAX} caracteres.` })
  password: string;
}
