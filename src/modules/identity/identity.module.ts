import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { RateLimiter } from '../../infrastructure/http/rate-limiter.js';
import { TerritoryModule } from '../territory/territory.module.js';
import { AccessTokens } from './access-tokens.js';
import { AccountMails } from './account-mails.js';
import { AccountTokensRepository } from './account-tokens.repository.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { LoginThrottle } from './login-throttle.js';
import { ParticipationPolicy } from './participation-policy.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { ResidenceChecker } from './residence.js';
import { SessionsService } from './sessions.service.js';
import { UsersLoaders } from './users.loaders.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { ViewerResolver } from './viewer.resolver.js';

@Module({
  imports: [TerritoryModule],
  providers: [
    UsersRepository,
    UsersService,
    UsersLoaders,
    RefreshTokensRepository,
    AccountTokensRepository,
    {
      provide: AccessTokens,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => new AccessTokens(config, clock),
    },
    // HttpModule (which provides it globally) exists only in the API; the worker process loads this module too.
    RateLimiter,
    PasswordHasher,
    LoginThrottle,
    ResidenceChecker,
    AccountMails,
    SessionsService,
    AccountsService,
    ParticipationPolicy,
    AdminBootstrap,
    AccountsResolver,
    ViewerResolver,
  ],
  exports: [UsersService, UsersLoaders, ParticipationPolicy, PasswordHasher],
})
export class IdentityModule {}
