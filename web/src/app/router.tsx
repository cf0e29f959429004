// The routes of the citizen app. Each feature owns its pages; this file only places them.
// Declarative routes (BrowserRouter) rather than a data router: about 17 KB less gzipped JavaScript on first load.
import { BrowserRouter, Route, Routes } from 'react-router';
import { RegisterPage } from '../features/account/register-page';
import { SignInPage } from '../features/account/sign-in-page';
import { ChallengePage } from '../features/challenges/challenge-page';
import { ChallengesPage } from '../features/challenges/challenges-page';
import { NewProposalPage } from '../features/proposals/new-proposal-page';
import { NotFoundPage } from './error-pages';
import { Layout } from './layout';

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<ChallengesPage />} />
          <Route path="retos/:slug" element={<ChallengePage />} />
          <Route path="retos/:slug/proponer" element={<NewProposalPage />} />
          <Route path="entrar" element={<SignInPage />} />
          <Route path="registro" element={<RegisterPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
