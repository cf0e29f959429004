import { VotesChangedHandler } from './votes-changed.handler.js';
import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { VotingModule } from '../voting/voting.module.js';
import { ChallengeFollowResolver, FollowsResolver } from './follows.resolver.js';
import { FollowsLoaders } from './follows.loaders.js';
import { FollowsRepository } from './follows.repository.js';
import { FollowsService } from './follows.service.js';
import { LiveEvents } from './live/live-events.js';
import { LiveTallySource, VotingLiveTallySource } from './live/live-tally.source.js';
import { TallyPublisher } from './live/tally-publisher.js';
import { NotificationFanout } from './notification-fanout.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver, ViewerNotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsSubscriber } from './notifications.subscriber.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/**
 * Follows, preferences, in-app and e-mail notifications, live subscriptions (RULES §8). Consumes outbox events;
 * its processor (NotificationsProcessor) runs in worker processes (WorkersModule).
 */
@Module({
  imports: [ChallengesModule, VotingModule],
  controllers: [UnsubscribeController],
  providers: [
    FollowsRepository,
    FollowsService,
    FollowsLoaders,
    FollowsResolver,
    ChallengeFollowResolver,
    NotificationsRepository,
    NotificationsService,
    NotificationsResolver,
    ViewerNotificationsResolver,
    NotificationFanout,
    NotificationsSubscriber,
    LiveEvents,
    TallyPublisher,
    VotesChangedHandler,
    { provide: LiveTallySource, useClass: VotingLiveTallySource },
  ],
  exports: [
    FollowsService,
    NotificationsService,
    NotificationFanout,
    TallyPublisher,
    LiveTallySource,
    VotesChangedHandler,
  ],
})
export class NotificationsModule {}
