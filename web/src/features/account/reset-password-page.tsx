// /restablecer-contrasena?token=…, opened from the e-mail: a new password, typed twice. The API checks the
// token and the length; the browser only checks that both copies match.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { fieldAsFormMessage } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useFormProblems } from '../../shared/use-form-problems';
import { accountTexts } from './account-texts';
import { FocusedResult } from './focused-result';
import { confirmationProblem } from './password-rules';

const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

const FIELDS = ['newPassword', 'confirmation'] as const;

export function ResetPasswordPage() {
  const r = accountTexts.reset;
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const announce = useAnnounce();
  const [{ fetching }, reset] = useMutation(ResetPassword);
  const { problems, formMessage, show, showLocal, clear } = useFormProblems(FIELDS);
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const mismatch = confirmationProblem(newPassword, confirmation);
    if (mismatch) return showLocal({ confirmation: mismatch });
    const result = await reset({ token, newPassword });
    if (result.data) {
      setSaved(true);
      announce(r.saved);
      return;
    }
    // The token came in the link, not from a field: its refusal is about the link as a whole.
    show(result.error, fieldAsFormMessage('token', r.badLink));
  };

  if (saved) {
    return (
      <Page title={r.title}>
        <FocusedResult message={r.saved}>
          <p>
            <Link to="/entrar">{r.signIn}</Link>
          </p>
        </FocusedResult>
      </Page>
    );
  }
  if (!token) {
    return (
      <Page title={r.title}>
        <p className="form-error">{r.badLink}</p>
        <p>
          <Link to="/olvide-mi-contrasena">{r.askAgain}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={r.title} lead={<p>{r.lead}</p>}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        {problems.form === r.badLink && (
          <p>
            <Link to="/olvide-mi-contrasena">{r.askAgain}</Link>
          </p>
        )}
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={r.newPassword}
          hint={r.newPasswordHint}
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={problems.fields.newPassword}
        />
        <TextField
          name="confirmation"
          type="password"
          autoComplete="new-password"
          label={r.confirmation}
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={problems.fields.confirmation}
        />
        <button type="submit" disabled={fetching}>
          {r.save}
        </button>
      </form>
    </Page>
  );
}
