import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { signInTexts } from './sign-in-texts';

const Register = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...SessionFields
    }
  }
`);

const FIELDS = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const a = signInTexts;
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [{ fetching }, register] = useMutation(Register);
  const { problems, formMessage, show, clear } = useFormProblems(FIELDS);
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const change = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const result = await register({ input: values });
    const payload = result.data?.register;
    if (!payload) return show(result.error);
    session.start(payload);
    announce(`${a.welcome(payload.viewer.displayName)} ${a.checkEmail}`);
    // Where the e-mail is explained and can be sent again.
    await navigate('/verificar-correo');
  };

  return (
    <Page title={a.registerTitle}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <TextField
          name="displayName"
          autoComplete="nickname"
          label={a.displayName}
          hint={a.displayNameHint}
          required
          value={values.displayName}
          onChange={change('displayName')}
          error={problems.fields.displayName}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={a.email}
          required
          value={values.email}
          onChange={change('email')}
          error={problems.fields.email}
        />
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={a.password}
          hint={a.passwordHint}
          required
          value={values.password}
          onChange={change('password')}
          error={problems.fields.password}
        />
        <button type="submit" disabled={fetching}>
          {a.registerButton}
        </button>
      </form>
      <p>
        {a.haveAccount} <Link to="/entrar">{texts.nav.signIn}</Link>
      </p>
    </Page>
  );
}
