// /olvide-mi-contrasena: asks for a reset link. The answer is the same whether or not the address has an
// account (the API always says true), so the page never tells who is registered.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { formMessageAt } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useFormProblems } from '../../shared/use-form-problems';
import { accountTexts } from './account-texts';
import { FocusedResult } from './focused-result';

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const f = accountTexts.forgot;
  const announce = useAnnounce();
  const [{ fetching }, request] = useMutation(RequestPasswordReset);
  const { problems, formMessage, show, clear } = useFormProblems(FIELDS);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const result = await request({ email });
    // A rate limit has no field; this form has only one.
    if (!result.data) return show(result.error, formMessageAt('email'));
    setSent(true);
    announce(f.sent);
  };

  if (sent) {
    return (
      <Page title={f.title}>
        <FocusedResult message={f.sent}>
          <p>
            <Link to="/entrar">{f.backToSignIn}</Link>
          </p>
        </FocusedResult>
      </Page>
    );
  }
  return (
    <Page title={f.title} lead={<p>{f.lead}</p>}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={f.email}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.fields.email}
        />
        <button type="submit" disabled={fetching}>
          {f.send}
        </button>
      </form>
      <p>
        <Link to="/entrar">{f.backToSignIn}</Link>
      </p>
    </Page>
  );
}
