// The platform administration page: create government units (territory from the INEGI catalogue the API
// exposes) and give a person a role in a unit by e-mail. Only platform admins; everyone else is told so.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AccountByEmailQuery, GovernmentLevel, PlatformRole, UnitRole } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { formProblems, NO_PROBLEMS, type FormProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { adminTexts as t } from './admin-texts';

const AdminViewer = graphql(`
  query AdminViewer {
    viewer {
      id
      platformRole
    }
  }
`);

const States = graphql(`
  query AdminStates {
    states {
      code
      name
    }
  }
`);

const Municipalities = graphql(`
  query AdminMunicipalities($code: ID!) {
    state(code: $code) {
      code
      municipalities {
        code
        name
      }
    }
  }
`);

const Units = graphql(`
  query AdminUnits {
    governmentUnits(first: 100) {
      nodes {
        id
        name
        level
      }
    }
  }
`);

const CreateUnit = graphql(`
  mutation AdminCreateUnit($input: CreateGovernmentUnitInput!) {
    createGovernmentUnit(input: $input) {
      id
      name
    }
  }
`);

const AddMember = graphql(`
  mutation AdminAddUnitMember($unitId: ID!, $email: String!, $role: UnitRole!) {
    addUnitMember(unitId: $unitId, email: $email, role: $role) {
      role
      user {
        id
        displayName
      }
      unit {
        id
        name
      }
    }
  }
`);

const AccountByEmail = graphql(`
  query AccountByEmail($email: String!) {
    accountByEmail(email: $email) {
      id
      displayName
      email
      platformRole
    }
  }
`);

const SetPlatformRole = graphql(`
  mutation AdminSetPlatformRole($userId: ID!, $role: PlatformRole!) {
    setPlatformRole(userId: $userId, role: $role) {
      id
      displayName
    }
  }
`);

const PLATFORM_ROLES: PlatformRole[] = ['CITIZEN', 'MODERATOR', 'ADMIN'];

const LEVELS: GovernmentLevel[] = ['FEDERAL', 'STATE', 'MUNICIPAL'];
const ROLES: UnitRole[] = ['ADMIN', 'EDITOR'];

function focusFirstInvalid(form: HTMLFormElement | null, message: HTMLDivElement | null) {
  window.setTimeout(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? message)?.focus();
  }, 0);
}

function Select({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const described = [error && `${name}-error`, hint && `${name}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <select
        id={name}
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </div>
  );
}

function CreateUnitForm({ onCreated }: { onCreated: (id: string) => void }) {
  const client = useClient();
  const announce = useAnnounce();
  const [values, setValues] = useState({
    name: '',
    acronym: '',
    level: 'MUNICIPAL' as GovernmentLevel,
    stateCode: '',
    municipalityCode: '',
  });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [message, setMessage] = useState<HTMLDivElement | null>(null);
  const [states] = useQuery({ query: States });
  const [municipalities] = useQuery({
    query: Municipalities,
    variables: { code: values.stateCode },
    pause: !values.stateCode || values.level !== 'MUNICIPAL',
  });
  const set = (patch: Partial<typeof values>) => {
    setValues({ ...values, ...patch });
    setProblems(NO_PROBLEMS);
    setDone(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const name = values.name.trim();
    if (name.length < 3 || name.length > 200) fields.name = t.nameRequired;
    if (values.level !== 'FEDERAL' && !values.stateCode) fields.stateCode = t.stateRequired;
    if (values.level === 'MUNICIPAL' && !values.municipalityCode) fields.municipalityCode = t.municipalityRequired;
    if (Object.keys(fields).length) {
      setProblems({ fields, form: t.formHasProblems });
      return focusFirstInvalid(form, message);
    }
    setBusy(true);
    const result = await client
      .mutation(CreateUnit, {
        input: {
          name,
          acronym: values.acronym.trim() || null,
          level: values.level,
          stateCode: values.level === 'FEDERAL' ? null : values.stateCode,
          municipalityCode: values.level === 'MUNICIPAL' ? values.municipalityCode : null,
        },
      })
      .toPromise();
    setBusy(false);
    if (!result.data) {
      setProblems(formProblems(result.error));
      return focusFirstInvalid(form, message);
    }
    const created = result.data.createGovernmentUnit;
    setDone(t.created(created.name));
    announce(t.created(created.name));
    setValues({ ...values, name: '', acronym: '' });
    onCreated(created.id);
  };

  return (
    <section aria-labelledby="create-unit">
      <h2 id="create-unit">{t.createUnit}</h2>
      <form ref={setForm} noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={setMessage} />
        <TextField
          name="name"
          label={t.name}
          hint={t.nameHint}
          value={values.name}
          error={problems.fields.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextField
          name="acronym"
          label={t.acronym}
          value={values.acronym}
          error={problems.fields.acronym}
          onChange={(e) => set({ acronym: e.target.value })}
        />
        <Select
          name="level"
          label={t.level}
          value={values.level}
          error={problems.fields.level}
          onChange={(level) => set({ level: level as GovernmentLevel })}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {texts.level[level]}
            </option>
          ))}
        </Select>
        {values.level !== 'FEDERAL' && (
          <Select
            name="stateCode"
            label={t.state}
            value={values.stateCode}
            error={problems.fields.stateCode}
            onChange={(stateCode) => set({ stateCode, municipalityCode: '' })}
          >
            <option value="">{t.chooseState}</option>
            {states.data?.states.map((state) => (
              <option key={state.code} value={state.code}>
                {state.name}
              </option>
            ))}
          </Select>
        )}
        {values.level === 'MUNICIPAL' && values.stateCode && (
          <Select
            name="municipalityCode"
            label={t.municipality}
            hint={t.municipalityHint}
            value={values.municipalityCode}
            error={problems.fields.municipalityCode}
            onChange={(municipalityCode) => set({ municipalityCode })}
          >
            <option value="">{t.chooseMunicipality}</option>
            {municipalities.data?.state?.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
        <button type="submit" disabled={busy}>
          {t.create}
        </button>
        {done && <p className="form-success">{done}</p>}
      </form>
    </section>
  );
}

function AddMemberForm({ unitId, onUnit }: { unitId: string; onUnit: (id: string) => void }) {
  const client = useClient();
  const announce = useAnnounce();
  // Refetched after a unit is created, even when the list was empty before.
  const context = useMemo(() => ({ additionalTypenames: ['GovernmentUnit'] }), []);
  const [units] = useQuery({ query: Units, context });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UnitRole>('ADMIN');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [message, setMessage] = useState<HTMLDivElement | null>(null);
  const changed = () => {
    setProblems(NO_PROBLEMS);
    setDone(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!unitId) fields.unitId = t.unitRequired;
    if (!email.trim()) fields.email = t.emailRequired;
    if (Object.keys(fields).length) {
      setProblems({ fields, form: t.formHasProblems });
      return focusFirstInvalid(form, message);
    }
    setBusy(true);
    const result = await client.mutation(AddMember, { unitId, email: email.trim(), role }).toPromise();
    setBusy(false);
    if (!result.data) {
      setProblems(formProblems(result.error));
      return focusFirstInvalid(form, message);
    }
    const m = result.data.addUnitMember;
    const note = t.assigned(m.user.displayName, m.unit.name, t.unitRoleName[m.role]);
    setDone(note);
    announce(note);
    setEmail('');
  };

  return (
    <section aria-labelledby="add-member">
      <h2 id="add-member">{t.assignRole}</h2>
      <p>{t.assignRoleHint}</p>
      <form ref={setForm} noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={setMessage} />
        <Select
          name="unitId"
          label={t.unit}
          value={unitId}
          error={problems.fields.unitId}
          onChange={(id) => {
            onUnit(id);
            changed();
          }}
        >
          <option value="">{t.chooseUnit}</option>
          {units.data?.governmentUnits.nodes.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {`${unit.name} (${texts.level[unit.level]})`}
            </option>
          ))}
        </Select>
        <TextField
          name="email"
          label={t.email}
          type="email"
          autoComplete="off"
          value={email}
          error={problems.fields.email}
          onChange={(e) => {
            setEmail(e.target.value);
            changed();
          }}
        />
        <Select
          name="role"
          label={t.role}
          value={role}
          error={problems.fields.role}
          onChange={(value) => {
            setRole(value as UnitRole);
            changed();
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.unitRole[r]}
            </option>
          ))}
        </Select>
        <button type="submit" disabled={busy}>
          {t.assign}
        </button>
        {done && <p className="form-success">{done}</p>}
      </form>
    </section>
  );
}

type Account = NonNullable<AccountByEmailQuery['accountByEmail']>;

function PlatformRoleForm() {
  const client = useClient();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [account, setAccount] = useState<Account | null>(null);
  const [role, setRole] = useState<PlatformRole>('MODERATOR');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [message, setMessage] = useState<HTMLDivElement | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setAccount(null);
    if (!email.trim()) {
      setProblems({ fields: { email: t.emailRequired }, form: null });
      return focusFirstInvalid(form, message);
    }
    setBusy(true);
    const result = await client
      .query(AccountByEmail, { email: email.trim() }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    if (result.error) {
      setProblems(formProblems(result.error));
      return focusFirstInvalid(form, message);
    }
    const found = result.data?.accountByEmail ?? null;
    setProblems(found ? NO_PROBLEMS : { fields: { email: t.notFound }, form: null });
    if (!found) return focusFirstInvalid(form, message);
    setAccount(found);
    setRole(found.platformRole);
    announce(t.found(found.displayName, found.email, t.platformRoleName[found.platformRole]));
  };

  const change = async () => {
    if (!account) return;
    setBusy(true);
    const result = await client.mutation(SetPlatformRole, { userId: account.id, role }).toPromise();
    setBusy(false);
    if (!result.data) {
      setProblems(formProblems(result.error));
      return focusFirstInvalid(form, message);
    }
    const note = t.roleChanged(account.displayName, t.platformRoleName[role]);
    setAccount({ ...account, platformRole: role });
    setDone(note);
    announce(note);
  };

  return (
    <section aria-labelledby="platform-roles">
      <h2 id="platform-roles">{t.platformRoles}</h2>
      <form ref={setForm} noValidate onSubmit={(event) => void search(event)}>
        <FormMessage message={problems.form} focusRef={setMessage} />
        <TextField
          name="account-email"
          label={t.searchEmail}
          hint={t.searchHint}
          type="email"
          autoComplete="off"
          value={email}
          error={problems.fields.email}
          onChange={(e) => {
            setEmail(e.target.value);
            setProblems(NO_PROBLEMS);
          }}
        />
        <button type="submit" disabled={busy}>
          {t.search}
        </button>
        {account && (
          <>
            <p>{t.found(account.displayName, account.email, t.platformRoleName[account.platformRole])}</p>
            <Select
              name="platformRole"
              label={t.platformRole}
              value={role}
              onChange={(v) => setRole(v as PlatformRole)}
            >
              {PLATFORM_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.platformRoleName[r]}
                </option>
              ))}
            </Select>
            <button type="button" disabled={busy} onClick={() => void change()}>
              {t.changeRole}
            </button>
          </>
        )}
        {done && <p className="form-success">{done}</p>}
      </form>
    </section>
  );
}

function AdminTools() {
  const [viewer] = useQuery({ query: AdminViewer });
  const [unitId, setUnitId] = useState('');
  if (!viewer.data) return <Page title={texts.loading} />;
  if (viewer.data.viewer?.platformRole !== 'ADMIN') {
    return (
      <Page title={t.noAccess}>
        <p>{t.noAccessBody}</p>
      </Page>
    );
  }
  return (
    <Page title={t.title}>
      <CreateUnitForm onCreated={setUnitId} />
      <AddMemberForm unitId={unitId} onUnit={setUnitId} />
      <PlatformRoleForm />
    </Page>
  );
}

export function AdminPage() {
  const session = useSession();
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    return (
      <Page title={t.noAccess}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/admin')}`}>{t.signIn}</Link>
        </p>
      </Page>
    );
  }
  return <AdminTools />;
}
