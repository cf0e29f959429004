// Boleta de presupuesto (BUDGET): approve projects with a running total against the voter budget; what no longer
// fits is greyed with the reason; the ballot's state is unmistakable; leaving with unsent changes asks first.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage, QueryErrorPage } from '../../app/error-pages';
import { graphql } from '../../gql';
import type { BallotPageQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { formatDateTime } from '../../shared/format';
import { formProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import {
  addRefusal,
  ballotState,
  projectIndex,
  submitRefusal,
  summarizeBallot,
  toggleProject,
  type BallotLimits,
} from './ballot-rules';
import { ballotTexts } from './ballot-texts';
import { formatCentavos, toCentavos } from './money';
import './ballot.css';

const BallotPageDocument = graphql(`
  query BallotPage($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      phase
      budget
      settings {
        votingMethod
        voterBudget
        minProjectsPerBallot
        maxProjectsPerBallot
      }
      currentRound {
        id
        kind
        position
        closesAt
      }
      proposals(first: 100, orderBy: RANDOM) {
        nodes {
          id
          title
          summary
          estimatedCost
          stage
          eliminatedInRound
        }
      }
    }
  }
`);

export const MyBallotDocument = graphql(`
  query MyBallot($challengeId: ID!) {
    myBudgetBallot(challengeId: $challengeId) {
      submittedAt
      totalCost
      round {
        id
      }
      proposals {
        id
        title
        estimatedCost
      }
    }
  }
`);

const SubmitBallotDocument = graphql(`
  mutation SubmitBallot($challengeId: ID!, $proposalIds: [ID!]!) {
    submitBudgetBallot(challengeId: $challengeId, proposalIds: $proposalIds) {
      submittedAt
      totalCost
      proposals {
        id
      }
    }
  }
`);

type Challenge = NonNullable<BallotPageQuery['challenge']>;

/** The limits the server applies (RULES §5): an empty `voterBudget` is uncapped approval, not the whole budget. */
export function ballotLimits({ settings }: Pick<Challenge, 'settings'>): BallotLimits {
  return {
    voterBudget: settings.voterBudget ? toCentavos(settings.voterBudget) : null,
    minProjects: settings.minProjectsPerBallot ?? null,
    maxProjects: settings.maxProjectsPerBallot ?? null,
  };
}

/**
 * Asks before leaving with unsent changes: the browser's own prompt on reload or close, and an in-page alert dialog
 * for links (the router is declarative, without a navigation blocker, so same-origin link clicks are held here).
 */
function LeaveWarning({ dirty }: { dirty: boolean }) {
  const [held, setHeld] = useState<HTMLAnchorElement | null>(null);
  const letThrough = useRef(false);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const hold = (event: MouseEvent) => {
      if (letThrough.current || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target || link.origin !== window.location.origin) return;
      if (link.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setHeld(link);
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', hold, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', hold, true);
    };
  }, [dirty]);
  useEffect(() => {
    if (held) stay.current?.focus();
  }, [held]);
  if (!held) return null;
  const leave = () => {
    letThrough.current = true;
    setHeld(null);
    held.click();
    letThrough.current = false;
  };
  return (
    <div className="ballot-leave" role="alertdialog" aria-labelledby="salir-titulo" aria-describedby="salir-texto">
      <h2 id="salir-titulo">{ballotTexts.leaveTitle}</h2>
      <p id="salir-texto">{ballotTexts.leaveBody}</p>
      <p className="ballot-leave-actions">
        <button type="button" ref={stay} onClick={() => setHeld(null)}>
          {ballotTexts.stay}
        </button>
        <button type="button" className="button-secondary" onClick={leave}>
          {ballotTexts.leave}
        </button>
      </p>
    </div>
  );
}

function BallotForm({ challenge, saved }: { challenge: Challenge; saved: string[] | null }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [{ fetching }, submitBallot] = useMutation(SubmitBallotDocument);
  const [selection, setSelection] = useState<string[]>(saved ?? []);
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const errorRef = useRef<HTMLParagraphElement>(null);

  const round = challenge.currentRound;
  const candidates = challenge.proposals.nodes.filter(
    (p) => !round || (p.stage >= round.position && p.eliminatedInRound === null),
  );
  const projects = projectIndex(candidates.map((p) => ({ id: p.id, cost: toCentavos(p.estimatedCost ?? '0') ?? 0n })));
  const limits = ballotLimits(challenge);
  const summary = summarizeBallot(projects, selection, limits);
  const state = ballotState(saved, selection);
  const limitsLine = ballotTexts.limitsLine(limits);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const toggle = (id: string, title: string) => {
    const refusal = addRefusal(projects, selection, id, limits);
    if (refusal) {
      const message = ballotTexts.addRefusal(refusal);
      setNotes((current) => ({ ...current, [id]: message }));
      announce(message);
      return;
    }
    const next = toggleProject(selection, id);
    setSelection(next);
    setError(null);
    const after = summarizeBallot(projects, next, limits);
    announce(
      `${next.includes(id) ? ballotTexts.added(title) : ballotTexts.removed(title)} ${ballotTexts.budgetLine(after, limits)}.`,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refusal = submitRefusal(projects, selection, limits);
    if (refusal) {
      setError(ballotTexts.submitRefusal(refusal));
      return;
    }
    const result = await submitBallot({ challengeId: challenge.id, proposalIds: selection });
    if (result.error) {
      const problems = formProblems(result.error);
      setError(problems.fields.proposalIds ?? problems.form ?? texts.errors.generic);
      return;
    }
    announce(ballotTexts.state('SAVED'));
    void navigate(`/retos/${challenge.slug}/boleta/enviada`);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <LeaveWarning dirty={state === 'UNSENT_CHANGES'} />
      <div className="ballot-summary">
        <p className={`ballot-state ballot-state-${state.toLowerCase()}`}>{ballotTexts.state(state)}</p>
        <p className="ballot-total">{ballotTexts.budgetLine(summary, limits)}</p>
        <p>{ballotTexts.counter(summary, limits)}</p>
      </div>
      <fieldset
        className={error ? 'ballot-projects field-invalid' : 'ballot-projects'}
        aria-describedby={error ? 'boleta-error' : undefined}
      >
        <legend>{ballotTexts.legend}</legend>
        {limitsLine && <p className="field-hint">{limitsLine}</p>}
        {error && (
          <p className="field-error" id="boleta-error" role="alert" tabIndex={-1} ref={errorRef}>
            {error}
          </p>
        )}
        <ul className="ballot-list">
          {candidates.map((p) => {
            const chosen = selection.includes(p.id);
            const refusal = chosen ? null : addRefusal(projects, selection, p.id, limits);
            const reason = refusal ? ballotTexts.addRefusal(refusal) : (notes[p.id] ?? null);
            const id = `proyecto-${p.id}`;
            return (
              <li key={p.id} className={refusal ? 'ballot-item ballot-item-unavailable' : 'ballot-item'}>
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen}
                  aria-disabled={refusal ? true : undefined}
                  aria-describedby={`${id}-costo${refusal ? ` ${id}-motivo` : ''}`}
                  onChange={() => toggle(p.id, p.title)}
                />
                <div>
                  <label htmlFor={id}>{p.title}</label>
                  <p className="ballot-cost" id={`${id}-costo`}>
                    {ballotTexts.cost(formatCentavos(projects.get(p.id)?.cost ?? 0n))}
                  </p>
                  <p className="ballot-summary-text">{p.summary}</p>
                  {refusal && reason && (
                    <p className="ballot-reason" id={`${id}-motivo`}>
                      {reason}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p>
        <button type="submit" aria-disabled={fetching ? true : undefined}>
          {saved === null ? ballotTexts.submit : ballotTexts.replace}
        </button>
      </p>
    </form>
  );
}

function SavedBallot({ challenge }: { challenge: Challenge }) {
  const session = useSession();
  const [result] = useQuery({
    query: MyBallotDocument,
    variables: { challengeId: challenge.id },
    pause: !session.viewer,
    requestPolicy: 'network-only',
  });
  if (!session.viewer) {
    const back = `/retos/${challenge.slug}/boleta`;
    return (
      <p>
        <Link className="button" to={`/entrar?volver=${encodeURIComponent(back)}`}>
          {ballotTexts.signIn}
        </Link>
      </p>
    );
  }
  if (result.fetching || (!result.data && !result.error)) return <p>{texts.loading}</p>;
  if (result.error) return <p role="alert">{texts.errors.network}</p>;
  const ballot = result.data?.myBudgetBallot ?? null;
  const sameRound = ballot && ballot.round.id === challenge.currentRound?.id;
  return <BallotForm challenge={challenge} saved={sameRound ? ballot.proposals.map((p) => p.id) : null} />;
}

export function BallotPage() {
  const { slug = '' } = useParams();
  const [result, reexecute] = useQuery({ query: BallotPageDocument, variables: { slug } });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    return <QueryErrorPage error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const back = (
    <p>
      <Link to={`/retos/${challenge.slug}`}>{ballotTexts.backToChallenge(challenge.title)}</Link>
    </p>
  );
  const open = challenge.phase === 'VOTING' && challenge.currentRound?.kind === 'VOTING';
  if (challenge.settings.votingMethod !== 'BUDGET' || !open) {
    return (
      <Page title={ballotTexts.title(challenge.title)} lead={back}>
        <p>{challenge.settings.votingMethod !== 'BUDGET' ? ballotTexts.notBudget : ballotTexts.closed}</p>
      </Page>
    );
  }
  return (
    <Page title={ballotTexts.title(challenge.title)} lead={back}>
      <p>{texts.votingMethod.BUDGET}</p>
      {challenge.currentRound && <p>{ballotTexts.closes(formatDateTime(challenge.currentRound.closesAt))}</p>}
      <SavedBallot challenge={challenge} />
    </Page>
  );
}
