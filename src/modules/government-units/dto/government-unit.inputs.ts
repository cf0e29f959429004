import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import { PageArgs } from '../../../common/pagination.js';
import type { GovernmentLevel } from '../government-unit.entity.js';
import type { UnitRole } from '../unit-membership.entity.js';
import { GovernmentLevelEnum, UnitRoleEnum } from './enums.js';

const STATE_CODE = /^\d{2}$/;
const MUNICIPALITY_CODE = /^\d{5}$/;

@InputType('CreateGovernmentUnitInput', { description: 'Datos de una nueva unidad de gobierno.' })
export class CreateGovernmentUnitInput {
  @Field({ description: 'Nombre oficial (3 a 200 caracteres).' })
  @Trim()
  @IsString()
  @Length(3, 200, { message: 'El nombre debe tener entre 3 y 200 caracteres.' })
  @NoControlChars()
  name: string;

  @Field(() => String, { nullable: true, description: 'Siglas (hasta 20 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 20, { message: 'Las siglas deben tener entre 1 y 20 caracteres.' })
  @NoControlChars()
  acronym?: string | null;

  @Field(() => String, { nullable: true, description: 'Qué hace la unidad (hasta 2 000 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'La descripción admite hasta 2 000 caracteres.' })
  @NoControlChars()
  description?: string | null;

  @Field(() => GovernmentLevelEnum, { description: 'Orden de gobierno.' })
  @IsIn(Object.values(GovernmentLevelEnum))
  level: GovernmentLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Obligatoria para unidades STATE y MUNICIPAL: clave INEGI de la entidad.',
  })
  @IsOptional()
  @Matches(STATE_CODE, { message: 'La clave de entidad son 2 dígitos INEGI, p. ej. "21".' })
  stateCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Obligatoria para unidades MUNICIPAL; debe pertenecer a stateCode.',
  })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE, { message: 'La clave de municipio son 5 dígitos INEGI, p. ej. "21114".' })
  municipalityCode?: string | null;
}

@InputType('GovernmentUnitFilter', { description: 'Filtros del listado de unidades.' })
export class GovernmentUnitFilter {
  @Field(() => GovernmentLevelEnum, { nullable: true, description: 'Solo este orden de gobierno.' })
  @IsOptional()
  @IsIn(Object.values(GovernmentLevelEnum))
  level?: GovernmentLevel | null;

  @Field(() => String, { nullable: true, description: 'Solo unidades de esta entidad (clave INEGI).' })
  @IsOptional()
  @Matches(STATE_CODE, { message: 'La clave de entidad son 2 dígitos INEGI.' })
  stateCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Solo unidades de este municipio (clave INEGI).' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE, { message: 'La clave de municipio son 5 dígitos INEGI.' })
  municipalityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Busca en nombre y siglas, sin distinguir acentos ni mayúsculas.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @NoControlChars()
  search?: string | null;
}

@ArgsType()
export class GovernmentUnitsArgs extends PageArgs {
  @Field(() => GovernmentUnitFilter, { nullable: true, description: 'Filtros opcionales.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GovernmentUnitFilter)
  filter?: GovernmentUnitFilter | null;
}

@ArgsType()
export class AddUnitMemberArgs {
  @Field(() => ID, { description: 'La unidad.' })
  @IsUUID('all', { message: 'El identificador de la unidad no es válido.' })
  unitId: string;

  @Field({ description: 'Correo de una cuenta existente.' })
  @Trim()
  @IsEmail({}, { message: 'El correo no es válido.' })
  @MaxLength(254)
  email: string;

  @Field(() => UnitRoleEnum, { description: 'Papel que tendrá en la unidad.' })
  @IsIn(Object.values(UnitRoleEnum))
  role: UnitRole;
}

@ArgsType()
export class RemoveUnitMemberArgs {
  @Field(() => ID, { description: 'La unidad.' })
  @IsUUID('all', { message: 'El identificador de la unidad no es válido.' })
  unitId: string;

  @Field(() => ID, { description: 'La persona que deja la unidad.' })
  @IsUUID('all', { message: 'El identificador de la persona no es válido.' })
  userId: string;
}
