// Tu cuenta: public name, «Anónimo» setting and residence (state → municipality); e-mail and CURP status.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProfilePageQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { TextField, FormMessage } from '../../shared/field';
import { formatDate } from '../../shared/format';
import { formProblems, NO_PROBLEMS, type FormProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { AccountData } from './account-data';
import { profileChanges, profileProblems, withState, type ProfileForm } from './profile-rules';
import { profileTexts } from './profile-texts';

const ProfilePageDocument = graphql(`
  query ProfilePage {
    viewer {
      id
      displayName
      email
      emailVerified
      curpVerified
      anonymousInPublic
      createdAt
      state {
        code
      }
      municipality {
        code
      }
    }
    states {
      code
      name
    }
  }
`);

const MunicipalitiesDocument = graphql(`
  query ProfileMunicipalities($code: ID!) {
    state(code: $code) {
      code
      municipalities {
        code
        name
      }
    }
  }
`);

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      anonymousInPublic
      state {
        code
      }
      municipality {
        code
      }
    }
  }
`);

type Viewer = NonNullable<ProfilePageQuery['viewer']>;

function savedForm(viewer: Viewer): ProfileForm {
  return {
    displayName: viewer.displayName,
    anonymousInPublic: viewer.anonymousInPublic,
    stateCode: viewer.state?.code ?? viewer.municipality?.code.slice(0, 2) ?? '',
    municipalityCode: viewer.municipality?.code ?? '',
  };
}

const FIELD_ORDER = ['displayName', 'stateCode', 'municipalityCode'] as const;

function ProfileEditor({ viewer, states }: { viewer: Viewer; states: ProfilePageQuery['states'] }) {
  const announce = useAnnounce();
  const [saved, setSaved] = useState(() => savedForm(viewer));
  const [form, setForm] = useState(saved);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [{ fetching }, updateProfile] = useMutation(UpdateProfileDocument);
  const [municipalities] = useQuery({
    query: MunicipalitiesDocument,
    variables: { code: form.stateCode },
    pause: !form.stateCode,
  });

  useEffect(() => {
    const first = FIELD_ORDER.find((name) => problems.fields[name]);
    if (first) document.getElementById(first)?.focus();
  }, [problems]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = profileProblems(form);
    if (local.length) {
      setProblems({ fields: Object.fromEntries(local.map((p) => [p.field, p.message])), form: null });
      return;
    }
    const changes = profileChanges(saved, form);
    if (Object.keys(changes).length === 0) {
      setProblems(NO_PROBLEMS);
      announce(profileTexts.nothingToSave);
      return;
    }
    const result = await updateProfile({ input: changes });
    if (result.error || !result.data) {
      setProblems(formProblems(result.error));
      return;
    }
    setProblems(NO_PROBLEMS);
    const next = savedForm({ ...viewer, ...result.data.updateProfile });
    setSaved(next);
    setForm(next);
    announce(profileTexts.saved);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormMessage message={problems.form} />
      <TextField
        name="displayName"
        label={profileTexts.displayName}
        hint={profileTexts.displayNameHint}
        error={problems.fields.displayName}
        value={form.displayName}
        autoComplete="nickname"
        onChange={(e) => setForm({ ...form, displayName: e.target.value })}
      />
      <div className="field field-check">
        <label>
          <input
            type="checkbox"
            checked={form.anonymousInPublic}
            onChange={(e) => setForm({ ...form, anonymousInPublic: e.target.checked })}
          />{' '}
          {profileTexts.anonymous}
        </label>
        <p className="field-hint">{profileTexts.anonymousHint}</p>
      </div>
      <fieldset className="profile-residence">
        <legend>{profileTexts.residence}</legend>
        <p className="field-hint">{profileTexts.residenceHint}</p>
        <div className={problems.fields.stateCode ? 'field field-invalid' : 'field'}>
          <label htmlFor="stateCode">{profileTexts.state}</label>
          {problems.fields.stateCode && (
            <p className="field-error" id="stateCode-error">
              {problems.fields.stateCode}
            </p>
          )}
          <select
            id="stateCode"
            value={form.stateCode}
            aria-describedby={problems.fields.stateCode ? 'stateCode-error' : undefined}
            onChange={(e) => setForm(withState(form, e.target.value))}
          >
            <option value="">{profileTexts.noState}</option>
            {states.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className={problems.fields.municipalityCode ? 'field field-invalid' : 'field'}>
          <label htmlFor="municipalityCode">{profileTexts.municipality}</label>
          {problems.fields.municipalityCode && (
            <p className="field-error" id="municipalityCode-error">
              {problems.fields.municipalityCode}
            </p>
          )}
          <select
            id="municipalityCode"
            value={form.municipalityCode}
            disabled={!form.stateCode}
            aria-invalid={problems.fields.municipalityCode ? true : undefined}
            aria-describedby={problems.fields.municipalityCode ? 'municipalityCode-error' : undefined}
            onChange={(e) => setForm({ ...form, municipalityCode: e.target.value })}
          >
            <option value="">{profileTexts.noMunicipality}</option>
            {(municipalities.data?.state?.municipalities ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <p>
        <button type="submit" aria-disabled={fetching ? true : undefined}>
          {profileTexts.save}
        </button>
      </p>
    </form>
  );
}

export function ProfilePage() {
  const session = useSession();
  const [result] = useQuery({ query: ProfilePageDocument, pause: !session.viewer });
  if (!session.ready || (session.viewer && result.fetching && !result.data)) return <Page title={texts.loading} />;
  const viewer = result.data?.viewer;
  if (!session.viewer || !viewer) {
    return (
      <Page title={profileTexts.title}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/cuenta')}`}>{profileTexts.signIn}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={profileTexts.title}>
      <dl className="facts">
        <dt>{profileTexts.email}</dt>
        <dd>
          {viewer.email} ({viewer.emailVerified ? profileTexts.verified : profileTexts.notVerified})
          {!viewer.emailVerified && (
            <>
              {' '}
              <Link to="/verificar-correo">{profileTexts.confirmEmail}</Link>
            </>
          )}
        </dd>
        <dt>{profileTexts.curp}</dt>
        <dd>
          {viewer.curpVerified ? profileTexts.curpVerified : profileTexts.curpMissing}
          {!viewer.curpVerified && (
            <>
              {' '}
              <Link to="/cuenta/curp">{profileTexts.verifyCurp}</Link>
            </>
          )}
        </dd>
        <dt>{profileTexts.since}</dt>
        <dd>{formatDate(viewer.createdAt)}</dd>
      </dl>
      <h2>{profileTexts.editTitle}</h2>
      <ProfileEditor viewer={viewer} states={result.data?.states ?? []} />
      <h2>{profileTexts.moreTitle}</h2>
      <ul>
        <li>
          <Link to="/cuenta/sigo">{profileTexts.follows}</Link>
        </li>
        <li>
          <Link to="/cuenta/avisos">{profileTexts.notifications}</Link>
        </li>
      </ul>
      <h2>{profileTexts.dataTitle}</h2>
      <AccountData />
    </Page>
  );
}
