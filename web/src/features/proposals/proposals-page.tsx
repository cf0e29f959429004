// The proposals of a challenge in one of the API's orders (random by default while people vote, newest otherwise),
// «Ver más» following the page's cursor, so a random order never repeats or skips a proposal.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProposalListItemFragment, ProposalOrder } from '../../gql/graphql';
import { NotFoundPage } from '../../app/error-pages';
import { useAnnounce } from '../../shared/announcer';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { defaultOrder } from './proposal-rules';
import { proposalTexts as p } from './proposal-texts';
import './proposals.css';

export const PAGE_SIZE = 20;

export const ProposalListItem = graphql(`
  fragment ProposalListItem on Proposal {
    id
    title
    summary
    status
    contentHidden
    moderationReason
    voteCount
    author {
      id
      displayName
    }
  }
`);

const ProposalsChallengeDocument = graphql(`
  query ProposalsChallenge($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      currentRound {
        id
        kind
      }
    }
  }
`);

const ProposalsListDocument = graphql(`
  query ProposalsList($slug: String!, $order: ProposalOrder, $first: Int!, $after: String) {
    challenge(slug: $slug) {
      id
      proposals(first: $first, orderBy: $order, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ProposalListItem
        }
      }
    }
  }
`);

const ORDERS: ProposalOrder[] = ['NEWEST', 'MOST_VOTED', 'RANDOM', 'RANK'];

function isOrder(value: string | null): value is ProposalOrder {
  return ORDERS.includes(value as ProposalOrder);
}

interface Extra {
  items: ProposalListItemFragment[];
  hasNextPage: boolean;
  endCursor: string | null;
}

function ProposalCard({ proposal }: { proposal: ProposalListItemFragment }) {
  const d = texts.challenges.detail;
  return (
    <li className="card">
      <h2>
        <Link to={`/propuestas/${proposal.id}`} data-proposal-link="">
          {proposal.title}
        </Link>
      </h2>
      {proposal.contentHidden ? <p>{p.page.reason(proposal.moderationReason ?? '')}</p> : <p>{proposal.summary}</p>}
      <ul className="card-meta">
        <li>{d.by(proposal.author?.displayName ?? p.page.anonymous)}</li>
        <li>{p.status[proposal.status]}</li>
        {proposal.voteCount !== null && proposal.voteCount !== undefined && <li>{d.votes(proposal.voteCount)}</li>}
      </ul>
    </li>
  );
}

/** One order's list: its first page, then each «Ver más» page appended (a new order mounts a new list). */
function ProposalList({ slug, order }: { slug: string; order: ProposalOrder }) {
  const client = useClient();
  const announce = useAnnounce();
  const [result] = useQuery({ query: ProposalsListDocument, variables: { slug, order, first: PAGE_SIZE } });
  const [extra, setExtra] = useState<Extra | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const focusIndex = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  // After «Ver más», focus goes to the first proposal of the new page: keyboard users carry on reading there.
  useEffect(() => {
    if (focusIndex.current === null || !list.current) return;
    list.current.querySelectorAll<HTMLAnchorElement>('a[data-proposal-link]')[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [extra]);

  const first = result.data?.challenge?.proposals;
  if (!first) return <p>{result.error ? texts.errors.network : texts.loading}</p>;
  const items = [...first.nodes, ...(extra?.items ?? [])];
  const hasNextPage = extra ? extra.hasNextPage : first.pageInfo.hasNextPage;
  const endCursor = extra ? extra.endCursor : (first.pageInfo.endCursor ?? null);
  const total = first.totalCount;

  const loadMore = async () => {
    if (loadingMore || !endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    const next = await client
      .query(
        ProposalsListDocument,
        { slug, order, first: PAGE_SIZE, after: endCursor },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoadingMore(false);
    const page = next.data?.challenge?.proposals;
    if (!page) {
      setMoreError(texts.errors.network);
      return;
    }
    focusIndex.current = items.length;
    setExtra({
      items: [...(extra?.items ?? []), ...page.nodes],
      hasNextPage: page.pageInfo.hasNextPage,
      endCursor: page.pageInfo.endCursor ?? null,
    });
    announce(`${p.list.loadedMore(page.nodes.length)} ${p.list.count(items.length + page.nodes.length, total)}`);
  };

  return (
    <>
      {items.length === 0 ? (
        <p>{p.list.empty}</p>
      ) : (
        <>
          <p>{p.list.count(items.length, total)}</p>
          <ul className="card-list" ref={list}>
            {items.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} />
            ))}
          </ul>
        </>
      )}
      {moreError && (
        <p className="form-error" role="alert">
          {moreError}
        </p>
      )}
      {hasNextPage && (
        <p className="proposal-more">
          <button type="button" onClick={() => void loadMore()} aria-disabled={loadingMore ? true : undefined}>
            {loadingMore ? p.list.loadingMore : p.list.more}
          </button>
        </p>
      )}
    </>
  );
}

export function ProposalsPage() {
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [result] = useQuery({ query: ProposalsChallengeDocument, variables: { slug } });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    return (
      <Page title={texts.errors.errorTitle}>
        <p role="alert">{texts.errors.network}</p>
      </Page>
    );
  }
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const chosen = search.get('orden');
  const voting = challenge.currentRound?.kind === 'VOTING';
  const order = isOrder(chosen) ? chosen : defaultOrder(challenge.currentRound?.kind);
  return (
    <Page
      title={p.list.title(challenge.title)}
      lead={
        <p>
          <Link to={`/retos/${challenge.slug}`}>{p.backToChallenge(challenge.title)}</Link>
        </p>
      }
    >
      <div className="filters">
        <div className="field">
          <label htmlFor="orden">{p.list.orderLabel}</label>
          <select
            id="orden"
            value={order}
            onChange={(event) => setSearch({ orden: event.target.value }, { replace: true })}
          >
            {ORDERS.map((value) => (
              <option key={value} value={value}>
                {p.list.order[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {order === 'RANDOM' && voting && <p>{p.list.randomExplained}</p>}
      <ProposalList key={order} slug={challenge.slug} order={order} />
    </Page>
  );
}
