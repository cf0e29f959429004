// The routes of the citizen app. Each feature owns its pages; this file only places them.
// Declarative routes (BrowserRouter) rather than a data router: about 17 KB less gzipped JavaScript on first load.
// Browsing (list, challenge page) is in the first load; forms load on demand, keeping first-load JS small.
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
import { ChallengePage } from '../features/challenges/challenge-page';
import { ChallengesPage } from '../features/challenges/challenges-page';
import {
  CurpPage,
  ForgotPasswordPage,
  RegisterPage,
  ResetPasswordPage,
  SignInPage,
  VerifyEmailPage,
} from '../features/account/lazy';
import { EditChallengePage, NewChallengePage } from '../features/challenge-form/lazy';
import { AdminPage } from '../features/admin/lazy';
import { BallotConfirmationPage, BallotPage } from '../features/ballot/lazy';
import { FollowsPage, FollowToggle, PreferencesPage } from '../features/follows/lazy';
import { EvaluationsPage, ScoringPage } from '../features/jury/lazy';
import { NoticesPage } from '../features/notices/lazy';
import { OpenDataPage } from '../features/open-data/lazy';
import { PrivacyNoticePage } from '../features/privacy/lazy';
import { ProfilePage } from '../features/profile/lazy';
import { EditProposalPage, NewProposalPage, ProposalPage, ProposalsPage } from '../features/proposals/lazy';
import { ResultsPage } from '../features/results/lazy';
import { VotingPage } from '../features/voting/lazy';
import { ChallengeAdminPage, UnitDashboardPage, UnitTeamPage } from '../features/unit/lazy';
import { NotFoundPage } from './error-pages';
import { Layout } from './layout';

/** E-mails link a proposal under its challenge (`/retos/:challenge/propuestas/:id`); its page lives at `/propuestas/:id`. */
function ProposalLinkRedirect() {
  return <Navigate replace to={`/propuestas/${useParams().id}`} />;
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<ChallengesPage />} />
          <Route path="retos/:slug" element={<ChallengePage follow={(slug) => <FollowToggle slug={slug} />} />} />
          <Route path="retos/:slug/proponer" element={<NewProposalPage />} />
          <Route path="retos/:slug/propuestas" element={<ProposalsPage />} />
          <Route path="retos/:slug/propuestas/:id" element={<ProposalLinkRedirect />} />
          <Route path="propuestas/:id" element={<ProposalPage />} />
          <Route path="propuestas/:id/editar" element={<EditProposalPage />} />
          <Route path="entrar" element={<SignInPage />} />
          <Route path="registro" element={<RegisterPage />} />
          <Route path="verificar-correo" element={<VerifyEmailPage />} />
          <Route path="olvide-mi-contrasena" element={<ForgotPasswordPage />} />
          <Route path="restablecer-contrasena" element={<ResetPasswordPage />} />
          <Route path="retos/:slug/votar" element={<VotingPage />} />
          <Route path="retos/:slug/boleta" element={<BallotPage />} />
          <Route path="retos/:slug/boleta/enviada" element={<BallotConfirmationPage />} />
          <Route path="retos/:slug/resultados" element={<ResultsPage />} />
          <Route path="cuenta" element={<ProfilePage />} />
          <Route path="cuenta/sigo" element={<FollowsPage />} />
          <Route path="cuenta/avisos" element={<PreferencesPage />} />
          <Route path="cuenta/curp" element={<CurpPage />} />
          <Route path="avisos" element={<NoticesPage />} />
          <Route path="privacidad" element={<PrivacyNoticePage />} />
          <Route path="datos-abiertos" element={<OpenDataPage />} />
          <Route path="mi-unidad/nuevo-reto" element={<NewChallengePage />} />
          <Route path="mi-unidad/retos/:id/editar" element={<EditChallengePage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="evaluaciones" element={<EvaluationsPage />} />
          <Route path="evaluaciones/:challengeId/:proposalId" element={<ScoringPage />} />
          <Route path="mi-unidad" element={<UnitDashboardPage />} />
          <Route path="mi-unidad/retos/:slug" element={<ChallengeAdminPage />} />
          <Route path="mi-unidad/equipo/:unitId" element={<UnitTeamPage />} />
          <Route path="mi-unidad/*" element={<UnitDashboardPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
