import { Field, ObjectType } from '@nestjs/graphql';
import { ViewerModel } from './viewer.model.js';

@ObjectType('AuthPayload', { description: 'Una sesión recién abierta o renovada.' })
export class AuthPayload {
  @Field({ description: 'JWT para el encabezado `Authorization: Bearer`; vale 15 minutos.' })
  accessToken: string;

  @Field({ description: 'Token opaco para `refreshSession`; vale 30 días y se cambia por uno nuevo en cada uso.' })
  refreshToken: string;

  @Field({ description: 'Momento en que vence `accessToken`.' })
  accessTokenExpiresAt: Date;

  @Field(() => ViewerModel, { description: 'La cuenta de la sesión.' })
  viewer: ViewerModel;
}
