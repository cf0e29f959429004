import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Vote', { description: 'Un voto de quien consulta (los votos son secretos: nadie más los ve).' })
export class VoteModel {
  @Field(() => ID, { description: 'Identificador del voto.' })
  id: string;

  @Field({ description: 'Cuándo se emitió.' })
  createdAt: Date;

  roundId: string;
  proposalId: string;
}
