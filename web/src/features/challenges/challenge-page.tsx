import type { ReactNode } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ChallengePageQuery } from '../../gql/graphql';
import { formatDateTime, formatMoney } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { NotFoundPage, QueryErrorPage } from '../../app/error-pages';
import { TextBlocks } from '../../shared/text-blocks';

const ChallengePageDocument = graphql(`
  query ChallengePage($slug: String, $id: ID) {
    challenge(slug: $slug, id: $id) {
      id
      slug
      title
      summary
      description
      phase
      level
      category
      budget
      unit {
        id
        name
      }
      state {
        code
        name
      }
      municipality {
        code
        name
      }
      settings {
        votingMethod
      }
      rounds {
        id
        position
        title
        kind
        status
        opensAt
        closesAt
      }
      proposals(first: 50, orderBy: NEWEST) {
        totalCount
        nodes {
          id
          title
          summary
          status
          voteCount
          contentHidden
          moderationReason
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

type Challenge = NonNullable<ChallengePageQuery['challenge']>;

function Rounds({ rounds }: { rounds: Challenge['rounds'] }) {
  const d = texts.challenges.detail;
  return (
    <section aria-labelledby="rondas">
      <h2 id="rondas">{d.rounds}</h2>
      <ol className="timeline">
        {rounds.map((round) => (
          <li key={round.id}>
            <h3>
              {round.title} <span className="badge">{texts.roundStatus[round.status]}</span>
            </h3>
            <p>
              {texts.roundKind[round.kind]}.{' '}
              {d.roundDates(formatDateTime(round.opensAt), formatDateTime(round.closesAt))}.
            </p>
            <p>{texts.roundKindExplained[round.kind]}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Proposals({ challenge }: { challenge: Challenge }) {
  const d = texts.challenges.detail;
  const { nodes } = challenge.proposals;
  return (
    <section aria-labelledby="propuestas">
      <h2 id="propuestas">
        {d.proposals} ({challenge.proposals.totalCount})
      </h2>
      {nodes.length === 0 ? (
        <p>{d.noProposals}</p>
      ) : (
        <ul className="card-list">
          {nodes.map((proposal) => (
            <li key={proposal.id} className="card">
              <h3>
                <Link to={`/propuestas/${proposal.id}`}>{proposal.title}</Link>
              </h3>
              {proposal.contentHidden ? (
                <p>{d.moderated(proposal.moderationReason ?? '')}</p>
              ) : (
                <p>{proposal.summary}</p>
              )}
              <ul className="card-meta">
                <li>{d.by(proposal.author?.displayName ?? d.anonymous)}</li>
                <li>{texts.proposals.status[proposal.status]}</li>
                {proposal.voteCount !== null && proposal.voteCount !== undefined && (
                  <li>{d.votes(proposal.voteCount)}</li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {nodes.length > 0 && (
        <p>
          <Link to={`/retos/${challenge.slug}/propuestas`}>{d.allProposals}</Link>
        </p>
      )}
    </section>
  );
}

/** The one thing a citizen can do next in this phase, as a link; voting and ballot pages ask for sign-in themselves. */
function CallToAction({ challenge }: { challenge: Challenge }) {
  const session = useSession();
  const d = texts.challenges.detail;
  const base = `/retos/${challenge.slug}`;
  if (challenge.phase === 'VOTING') {
    const budget = challenge.settings.votingMethod === 'BUDGET';
    return (
      <p>
        <Link className="button" to={`${base}/${budget ? 'boleta' : 'votar'}`}>
          {budget ? d.fillBallot : d.vote}
        </Link>
      </p>
    );
  }
  if (challenge.phase === 'FINISHED') {
    return (
      <p>
        <Link className="button" to={`${base}/resultados`}>
          {d.seeResults}
        </Link>
      </p>
    );
  }
  if (challenge.phase !== 'SUBMISSION') return null;
  const target = `${base}/proponer`;
  return session.viewer ? (
    <p>
      <Link className="button" to={target}>
        {texts.challenges.detail.propose}
      </Link>
    </p>
  ) : (
    <p>
      <Link className="button" to={`/entrar?volver=${encodeURIComponent(target)}`}>
        {texts.challenges.detail.signInToPropose}
      </Link>
    </p>
  );
}

/** `follow`: the app places the follow control here (features do not import each other). */
export function ChallengePage({ follow }: { follow?: (slug: string) => ReactNode }) {
  const { slug = '' } = useParams();
  // Links in e-mails and in the open-data catalogue name the challenge by id; the page's address is its slug.
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(slug);
  const [result, reexecute] = useQuery({
    query: ChallengePageDocument,
    variables: byId ? { id: slug } : { slug },
  });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    return <QueryErrorPage error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  if (byId) return <Navigate replace to={`/retos/${challenge.slug}`} />;
  const d = texts.challenges.detail;
  const place = [challenge.municipality?.name, challenge.state?.name].filter(Boolean).join(', ');
  return (
    <Page title={challenge.title}>
      <p>
        <span className="badge">{texts.phase[challenge.phase]}</span>
      </p>
      <p className="lead">{challenge.summary}</p>
      <CallToAction challenge={challenge} />
      {follow?.(challenge.slug)}
      <dl className="facts">
        <dt>{d.publishedBy}</dt>
        <dd>{challenge.unit.name}</dd>
        <dt>{d.territory}</dt>
        <dd>{place || texts.level[challenge.level]}</dd>
        <dt>{texts.challenges.categoryLabel}</dt>
        <dd>{texts.category[challenge.category]}</dd>
        {challenge.budget && (
          <>
            <dt>{d.budget}</dt>
            <dd>{formatMoney(challenge.budget)}</dd>
          </>
        )}
        <dt>{d.votingMethod}</dt>
        <dd>{texts.votingMethod[challenge.settings.votingMethod]}</dd>
      </dl>
      <section aria-labelledby="descripcion">
        <h2 id="descripcion">{d.description}</h2>
        <TextBlocks text={challenge.description} />
      </section>
      <Rounds rounds={challenge.rounds} />
      <Proposals challenge={challenge} />
    </Page>
  );
}
