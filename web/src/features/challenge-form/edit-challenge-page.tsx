// A draft opens in the same guided form; a published challenge shows its state and can be cancelled with a reason.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EditableChallengeQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextAreaField } from '../../shared/field';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormUnits } from './new-challenge-page';
import { ChallengeForm } from './challenge-form';
import { formTexts as t } from './challenge-form-texts';
import type { FormValues } from './form-state';
import { isoToMexicoCity } from './zoned-time';

const EditableChallenge = graphql(`
  query EditableChallenge($id: ID!) {
    challenge(id: $id) {
      id
      slug
      title
      summary
      description
      category
      tags
      budget
      status
      cancelledReason
      viewerCanEdit
      unit {
        id
      }
      rounds {
        id
        kind
        title
        opensAt
        closesAt
        advanceCount
      }
      criteria {
        id
        name
        description
        weight
        maxScore
      }
      settings {
        votingMethod
        maxVotesPerVoter
        voterBudget
        minProjectsPerBallot
        maxProjectsPerBallot
        budgetRule
        winnerCount
        showLiveTally
        residentsOnly
        requireCurp
        blindEvaluation
        jurorsPerProposal
        normalizeJurorScores
        publicVoteWeight
      }
    }
  }
`);

const CancelChallenge = graphql(`
  mutation CancelChallenge($id: ID!, $reason: String!) {
    cancelChallenge(id: $id, reason: $reason) {
      id
      status
      cancelledReason
    }
  }
`);

type Editable = NonNullable<EditableChallengeQuery['challenge']>;

function valuesOf(challenge: Editable): FormValues {
  const s = challenge.settings;
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    unitId: challenge.unit.id,
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description,
    category: challenge.category,
    tags: challenge.tags.join(', '),
    rounds: challenge.rounds.map((r) => ({
      kind: r.kind,
      title: r.title,
      opensAt: isoToMexicoCity(r.opensAt),
      closesAt: isoToMexicoCity(r.closesAt),
      advanceCount: text(r.advanceCount),
    })),
    votingMethod: s.votingMethod,
    maxVotesPerVoter: text(s.maxVotesPerVoter),
    budget: text(challenge.budget),
    voterBudget: text(s.voterBudget),
    minProjectsPerBallot: text(s.minProjectsPerBallot),
    maxProjectsPerBallot: text(s.maxProjectsPerBallot),
    budgetRule: s.budgetRule ?? 'GREEDY',
    winnerCount: text(s.winnerCount),
    showLiveTally: s.showLiveTally,
    residentsOnly: s.residentsOnly,
    requireCurp: s.requireCurp,
    criteria: challenge.criteria.map((c) => ({
      name: c.name,
      description: c.description ?? '',
      weight: text(c.weight),
      maxScore: text(c.maxScore),
    })),
    blindEvaluation: s.blindEvaluation,
    jurorsPerProposal: text(s.jurorsPerProposal),
    normalizeJurorScores: s.normalizeJurorScores,
    publicWeight: text(Math.round(s.publicVoteWeight * 10000) / 100),
  };
}

function CancelForm({ id, onCancelled }: { id: string; onCancelled: () => void }) {
  const client = useClient();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!reason.trim()) {
      setError(t.cancelReasonRequired);
      document.getElementById('reason')?.focus();
      return;
    }
    setBusy(true);
    const result = await client.mutation(CancelChallenge, { id, reason: reason.trim() }).toPromise();
    setBusy(false);
    if (!result.data) {
      const problem = result.error?.graphQLErrors[0];
      setMessage(problem?.message ?? texts.errors.network);
      return;
    }
    announce(t.cancelled);
    onCancelled();
  };
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t.cancelTitle}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={message} />
        <TextAreaField
          name="reason"
          label={t.cancelReason}
          hint={t.cancelReasonHint}
          rows={3}
          value={reason}
          error={error}
          onChange={(e) => {
            setReason(e.target.value);
            setError(undefined);
          }}
        />
        <button type="submit" disabled={busy}>
          {t.cancel}
        </button>
      </form>
    </section>
  );
}

function EditChallenge({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: EditableChallenge, variables: { id } });
  const { units } = useFormUnits();
  if (!result.data || !units) return <Page title={texts.loading} />;
  const challenge = result.data.challenge;
  // A cancelled or finished challenge is no longer editable but its unit still sees its state here.
  if (!challenge || (challenge.status === 'DRAFT' && !challenge.viewerCanEdit))
    return (
      <Page title={texts.errors.notFoundTitle}>
        <p>{t.notFound}</p>
      </Page>
    );
  const status = t.statusName[challenge.status] ?? challenge.status;
  if (challenge.status === 'DRAFT') {
    return (
      <Page title={t.editTitle(challenge.title)} lead={<p>{t.status(status)}</p>}>
        <ChallengeForm
          units={units.filter((u) => u.id === challenge.unit.id)}
          initial={valuesOf(challenge)}
          draftId={challenge.id}
        />
      </Page>
    );
  }
  return (
    <Page title={challenge.title} lead={<p>{t.status(status)}</p>}>
      {challenge.cancelledReason && <p>{t.cancelledReason(challenge.cancelledReason)}</p>}
      <p>{t.publishedNote}</p>
      <p>
        <Link to={`/retos/${challenge.slug}`}>{t.viewChallenge}</Link>
      </p>
      {challenge.status === 'PUBLISHED' && units.some((u) => u.id === challenge.unit.id && u.canPublish) && (
        <CancelForm id={challenge.id} onCancelled={() => refetch({ requestPolicy: 'network-only' })} />
      )}
    </Page>
  );
}

export function EditChallengePage() {
  const { id = '' } = useParams();
  const session = useSession();
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    return (
      <Page title={t.newTitle}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent(`/mi-unidad/retos/${id}/editar`)}`}>{t.signIn}</Link>
        </p>
      </Page>
    );
  }
  return <EditChallenge id={id} />;
}
