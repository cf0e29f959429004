import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { EmailField, PASSWORD_MAX } from './account-fields.js';

@InputType('LoginInput', { description: 'Credenciales para iniciar sesión.' })
export class LoginInput {
  @EmailField()
  email: string;

  // No minimum: a wrong password of any length is just INVALID_CREDENTIALS.
  @Field({ description: 'Contraseña de la cuenta.' })
  @IsString({ message: 'La contraseña debe ser texto.' })
  @MaxLength(PASSWORD_MAX, { message: `La contraseña admite a lo más ${PASSWORD_MAX} caracteres.` })
  password: string;
}
