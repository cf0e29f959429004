// The pages of "Mi unidad", loaded together as one chunk on first visit (officials only).
export { UnitDashboardPage } from './dashboard-page';
export { ChallengeAdminPage } from './challenge-admin-page';
export { UnitTeamPage } from './team-page';
