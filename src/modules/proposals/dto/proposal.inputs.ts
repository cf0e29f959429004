import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import { DecimalScalar } from '../../../infrastructure/graphql/decimal.scalar.js';

const TITLE = { message: 'El título debe tener entre 5 y 150 caracteres.' };
const SUMMARY = { message: 'El resumen debe tener entre 10 y 500 caracteres.' };
const BODY = { message: 'El texto de la propuesta debe tener entre 20 y 20 000 caracteres.' };
const LINKS = { message: 'Se admiten hasta 10 enlaces.' };
const LINK = {
  each: true,
  message: 'Cada enlace debe ser una dirección http(s) completa, p. ej. https://ejemplo.mx/plano.pdf.',
};
const URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  allow_underscores: true,
};
const REASON = { message: 'El motivo debe tener entre 3 y 2 000 caracteres.' };
const FINITE = { allowNaN: false, allowInfinity: false };

@InputType('GeoPointInput', { description: 'Un punto dentro de México (latitud 14..33, longitud −118.5..−86.5).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitud (14..33).' })
  @IsNumber(FINITE)
  @Min(14, { message: 'La ubicación debe estar en México (latitud entre 14 y 33).' })
  @Max(33, { message: 'La ubicación debe estar en México (latitud entre 14 y 33).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitud (−118.5..−86.5).' })
  @IsNumber(FINITE)
  @Min(-118.5, { message: 'La ubicación debe estar en México (longitud entre −118.5 y −86.5).' })
  @Max(-86.5, { message: 'La ubicación debe estar en México (longitud entre −118.5 y −86.5).' })
  longitude: number;
}

@InputType('CreateProposalInput', {
  description: 'Un borrador de propuesta. Markdown guardado tal cual; la API nunca lo interpreta.',
})
export class CreateProposalInput {
  @Field(() => ID, { description: 'Reto al que responde.' })
  @IsUUID('all', { message: 'El identificador del reto no es válido.' })
  challengeId: string;

  @Field({ description: 'Título (5 a 150 caracteres).' })
  @Trim()
  @IsString()
  @Length(5, 150, TITLE)
  @NoControlChars()
  title: string;

  @Field({ description: 'Resumen (10 a 500 caracteres).' })
  @Trim()
  @IsString()
  @Length(10, 500, SUMMARY)
  @NoControlChars()
  summary: string;

  @Field({ description: 'Markdown (20 a 20 000 caracteres).' })
  @Trim()
  @IsString()
  @Length(20, 20_000, BODY)
  @NoControlChars()
  body: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Costo estimado en MXN (mayor que cero y sin exceder el presupuesto del reto); obligatorio para enviar en un presupuesto participativo.',
  })
  @IsOptional()
  @IsString()
  estimatedCost?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Ubicación, si aplica.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;

  @Field(() => [String], { nullable: true, description: 'Enlaces http(s) de apoyo (hasta 10).' })
  @IsOptional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(10, LINKS)
  @IsString({ each: true })
  @MaxLength(2000, LINK)
  @IsUrl(URL_OPTIONS, LINK)
  @NoControlChars()
  links?: string[] | null;
}

@InputType('UpdateProposalInput', {
  description: 'Cambios a una propuesta; lo que no se indica no cambia. location o estimatedCost en null los borran.',
})
export class UpdateProposalInput {
  @Field(() => String, { nullable: true, description: 'Título (5 a 150 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(5, 150, TITLE)
  @NoControlChars()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Resumen (10 a 500 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(10, 500, SUMMARY)
  @NoControlChars()
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown (20 a 20 000 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(20, 20_000, BODY)
  @NoControlChars()
  body?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Costo estimado en MXN; null lo borra.' })
  @IsOptional()
  @IsString()
  estimatedCost?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Ubicación; null la borra.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Enlaces http(s) de apoyo (hasta 10); reemplazan a los anteriores.',
  })
  @IsOptional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(10, LINKS)
  @IsString({ each: true })
  @MaxLength(2000, LINK)
  @IsUrl(URL_OPTIONS, LINK)
  @NoControlChars()
  links?: string[] | null;
}

@ArgsType()
export class ProposalIdArgs {
  @Field(() => ID, { description: 'Identificador de la propuesta.' })
  @IsString()
  id: string;
}

@ArgsType()
export class UpdateProposalArgs extends ProposalIdArgs {
  @Field(() => UpdateProposalInput, { description: 'Los cambios.' })
  @ValidateNested()
  @Type(() => UpdateProposalInput)
  input: UpdateProposalInput;
}

@ArgsType()
export class AddCoAuthorArgs {
  @Field(() => ID, { description: 'Identificador de la propuesta.' })
  @IsString()
  proposalId: string;

  @Field({ description: 'Correo de la persona invitada (si tiene una cuenta verificada, recibe la invitación).' })
  @Trim()
  @IsString()
  @Length(3, 320, { message: 'Escribe el correo de la persona.' })
  @NoControlChars()
  email: string;
}

@ArgsType()
export class ModerateProposalArgs extends ProposalIdArgs {
  @Field({ description: 'Motivo público (3 a 2 000 caracteres).' })
  @Trim()
  @IsString()
  @Length(3, 2000, REASON)
  @NoControlChars()
  reason: string;
}
