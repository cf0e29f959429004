import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { FOLLOW_TARGET_TYPES, type FollowTargetType } from '../notification-types.js';
import { FollowTargetTypeEnum } from './enums.js';

@ObjectType('Follow', { description: 'Algo que quien inició sesión sigue para recibir avisos.' })
export class FollowModel {
  @Field(() => FollowTargetTypeEnum, { description: 'Qué se sigue.' })
  targetType: FollowTargetType;

  @Field({ description: 'Identificador del reto o la unidad, nombre del tema o clave INEGI.' })
  targetId: string;

  @Field({ description: 'Desde cuándo.' })
  createdAt: Date;
}

@InputType('FollowInput', { description: 'Qué seguir o dejar de seguir.' })
export class FollowInput {
  @Field(() => FollowTargetTypeEnum, { description: 'Qué se sigue.' })
  @IsIn(FOLLOW_TARGET_TYPES)
  targetType: FollowTargetType;

  @Field({ description: 'Identificador del reto o la unidad, nombre del tema (ChallengeCategory) o clave INEGI.' })
  @IsString()
  @MaxLength(64, { message: 'El identificador es demasiado largo.' })
  targetId: string;
}
