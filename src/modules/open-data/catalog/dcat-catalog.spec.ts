import { DATASET_NAMES } from '../open-data.columns.js';
import { negotiateCatalogFormat } from './catalog-negotiation.js';
import { catalogWindow, parsePage } from './catalog-paging.js';
import { buildCatalogChallenge as challenge, buildCatalogPage } from '../../../../test/support/catalog-factory.js';
import { dcatCatalog, describeOnce, type CatalogChallenge } from './dcat-catalog.js';

const URL_BASE = 'https://retos.example.mx';
const EU = 'http://publications.europa.eu/resource/authority';

const page = buildCatalogPage;

describe('catalogue paging', () => {
  it('puts the platform-wide datasets first, then challenges, 100 a page', () => {
    expect(catalogWindow(1, 100, 6, 250)).toMatchObject({
      lastPage: 3,
      totalItems: 256,
      platform: { start: 0, end: 6 },
      challenges: { offset: 0, limit: 94 },
    });
    expect(catalogWindow(2, 100, 6, 250)).toMatchObject({
      platform: { start: 6, end: 6 },
      challenges: { offset: 94, limit: 100 },
    });
    expect(catalogWindow(3, 100, 6, 250)?.challenges).toEqual({ offset: 194, limit: 100 });
    expect(catalogWindow(4, 100, 6, 250)).toBeNull();
  });

  it('has a page 1 on an empty platform, and no page 0', () => {
    expect(catalogWindow(1, 100, 6, 0)).toMatchObject({ lastPage: 1, challenges: { offset: 0, limit: 94 } });
    expect(catalogWindow(0, 100, 6, 0)).toBeNull();
    expect(catalogWindow(2, 100, 6, 0)).toBeNull();
  });

  it('reads ?page= strictly', () => {
    expect([undefined, '', '1', '12', '0', '-1', '1.5', 'dos', '1e3'].map(parsePage)).toEqual([
      1,
      1,
      1,
      12,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });

  it('links pages as ckanext-dcat (PagedCollection) and current Hydra (PartialCollectionView) read them', () => {
    const view = dcatCatalog(page(2, [challenge()], 250))['hydra:view'];
    const at = (n: number) => `${URL_BASE}/open-data/catalog.json?page=${n}`;
    expect(view).toEqual({
      '@id': at(2),
      '@type': ['hydra:PagedCollection', 'hydra:PartialCollectionView'],
      'hydra:totalItems': 256,
      'hydra:itemsPerPage': 100,
      'hydra:first': at(1),
      'hydra:firstPage': at(1),
      'hydra:last': at(3),
      'hydra:lastPage': at(3),
      'hydra:next': at(3),
      'hydra:nextPage': at(3),
      'hydra:previous': at(1),
      'hydra:previousPage': at(1),
    });
  });
});

describe('content negotiation', () => {
  it.each([
    [undefined, 'jsonld'],
    ['*/*', 'jsonld'],
    ['text/turtle', 'turtle'],
    ['text/turtle;q=0.9, application/ld+json', 'jsonld'],
    ['application/ld+json;q=0.5, text/turtle', 'turtle'],
    ['text/html, */*;q=0.1', 'jsonld'],
    ['application/x-turtle, */*;q=0.8', 'turtle'],
  ])('Accept %p → %s', (accept, format) => {
    expect(negotiateCatalogFormat(accept)).toBe(format);
  });
});

describe('challenge dataset', () => {
  const datasetOf = (c: CatalogChallenge) => dcatCatalog(page(1, [c], 1))['dcat:dataset'] as Record<string, any>[];

  it('has the unit as publisher (Agent and Organization), its tags, dates and a contact point', () => {
    const dataset = datasetOf(challenge()).at(-1)!;
    expect(dataset).toMatchObject({
      '@id': `${URL_BASE}/open-data/challenges/${challenge().id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': challenge().id,
      'dct:title': 'Parques de bolsillo',
      'dct:publisher': {
        '@id': `${URL_BASE}/open-data/catalog#dependencia-${challenge().unit.id}`,
        '@type': ['foaf:Agent', 'foaf:Organization'],
        'foaf:name': 'Ayuntamiento de Puebla',
      },
      'dcat:contactPoint': {
        'vcard:fn': 'Ayuntamiento de Puebla',
        'vcard:hasURL': { '@id': `${URL_BASE}/retos/${challenge().id}` },
      },
      'dcat:keyword': ['parques', 'espacio público'],
      'dct:issued': '2026-11-10T12:00:00.000Z',
      'dct:modified': '2026-11-20T08:30:00.000Z',
      'dct:temporal': {
        '@type': 'dct:PeriodOfTime',
        'dcat:startDate': '2026-11-11T00:00:00.000Z',
        'dcat:endDate': '2026-12-31T23:59:00.000Z',
      },
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/UPDATE_CONT` },
      'dct:language': { '@id': `${EU}/language/SPA` },
    });
  });

  it('covers Mexico and the municipality (or the state) by INEGI code; federal ones Mexico only', () => {
    const spatialOf = (c: CatalogChallenge) => datasetOf(c).at(-1)!['dct:spatial'] as Record<string, unknown>[];
    expect(spatialOf(challenge()).map((s) => [s['@id'], s['dct:identifier'], s['skos:prefLabel']])).toEqual([
      [`${EU}/country/MEX`, undefined, undefined], // described in full on the catalogue
      [undefined, '21114', 'Puebla, Puebla'],
    ]);
    expect(spatialOf(challenge({ level: 'STATE', municipality: null }))[1]).toMatchObject({
      'dct:identifier': '21',
      'skos:prefLabel': 'Puebla',
    });
    expect(spatialOf(challenge({ level: 'FEDERAL', state: null, municipality: null }))).toHaveLength(1);
  });

  it('has every per-challenge file as a distribution, typed resources, even on pages without the platform datasets', () => {
    const dataset = (dcatCatalog(page(2, [challenge()], 250))['dcat:dataset'] as Record<string, any>[])[0];
    const distributions = dataset['dcat:distribution'] as Record<string, any>[];
    expect(distributions.map((d) => d['dcat:downloadURL']['@id'])).toEqual(
      DATASET_NAMES.flatMap((name) =>
        ['csv', 'json'].map((f) => `${URL_BASE}/open-data/challenges/${challenge().id}/${name}.${f}`),
      ),
    );
    expect(distributions[0]).toMatchObject({
      '@type': 'dcat:Distribution',
      'dcat:accessURL': { '@type': 'rdfs:Resource' },
      // The same URL, already typed as the access URL.
      'dcat:downloadURL': { '@id': `${URL_BASE}/open-data/challenges/${challenge().id}/challenges.csv` },
      'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/text/csv', '@type': 'dct:MediaType' },
      'dct:format': { '@id': `${EU}/file-type/CSV`, '@type': 'dct:MediaTypeOrExtent' },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dct:modified': '2026-11-20T08:30:00.000Z',
    });
    expect(distributions[1]['dct:format']['@id']).toBe(`${EU}/file-type/JSON`);
  });

  it('falls back to the title without a summary, omits time without rounds, and is irregular once closed', () => {
    const dataset = datasetOf(
      challenge({ summary: '  ', startsAt: null, endsAt: null, status: 'FINISHED', tags: [] }),
    ).at(-1)!;
    expect(dataset['dct:description']).toBe('Parques de bolsillo');
    expect(dataset['dct:temporal']).toBeUndefined();
    expect(dataset['dcat:keyword']).toBeUndefined();
    expect(dataset['dct:accrualPeriodicity']['@id']).toBe(`${EU}/frequency/IRREG`);
  });
});

describe('describeOnce', () => {
  it('keeps the first full description of a resource and refers to it by @id afterwards', () => {
    const licence = { '@id': 'L', '@type': 'dct:LicenseDocument' };
    expect(
      describeOnce({ a: licence, b: [licence, { '@id': 'L' }, { x: licence }], c: { '@id': 'L', other: 1 } }),
    ).toEqual({
      a: licence,
      b: [{ '@id': 'L' }, { '@id': 'L' }, { x: { '@id': 'L' } }],
      // A different description of the same resource is kept: nothing is lost.
      c: { '@id': 'L', other: 1 },
    });
  });

  it('describes the licence once per page, in full where it first appears', () => {
    const doc = JSON.stringify(dcatCatalog(page(1, [challenge()], 1)));
    expect(doc.split('"dct:LicenseDocument"')).toHaveLength(2);
  });
});
