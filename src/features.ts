import { ChallengesModule } from './modules/challenges/challenges.module.js';
import { EvaluationModule } from './modules/evaluation/evaluation.module.js';
import { GovernmentUnitsModule } from './modules/government-units/government-units.module.js';
import { OpenDataModule } from './modules/open-data/open-data.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { ProposalsModule } from './modules/proposals/proposals.module.js';
import { ResultsModule } from './modules/results/results.module.js';
import { RoundsModule } from './modules/rounds/rounds.module.js';
import { TerritoryModule } from './modules/territory/territory.module.js';
import { VotingModule } from './modules/voting/voting.module.js';
import { PortsModule } from './ports.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';

/** The domain modules, in dependency order (see docs/architecture.md), and the binding of their ports. */
export const featureModules = [
  TerritoryModule,
  IdentityModule,
  GovernmentUnitsModule,
  ChallengesModule,
  RoundsModule,
  ProposalsModule,
  ResultsModule,
  VotingModule,
  EvaluationModule,
  NotificationsModule,
  OpenDataModule,
  PrivacyModule,
  PortsModule,
];
