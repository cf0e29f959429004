import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('JuryMember', { description: 'Una persona del jurado de un reto. Pública: solo su nombre.' })
export class JuryMemberModel {
  @Field(() => ID, { description: 'Identificador de la membresía en el jurado.' })
  id: string;

  @Field({ description: 'Si preside el jurado.' })
  isChair: boolean;

  challengeId: string;
  userId: string;
}
