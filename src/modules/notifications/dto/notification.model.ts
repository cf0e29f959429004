import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';
import type { NotificationType } from '../notification-types.js';
import { NotificationTypeEnum } from './enums.js';

@ObjectType('Notification', { description: 'Un aviso dentro de la plataforma para quien inició sesión.' })
export class NotificationModel {
  @Field(() => ID, { description: 'Identificador del aviso.' })
  id: string;

  @Field(() => NotificationTypeEnum, { description: 'Qué ocurrió.' })
  type: NotificationType;

  @Field({ description: 'Título breve, en español.' })
  title: string;

  @Field({ description: 'Texto del aviso, en español.' })
  body: string;

  @Field(() => Date, { nullable: true, description: 'Cuándo se marcó como leído; null si no se ha leído.' })
  readAt: Date | null;

  @Field({ description: 'Cuándo se creó el aviso.' })
  createdAt: Date;

  challengeId: string | null;
  proposalId: string | null;
}

export const NotificationConnection = ConnectionType(NotificationModel, 'Notification');
