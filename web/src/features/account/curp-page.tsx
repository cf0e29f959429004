// /cuenta/curp: verifies the account's CURP. The API keeps only a keyed hash (HMAC) and is the authority on
// validity; the browser normalises what was pasted and catches a CURP of the wrong shape before sending.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { formMessageAt } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { accountTexts } from './account-texts';
import { curpFormatProblem, normalizeCurp } from './curp-rules';
import { FocusedResult } from './focused-result';

const CurpStatus = graphql(`
  query CurpStatus {
    viewer {
      id
      curpVerified
    }
  }
`);

const VerifyCurp = graphql(`
  mutation VerifyCurp($curp: String!) {
    verifyCurp(curp: $curp) {
      id
      curpVerified
    }
  }
`);

const FIELDS = ['curp'] as const;

function Explanation() {
  const c = accountTexts.curp;
  return (
    <>
      <p>{c.what}</p>
      <p>{c.why}</p>
      <p>
        {c.keep} <Link to="/privacidad">{c.privacy}</Link>
      </p>
    </>
  );
}

function CurpForm({ onVerified }: { onVerified: () => void }) {
  const c = accountTexts.curp;
  const [{ fetching }, verify] = useMutation(VerifyCurp);
  const { problems, formMessage, show, showLocal, clear } = useFormProblems(FIELDS);
  const [curp, setCurp] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const normalized = normalizeCurp(curp);
    setCurp(normalized);
    const local = curpFormatProblem(normalized);
    if (local) return showLocal({ curp: local });
    const result = await verify({ curp: normalized });
    // A refusal without a field goes to the only one there is.
    if (!result.data?.verifyCurp.curpVerified) return show(result.error, formMessageAt('curp'));
    onVerified();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormMessage message={problems.form} focusRef={formMessage} />
      <TextField
        name="curp"
        className="curp-input"
        label={c.label}
        hint={c.hint}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={curp}
        onChange={(event) => setCurp(event.target.value)}
        error={problems.fields.curp}
      />
      <button type="submit" disabled={fetching}>
        {c.submit}
      </button>
    </form>
  );
}

export function CurpPage() {
  const c = accountTexts.curp;
  const session = useSession();
  const announce = useAnnounce();
  const [status] = useQuery({ query: CurpStatus, pause: !session.viewer });
  const [justVerified, setJustVerified] = useState(false);

  if (!session.ready || (session.viewer && !status.data && !status.error)) return <Page title={texts.loading} />;
  if (!session.viewer || !status.data?.viewer) {
    return (
      <Page title={c.title}>
        <Explanation />
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/cuenta/curp')}`}>{c.signIn}</Link>
        </p>
      </Page>
    );
  }
  const back = (
    <p>
      <Link to="/cuenta">{c.backToAccount}</Link>
    </p>
  );
  if (justVerified) {
    return (
      <Page title={c.title}>
        <FocusedResult message={c.verified}>{back}</FocusedResult>
      </Page>
    );
  }
  if (status.data.viewer.curpVerified) {
    return (
      <Page title={c.title}>
        <p>{c.alreadyVerified}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={c.title}>
      <Explanation />
      <CurpForm
        onVerified={() => {
          setJustVerified(true);
          announce(c.verified);
        }}
      />
      {back}
    </Page>
  );
}
