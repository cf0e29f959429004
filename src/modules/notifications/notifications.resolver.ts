import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
  Int,
} from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { CurrentViewer, SignedIn } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { ViewerModel } from '../identity/dto/viewer.model.js';
import { ProposalModel } from '../proposals/dto/proposal.model.js';
import { TallyEntryModel } from '../voting/dto/tally-entry.model.js';
import type { TallyRow } from '../voting/tally.js';
import { VotingLoadersProvider } from '../voting/voting.loaders.js';
import { NotificationChannelEnum, NotificationTypeEnum } from './dto/enums.js';
import { NotificationConnection, NotificationModel } from './dto/notification.model.js';
import { NotificationPreferenceModel } from './dto/notification-preference.model.js';
import { LiveEvents } from './live/live-events.js';
import type { NotificationChannel, NotificationType } from './notification-types.js';
import type { StoredNotification } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Solo los no leídos.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

/** A pushed notification arrives as JSON; dates become Dates again. */
function revive(n: StoredNotification): StoredNotification {
  return { ...n, createdAt: new Date(n.createdAt), readAt: n.readAt ? new Date(n.readAt) : null };
}

/** Every pushed message is resolved with fresh loaders: a subscription's context lives as long as the socket. */
function freshLoaders(ctx: GraphqlContext): void {
  ctx.loaders?.clear();
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly live: LiveEvents,
    private readonly challenges: ChallengesLoaders,
    private readonly voting: VotingLoadersProvider,
  ) {}

  @Query(() => NotificationConnection, { description: 'Los avisos de quien inició sesión, lo más reciente primero.' })
  @SignedIn()
  notifications(@CurrentViewer() viewer: Viewer, @Args() args: NotificationsArgs) {
    return this.service.list(viewer.id, { first: args.first, after: args.after, unreadOnly: args.unreadOnly ?? false });
  }

  @Mutation(() => Int, { description: 'Marca como leídos esos avisos (null: todos); devuelve cuántos cambiaron.' })
  @SignedIn()
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true, description: 'Avisos a marcar; null marca todos.' })
    ids: string[] | null,
  ) {
    return this.service.markRead(viewer.id, ids);
  }

  @Mutation(() => NotificationPreferenceModel, { description: 'Activa o desactiva un tipo de aviso en un canal.' })
  @SignedIn()
  setNotificationPreference(
    @CurrentViewer() viewer: Viewer,
    @Args('type', { type: () => NotificationTypeEnum, description: 'Tipo de aviso.' }) type: NotificationType,
    @Args('channel', { type: () => NotificationChannelEnum, description: 'Canal.' }) channel: NotificationChannel,
    @Args('enabled', { description: 'true para recibirlo, false para dejar de recibirlo.' }) enabled: boolean,
  ) {
    return this.service.setPreference(viewer.id, type, channel, enabled);
  }

  @ResolveField(() => ChallengeModel, { nullable: true, description: 'El reto del que trata, si trata de uno.' })
  challenge(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext) {
    return n.challengeId ? this.challenges.for(ctx).challenge.load(n.challengeId) : null;
  }

  @ResolveField(() => ProposalModel, { nullable: true, description: 'La propuesta de la que trata, si trata de una.' })
  proposal(@Parent() n: NotificationModel, @Context() ctx: GraphqlContext) {
    return n.proposalId ? this.voting.for(ctx).proposal.load(n.proposalId) : null;
  }

  @Subscription(() => NotificationModel, {
    description: 'Los avisos nuevos de quien inició sesión, en cuanto se guardan.',
    resolve: (payload: StoredNotification, _args: unknown, ctx: GraphqlContext) => {
      freshLoaders(ctx);
      return revive(payload);
    },
  })
  @SignedIn()
  notificationReceived(@CurrentViewer() viewer: Viewer) {
    return this.live.listen<StoredNotification>('notification', viewer.id);
  }

  @Subscription(() => [TallyEntryModel], {
    description:
      'El conteo de una ronda de votación cada vez que cambian sus votos (solo donde el conteo es público), a lo más una vez por segundo.',
    resolve: (payload: TallyRow[], _args: unknown, ctx: GraphqlContext) => {
      freshLoaders(ctx);
      return payload.map((row) => Object.assign(new TallyEntryModel(), row));
    },
  })
  tallyUpdated(@Args('roundId', { type: () => ID, description: 'La ronda de votación.' }) roundId: string) {
    return this.live.listen<TallyRow[]>('tally', roundId);
  }
}

@Resolver(() => ViewerModel)
export class ViewerNotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @ResolveField(() => [NotificationPreferenceModel], {
    description: 'Cada tipo de aviso por cada canal, con los valores por omisión aplicados.',
  })
  notificationPreferences(@Parent() viewer: ViewerModel) {
    return this.notifications.preferences(viewer.id);
  }

  @ResolveField(() => Int, { description: 'Cuántos avisos sin leer tiene.' })
  unreadNotificationCount(@Parent() viewer: ViewerModel) {
    return this.notifications.unreadCount(viewer.id);
  }
}
