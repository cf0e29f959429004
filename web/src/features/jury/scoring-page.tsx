// Calificar una propuesta: its text (no authors when the jury is blind: the page does not even ask for them),
// one fieldset of radios per criterion, the live weighted total, a comment, Save (submitEvaluation, which
// replaces an earlier save), the next proposal, and declaring a conflict of interest (declareConflict).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ScoringAssignmentsQuery, ScoringChallengeQuery, ScoringProposalQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextAreaField } from '../../shared/field';
import { formatDateTime, formatMoney } from '../../shared/format';
import { formProblems, NO_PROBLEMS, type FormProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { juryTexts } from './jury-texts';
import {
  criterionField,
  evaluationRound,
  nextToEvaluate,
  problemsAtCriteria,
  unscored,
  weightedTotal,
} from './scoring-rules';
import './jury.css';

const ScoringChallengeDocument = graphql(`
  query ScoringChallenge($challengeId: ID!) {
    challenge(id: $challengeId) {
      id
      slug
      title
      settings {
        blindEvaluation
      }
      rounds {
        id
        kind
        status
        opensAt
        closesAt
      }
      criteria {
        id
        position
        name
        description
        weight
        maxScore
      }
    }
  }
`);

// The assignments (to know this one is mine, its saved evaluation and what comes next), light enough for the cost limit.
const ScoringAssignmentsDocument = graphql(`
  query ScoringAssignments($challengeId: ID!) {
    myEvaluationAssignments(challengeId: $challengeId) {
      proposal {
        id
        title
      }
      evaluation {
        id
        comment
        updatedAt
        scores {
          score
          criterion {
            id
          }
        }
      }
    }
  }
`);

// Author fields are only asked for when the jury is not blind ($withAuthors), whatever the API would answer.
const ScoringProposalDocument = graphql(`
  query ScoringProposal($id: ID!, $withAuthors: Boolean!) {
    proposal(id: $id) {
      id
      title
      summary
      body
      links
      estimatedCost
      author @include(if: $withAuthors) {
        id
        displayName
      }
      coAuthors @include(if: $withAuthors) {
        id
        displayName
      }
    }
  }
`);

const SubmitEvaluationDocument = graphql(`
  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      id
      comment
      updatedAt
      total
      scores {
        score
        criterion {
          id
        }
      }
    }
  }
`);

const DeclareConflictDocument = graphql(`
  mutation DeclareConflict($proposalId: ID!, $reason: String!) {
    declareConflict(proposalId: $proposalId, reason: $reason) {
      id
    }
  }
`);

type Challenge = NonNullable<ScoringChallengeQuery['challenge']>;
type Criterion = Challenge['criteria'][number];
type Assignment = ScoringAssignmentsQuery['myEvaluationAssignments'][number];
type Proposal = NonNullable<ScoringProposalQuery['proposal']>;

function reasonOf(problem: { extensions?: Record<string, unknown> } | undefined): string | undefined {
  return typeof problem?.extensions?.reason === 'string' ? problem.extensions.reason : undefined;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter(Boolean)
        .map((block, i) => (
          <p key={i}>{block}</p>
        ))}
    </>
  );
}

function ProposalText({ proposal }: { proposal: Proposal }) {
  const names = [proposal.author, ...(proposal.coAuthors ?? [])]
    .filter((person) => person !== undefined)
    .map((person) => person?.displayName ?? juryTexts.anonymous);
  return (
    <section className="card jury-proposal" aria-labelledby="propuesta">
      <h2 id="propuesta">{juryTexts.proposalHeading}</h2>
      {names.length > 0 && <p className="card-meta">{juryTexts.by(names.join(', '))}</p>}
      <h3>{juryTexts.summary}</h3>
      <p>{proposal.summary}</p>
      <h3>{juryTexts.body}</h3>
      <Paragraphs text={proposal.body} />
      {proposal.estimatedCost && <p>{juryTexts.estimatedCost(formatMoney(proposal.estimatedCost))}</p>}
      {proposal.links.length > 0 && (
        <>
          <h3>{juryTexts.links}</h3>
          <ul>
            {proposal.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer nofollow">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CriterionFieldset({
  criterion,
  share,
  value,
  error,
  onChange,
}: {
  criterion: Criterion;
  share: number;
  value: number | undefined;
  error?: string;
  onChange: (score: number) => void;
}) {
  const name = criterionField(criterion.id);
  const described = [error ? `${name}-error` : null, `${name}-hint`].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'jury-criterion field-invalid' : 'jury-criterion'} aria-describedby={described}>
      <legend>
        {criterion.name} <span className="jury-range">({juryTexts.range(criterion.maxScore)})</span>
      </legend>
      <div id={`${name}-hint`}>
        {criterion.description && <p className="jury-criterion-description">{criterion.description}</p>}
        <p className="field-hint">{juryTexts.weightShare(criterion.weight, share)}</p>
      </div>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <div className="jury-scale">
        {Array.from({ length: criterion.maxScore + 1 }, (_, score) => {
          const id = `${name}-${score}`;
          return (
            <span className="jury-option" key={score}>
              <input
                type="radio"
                id={id}
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <label htmlFor={id}>{score}</label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}

function ConflictForm({ proposal, onDeclared }: { proposal: { id: string }; onDeclared: () => void }) {
  const [, declare] = useMutation(DeclareConflictDocument);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const openerRef = useRef<HTMLButtonElement>(null);
  const message = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) document.getElementById('reason')?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await declare({ proposalId: proposal.id, reason });
    setBusy(false);
    if (result.error) {
      const found = formProblems(result.error);
      const problem = result.error.graphQLErrors[0];
      const placed: FormProblems = {
        fields: found.fields,
        form: found.form && juryTexts.refusal(reasonOf(problem), found.form),
      };
      setProblems(placed);
      if (placed.fields.reason) document.getElementById('reason')?.focus();
      else message.current?.focus();
      return;
    }
    onDeclared();
  };

  return (
    <section className="card jury-conflict" aria-labelledby="conflicto">
      <h2 id="conflicto">{juryTexts.conflictHeading}</h2>
      <p>{juryTexts.conflictIntro}</p>
      {!open ? (
        <p>
          <button type="button" className="button-secondary" ref={openerRef} onClick={() => setOpen(true)}>
            {juryTexts.conflictOpen}
          </button>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormMessage message={problems.form} focusRef={message} />
          <TextAreaField
            name="reason"
            label={juryTexts.conflictReason}
            hint={juryTexts.conflictReasonHint}
            error={problems.fields.reason}
            value={reason}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="jury-warning" id="conflicto-aviso">
            {juryTexts.conflictConfirmText}
          </p>
          <div className="jury-actions">
            <button type="submit" aria-describedby="conflicto-aviso" aria-disabled={busy ? true : undefined}>
              {juryTexts.conflictConfirm}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setOpen(false);
                setProblems(NO_PROBLEMS);
                window.setTimeout(() => openerRef.current?.focus(), 0);
              }}
            >
              {juryTexts.conflictCancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface ScoringFormProps {
  challenge: Challenge;
  assignment: Assignment;
  assignments: Assignment[];
  /** Asks the API again for the assignments (their status changed). */
  onSaved: () => void;
}

function savedScores(assignment: Assignment): Record<string, number> {
  return Object.fromEntries((assignment.evaluation?.scores ?? []).map((s) => [s.criterion.id, s.score]));
}

function ScoringForm({ challenge, assignment, assignments, onSaved }: ScoringFormProps) {
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [, submitEvaluation] = useMutation(SubmitEvaluationDocument);
  const [scores, setScores] = useState<Record<string, number>>(() => savedScores(assignment));
  const [comment, setComment] = useState(assignment.evaluation?.comment ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(assignment.evaluation?.updatedAt ?? null);
  const formMessage = useRef<HTMLDivElement>(null);
  const savedMessage = useRef<HTMLParagraphElement>(null);

  const { proposal } = assignment;
  const criteria = [...challenge.criteria].sort((a, b) => a.position - b.position);
  const weightSum = criteria.reduce((sum, c) => sum + c.weight, 0);
  const total = weightedTotal(criteria, scores);
  const missing = unscored(criteria, scores).length;
  const round = evaluationRound(challenge.rounds);
  const roundOpen = round?.status === 'OPEN';
  const next = nextToEvaluate(
    assignments.map((a) => ({ proposalId: a.proposal.id, saved: a.evaluation !== null })),
    proposal.id,
  );

  useEffect(() => {
    const order = ['scores', ...criteria.map((c) => criterionField(c.id)), 'comment'];
    const first = order.find((name) => problems.fields[name]);
    if (first === 'comment') document.getElementById('comment')?.focus();
    else if (first === 'scores') document.getElementById('scores')?.focus();
    else if (first) {
      const checked = document.querySelector<HTMLInputElement>(`input[name="${first}"]:checked`);
      (checked ?? document.getElementById(`${first}-0`))?.focus();
    } else if (problems.form) formMessage.current?.focus();
    // Only a new set of problems moves focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problems]);

  useEffect(() => {
    if (justSaved) savedMessage.current?.focus();
  }, [justSaved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const sent = criteria.filter((c) => scores[c.id] !== undefined);
    setBusy(true);
    setJustSaved(false);
    const trimmed = comment.trim();
    const result = await submitEvaluation({
      input: {
        proposalId: proposal.id,
        scores: sent.map((c) => ({ criterionId: c.id, score: scores[c.id] })),
        comment: trimmed === '' ? null : comment,
      },
    });
    setBusy(false);
    if (result.error) {
      const found = formProblems(result.error);
      setProblems({
        fields: problemsAtCriteria(
          found.fields,
          sent.map((c) => c.id),
        ),
        form: found.form && juryTexts.refusal(reasonOf(result.error.graphQLErrors[0]), found.form),
      });
      return;
    }
    setProblems(NO_PROBLEMS);
    setSavedAt(result.data?.submitEvaluation.updatedAt ?? new Date().toISOString());
    setJustSaved(true);
    announce(juryTexts.saved(proposal.title));
    onSaved();
  };

  const scoresError = problems.fields.scores;
  return (
    <>
      <form className="jury-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="calificacion">
        <h2 id="calificacion">{juryTexts.rubricHeading}</h2>
        <p>{juryTexts.rubricIntro}</p>
        <FormMessage message={problems.form} focusRef={formMessage} />
        {scoresError && (
          <p className="field-error" id="scores" tabIndex={-1}>
            {scoresError}
          </p>
        )}
        {criteria.map((criterion) => (
          <CriterionFieldset
            key={criterion.id}
            criterion={criterion}
            share={weightSum > 0 ? (100 * criterion.weight) / weightSum : 0}
            value={scores[criterion.id]}
            error={problems.fields[criterionField(criterion.id)]}
            onChange={(score) => {
              setJustSaved(false);
              setScores((current) => ({ ...current, [criterion.id]: score }));
            }}
          />
        ))}
        <div className="jury-total">
          <output className="jury-total-value">{juryTexts.total(total)}</output>
          {missing > 0 && <p className="field-hint">{juryTexts.missing(missing)}</p>}
        </div>
        <TextAreaField
          name="comment"
          label={juryTexts.comment}
          hint={juryTexts.commentHint}
          error={problems.fields.comment}
          value={comment}
          rows={5}
          onChange={(e) => {
            setJustSaved(false);
            setComment(e.target.value);
          }}
        />
        {round && (
          <p className="jury-deadline">
            {roundOpen ? juryTexts.changeUntil(formatDateTime(round.closesAt)) : juryTexts.roundNotOpen}
          </p>
        )}
        <p className="jury-actions">
          <button type="submit" aria-disabled={busy ? true : undefined}>
            {busy ? juryTexts.saving : juryTexts.save}
          </button>
        </p>
        {savedAt && (
          <p className="jury-saved" ref={savedMessage} tabIndex={-1}>
            <span className="badge jury-status jury-status-saved">{juryTexts.status.SAVED}</span>{' '}
            {juryTexts.savedAt(formatDateTime(savedAt))}
          </p>
        )}
        {justSaved && (
          <p>
            {next ? (
              <Link className="button" to={`/evaluaciones/${challenge.id}/${next}`}>
                {juryTexts.next}
              </Link>
            ) : (
              <>
                {juryTexts.allDone} <Link to="/evaluaciones">{juryTexts.back}</Link>
              </>
            )}
          </p>
        )}
      </form>
      <ConflictForm
        proposal={proposal}
        onDeclared={() => {
          announce(juryTexts.conflictDone(proposal.title));
          void navigate('/evaluaciones');
        }}
      />
    </>
  );
}

export function ScoringPage() {
  const { challengeId = '', proposalId = '' } = useParams();
  const session = useSession();
  const [challengeResult] = useQuery({
    query: ScoringChallengeDocument,
    variables: { challengeId },
    pause: !session.viewer,
  });
  const challenge = challengeResult.data?.challenge ?? null;
  const [assignmentsResult, refreshAssignments] = useQuery({
    query: ScoringAssignmentsDocument,
    variables: { challengeId },
    pause: !session.viewer,
    requestPolicy: 'cache-and-network',
  });
  const [proposalResult] = useQuery({
    query: ScoringProposalDocument,
    variables: { id: proposalId, withAuthors: challenge ? !challenge.settings.blindEvaluation : false },
    pause: !session.viewer || !challenge,
  });
  const here = `/evaluaciones/${challengeId}/${proposalId}`;
  const back = (
    <p>
      <Link to="/evaluaciones">{juryTexts.back}</Link>
    </p>
  );
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    return (
      <Page title={juryTexts.listTitle}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent(here)}`}>{juryTexts.signInToSee}</Link>
        </p>
      </Page>
    );
  }
  const failed = [challengeResult, assignmentsResult, proposalResult].some((r) => r.error && !r.data);
  if (failed) {
    return (
      <Page title={texts.errors.errorTitle}>
        <p role="alert">{texts.errors.network}</p>
        {back}
      </Page>
    );
  }
  if (!challengeResult.data || !assignmentsResult.data || (challenge && !proposalResult.data)) {
    return <Page title={texts.loading} />;
  }
  const assignments = assignmentsResult.data.myEvaluationAssignments;
  const assignment = assignments.find((a) => a.proposal.id === proposalId);
  const proposal = proposalResult.data?.proposal;
  if (!challenge || !assignment || !proposal) {
    return (
      <Page title={juryTexts.listTitle}>
        <p>{juryTexts.notAssigned}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={juryTexts.scoringTitle(assignment.proposal.title)} lead={back}>
      <p className="field-hint">{challenge.title}</p>
      {challenge.settings.blindEvaluation && <p className="field-hint">{juryTexts.blind}</p>}
      <div className="jury-layout">
        <ProposalText proposal={proposal} />
        <div>
          <ScoringForm
            key={proposalId}
            challenge={challenge}
            assignment={assignment}
            assignments={assignments}
            onSaved={() => refreshAssignments({ requestPolicy: 'network-only' })}
          />
        </div>
      </div>
    </Page>
  );
}
