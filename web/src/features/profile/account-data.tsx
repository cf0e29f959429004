// ARCO rights on the account page: download my data (mailed link) and delete my account (password confirmation).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { useSession } from '../../shared/session';
import { useFormProblems } from '../../shared/use-form-problems';
import { profileTexts as t } from './profile-texts';

const ExportMyDataDocument = graphql(`
  mutation ExportMyData {
    exportMyData
  }
`);

const DeleteMyAccountDocument = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

function ExportMyData() {
  const announce = useAnnounce();
  const [requested, setRequested] = useState(false);
  const { problems, formMessage, clear, show } = useFormProblems([]);
  const [{ fetching }, exportMyData] = useMutation(ExportMyDataDocument);

  const request = async () => {
    if (fetching) return;
    const result = await exportMyData({});
    if (result.error || !result.data) {
      show(result.error);
      return;
    }
    clear();
    setRequested(true);
    announce(t.exportRequested);
  };

  return (
    <section aria-labelledby="exportar">
      <h3 id="exportar">{t.exportTitle}</h3>
      <p>{t.exportHint}</p>
      <FormMessage message={problems.form} focusRef={formMessage} />
      {requested && <p>{t.exportRequested}</p>}
      <p>
        <button type="button" aria-disabled={fetching ? true : undefined} onClick={() => void request()}>
          {t.exportButton}
        </button>
      </p>
    </section>
  );
}

function DeleteMyAccount() {
  const session = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { problems, formMessage, show } = useFormProblems(['password']);
  const [{ fetching }, deleteMyAccount] = useMutation(DeleteMyAccountDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const result = await deleteMyAccount({ password });
    if (result.error || !result.data) {
      show(result.error);
      return;
    }
    await session.end();
    void navigate('/');
    announce(t.deleted);
  };

  return (
    <section aria-labelledby="eliminar">
      <h3 id="eliminar">{t.deleteTitle}</h3>
      <p>{t.deleteHint}</p>
      {!open ? (
        <p>
          <button type="button" onClick={() => setOpen(true)}>
            {t.deleteButton}
          </button>
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="eliminar">
          <FormMessage message={problems.form} focusRef={formMessage} />
          <TextField
            name="password"
            type="password"
            label={t.deletePassword}
            hint={t.deletePasswordHint}
            error={problems.fields.password}
            value={password}
            autoComplete="current-password"
            onChange={(e) => setPassword(e.target.value)}
          />
          <p>
            <button type="submit" className="button-danger" aria-disabled={fetching ? true : undefined}>
              {t.deleteConfirm}
            </button>{' '}
            <button type="button" className="button-link" onClick={() => setOpen(false)}>
              {t.deleteCancel}
            </button>
          </p>
        </form>
      )}
      <p>
        <Link to="/privacidad">{t.privacyNotice}</Link>
      </p>
    </section>
  );
}

export function AccountData() {
  return (
    <>
      <ExportMyData />
      <DeleteMyAccount />
    </>
  );
}
