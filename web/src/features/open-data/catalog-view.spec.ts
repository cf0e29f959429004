// The view model read from the catalogue exactly as the API writes it (its own mapping, not a hand-made copy),
// so a change in the catalogue's shape fails here before it blanks the page.
import { DATASETS } from '../../../../src/modules/open-data/open-data.columns.js';
import { dcatCatalog } from '../../../../src/modules/open-data/catalog/dcat-catalog.js';
import { buildCatalogChallenge, buildCatalogPage } from '../../../../test/support/catalog-factory.js';
import { catalogView, sameOriginPath } from './catalog-view';

const served = (doc: unknown): unknown => JSON.parse(JSON.stringify(doc));

describe('catalogView', () => {
  const challenge = buildCatalogChallenge();
  const view = catalogView(served(dcatCatalog(buildCatalogPage(1, [challenge], 150))));

  it('lists the six platform-wide datasets with their files as same-origin paths, CSV first', () => {
    expect(view.title).toBe('Retos Públicos: datos abiertos');
    expect(view.datasets.map((d) => d.id)).toEqual([
      'challenges',
      'proposals',
      'results',
      'evaluations',
      'tallies',
      'audit-events',
    ]);
    const proposals = view.datasets[1];
    expect(proposals).toMatchObject({ title: 'Propuestas', description: DATASETS.proposals.description });
    expect(proposals.files).toEqual([
      { format: 'CSV', href: '/open-data/proposals.csv' },
      { format: 'JSON', href: '/open-data/proposals.json' },
    ]);
  });

  it('carries the whole field dictionary with each type in Spanish', () => {
    const results = view.datasets.find((d) => d.id === 'results');
    expect(results?.fields).toHaveLength(DATASETS.results.columns.length);
    expect(results?.fields[3]).toEqual({
      name: 'rank',
      type: 'Número entero',
      description: 'Lugar en la clasificación final (1 = primero).',
    });
    expect(results?.fields.find((f) => f.name === 'allocated')?.type).toBe('Número decimal');
    expect(results?.fields.find((f) => f.name === 'is_winner')?.type).toBe('Verdadero o falso (true / false)');
    expect(results?.fields.find((f) => f.name === 'juror_scores')?.type).toBe('JSON (arreglo u objeto)');
    expect(results?.fields.find((f) => f.name === 'published_at')?.type).toBe('Fecha y hora (ISO-8601, UTC)');
  });

  it("groups each challenge's twelve files by dataset, titled as the platform-wide ones", () => {
    expect(view.challenges).toHaveLength(1);
    const [files] = view.challenges;
    expect(files).toMatchObject({ id: challenge.id, title: 'Parques de bolsillo' });
    expect(files.groups.map((g) => g.title)).toEqual([
      'Retos',
      'Propuestas',
      'Resultados',
      'Evaluaciones del jurado',
      'Conteos por ronda',
      'Bitácora pública',
    ]);
    expect(files.groups[2].files).toEqual([
      { format: 'CSV', href: `/open-data/challenges/${challenge.id}/results.csv` },
      { format: 'JSON', href: `/open-data/challenges/${challenge.id}/results.json` },
    ]);
  });

  it('knows the size of the whole catalogue and where its next page is', () => {
    expect(view.totalDatasets).toBe(156);
    expect(view.nextPage).toBe('/open-data/catalog.json?page=2');
    const last = catalogView(served(dcatCatalog(buildCatalogPage(2, [challenge], 150))));
    expect(last.nextPage).toBeNull();
    expect(last.datasets).toEqual([]);
  });

  it('reads @value objects and arrays too, and refuses what is not a catalogue', () => {
    const doc = {
      '@type': 'dcat:Catalog',
      'dct:title': [{ '@value': 'Catálogo', '@language': 'es' }],
      'dcat:dataset': { '@id': 'https://x.mx/open-data/tallies', 'dct:identifier': 'tallies', 'dct:title': 'Conteos' },
    };
    expect(catalogView(doc)).toMatchObject({ title: 'Catálogo', datasets: [{ id: 'tallies', files: [], fields: [] }] });
    expect(() => catalogView({ '@type': 'dcat:Dataset' })).toThrow('not a DCAT catalogue');
    expect(() => catalogView('<html>')).toThrow('not a DCAT catalogue');
  });

  it('turns any host into a same-origin path', () => {
    expect(sameOriginPath('https://retos.example.mx/open-data/x.csv?a=1')).toBe('/open-data/x.csv?a=1');
    expect(sameOriginPath('/open-data/x.csv')).toBe('/open-data/x.csv');
  });
});
