import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { EMAIL_PATTERN, normalizeEmail } from '../../../common/email.js';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import { OPAQUE_TOKEN_PATTERN } from '../secret-tokens.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 80;

/** The validated fields shared by the identity inputs and arguments. */

export const EmailField = (description = 'Correo electrónico de la cuenta.') =>
  applyDecorators(
    Field(() => String, { description }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value)),
    IsString({ message: 'El correo debe ser texto.' }),
    MaxLength(254, { message: 'El correo admite a lo más 254 caracteres.' }),
    IsEmail({}, { message: 'El correo no es válido.' }),
    Matches(EMAIL_PATTERN, {
      message: 'El correo solo admite letras sin acento, números y los signos . _ % + - del estándar.',
    }),
  );

/** Passwords are taken exactly as typed: no trimming, any character (NIST SP 800-63B). */
export const PasswordField = (description: string) =>
  applyDecorators(
    Field(() => String, { description }),
    IsString({ message: 'La contraseña debe ser texto.' }),
    Length(PASSWORD_MIN, PASSWORD_MAX, {
      message: `La contraseña debe tener entre ${PASSWORD_MIN} y ${PASSWORD_MAX} caracteres.`,
    }),
  );

export const DisplayNameField = (nullable = false) =>
  applyDecorators(
    Field(() => String, {
      nullable,
      description: `Nombre público, de ${DISPLAY_NAME_MIN} a ${DISPLAY_NAME_MAX} caracteres.`,
    }),
    ...(nullable ? [IsOptional()] : []),
    Trim(),
    IsString({ message: 'El nombre debe ser texto.' }),
    Length(DISPLAY_NAME_MIN, DISPLAY_NAME_MAX, {
      message: `El nombre debe tener entre ${DISPLAY_NAME_MIN} y ${DISPLAY_NAME_MAX} caracteres.`,
    }),
    NoControlChars(),
  );

export const StateCodeField = () =>
  applyDecorators(
    Field(() => String, { nullable: true, description: 'Entidad de residencia: clave INEGI de dos dígitos ("21").' }),
    IsOptional(),
    Trim(),
    Matches(/^\d{2}$/, { message: 'La clave de entidad son dos dígitos del INEGI, p. ej. "21".' }),
  );

export const MunicipalityCodeField = () =>
  applyDecorators(
    Field(() => String, {
      nullable: true,
      description: 'Municipio de residencia: clave INEGI de cinco dígitos ("21114"); debe pertenecer a la entidad.',
    }),
    IsOptional(),
    Trim(),
    Matches(/^\d{5}$/, { message: 'La clave de municipio son cinco dígitos del INEGI, p. ej. "21114".' }),
  );

export const OpaqueTokenField = (description: string, options: { optional?: boolean } = {}) =>
  applyDecorators(
    Field(() => String, { description, nullable: options.optional }),
    ...(options.optional ? [IsOptional()] : []),
    Trim(),
    IsString({ message: 'El token debe ser texto.' }),
    Matches(OPAQUE_TOKEN_PATTERN, { message: 'El token no tiene un formato válido.' }),
  );
