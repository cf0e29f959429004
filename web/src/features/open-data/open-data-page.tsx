// Datos abiertos: the catalogue of downloadable files (read from the DCAT catalogue the API serves), each dataset's
// field dictionary as a table, each challenge's files, how to recompute results, and the addresses for portals.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryErrorMessage } from '../../app/error-pages';
import { graphql } from '../../gql';
import type { BudgetRule } from '../../gql/graphql';
import { trackedFetch } from '../../shared/online';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { catalogView, type CatalogView, type DatasetView, type FileLink } from './catalog-view';
import { openDataTexts as t } from './open-data-texts';
import './open-data.css';

const CATALOG_URL = '/open-data/catalog.json';

const FinishedChallengesDocument = graphql(`
  query OpenDataFinishedChallenges {
    challenges(first: 50, filter: { phases: [FINISHED] }, orderBy: NEWEST) {
      nodes {
        id
        slug
        title
        settings {
          votingMethod
          budgetRule
        }
      }
    }
  }
`);

type Load = { state: 'loading' } | { state: 'ready'; view: CatalogView } | { state: 'failed'; error: unknown };

/** The catalogue's first page, fetched from our own origin (the CSP allows nothing else). */
function useCatalog(): [Load, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    trackedFetch(CATALOG_URL, { headers: { accept: 'application/ld+json' }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${CATALOG_URL}: HTTP ${response.status}`);
        setLoad({ state: 'ready', view: catalogView(await response.json()) });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'failed', error });
      });
    return () => controller.abort();
  }, [attempt]);
  const retry = useCallback(() => {
    setLoad({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [load, retry];
}

/** Plain links: the files are served by the API, not pages of the app. */
function Downloads({ title, files }: { title: string; files: FileLink[] }) {
  return (
    <ul className="open-data-files">
      {files.map((file) => (
        <li key={file.href}>
          <a href={file.href} download>
            {t.download(title, file.format)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `estimated_cost` may wrap after its underscores on a phone, never inside a word. */
function FieldName({ name }: { name: string }) {
  return name.split('_').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          _<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

function Dataset({ dataset }: { dataset: DatasetView }) {
  const captionId = `diccionario-${dataset.id}`;
  return (
    <section className="open-data-dataset" aria-labelledby={`conjunto-${dataset.id}`}>
      <h3 id={`conjunto-${dataset.id}`}>{dataset.title}</h3>
      <p>{dataset.description}</p>
      <Downloads title={dataset.title} files={dataset.files} />
      {dataset.fields.length > 0 && (
        <details>
          <summary className="open-data-summary">{t.dictionary(dataset.fields.length)}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="open-data-dictionary">
              <caption id={captionId}>{t.dictionaryCaption(dataset.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.field}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.meaning}</th>
                </tr>
              </thead>
              <tbody>
                {dataset.fields.map((field) => (
                  <tr key={field.name}>
                    <th scope="row">
                      <code>
                        <FieldName name={field.name} />
                      </code>
                    </th>
                    <td>{field.type}</td>
                    <td>{field.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

function Catalog({ view }: { view: CatalogView }) {
  return (
    <>
      <section aria-labelledby="toda-la-plataforma">
        <h2 id="toda-la-plataforma">{t.platformTitle}</h2>
        <p>{t.platformIntro}</p>
        {view.datasets.map((dataset) => (
          <Dataset key={dataset.id} dataset={dataset} />
        ))}
      </section>
      <section aria-labelledby="cada-reto">
        <h2 id="cada-reto">{t.challengesTitle}</h2>
        <p>{t.challengesIntro}</p>
        {view.challenges.length === 0 ? (
          <p>{t.noChallenges}</p>
        ) : (
          <ul className="open-data-challenges">
            {view.challenges.map((challenge) => (
              <li key={challenge.id}>
                <details>
                  <summary className="open-data-summary">{t.challengeFiles(challenge.title)}</summary>
                  <ul className="open-data-files">
                    {challenge.groups.flatMap((group) =>
                      group.files.map((file) => (
                        <li key={file.href}>
                          <a href={file.href} download>
                            {t.download(group.title, file.format)}
                          </a>
                        </li>
                      )),
                    )}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        )}
        {view.nextPage && (
          <p>
            {t.moreInCatalog(view.totalDatasets)} <a href={view.nextPage}>{t.nextPage}</a>
          </p>
        )}
      </section>
    </>
  );
}

const RULE_ARGUMENT: Record<BudgetRule, string> = { EQUAL_SHARES: 'equal-shares', GREEDY: 'greedy' };

function FinishedChallenges() {
  const [result, reexecute] = useQuery({ query: FinishedChallengesDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const nodes = result.data?.challenges.nodes;
  if (!nodes) {
    return result.error ? <QueryErrorMessage error={result.error} retry={retry} /> : <p>{texts.loading}</p>;
  }
  if (nodes.length === 0) return <p>{t.noFinished}</p>;
  return (
    <ul>
      {nodes.map((c) => (
        <li key={c.id}>
          <Link to={`/retos/${c.slug}/resultados`}>{t.resultsOf(c.title)}</Link>
          {c.settings.votingMethod === 'BUDGET' && c.settings.budgetRule && (
            <> ({t.ballotRule(RULE_ARGUMENT[c.settings.budgetRule])})</>
          )}
        </li>
      ))}
    </ul>
  );
}

function Recompute() {
  const [first, second, third, fourth] = t.recomputeSteps;
  return (
    <section aria-labelledby="recalcular">
      <h2 id="recalcular">{t.recomputeTitle}</h2>
      <p>{t.recomputeIntro}</p>
      <ol className="open-data-steps">
        <li>{first}</li>
        <li>{second}</li>
        <li>
          {third}
          <pre className="open-data-command">
            <code>{t.recomputeCommand}</code>
          </pre>
          {t.recomputeOtherRule}
        </li>
        <li>{fourth}</li>
      </ol>
      <p>{t.recomputeFormula}</p>
      <h3>{t.finishedTitle}</h3>
      <p>{t.finishedIntro}</p>
      <FinishedChallenges />
    </section>
  );
}

function Portals() {
  return (
    <section aria-labelledby="portales">
      <h2 id="portales">{t.portalsTitle}</h2>
      <p>{t.portalsIntro}</p>
      <ul>
        <li>
          <a href={CATALOG_URL}>{t.catalogJson}</a>: <code>/open-data/catalog.json</code>
        </li>
        <li>
          <a href="/open-data/catalog.ttl">{t.catalogTurtle}</a>: <code>/open-data/catalog.ttl</code>
        </li>
        <li>
          <a href="/graphql">{t.apiLink}</a>
        </li>
      </ul>
    </section>
  );
}

export function OpenDataPage() {
  const [load, retry] = useCatalog();
  return (
    <Page title={t.title} lead={<p>{t.lead}</p>}>
      {load.state === 'loading' && <p>{t.loading}</p>}
      {load.state === 'failed' && <QueryErrorMessage error={load.error} retry={retry} />}
      {load.state === 'ready' && <Catalog view={load.view} />}
      <Recompute />
      <Portals />
    </Page>
  );
}
