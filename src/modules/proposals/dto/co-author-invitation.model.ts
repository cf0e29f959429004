import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CoAuthorInvitation', {
  description:
    'Una invitación pendiente a firmar una propuesta como coautora o coautor; solo la ve la persona invitada.',
})
export class CoAuthorInvitationModel {
  @Field(() => ID, { description: 'Identificador de la invitación.' })
  id: string;

  @Field(() => ID, { description: 'La propuesta que se invita a firmar.' })
  proposalId: string;

  @Field({ description: 'Título de la propuesta.' })
  proposalTitle: string;

  @Field(() => ID, { description: 'El reto de la propuesta.' })
  challengeId: string;

  @Field({ description: 'Título del reto.' })
  challengeTitle: string;

  @Field({ description: 'Nombre público de quien invita («Anónimo» si así lo eligió).' })
  invitedBy: string;

  @Field({ description: 'Cuándo se envió la invitación.' })
  createdAt: Date;
}
