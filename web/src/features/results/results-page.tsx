// Resultados: the published ranking as a chart with a table beside it holding the same numbers, winners or funded
// projects, the budget used, the method in plain Spanish and the open-data files to recompute it all.
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage, QueryErrorPage } from '../../app/error-pages';
import { graphql } from '../../gql';
import type { ResultsPageQuery } from '../../gql/graphql';
import { formatDateTime, formatMoney } from '../../shared/format';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { resultDownloads } from './downloads';
import { JuryBreakdown } from './jury-breakdown';
import {
  budgetUse,
  chartBars,
  rankingRows,
  resultColumns,
  resultKind,
  type ResultColumn,
  type ResultEntryFacts,
  type ResultKind,
} from './ranking';
import { resultsTexts } from './results-texts';
import './results.css';

const ResultsPageDocument = graphql(`
  query ResultsPage($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      phase
      budget
      settings {
        votingMethod
        publicVoteWeight
        winnerCount
      }
      rounds {
        kind
        position
      }
      results {
        method
        publishedAt
        totalVoters
        totalVotes
        budgetUsed
        entries {
          rank
          isWinner
          votes
          voteScore
          juryScore
          finalScore
          evaluationCount
          allocated
          criterionAverages {
            average
            criterion {
              id
              name
              maxScore
              position
            }
          }
          jurorScores {
            jurorLabel
            total
            normalized
          }
          proposal {
            id
            title
            estimatedCost
          }
        }
      }
    }
  }
`);

type Challenge = NonNullable<ResultsPageQuery['challenge']>;
type Results = NonNullable<Challenge['results']>;

/** Centavos from the API's Decimal text; amounts here are only displayed, so the sum never needs floats. */
function centavos(decimal: string | null | undefined): bigint | null {
  if (!decimal) return null;
  const [pesos, fraction = ''] = decimal.split('.');
  return BigInt(pesos) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

function money(value: bigint | null): string {
  if (value === null) return '—';
  return formatMoney(`${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`);
}

function facts(results: Results): ResultEntryFacts[] {
  return results.entries.map((e) => ({
    rank: e.rank,
    isWinner: e.isWinner,
    votes: e.votes ?? null,
    voteScore: e.voteScore ?? null,
    juryScore: e.juryScore ?? null,
    finalScore: e.finalScore,
    evaluationCount: e.evaluationCount,
    allocated: centavos(e.allocated),
    proposal: { id: e.proposal.id, title: e.proposal.title, cost: centavos(e.proposal.estimatedCost) },
  }));
}

function cell(column: ResultColumn, entry: ResultEntryFacts): string {
  switch (column) {
    case 'votes':
      return resultsTexts.count(entry.votes);
    case 'voteScore':
      return resultsTexts.score(entry.voteScore);
    case 'juryScore':
      return resultsTexts.score(entry.juryScore);
    case 'finalScore':
      return resultsTexts.score(entry.finalScore);
    case 'evaluations':
      return resultsTexts.count(entry.evaluationCount);
    case 'cost':
      return money(entry.proposal.cost);
    case 'allocated':
      return money(entry.allocated);
  }
}

/**
 * Horizontal bars, one list item each, so a label always sits on its own bar. The table beside it carries the same
 * numbers for assistive technology, so the drawing is hidden from it.
 */
function Chart({ kind, entries }: { kind: ResultKind; entries: ResultEntryFacts[] }) {
  return (
    <figure className="results-chart" aria-hidden="true">
      <figcaption>{resultsTexts.chartTitle(kind)}</figcaption>
      <ol className="results-bars">
        {chartBars(kind, entries).map((bar) => (
          <li key={bar.proposalId}>
            <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
              <rect
                x={0}
                y={0}
                width={Math.max(bar.fraction * 100, 0.5)}
                height={1}
                className={bar.highlighted ? 'bar bar-winner' : 'bar'}
              />
            </svg>
            <span>
              {bar.label}: {kind === 'JURY' ? resultsTexts.score(bar.value) : resultsTexts.count(bar.value)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The share of the budget allocated, for the eye; the sentence above it says the same in words. */
function BudgetBar({ used }: { used: number }) {
  return (
    <figure className="results-chart" aria-hidden="true">
      <figcaption>{resultsTexts.budgetChart(used)}</figcaption>
      <svg viewBox="0 0 100 4" preserveAspectRatio="none" focusable="false" className="budget-bar">
        <rect x={0} y={0} width={100} height={4} className="bar" />
        <rect x={0} y={0} width={Math.min(used, 100)} height={4} className="bar bar-winner" />
      </svg>
    </figure>
  );
}

function RankingTable({ kind, entries, weight }: { kind: ResultKind; entries: ResultEntryFacts[]; weight: number }) {
  const columns = resultColumns(kind, weight);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="clasificacion-titulo">
      <table className="results-table">
        <caption id="clasificacion-titulo">{resultsTexts.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{resultsTexts.rank}</th>
            <th scope="col">{resultsTexts.proposal}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {resultsTexts.columnHeader(c, kind)}
              </th>
            ))}
            <th scope="col">{resultsTexts.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {rankingRows(entries).map((e) => (
            <tr key={e.proposal.id} className={e.isWinner ? 'results-winner' : undefined}>
              <td>{e.rank}</td>
              <th scope="row">{e.proposal.title}</th>
              {columns.map((c) => (
                <td key={c} className="number">
                  {cell(c, e)}
                </td>
              ))}
              <td>{e.isWinner ? resultsTexts.winner(kind) : resultsTexts.notWinner(kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Published({ challenge, results }: { challenge: Challenge; results: Results }) {
  const finalRound = [...challenge.rounds].sort((a, b) => b.position - a.position)[0];
  const kind = resultKind(challenge.settings.votingMethod, finalRound?.kind ?? 'VOTING');
  const entries = facts(results);
  const winners = rankingRows(entries).filter((e) => e.isWinner);
  const used = centavos(results.budgetUsed);
  const total = centavos(challenge.budget);
  const use = kind === 'BUDGET' && used !== null && total !== null ? budgetUse(used, total) : null;
  return (
    <>
      <p>{resultsTexts.published(formatDateTime(results.publishedAt))}</p>
      <section aria-labelledby="ganadoras">
        <h2 id="ganadoras">{resultsTexts.winnersTitle(kind)}</h2>
        {winners.length === 0 ? (
          <p>{resultsTexts.noWinners}</p>
        ) : (
          <ol className="results-winners">
            {winners.map((w) => (
              <li key={w.proposal.id}>
                {w.proposal.title}
                {kind === 'BUDGET' && w.allocated !== null && <> — {money(w.allocated)}</>}
              </li>
            ))}
          </ol>
        )}
        {kind !== 'JURY' && <p>{resultsTexts.turnout(results.totalVoters, results.totalVotes, kind)}</p>}
        {use && <p>{resultsTexts.budgetUsed(money(use.used), money(use.total), use.percent, money(use.leftover))}</p>}
      </section>
      <section aria-labelledby="clasificacion">
        <h2 id="clasificacion">{resultsTexts.rankingTitle}</h2>
        <div className="results-ranking">
          <Chart kind={kind} entries={entries} />
          <RankingTable kind={kind} entries={entries} weight={challenge.settings.publicVoteWeight} />
        </div>
      </section>
      {kind === 'JURY' && (
        <JuryBreakdown entries={results.entries} publicVoteWeight={challenge.settings.publicVoteWeight} />
      )}
      {use && <BudgetBar used={use.percent} />}
      <section aria-labelledby="metodo">
        <h2 id="metodo">{resultsTexts.methodTitle}</h2>
        {results.method
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((paragraph, i) => (
            <p key={i} className="results-method">
              {paragraph}
            </p>
          ))}
      </section>
      <section aria-labelledby="datos">
        <h2 id="datos">{resultsTexts.downloadsTitle}</h2>
        <p>{resultsTexts.downloadsIntro}</p>
        <ul>
          {resultDownloads(challenge.id, kind).map((d) => (
            <li key={d.href}>
              <a href={d.href} download>
                {d.label}
              </a>
              : {d.description}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function ResultsPage() {
  const { slug = '' } = useParams();
  const [result, reexecute] = useQuery({ query: ResultsPageDocument, variables: { slug } });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    return <QueryErrorPage error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const back = (
    <p>
      <Link to={`/retos/${challenge.slug}`}>{resultsTexts.backToChallenge(challenge.title)}</Link>
    </p>
  );
  return (
    <Page title={resultsTexts.title(challenge.title)} lead={back}>
      {challenge.results ? (
        <Published challenge={challenge} results={challenge.results} />
      ) : (
        <p>{challenge.phase === 'CANCELLED' ? resultsTexts.cancelled : resultsTexts.notYet}</p>
      )}
    </Page>
  );
}
