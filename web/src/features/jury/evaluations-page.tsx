// Mis evaluaciones: the challenges whose jury I sit on and, for each, my assigned proposals with their status
// (sin empezar / guardada) and the round's deadline in Mexico City time.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyJuryMembershipsQuery } from '../../gql/graphql';
import { formatDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { juryTexts } from './jury-texts';
import { evaluationRound } from './scoring-rules';
import './jury.css';

const MyJuryMembershipsDocument = graphql(`
  query MyJuryMemberships {
    viewer {
      id
      juryMemberships {
        id
        challenge {
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
        }
      }
    }
  }
`);

const MyAssignmentsDocument = graphql(`
  query MyAssignments($challengeId: ID!) {
    myEvaluationAssignments(challengeId: $challengeId) {
      proposal {
        id
        title
      }
      evaluation {
        id
      }
    }
  }
`);

type Membership = NonNullable<MyJuryMembershipsQuery['viewer']>['juryMemberships'][number];
type Round = Membership['challenge']['rounds'][number];

function deadline(round: Round | null): string | null {
  if (!round) return null;
  if (round.status === 'OPEN') return juryTexts.closes(formatDateTime(round.closesAt));
  if (round.status === 'CLOSED') return juryTexts.closed(formatDateTime(round.closesAt));
  return juryTexts.opens(formatDateTime(round.opensAt));
}

function ChallengeAssignments({ membership }: { membership: Membership }) {
  const { challenge } = membership;
  const [result] = useQuery({
    query: MyAssignmentsDocument,
    variables: { challengeId: challenge.id },
    requestPolicy: 'cache-and-network',
  });
  const round = evaluationRound(challenge.rounds);
  const when = deadline(round);
  const assignments = result.data?.myEvaluationAssignments ?? [];
  const headingId = `jurado-${membership.id}`;
  return (
    <section className="card jury-challenge" aria-labelledby={headingId}>
      <h2 id={headingId}>{challenge.title}</h2>
      {when && <p className="jury-deadline">{when}</p>}
      {challenge.settings.blindEvaluation && <p className="field-hint">{juryTexts.blind}</p>}
      {result.fetching && !result.data ? (
        <p>{texts.loading}</p>
      ) : result.error && !result.data ? (
        <p role="alert">{texts.errors.network}</p>
      ) : assignments.length === 0 ? (
        <p>{juryTexts.noAssignments}</p>
      ) : (
        <>
          <p>{juryTexts.assigned(assignments.length)}</p>
          <ul className="jury-assignments">
            {assignments.map(({ proposal, evaluation }) => (
              <li key={proposal.id}>
                <Link to={`/evaluaciones/${challenge.id}/${proposal.id}`}>
                  {proposal.title}
                  <span className="visually-hidden">
                    {' '}
                    ({juryTexts.statusLabel}: {juryTexts.status[evaluation ? 'SAVED' : 'NOT_STARTED']})
                  </span>
                </Link>{' '}
                <span
                  className={evaluation ? 'badge jury-status jury-status-saved' : 'badge jury-status'}
                  aria-hidden="true"
                >
                  {juryTexts.status[evaluation ? 'SAVED' : 'NOT_STARTED']}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/retos/${challenge.slug}`}>{juryTexts.challengeLink(challenge.title)}</Link>
      </p>
    </section>
  );
}

export function EvaluationsPage() {
  const session = useSession();
  const [result] = useQuery({
    query: MyJuryMembershipsDocument,
    pause: !session.viewer,
    requestPolicy: 'cache-and-network',
  });
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    return (
      <Page title={juryTexts.listTitle}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/evaluaciones')}`}>{juryTexts.signInToSee}</Link>
        </p>
      </Page>
    );
  }
  const memberships = result.data?.viewer?.juryMemberships ?? [];
  return (
    <Page title={juryTexts.listTitle}>
      <p>{juryTexts.listIntro}</p>
      {result.fetching && !result.data ? (
        <p>{texts.loading}</p>
      ) : result.error && !result.data ? (
        <p role="alert">{texts.errors.network}</p>
      ) : memberships.length === 0 ? (
        <p className="jury-empty">{juryTexts.notJuror}</p>
      ) : (
        <div className="jury-challenges">
          {memberships.map((membership) => (
            <ChallengeAssignments key={membership.id} membership={membership} />
          ))}
        </div>
      )}
    </Page>
  );
}
