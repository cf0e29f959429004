// After sending: the ballot as the server stored it — what counts, its total and when it was sent.
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../app/error-pages';
import { graphql } from '../../gql';
import { formatDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { MyBallotDocument } from './ballot-page';
import { ballotTexts } from './ballot-texts';
import { formatCentavos, toCentavos } from './money';

const BallotChallengeDocument = graphql(`
  query BallotChallenge($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
    }
  }
`);

function StoredBallot({ challengeId, slug, back }: { challengeId: string; slug: string; back: ReactNode }) {
  const [result] = useQuery({ query: MyBallotDocument, variables: { challengeId }, requestPolicy: 'network-only' });
  if (result.fetching || (!result.data && !result.error)) return <Page title={texts.loading} />;
  if (result.error) {
    return (
      <Page title={texts.errors.errorTitle}>
        <p role="alert">{texts.errors.network}</p>
      </Page>
    );
  }
  const ballot = result.data?.myBudgetBallot;
  if (!ballot) {
    return (
      <Page title={ballotTexts.none} lead={back}>
        <p>
          <Link className="button" to={`/retos/${slug}/boleta`}>
            {ballotTexts.fill}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={ballotTexts.confirmationTitle} lead={back}>
      <p>{ballotTexts.sentAt(formatDateTime(ballot.submittedAt))}</p>
      {ballot.proposals.length === 0 ? (
        <p>{ballotTexts.emptyBallot}</p>
      ) : (
        <>
          <p>{ballotTexts.counted}</p>
          <ul>
            {ballot.proposals.map((p) => (
              <li key={p.id}>
                {p.title} — {formatCentavos(toCentavos(p.estimatedCost ?? '0') ?? 0n)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="ballot-total">{ballotTexts.total(formatCentavos(toCentavos(ballot.totalCost) ?? 0n))}</p>
      <p>
        <Link className="button button-secondary" to={`/retos/${slug}/boleta`}>
          {ballotTexts.change}
        </Link>
      </p>
    </Page>
  );
}

export function BallotConfirmationPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const [result] = useQuery({ query: BallotChallengeDocument, variables: { slug } });
  if ((result.fetching && !result.data) || !session.ready) return <Page title={texts.loading} />;
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const back = (
    <p>
      <Link to={`/retos/${challenge.slug}`}>{ballotTexts.backToChallenge(challenge.title)}</Link>
    </p>
  );
  if (session.viewer) return <StoredBallot challengeId={challenge.id} slug={challenge.slug} back={back} />;
  return (
    <Page title={ballotTexts.title(challenge.title)} lead={back}>
      <p>
        <Link to={`/entrar?volver=${encodeURIComponent(`/retos/${challenge.slug}/boleta/enviada`)}`}>
          {ballotTexts.signIn}
        </Link>
      </p>
    </Page>
  );
}
