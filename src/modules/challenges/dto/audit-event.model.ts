import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEvent', {
  description: 'Un hecho de la bitácora pública del reto (solo se agregan, nunca se borran).',
})
export class AuditEventModel {
  @Field(() => ID, { description: 'Identificador del evento.' })
  id: string;

  @Field({
    description:
      'e.g. challenge.published, round.opened, round.closed, round.rescheduled, proposal.hidden, results.published',
  })
  action: string;

  @Field({ description: 'Short Spanish description of what happened, with the reason where one was given.' })
  summary: string;

  @Field({ description: 'Cuándo ocurrió.' })
  createdAt: Date;

  actorId: string | null;
}
