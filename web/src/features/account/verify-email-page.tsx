// /verificar-correo?token=…, opened from the e-mail: confirms the address once on load. Without a token it
// is where a signed-in person asks for a new e-mail (the profile and the register page lead here).
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage } from '../../shared/field';
import { formProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { accountTexts } from './account-texts';
import { FocusedResult } from './focused-result';

const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      emailVerified
    }
  }
`);

const ResendEmailVerification = graphql(`
  mutation ResendEmailVerification {
    resendEmailVerification
  }
`);

const EmailStatus = graphql(`
  query EmailStatus {
    viewer {
      id
      email
      emailVerified
    }
  }
`);

type Outcome = 'verified' | 'badLink' | { problem: string };

// The token works once, but the effect can run again: React's StrictMode runs effects twice, and the session's
// restore swaps the GraphQL client. So each token is sent only once per page load.
const sent = new Map<string, Promise<Outcome>>();

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return <Page title={accountTexts.verify.title}>{token ? <TokenCheck token={token} /> : <ResendSection />}</Page>;
}

function TokenCheck({ token }: { token: string }) {
  const v = accountTexts.verify;
  const client = useClient();
  const session = useSession();
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    if (!sent.has(token)) {
      const request = client
        .mutation(VerifyEmail, { token })
        .toPromise()
        .then((result): Outcome => {
          if (result.data) return 'verified';
          const problems = formProblems(result.error);
          return problems.fields.token ? 'badLink' : { problem: problems.form ?? v.badLink };
        });
      sent.set(token, request);
    }
    void sent.get(token)!.then((result) => {
      if (!live) return;
      setOutcome(result);
      announce(result === 'verified' ? v.done : result === 'badLink' ? v.badLink : result.problem);
    });
    return () => {
      live = false;
    };
  }, [token, client, announce, v]);

  if (!outcome) return <p>{v.checking}</p>;
  if (outcome === 'verified') {
    return (
      <FocusedResult message={v.done}>
        <p>{session.viewer ? <Link to="/">{v.continue}</Link> : <Link to="/entrar">{v.signIn}</Link>}</p>
      </FocusedResult>
    );
  }
  return (
    <FocusedResult message={outcome === 'badLink' ? v.badLink : outcome.problem} error>
      <ResendSection />
    </FocusedResult>
  );
}

function ResendSection() {
  const v = accountTexts.verify;
  const session = useSession();
  const announce = useAnnounce();
  const [status] = useQuery({ query: EmailStatus, pause: !session.viewer, requestPolicy: 'network-only' });
  const [{ fetching }, resend] = useMutation(ResendEmailVerification);
  const [problem, setProblem] = useState<string | null>(null);
  const [resent, setResent] = useState(false);

  if (!session.ready) return <p>{texts.loading}</p>;
  if (!session.viewer) {
    return (
      <p>
        <Link to={`/entrar?volver=${encodeURIComponent('/verificar-correo')}`}>{v.signInToResend}</Link>
      </p>
    );
  }
  const viewer = status.data?.viewer;
  if (!viewer) return <p>{texts.loading}</p>;
  if (viewer.emailVerified) return <p>{v.alreadyVerified}</p>;

  const ask = async () => {
    setProblem(null);
    const result = await resend({});
    if (!result.data) return setProblem(formProblems(result.error).form ?? texts.errors.network);
    setResent(true);
    announce(v.resent);
  };

  return (
    <>
      <p>{resent ? v.resent : v.pending(viewer.email)}</p>
      <FormMessage message={problem} />
      <p>
        <button type="button" onClick={() => void ask()} disabled={fetching}>
          {v.resend}
        </button>
      </p>
    </>
  );
}
