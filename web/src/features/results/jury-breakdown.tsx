// The jury's side of a published ranking: score components, criterion averages and anonymous juror totals, each
// a chart drawn for the eye (hidden from assistive technology) beside a table holding the same numbers.
import { criterionGrid, jurorGrid, scoreComponents, type Grid, type JuryEntryFacts } from './jury-rules';
import { resultsTexts } from './results-texts';

const t = resultsTexts.jury;

function Bar({ fraction, className }: { fraction: number; className: string }) {
  return (
    <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false" className="grid-bar">
      <rect x={0} y={0} width={Math.max(Math.min(fraction, 1) * 100, 0.5)} height={1} className={className} />
    </svg>
  );
}

function GridFigure({ caption, grid }: { caption: string; grid: Grid }) {
  return (
    <figure className="results-chart" aria-hidden="true">
      <figcaption>{caption}</figcaption>
      <ol className="grid-chart">
        {grid.rows.map((row) => (
          <li key={row.proposalId}>
            <span className="grid-chart-title">{row.title}</span>
            {grid.columns.map((column, i) => (
              <span key={column.key} className="grid-chart-row">
                <span>
                  {column.label}: {resultsTexts.score(row.values[i])}
                </span>
                <Bar fraction={(row.values[i] ?? 0) / column.max} className={`bar bar-${i % 4}`} />
              </span>
            ))}
          </li>
        ))}
      </ol>
    </figure>
  );
}

function GridTable({ id, caption, grid }: { id: string; caption: string; grid: Grid }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="results-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{resultsTexts.proposal}</th>
            {grid.columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.proposalId}>
              <th scope="row">{row.title}</th>
              {row.values.map((value, i) => (
                <td key={grid.columns[i].key} className="number">
                  {resultsTexts.score(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Components({ entries, weight }: { entries: JuryEntryFacts[]; weight: number }) {
  const parts = scoreComponents(entries, weight);
  const grid: Grid = {
    columns: [
      { key: 'jury', label: t.juryPart(weight), max: 100 },
      { key: 'public', label: t.publicPart(weight), max: 100 },
      { key: 'final', label: t.finalScore, max: 100 },
    ],
    rows: parts.map((p) => ({ proposalId: p.proposalId, title: p.title, values: [p.jury, p.public, p.finalScore] })),
  };
  return (
    <>
      <h3 id="componentes-titulo">{t.componentsTitle}</h3>
      <p>{t.componentsIntro(weight)}</p>
      <figure className="results-chart" aria-hidden="true">
        <figcaption>{t.componentsTitle}</figcaption>
        <ol className="results-bars">
          {parts.map((p) => (
            <li key={p.proposalId}>
              <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                <rect x={0} y={0} width={p.jury} height={1} className="bar part-jury" />
                <rect x={p.jury} y={0} width={p.public} height={1} className="bar part-public" />
              </svg>
              <span>
                {p.title}: {resultsTexts.score(p.jury)} + {resultsTexts.score(p.public)}
              </span>
            </li>
          ))}
        </ol>
      </figure>
      <GridTable id="componentes-tabla" caption={t.componentsCaption} grid={grid} />
    </>
  );
}

export function JuryBreakdown({ entries, publicVoteWeight }: { entries: JuryEntryFacts[]; publicVoteWeight: number }) {
  const criteria = criterionGrid(entries);
  const jurors = jurorGrid(entries);
  return (
    <section aria-labelledby="jurado-detalle">
      <h2 id="jurado-detalle">{t.title}</h2>
      {publicVoteWeight > 0 && <Components entries={entries} weight={publicVoteWeight} />}
      {criteria.columns.length > 0 && (
        <>
          <h3>{t.criteriaTitle}</h3>
          <div className="results-ranking">
            <GridFigure caption={t.criteriaTitle} grid={criteria} />
            <GridTable id="criterios-tabla" caption={t.criteriaCaption} grid={criteria} />
          </div>
        </>
      )}
      {jurors.columns.length > 0 && (
        <>
          <h3>{t.jurorsTitle}</h3>
          <p>{t.jurorsIntro(jurors.normalized)}</p>
          <div className="results-ranking">
            <GridFigure caption={t.jurorsTitle} grid={jurors} />
            <GridTable id="jurados-tabla" caption={t.jurorsCaption(jurors.normalized)} grid={jurors} />
          </div>
        </>
      )}
    </section>
  );
}
