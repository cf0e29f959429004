// /mi-unidad/equipo/:unitId: the unit's members and roles. Only an ADMIN adds and removes; the API keeps at least
// one ADMIN and its refusal is explained in Spanish.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitTeamQuery, UnitRole } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { refusalOf } from './problems';
import { ErrorMessagePage, NoAccessPage, roleIn, UnitGate, type UnitViewer } from './unit-access';
import { capabilities } from './unit-rules';
import { unitTexts } from './unit-texts';
import './unit.css';

const UnitTeamDocument = graphql(`
  query UnitTeam($id: ID!) {
    governmentUnit(id: $id) {
      id
      name
      members {
        role
        user {
          id
          displayName
        }
      }
    }
  }
`);

const AddMemberDocument = graphql(`
  mutation UnitAddMember($unitId: ID!, $email: String!, $role: UnitRole!) {
    addUnitMember(unitId: $unitId, email: $email, role: $role) {
      role
      user {
        id
        displayName
      }
    }
  }
`);

const RemoveMemberDocument = graphql(`
  mutation UnitRemoveMember($unitId: ID!, $userId: ID!) {
    removeUnitMember(unitId: $unitId, userId: $userId)
  }
`);

type Member = NonNullable<UnitTeamQuery['governmentUnit']>['members'][number];

function MemberRow({
  member,
  unitId,
  isMe,
  canManage,
  onRemoved,
}: {
  member: Member;
  unitId: string;
  isMe: boolean;
  canManage: boolean;
  onRemoved: () => void;
}) {
  const announce = useAnnounce();
  const [state, removeMember] = useMutation(RemoveMemberDocument);
  const [error, setError] = useState<string | null>(null);
  const name = member.user.displayName;
  const errorId = `quitar-${member.user.id}-error`;
  const remove = async () => {
    if (!canManage) {
      setError(unitTexts.membersAdminOnly);
      return;
    }
    if (state.fetching) return;
    const result = await removeMember({ unitId, userId: member.user.id });
    if (result.error) {
      setError(refusalOf(result.error, 'removeMember').message);
      return;
    }
    announce(unitTexts.memberRemoved(name));
    onRemoved();
  };
  return (
    <tr>
      <th scope="row">
        {name} {isMe && unitTexts.you}
      </th>
      <td>{unitTexts.role[member.role]}</td>
      <td>
        <button
          type="button"
          className="button-secondary"
          aria-disabled={canManage ? undefined : true}
          aria-describedby={error ? errorId : undefined}
          onClick={() => void remove()}
        >
          {unitTexts.removeMember}
          <span className="visually-hidden"> {unitTexts.actionFor(name)}</span>
        </button>
        {error && (
          <p className="field-error" id={errorId} role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

function AddMemberForm({ unitId, onAdded }: { unitId: string; onAdded: () => void }) {
  const announce = useAnnounce();
  const [state, addMember] = useMutation(AddMemberDocument);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UnitRole>('EDITOR');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const message = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    if (fieldError) document.getElementById('integrante-correo')?.focus();
    else if (formMessage) message.current?.focus();
  }, [attempt, fieldError, formMessage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const result = await addMember({ unitId, email: email.trim(), role });
    setAttempt((n) => n + 1);
    if (result.error) {
      const refusal = refusalOf(result.error, 'addMember');
      setFieldError(refusal.fields.email ?? null);
      setFormMessage(refusal.fields.email ? null : refusal.message);
      return;
    }
    setFieldError(null);
    setFormMessage(null);
    setEmail('');
    if (result.data)
      announce(unitTexts.memberAdded(result.data.addUnitMember.user.displayName, result.data.addUnitMember.role));
    onAdded();
  };

  return (
    <form className="unit-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{unitTexts.addMember}</h2>
      <FormMessage message={formMessage} focusRef={message} />
      <TextField
        name="integrante-correo"
        type="email"
        autoComplete="off"
        label={unitTexts.memberEmail}
        hint={unitTexts.memberEmailHint}
        error={fieldError ?? undefined}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <div className="field">
        <label htmlFor="integrante-papel">{unitTexts.roleLabel}</label>
        <select id="integrante-papel" value={role} onChange={(event) => setRole(event.target.value as UnitRole)}>
          <option value="EDITOR">{unitTexts.role.EDITOR}</option>
          <option value="ADMIN">{unitTexts.role.ADMIN}</option>
        </select>
      </div>
      <button type="submit">{unitTexts.addMember}</button>
    </form>
  );
}

function Team({ viewer, unitId }: { viewer: UnitViewer; unitId: string }) {
  const role = roleIn(viewer, unitId);
  const [result, reexecute] = useQuery({ query: UnitTeamDocument, variables: { id: unitId }, pause: !role });
  if (!role) return <NoAccessPage />;
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) return <ErrorMessagePage />;
  const unit = result.data?.governmentUnit;
  if (!unit) return <NoAccessPage />;
  const can = capabilities(role, viewer.platformRole);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Page
      title={unitTexts.teamTitle(unit.name)}
      lead={
        <p>
          <Link to="/mi-unidad">{unitTexts.backToDashboard}</Link>
        </p>
      }
    >
      <p>{unitTexts.teamIntro}</p>
      <p>{unitTexts.yourRole(role)}</p>
      {!can.manageMembers && <p>{unitTexts.membersAdminOnly}</p>}
      <table className="unit-table">
        <caption>{unitTexts.teamTitle(unit.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{unitTexts.memberName}</th>
            <th scope="col">{unitTexts.memberRole}</th>
            <th scope="col">{unitTexts.memberActions}</th>
          </tr>
        </thead>
        <tbody>
          {unit.members.map((member) => (
            <MemberRow
              key={member.user.id}
              member={member}
              unitId={unit.id}
              isMe={member.user.id === viewer.id}
              canManage={can.manageMembers}
              onRemoved={refresh}
            />
          ))}
        </tbody>
      </table>
      {can.manageMembers && <AddMemberForm unitId={unit.id} onAdded={refresh} />}
    </Page>
  );
}

export function UnitTeamPage() {
  const { unitId = '' } = useParams();
  return <UnitGate>{(viewer) => <Team viewer={viewer} unitId={unitId} />}</UnitGate>;
}
