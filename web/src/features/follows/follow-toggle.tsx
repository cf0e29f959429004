// Follow or stop following a challenge (RULES §8). The app places it on the challenge page; features do not
// import each other, so it reads the challenge's follow state itself.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { followTexts } from './follow-texts';

const FollowStateDocument = graphql(`
  query FollowState($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      viewerIsFollowing
    }
  }
`);

const FollowDocument = graphql(`
  mutation FollowChallenge($input: FollowInput!) {
    follow(input: $input) {
      targetType
      targetId
    }
  }
`);

const UnfollowDocument = graphql(`
  mutation UnfollowChallenge($input: FollowInput!) {
    unfollow(input: $input)
  }
`);

export function FollowToggle({ slug }: { slug: string }) {
  const session = useSession();
  const announce = useAnnounce();
  const [result, reexecute] = useQuery({ query: FollowStateDocument, variables: { slug } });
  const [{ fetching: following }, follow] = useMutation(FollowDocument);
  const [{ fetching: unfollowing }, unfollow] = useMutation(UnfollowDocument);
  const [error, setError] = useState<string | null>(null);
  const challenge = result.data?.challenge;
  if (!challenge || !session.ready) return null;
  if (!session.viewer) {
    return (
      <p>
        <Link to={`/entrar?volver=${encodeURIComponent(`/retos/${slug}`)}`}>{followTexts.signIn}</Link>
      </p>
    );
  }
  const toggle = async () => {
    if (following || unfollowing) return;
    setError(null);
    const input = { targetType: 'CHALLENGE' as const, targetId: challenge.id };
    const outcome = challenge.viewerIsFollowing ? await unfollow({ input }) : await follow({ input });
    if (outcome.error) {
      setError(outcome.error.graphQLErrors[0]?.message ?? texts.errors.network);
      return;
    }
    announce(
      challenge.viewerIsFollowing ? followTexts.unfollowed(challenge.title) : followTexts.following(challenge.title),
    );
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <div className="follow-toggle">
      <button
        type="button"
        className={challenge.viewerIsFollowing ? 'button-secondary' : undefined}
        aria-describedby={error ? 'seguir-error' : undefined}
        onClick={() => void toggle()}
      >
        {challenge.viewerIsFollowing ? followTexts.unfollow : followTexts.follow}
      </button>
      {challenge.viewerIsFollowing && <p>{followTexts.youFollow}</p>}
      {error && (
        <p className="field-error" id="seguir-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
