import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryErrorMessage } from '../../app/error-pages';
import { graphql } from '../../gql';
import type { ChallengeCardFieldsFragment } from '../../gql/graphql';
import { formatDateTime, timeLeft } from '../../shared/format';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import {
  apiFilter,
  CATEGORY_OPTIONS,
  filtersFromParams,
  LEVEL_OPTIONS,
  ORDER_OPTIONS,
  paramsFromFilters,
  PHASE_OPTIONS,
  type ChallengeListFilters,
} from './challenge-filters';

const PAGE_SIZE = 20;

export const ChallengeCardFields = graphql(`
  fragment ChallengeCardFields on Challenge {
    id
    slug
    title
    summary
    phase
    level
    proposalCount
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
    currentRound {
      id
      kind
      status
      opensAt
      closesAt
    }
  }
`);

const ChallengesQuery = graphql(`
  query Challenges($filter: ChallengeFilter, $orderBy: ChallengeOrder, $first: Int) {
    challenges(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        ...ChallengeCardFields
      }
    }
  }
`);

function roundMoment(challenge: ChallengeCardFieldsFragment): string | null {
  const round = challenge.currentRound;
  if (!round) return null;
  if (round.status === 'SCHEDULED') return texts.challenges.opens(formatDateTime(round.opensAt));
  if (round.status === 'OPEN') {
    const left = timeLeft(round.closesAt);
    return [texts.challenges.closes(formatDateTime(round.closesAt)), left].filter(Boolean).join(' · ');
  }
  return null;
}

function ChallengeCard({ challenge }: { challenge: ChallengeCardFieldsFragment }) {
  const place = challenge.municipality?.name ?? challenge.state?.name ?? texts.level[challenge.level];
  const moment = roundMoment(challenge);
  return (
    <li className="card">
      <h3>
        <Link to={`/retos/${challenge.slug}`}>{challenge.title}</Link>
      </h3>
      <p>
        <span className="badge">{texts.phase[challenge.phase]}</span>
      </p>
      <p>{challenge.summary}</p>
      <ul className="card-meta">
        <li>{challenge.unit.name}</li>
        <li>{place}</li>
        <li>{texts.challenges.proposals(challenge.proposalCount)}</li>
        {moment && <li>{moment}</li>}
      </ul>
    </li>
  );
}

function Select<T extends string>(props: {
  name: string;
  label: string;
  value: T | null;
  any?: string;
  options: readonly T[];
  labels: Record<T, string>;
}) {
  return (
    <div className="field">
      <label htmlFor={`filtro-${props.name}`}>{props.label}</label>
      <select id={`filtro-${props.name}`} name={props.name} defaultValue={props.value ?? ''}>
        {props.any && <option value="">{props.any}</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

function FiltersForm({ filters }: { filters: ChallengeListFilters }) {
  const c = texts.challenges;
  const [, setParams] = useSearchParams();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entries = [...new FormData(event.currentTarget).entries()];
    const fields = entries.flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : []));
    setParams(paramsFromFilters(filtersFromParams(new URLSearchParams(fields))));
  };
  return (
    // The filters become the URL (only what differs from the defaults); the key remounts the fields when the URL
    // changes elsewhere (back button, shared link).
    <form method="get" role="search" className="filters" key={JSON.stringify(filters)} onSubmit={submit}>
      <div className="field">
        <label htmlFor="filtro-q">{c.searchLabel}</label>
        <input id="filtro-q" name="q" type="search" defaultValue={filters.search} />
      </div>
      <Select
        name="fase"
        label={c.phaseLabel}
        value={filters.phase}
        any={c.anyPhase}
        options={PHASE_OPTIONS}
        labels={texts.phase}
      />
      <Select
        name="orden-gobierno"
        label={c.levelLabel}
        value={filters.level}
        any={c.anyLevel}
        options={LEVEL_OPTIONS}
        labels={texts.level}
      />
      <Select
        name="tema"
        label={c.categoryLabel}
        value={filters.category}
        any={c.anyCategory}
        options={CATEGORY_OPTIONS}
        labels={texts.category}
      />
      <Select name="orden" label={c.orderLabel} value={filters.order} options={ORDER_OPTIONS} labels={c.order} />
      <div className="field">
        <button type="submit">{c.searchButton}</button>
      </div>
    </form>
  );
}

export function ChallengesPage() {
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  const [first, setFirst] = useState(PAGE_SIZE);
  const [result, reexecute] = useQuery({
    query: ChallengesQuery,
    variables: { filter: apiFilter(filters), orderBy: filters.order, first },
  });
  const connection = result.data?.challenges;
  return (
    <Page title={texts.challenges.listTitle} lead={<p>{texts.challenges.listIntro}</p>}>
      <FiltersForm filters={filters} />
      {result.error && !connection && (
        <QueryErrorMessage error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {!connection && !result.error && <p>{texts.loading}</p>}
      {connection && (
        <section aria-labelledby="resultados">
          <h2 id="resultados">{texts.challenges.count(connection.totalCount)}</h2>
          {connection.nodes.length === 0 ? (
            <p>{texts.challenges.empty}</p>
          ) : (
            <ul className="card-list">
              {connection.nodes.map((challenge) => (
                <ChallengeCard key={challenge.id} challenge={challenge} />
              ))}
            </ul>
          )}
          {connection.pageInfo.hasNextPage && (
            <p>
              <button type="button" className="button-secondary" onClick={() => setFirst(first + PAGE_SIZE)}>
                {texts.challenges.more}
              </button>
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
