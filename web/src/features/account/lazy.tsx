// Loaded on first visit, so the public first load stays small (issue #13's budget).
import { lazy, Suspense, type ComponentType } from 'react';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';

function onDemand(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(() => load().then((page) => ({ default: page })));
  return function AccountPage() {
    return (
      <Suspense fallback={<Page title={texts.loading} />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const SignInPage = onDemand(() => import('./sign-in-page').then((m) => m.SignInPage));
export const RegisterPage = onDemand(() => import('./register-page').then((m) => m.RegisterPage));
export const VerifyEmailPage = onDemand(() => import('./verify-email-page').then((m) => m.VerifyEmailPage));
export const ForgotPasswordPage = onDemand(() => import('./forgot-password-page').then((m) => m.ForgotPasswordPage));
export const ResetPasswordPage = onDemand(() => import('./reset-password-page').then((m) => m.ResetPasswordPage));
export const CurpPage = onDemand(() => import('./curp-page').then((m) => m.CurpPage));
