import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { NoControlChars, Trim } from '../../../common/text-validators.js';

const REASON = { message: 'El motivo debe tener entre 3 y 2 000 caracteres.' };
const COMMENT = { message: 'El comentario debe tener entre 3 y 2 000 caracteres.' };

@InputType('CriterionScoreInput', { description: 'La calificación de un criterio.' })
export class CriterionScoreInput {
  @Field(() => ID, { description: 'Criterio del reto que se califica.' })
  @IsString()
  criterionId: string;

  @Field(() => Int, { description: 'Calificación entera de 0 a la calificación máxima del criterio.' })
  @IsInt({ message: 'La calificación debe ser un número entero.' })
  score: number;
}

@InputType('SubmitEvaluationInput', {
  description: 'La evaluación de una propuesta asignada; enviarla de nuevo reemplaza la anterior.',
})
export class SubmitEvaluationInput {
  @Field(() => ID, { description: 'Propuesta asignada.' })
  @IsString()
  proposalId: string;

  @Field(() => [CriterionScoreInput], {
    description: 'Una calificación por cada criterio del reto, exactamente una vez.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];

  @Field(() => String, { nullable: true, description: 'Comentario opcional (3 a 2 000 caracteres).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 2000, COMMENT)
  @NoControlChars()
  comment?: string | null;
}

@ArgsType()
export class AddJurorArgs {
  @Field(() => ID, { description: 'Reto.' })
  @IsString()
  challengeId: string;

  @Field({ description: 'Correo de una cuenta existente.' })
  @Trim()
  @IsString()
  email: string;

  @Field({ nullable: true, defaultValue: false, description: 'Si preside el jurado.' })
  @IsOptional()
  @IsBoolean()
  isChair?: boolean;
}

@ArgsType()
export class RemoveJurorArgs {
  @Field(() => ID, { description: 'Reto.' })
  @IsString()
  challengeId: string;

  @Field(() => ID, { description: 'Cuenta que deja el jurado.' })
  @IsString()
  userId: string;
}

@ArgsType()
export class DeclareConflictArgs {
  @Field(() => ID, { description: 'Propuesta con la que hay conflicto de interés.' })
  @IsString()
  proposalId: string;

  @Field({ description: 'Motivo (3 a 2 000 caracteres); lo ven el propio jurado y la unidad.' })
  @Trim()
  @IsString()
  @Length(3, 2000, REASON)
  @NoControlChars()
  reason: string;
}
