import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { returnPath } from './return-path';
import { signInTexts } from './sign-in-texts';

const SignIn = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      ...SessionFields
    }
  }
`);

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const a = signInTexts;
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [{ fetching }, signIn] = useMutation(SignIn);
  const { problems, formMessage, show, clear } = useFormProblems(FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const result = await signIn({ input: { email, password } });
    const payload = result.data?.login;
    if (!payload) return show(result.error);
    session.start(payload);
    announce(a.welcome(payload.viewer.displayName));
    await navigate(returnPath(params.get('volver')));
  };

  return (
    <Page title={a.signInTitle}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={a.email}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.fields.email}
        />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={a.password}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.fields.password}
        />
        <button type="submit" disabled={fetching}>
          {a.signInButton}
        </button>
      </form>
      <p>
        <Link to="/olvide-mi-contrasena">{a.forgotPassword}</Link>
      </p>
      <p>
        {a.noAccount} <Link to="/registro">{texts.nav.register}</Link>
      </p>
    </Page>
  );
}
