// Lo que sigo: every challenge, unit, theme or place the person follows, each with a way to stop following it.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { FollowTargetType } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { formatDate } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { followTexts } from './follow-texts';

const MyFollowsDocument = graphql(`
  query MyFollows {
    myFollows {
      targetType
      targetId
      createdAt
    }
  }
`);

const FollowedChallengeDocument = graphql(`
  query FollowedChallenge($id: ID!) {
    challenge(id: $id) {
      id
      slug
      title
    }
  }
`);

const StopFollowingDocument = graphql(`
  mutation StopFollowing($input: FollowInput!) {
    unfollow(input: $input)
  }
`);

function ChallengeName({ id }: { id: string }) {
  const [result] = useQuery({ query: FollowedChallengeDocument, variables: { id } });
  const challenge = result.data?.challenge;
  if (!challenge) return <>{followTexts.unknownChallenge}</>;
  return <Link to={`/retos/${challenge.slug}`}>{challenge.title}</Link>;
}

function targetName(type: FollowTargetType, id: string) {
  if (type === 'CHALLENGE') return <ChallengeName id={id} />;
  if (type === 'CATEGORY') return <>{texts.category[id as keyof typeof texts.category] ?? id}</>;
  return <>{id}</>;
}

export function FollowsPage() {
  const session = useSession();
  const announce = useAnnounce();
  const [result, reexecute] = useQuery({ query: MyFollowsDocument, pause: !session.viewer });
  const [, unfollow] = useMutation(StopFollowingDocument);
  const [error, setError] = useState<string | null>(null);
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    return (
      <Page title={followTexts.pageTitle}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/cuenta/sigo')}`}>{followTexts.signInToSee}</Link>
        </p>
      </Page>
    );
  }
  const follows = result.data?.myFollows ?? [];
  const stop = async (targetType: FollowTargetType, targetId: string) => {
    setError(null);
    const outcome = await unfollow({ input: { targetType, targetId } });
    if (outcome.error) {
      setError(outcome.error.graphQLErrors[0]?.message ?? texts.errors.network);
      return;
    }
    announce(followTexts.stopped);
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={followTexts.pageTitle}>
      <p>{followTexts.pageIntro}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {result.fetching && !result.data ? (
        <p>{texts.loading}</p>
      ) : follows.length === 0 ? (
        <p>{followTexts.none}</p>
      ) : (
        <ul className="card-list">
          {follows.map((f) => (
            <li key={`${f.targetType}:${f.targetId}`} className="card">
              <p>
                <span className="badge">{followTexts.targetType[f.targetType]}</span>{' '}
                {targetName(f.targetType, f.targetId)}
              </p>
              <p className="field-hint">{followTexts.since(formatDate(f.createdAt))}</p>
              <button type="button" className="button-secondary" onClick={() => void stop(f.targetType, f.targetId)}>
                {followTexts.unfollow}
                <span className="visually-hidden"> {followTexts.targetType[f.targetType].toLowerCase()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/cuenta/avisos">{followTexts.preferencesLink}</Link>
      </p>
    </Page>
  );
}
