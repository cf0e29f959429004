// Jury of a challenge: add by e-mail, remove, the conflicts each juror declared and their progress as counts only.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitJuryQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { texts } from '../../shared/texts';
import { refusalOf } from './problems';
import type { Capabilities } from './unit-rules';
import { unitTexts } from './unit-texts';

const UnitJuryDocument = graphql(`
  query UnitJury($id: ID!) {
    challenge(id: $id) {
      id
      rounds {
        id
        kind
        status
      }
      jury {
        id
        isChair
        user {
          id
          displayName
        }
        conflicts {
          id
          title
        }
        progress {
          assigned
          evaluated
        }
      }
    }
  }
`);

const AddJurorDocument = graphql(`
  mutation UnitAddJuror($challengeId: ID!, $email: String!, $isChair: Boolean) {
    addJuror(challengeId: $challengeId, email: $email, isChair: $isChair) {
      id
      isChair
      user {
        id
        displayName
      }
    }
  }
`);

const RemoveJurorDocument = graphql(`
  mutation UnitRemoveJuror($challengeId: ID!, $userId: ID!) {
    removeJuror(challengeId: $challengeId, userId: $userId)
  }
`);

type Juror = NonNullable<UnitJuryQuery['challenge']>['jury'][number];

function AddJurorForm({ challengeId, onAdded }: { challengeId: string; onAdded: () => void }) {
  const announce = useAnnounce();
  const [state, addJuror] = useMutation(AddJurorDocument);
  const [email, setEmail] = useState('');
  const [isChair, setIsChair] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    if (fieldError) document.getElementById('jurado-correo')?.focus();
    else if (formMessage) message.current?.focus();
  }, [attempt, fieldError, formMessage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const result = await addJuror({ challengeId, email: email.trim(), isChair });
    setAttempt((n) => n + 1);
    if (result.error) {
      const refusal = refusalOf(result.error, 'addJuror');
      setFieldError(refusal.fields.email ?? null);
      setFormMessage(refusal.fields.email ? null : refusal.message);
      return;
    }
    setFieldError(null);
    setFormMessage(null);
    setEmail('');
    setIsChair(false);
    if (result.data) announce(unitTexts.jurorAdded(result.data.addJuror.user.displayName));
    onAdded();
  };

  return (
    <form className="unit-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormMessage message={formMessage} focusRef={message} />
      <TextField
        name="jurado-correo"
        type="email"
        autoComplete="off"
        label={unitTexts.jurorEmail}
        hint={unitTexts.jurorEmailHint}
        error={fieldError ?? undefined}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <div className="field field-check">
        <input id="jurado-preside" type="checkbox" checked={isChair} onChange={(e) => setIsChair(e.target.checked)} />
        <label htmlFor="jurado-preside">{unitTexts.isChair}</label>
      </div>
      <button type="submit">{unitTexts.addJuror}</button>
    </form>
  );
}

function JurorItem({
  juror,
  challengeId,
  canRemove,
  onRemoved,
}: {
  juror: Juror;
  challengeId: string;
  canRemove: boolean;
  onRemoved: () => void;
}) {
  const announce = useAnnounce();
  const [state, removeJuror] = useMutation(RemoveJurorDocument);
  const [error, setError] = useState<string | null>(null);
  const name = juror.user.displayName;
  const remove = async () => {
    if (state.fetching) return;
    const result = await removeJuror({ challengeId, userId: juror.user.id });
    if (result.error) {
      setError(refusalOf(result.error, 'removeJuror').message);
      return;
    }
    announce(unitTexts.jurorRemoved(name));
    onRemoved();
  };
  return (
    <li className="card">
      <h3>
        {name} {juror.isChair && <span className="badge">{unitTexts.chair}</span>}
      </h3>
      <p>
        {juror.progress
          ? unitTexts.progress(juror.progress.evaluated, juror.progress.assigned)
          : unitTexts.progressHidden}
      </p>
      <p>
        {unitTexts.conflicts}:{' '}
        {juror.conflicts.length === 0 ? unitTexts.noConflicts : juror.conflicts.map((p) => `«${p.title}»`).join(', ')}
      </p>
      {canRemove && (
        <p className="unit-actions">
          <button type="button" className="button-secondary" onClick={() => void remove()}>
            {unitTexts.removeJuror}
            <span className="visually-hidden"> {unitTexts.actionFor(name)}</span>
          </button>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function JurySection({
  challengeId,
  can,
  onChanged,
}: {
  challengeId: string;
  can: Capabilities;
  onChanged: () => void;
}) {
  const [result, reexecute] = useQuery({ query: UnitJuryDocument, variables: { id: challengeId } });
  const challenge = result.data?.challenge;
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    onChanged();
  };
  const juryOpen = challenge?.rounds.some((r) => r.kind === 'EVALUATION' && r.status !== 'CLOSED') ?? false;
  return (
    <section aria-labelledby="jurado" className="unit-section">
      <h2 id="jurado" tabIndex={-1}>
        {unitTexts.juryTitle}
      </h2>
      <p>{unitTexts.juryIntro}</p>
      {!challenge ? (
        <p>{result.error ? texts.errors.network : texts.loading}</p>
      ) : (
        <>
          {challenge.jury.length === 0 ? (
            <p>{unitTexts.noJurors}</p>
          ) : (
            <ul className="card-list">
              {challenge.jury.map((juror) => (
                <JurorItem
                  key={juror.id}
                  juror={juror}
                  challengeId={challengeId}
                  canRemove={can.manageJury && juryOpen}
                  onRemoved={refresh}
                />
              ))}
            </ul>
          )}
          {can.manageJury && juryOpen && <AddJurorForm challengeId={challengeId} onAdded={refresh} />}
          {!juryOpen && <p>{unitTexts.noEvaluationRound}</p>}
        </>
      )}
    </section>
  );
}
