import { Field, ObjectType } from '@nestjs/graphql';
import type { NotificationChannel, NotificationType } from '../notification-types.js';
import { NotificationChannelEnum, NotificationTypeEnum } from './enums.js';

@ObjectType('NotificationPreference', {
  description: 'Si un tipo de aviso llega por un canal (con los valores por omisión aplicados).',
})
export class NotificationPreferenceModel {
  @Field(() => NotificationTypeEnum, { description: 'Tipo de aviso.' })
  type: NotificationType;

  @Field(() => NotificationChannelEnum, { description: 'Canal.' })
  channel: NotificationChannel;

  @Field({ description: 'Si está activado.' })
  enabled: boolean;
}
