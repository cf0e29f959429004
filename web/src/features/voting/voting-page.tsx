// Votar (SINGLE/MULTIPLE): the proposals in the running with a vote button each, the votes left always in view,
// live counts where the challenge shows them, and every refusal explained in Spanish at the proposal it concerns.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { NotFoundPage, QueryErrorPage } from '../../app/error-pages';
import { graphql } from '../../gql';
import type { VotingPageQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { formatDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { allowedVotes, voteControl, type VoteFacts } from './vote-rules';
import { voteTexts } from './vote-texts';
import './voting.css';

const VotingPageDocument = graphql(`
  query VotingPage($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      phase
      settings {
        votingMethod
        maxVotesPerVoter
        showLiveTally
      }
      currentRound {
        id
        kind
        position
        closesAt
      }
      viewerRemainingVotes
      proposals(first: 100, orderBy: RANDOM) {
        totalCount
        nodes {
          id
          title
          summary
          stage
          eliminatedInRound
          viewerHasVoted
          voteCount
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

const CastVoteDocument = graphql(`
  mutation CastVote($proposalId: ID!) {
    castVote(proposalId: $proposalId) {
      id
      proposal {
        id
        viewerHasVoted
        voteCount
        challenge {
          id
          viewerRemainingVotes
        }
      }
    }
  }
`);

const RetractVoteDocument = graphql(`
  mutation RetractVote($proposalId: ID!) {
    retractVote(proposalId: $proposalId)
  }
`);

const TallyUpdatedDocument = graphql(`
  subscription TallyUpdated($roundId: ID!) {
    tallyUpdated(roundId: $roundId) {
      votes
      proposal {
        id
      }
    }
  }
`);

type Challenge = NonNullable<VotingPageQuery['challenge']>;
type ProposalNode = Challenge['proposals']['nodes'][number];

function LiveCounts({ roundId, onCounts }: { roundId: string; onCounts: (counts: Map<string, number>) => void }) {
  useSubscription({ query: TallyUpdatedDocument, variables: { roundId } }, (_previous, data) => {
    onCounts(new Map(data.tallyUpdated.map((entry) => [entry.proposal.id, entry.votes])));
    return data;
  });
  return null;
}

interface ProposalCardProps {
  proposal: ProposalNode;
  facts: VoteFacts;
  count: number | null;
  busy: boolean;
  message: string | null;
  onAct: (proposal: ProposalNode) => void;
}

function ProposalCard({ proposal, facts, count, busy, message, onAct }: ProposalCardProps) {
  const control = voteControl(facts, proposal.viewerHasVoted);
  const messageId = `voto-${proposal.id}`;
  const blocked = control.kind === 'BLOCKED';
  return (
    <li className={proposal.viewerHasVoted ? 'card vote-card vote-card-voted' : 'card vote-card'}>
      <h2>{proposal.title}</h2>
      <p>{proposal.summary}</p>
      <ul className="card-meta">
        <li>{texts.challenges.detail.by(proposal.author?.displayName ?? texts.challenges.detail.anonymous)}</li>
        {count !== null && <li>{texts.challenges.detail.votes(count)}</li>}
        {proposal.viewerHasVoted && <li className="vote-mine">{voteTexts.yourVote}</li>}
      </ul>
      <p className="vote-action">
        <button
          type="button"
          className={control.kind === 'RETRACT' ? 'button-secondary' : undefined}
          aria-disabled={blocked || busy ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          onClick={() => onAct(proposal)}
        >
          {control.kind === 'RETRACT' ? voteTexts.retract : voteTexts.vote}
          <span className="visually-hidden"> {voteTexts.proposalSuffix(proposal.title)}</span>
        </button>
      </p>
      {message && (
        <p className="field-error" id={messageId} role="alert">
          {message}
        </p>
      )}
    </li>
  );
}

function Ballot({ challenge, reexecute }: { challenge: Challenge; reexecute: () => void }) {
  const session = useSession();
  const announce = useAnnounce();
  const [, castVote] = useMutation(CastVoteDocument);
  const [, retractVote] = useMutation(RetractVoteDocument);
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [liveCounts, setLiveCounts] = useState<Map<string, number> | null>(null);

  const round = challenge.currentRound?.kind === 'VOTING' ? challenge.currentRound : null;
  const allowed = allowedVotes(challenge.settings.votingMethod, challenge.settings.maxVotesPerVoter);
  const facts: VoteFacts = {
    method: challenge.settings.votingMethod,
    roundOpen: challenge.phase === 'VOTING' && round !== null,
    signedIn: session.viewer !== null,
    remaining: challenge.viewerRemainingVotes ?? null,
    allowed,
  };
  const inRunning = challenge.proposals.nodes.filter(
    (p) => round === null || (p.stage >= round.position && p.eliminatedInRound === null),
  );
  const say = (proposalId: string, message: string | null) =>
    setMessages((current) => {
      const next = { ...current };
      if (message) next[proposalId] = message;
      else delete next[proposalId];
      return next;
    });

  const act = async (proposal: ProposalNode) => {
    if (busy) return;
    const control = voteControl(facts, proposal.viewerHasVoted);
    if (control.kind === 'BLOCKED') {
      say(proposal.id, voteTexts.block(control.block));
      return;
    }
    setBusy(proposal.id);
    say(proposal.id, null);
    const result =
      control.kind === 'VOTE'
        ? await castVote({ proposalId: proposal.id })
        : await retractVote({ proposalId: proposal.id });
    setBusy(null);
    if (result.error) {
      const problem = result.error.graphQLErrors[0];
      const reason = typeof problem?.extensions?.reason === 'string' ? problem.extensions.reason : undefined;
      say(proposal.id, problem ? voteTexts.refusal(reason, problem.message) : texts.errors.network);
      reexecute();
      return;
    }
    setMessages({});
    const remaining =
      result.data && 'castVote' in result.data
        ? (result.data.castVote.proposal.challenge.viewerRemainingVotes ?? 0)
        : Math.min(allowed, (facts.remaining ?? 0) + 1);
    announce(
      control.kind === 'VOTE'
        ? voteTexts.cast(proposal.title, remaining, allowed)
        : voteTexts.retracted(proposal.title, remaining, allowed),
    );
    reexecute();
  };

  return (
    <>
      <div className="vote-summary">
        {facts.signedIn && facts.remaining !== null ? (
          <p className="vote-counter">{voteTexts.counter(facts.remaining, allowed)}</p>
        ) : !facts.signedIn ? (
          <p>
            <Link to={`/entrar?volver=${encodeURIComponent(`/retos/${challenge.slug}/votar`)}`}>
              {voteTexts.signInToVote}
            </Link>
          </p>
        ) : null}
        {round && <p className="vote-closes">{voteTexts.closes(formatDateTime(round.closesAt))}</p>}
      </div>
      {!facts.roundOpen && <p role="status">{voteTexts.block('ROUND_CLOSED')}</p>}
      {round && challenge.settings.showLiveTally && <LiveCounts roundId={round.id} onCounts={setLiveCounts} />}
      <ul className="card-list">
        {inRunning.map((proposal) => (
          <ProposalCard
            key={proposal.id}
            proposal={proposal}
            facts={facts}
            count={liveCounts?.get(proposal.id) ?? proposal.voteCount ?? null}
            busy={busy === proposal.id}
            message={messages[proposal.id] ?? null}
            onAct={(p) => void act(p)}
          />
        ))}
      </ul>
    </>
  );
}

export function VotingPage() {
  const { slug = '' } = useParams();
  const [result, reexecute] = useQuery({ query: VotingPageDocument, variables: { slug } });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    return <QueryErrorPage error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const back = (
    <p>
      <Link to={`/retos/${challenge.slug}`}>{voteTexts.backToChallenge(challenge.title)}</Link>
    </p>
  );
  if (challenge.settings.votingMethod === 'BUDGET') {
    return (
      <Page title={voteTexts.title(challenge.title)}>
        <p>{voteTexts.block('BUDGET_BALLOT')}</p>
        <p>
          <Link className="button" to={`/retos/${challenge.slug}/boleta`}>
            {voteTexts.goToBallot}
          </Link>
        </p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={voteTexts.title(challenge.title)} lead={back}>
      <p>{texts.votingMethod[challenge.settings.votingMethod]}</p>
      <Ballot challenge={challenge} reexecute={() => reexecute({ requestPolicy: 'network-only' })} />
    </Page>
  );
}
