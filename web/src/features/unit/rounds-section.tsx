// Rounds of a challenge: dates in Mexico City time, "Cerrar ronda ahora" behind a confirmation that states the
// consequences, rescheduling with the server's INVALID_SCHEDULE problems at their fields («Abrir ahora» once the
// previous round closed), each voting round's participation, and the tally where shown.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitRoundsQuery } from '../../gql/graphql';
import { FormMessage, TextField } from '../../shared/field';
import { formatDateTime, formatInteger } from '../../shared/format';
import { useAnnounce } from '../../shared/announcer';
import { texts } from '../../shared/texts';
import { refusalOf } from './problems';
import {
  canOpenNow,
  isoToMexicoCity,
  mexicoCityToIso,
  openNowInstant,
  typedOpening,
  type Capabilities,
} from './unit-rules';
import { unitTexts } from './unit-texts';

const UnitRoundsDocument = graphql(`
  query UnitRounds($id: ID!) {
    challenge(id: $id) {
      id
      settings {
        showLiveTally
        votingMethod
      }
      rounds {
        id
        title
        kind
        status
        position
        opensAt
        closesAt
        closedAt
        voterCount
        voteTotal
        tally {
          rank
          votes
          proposal {
            id
            title
          }
        }
      }
    }
  }
`);

const CloseRoundNowDocument = graphql(`
  mutation UnitCloseRoundNow($roundId: ID!) {
    closeRoundNow(roundId: $roundId) {
      id
      status
      closedAt
    }
  }
`);

const RescheduleRoundDocument = graphql(`
  mutation UnitRescheduleRound($roundId: ID!, $opensAt: DateTime, $closesAt: DateTime!) {
    rescheduleRound(roundId: $roundId, opensAt: $opensAt, closesAt: $closesAt) {
      id
      status
      opensAt
      closesAt
    }
  }
`);

type Round = NonNullable<UnitRoundsQuery['challenge']>['rounds'][number];

function CloseRoundDialog({
  round,
  onCancel,
  onConfirm,
  busy,
  error,
}: {
  round: Round;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  error: string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe choice has focus (showModal would pick the first button, the one that closes the round).
    cancel.current?.focus();
    return () => element?.close();
  }, []);
  const titleId = `cerrar-${round.id}-titulo`;
  return (
    <dialog ref={dialog} aria-labelledby={titleId} className="unit-dialog" onCancel={onCancel}>
      <h2 id={titleId}>{unitTexts.confirmCloseTitle(round.title)}</h2>
      <ul>
        {unitTexts.confirmCloseConsequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="unit-actions">
        <button type="button" onClick={onConfirm} aria-disabled={busy ? true : undefined}>
          {unitTexts.confirmClose}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} ref={cancel}>
          {unitTexts.cancel}
        </button>
      </p>
    </dialog>
  );
}

function RescheduleForm({
  round,
  previous,
  onDone,
}: {
  round: Round;
  previous: Round | null;
  onDone: (message: string | null) => void;
}) {
  const [, reschedule] = useMutation(RescheduleRoundDocument);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const notYetOpen = round.status === 'SCHEDULED';
  const [opensAt, setOpensAt] = useState(isoToMexicoCity(round.opensAt));
  const [closesAt, setClosesAt] = useState(isoToMexicoCity(round.closesAt));

  useEffect(() => {
    const first = ['opensAt', 'closesAt'].find((name) => fields[name]);
    if (first) document.getElementById(first)?.focus();
    else if (formMessage) message.current?.focus();
  }, [fields, formMessage]);

  const offerOpenNow = canOpenNow(round, previous, new Date());

  const submit = async (event: FormEvent, openNow = false) => {
    event.preventDefault();
    // A field left as it was keeps the exact stored instant (the form shows minutes only); the minute in which the
    // previous round actually closed means that instant.
    const opensChanged = notYetOpen && (openNow || opensAt !== isoToMexicoCity(round.opensAt));
    const opens = !opensChanged
      ? null
      : openNow
        ? openNowInstant(previous, new Date())
        : typedOpening(opensAt, previous);
    const closes = closesAt === isoToMexicoCity(round.closesAt) ? round.closesAt : mexicoCityToIso(closesAt);
    const local: Record<string, string> = {};
    if (opensChanged && !opens) local.opensAt = unitTexts.invalidDate;
    if (!closes) local.closesAt = unitTexts.invalidDate;
    if (Object.keys(local).length) {
      setFormMessage(null);
      setFields(local);
      return;
    }
    const result = await reschedule({ roundId: round.id, opensAt: opens, closesAt: closes! });
    if (result.error) {
      const refusal = refusalOf(result.error, 'reschedule');
      setFields(refusal.fields);
      setFormMessage(Object.keys(refusal.fields).length ? null : refusal.message);
      return;
    }
    onDone(openNow ? unitTexts.openingNow(round.title) : unitTexts.rescheduled(round.title));
  };

  return (
    <form className="unit-form" onSubmit={(event) => void submit(event)} noValidate>
      <h4>{unitTexts.rescheduleTitle(round.title)}</h4>
      <FormMessage message={formMessage} focusRef={message} />
      {notYetOpen ? (
        <TextField
          name="opensAt"
          type="datetime-local"
          label={unitTexts.opensAt}
          hint={
            offerOpenNow
              ? `${unitTexts.dateHint} ${unitTexts.openNowHint(previous?.title ?? null)}`
              : unitTexts.dateHint
          }
          error={fields.opensAt}
          value={opensAt}
          onChange={(event) => setOpensAt(event.target.value)}
        />
      ) : (
        <p>{unitTexts.opensAtLocked}</p>
      )}
      <TextField
        name="closesAt"
        type="datetime-local"
        label={unitTexts.closesAt}
        hint={unitTexts.dateHint}
        error={fields.closesAt}
        value={closesAt}
        onChange={(event) => setClosesAt(event.target.value)}
      />
      <p className="unit-actions">
        <button type="submit">{unitTexts.saveSchedule}</button>
        {offerOpenNow && (
          <button type="button" onClick={(event) => void submit(event, true)}>
            {unitTexts.openNow}
            <span className="visually-hidden"> {unitTexts.actionFor(round.title)}</span>
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          {unitTexts.cancel}
        </button>
      </p>
    </form>
  );
}

function Participation({ round, budget }: { round: Round; budget: boolean }) {
  if (round.kind !== 'VOTING' || round.status === 'SCHEDULED' || round.voterCount == null || round.voteTotal == null)
    return null;
  return <p>{unitTexts.participation(budget, round.voterCount, round.voteTotal)}</p>;
}

function Tally({ round, showLive }: { round: Round; showLive: boolean }) {
  if (round.kind !== 'VOTING' || round.status === 'SCHEDULED') return null;
  const captionId = `conteo-${round.id}`;
  if (!round.tally) return <p>{showLive ? unitTexts.tallyEmpty : unitTexts.tallyHidden}</p>;
  if (round.tally.length === 0) return <p>{unitTexts.tallyEmpty}</p>;
  return (
    <table className="unit-table" aria-labelledby={captionId}>
      <caption id={captionId}>{unitTexts.tallyTitle(round.title)}</caption>
      <thead>
        <tr>
          <th scope="col">{unitTexts.tallyRank}</th>
          <th scope="col">{unitTexts.tallyProposal}</th>
          <th scope="col">{unitTexts.tallyVotes}</th>
        </tr>
      </thead>
      <tbody>
        {round.tally.map((entry) => (
          <tr key={entry.proposal.id}>
            <td>{formatInteger(entry.rank)}</td>
            <th scope="row">{entry.proposal.title}</th>
            <td>{formatInteger(entry.votes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RoundsSection({
  challengeId,
  can,
  onChanged,
}: {
  challengeId: string;
  can: Capabilities;
  onChanged: () => void;
}) {
  const announce = useAnnounce();
  const [result, reexecute] = useQuery({ query: UnitRoundsDocument, variables: { id: challengeId } });
  const [closeState, closeRound] = useMutation(CloseRoundNowDocument);
  const [closing, setClosing] = useState<Round | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [roundMessage, setRoundMessage] = useState<{ roundId: string; text: string } | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    onChanged();
  };
  const challenge = result.data?.challenge;

  const startClose = (round: Round, button: HTMLElement) => {
    opener.current = button;
    setCloseError(null);
    setClosing(round);
  };
  const cancelClose = () => {
    setClosing(null);
    opener.current?.focus();
  };
  const confirmClose = async () => {
    if (!closing || closeState.fetching) return;
    const response = await closeRound({ roundId: closing.id });
    if (response.error) {
      setCloseError(refusalOf(response.error, 'closeRound').message);
      return;
    }
    announce(unitTexts.closed(closing.title));
    setRoundMessage({ roundId: closing.id, text: unitTexts.closed(closing.title) });
    setClosing(null);
    refresh();
  };

  return (
    <section aria-labelledby="rondas" className="unit-section">
      <h2 id="rondas" tabIndex={-1}>
        {unitTexts.roundsTitle}
      </h2>
      {!can.closeRound && <p>{unitTexts.adminOnlyHint}</p>}
      {!challenge ? (
        <p>{result.error ? texts.errors.network : texts.loading}</p>
      ) : (
        <ol className="timeline">
          {challenge.rounds.map((round) => (
            <li key={round.id}>
              <h3>
                {round.title} <span className="badge">{texts.roundStatus[round.status]}</span>
              </h3>
              <p>
                {texts.roundKind[round.kind]}.{' '}
                {unitTexts.roundDates(formatDateTime(round.opensAt), formatDateTime(round.closesAt))}
                {round.closedAt && <> {unitTexts.closedAt(formatDateTime(round.closedAt))}</>}
              </p>
              {roundMessage?.roundId === round.id && <p className="unit-done">{roundMessage.text}</p>}
              {can.closeRound && round.status !== 'CLOSED' && editing !== round.id && (
                <p className="unit-actions">
                  {round.status === 'OPEN' && (
                    <button type="button" onClick={(event) => startClose(round, event.currentTarget)}>
                      {unitTexts.closeNow}
                      <span className="visually-hidden"> {unitTexts.actionFor(round.title)}</span>
                    </button>
                  )}
                  <button type="button" className="button-secondary" onClick={() => setEditing(round.id)}>
                    {unitTexts.reschedule}
                    <span className="visually-hidden"> {unitTexts.actionFor(round.title)}</span>
                  </button>
                </p>
              )}
              {editing === round.id && (
                <RescheduleForm
                  round={round}
                  previous={challenge.rounds.find((r) => r.position === round.position - 1) ?? null}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) {
                      announce(message);
                      setRoundMessage({ roundId: round.id, text: message });
                      refresh();
                    }
                  }}
                />
              )}
              <Participation round={round} budget={challenge.settings.votingMethod === 'BUDGET'} />
              <Tally round={round} showLive={challenge.settings.showLiveTally} />
            </li>
          ))}
        </ol>
      )}
      {closing && (
        <CloseRoundDialog
          round={closing}
          busy={closeState.fetching}
          error={closeError}
          onCancel={cancelClose}
          onConfirm={() => void confirmClose()}
        />
      )}
    </section>
  );
}
