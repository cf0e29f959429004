import type pg from 'pg';
import { validateJsonLd, validateTurtle, type ShaclReport } from '../../scripts/dcat-shacl.js';
import { DATASET_NAMES } from '../../src/modules/open-data/open-data.columns.js';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const HOUR = 3_600_000;
const EU = 'http://publications.europa.eu/resource/authority';

/** Path and message of each violation, for a readable failure. */
const summary = (report: ShaclReport) => report.violations.map((v) => `${v.path}: ${v.message} (${v.focusNode})`);

/**
 * Issue #20: the served catalogue, read as a national portal's harvester reads it (JSON-LD and Turtle turned
 * into RDF), conforms to the official DCAT-AP 3.0.0 SHACL shapes on an empty platform and with challenges.
 */
describe('open-data catalogue (DCAT-AP 3.0.0)', () => {
  let api: TestApp;
  let sql: pg.Client;
  const ids: Record<string, string> = {};

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const catalogJson = async (path = '/open-data/catalog.json') => {
    const response = await get(path);
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'application/ld+json; charset=utf-8',
    ]);
    return JSON.parse(response.body);
  };

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  it('conforms on an empty platform: the platform-wide datasets, one page', async () => {
    const catalog = await catalogJson();
    const report = await validateJsonLd(catalog);
    expect(summary(report)).toEqual([]);
    expect(report.triples).toBeGreaterThan(100);
    expect(catalog['dcat:dataset'].map((d: { 'dct:identifier': string }) => d['dct:identifier'])).toEqual([
      ...DATASET_NAMES,
    ]);
    expect(catalog['hydra:view']).toMatchObject({
      'hydra:totalItems': DATASET_NAMES.length,
      'hydra:itemsPerPage': 100,
    });
    expect(catalog['hydra:view']['hydra:next']).toBeUndefined();
  });

  describe('with challenges', () => {
    beforeAll(async () => {
      const rounds = roundsFromNow([
        [-2 * HOUR, HOUR, 'SUBMISSION'],
        [HOUR, 3 * HOUR, 'VOTING'],
      ]);
      ids.federal = (await createPublishedChallenge(sql, rounds)).challengeId;
      const municipal = await createPublishedChallenge(sql, rounds);
      ids.municipal = municipal.challengeId;
      await sql.query(
        `UPDATE government_units SET name = 'Ayuntamiento de Puebla', level = 'MUNICIPAL', state_code = '21', municipality_code = '21114' WHERE id = $1`,
        [municipal.unitId],
      );
      await sql.query(
        `UPDATE challenges SET level = 'MUNICIPAL', state_code = '21', municipality_code = '21114', tags = '{agua,parques}' WHERE id = $1`,
        [municipal.challengeId],
      );
      const draft = await createPublishedChallenge(sql, rounds);
      await sql.query(`UPDATE challenges SET status = 'DRAFT', published_at = NULL WHERE id = $1`, [draft.challengeId]);
      ids.draft = draft.challengeId;
    });

    it('conforms as JSON-LD and as Turtle, with the same triples', async () => {
      const json = await validateJsonLd(await catalogJson());
      expect(summary(json)).toEqual([]);
      const ttl = await get('/open-data/catalog.ttl');
      expect([ttl.status, ttl.headers.get('content-type')]).toEqual([200, 'text/turtle; charset=utf-8']);
      const turtle = await validateTurtle(ttl.body);
      expect(summary(turtle)).toEqual([]);
      expect(turtle.triples).toBe(json.triples);
    });

    it('lists one dataset per published challenge, its unit as publisher and its INEGI territory', async () => {
      const catalog = await catalogJson();
      const byId = new Map<string, any>(catalog['dcat:dataset'].map((d: any) => [d['dct:identifier'], d]));
      expect([byId.has(ids.federal), byId.has(ids.municipal), byId.has(ids.draft)]).toEqual([true, true, false]);
      expect(catalog['hydra:view']['hydra:totalItems']).toBe(DATASET_NAMES.length + 2);

      const municipal = byId.get(ids.municipal);
      expect(municipal['dct:publisher']).toMatchObject({
        '@type': ['foaf:Agent', 'foaf:Organization'],
        'foaf:name': 'Ayuntamiento de Puebla',
      });
      expect(municipal['dcat:keyword']).toEqual(['agua', 'parques']);
      expect(municipal['dct:spatial']).toEqual([
        expect.objectContaining({ '@id': `${EU}/country/MEX` }),
        expect.objectContaining({
          '@type': 'dct:Location',
          'dct:identifier': '21114',
          'skos:prefLabel': 'Puebla, Puebla',
        }),
      ]);
      expect(Object.keys(municipal['dct:temporal'])).toEqual(['@type', 'dcat:startDate', 'dcat:endDate']);
      expect(byId.get(ids.federal)['dct:spatial']).toEqual([expect.objectContaining({ '@id': `${EU}/country/MEX` })]);

      // Every per-challenge file is a distribution, and the harvester can download it.
      const urls: string[] = municipal['dcat:distribution'].map((d: any) => d['dcat:downloadURL']['@id']);
      expect(urls).toHaveLength(DATASET_NAMES.length * 2);
      expect(urls[0]).toBe(`${api.config.http.publicUrl}/open-data/challenges/${ids.municipal}/challenges.csv`);
      const file = await get(urls[0].replace(api.config.http.publicUrl, ''));
      expect([file.status, file.body]).toEqual([200, expect.stringContaining(ids.municipal)]);
    });

    it('reports a violation when a property the profile requires is missing or untyped', async () => {
      const catalog = await catalogJson();
      const dataset = catalog['dcat:dataset'].find((d: any) => d['dct:identifier'] === ids.municipal);
      delete dataset['dct:description'];
      const first = dataset['dcat:distribution'][0];
      // The URL keeps its typed description (it is written in full under the access URL).
      first['dcat:downloadURL'] = first['dcat:accessURL'];
      delete first['dcat:accessURL'];
      // A plain string where the profile wants a resource: the bug issue #20 found everywhere.
      dataset['dcat:distribution'][1]['dcat:mediaType'] = 'application/json';
      const report = await validateJsonLd(catalog);
      expect(new Set(report.violations.map((v) => v.path.replace(/^.*[#/]/, '')))).toEqual(
        new Set(['description', 'accessURL', 'mediaType']),
      );
    });

    it('negotiates Turtle or JSON-LD at /open-data/catalog, pages with Hydra, and answers 304 when unchanged', async () => {
      const turtle = await get('/open-data/catalog', { accept: 'text/turtle, application/ld+json;q=0.5' });
      expect([turtle.headers.get('content-type'), turtle.headers.get('vary')]).toEqual([
        'text/turtle; charset=utf-8',
        'Accept',
      ]);
      expect(turtle.body).toContain('dcat:Catalog');
      const json = await get('/open-data/catalog', { accept: 'application/ld+json' });
      expect(json.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(JSON.parse(json.body)['hydra:view']['@id']).toBe(`${api.config.http.publicUrl}/open-data/catalog?page=1`);

      expect((await get('/open-data/catalog.json?page=2')).status).toBe(404);
      expect((await get('/open-data/catalog.json?page=cero')).status).toBe(400);
      const first = await get('/open-data/catalog.ttl');
      expect((await get('/open-data/catalog.ttl', { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
      expect(first.headers.get('etag')).not.toBe((await get('/open-data/catalog.json')).headers.get('etag'));
    });
  });

  describe('with more challenges than a page holds', () => {
    beforeAll(async () => {
      // 100 more published challenges, copies of one, published a second apart.
      await sql.query(
        `INSERT INTO challenges (unit_id, slug, title, summary, description, category, level, status, settings, published_at)
         SELECT unit_id, slug || '-' || g, title || ' ' || g, summary, description, category, level, status, settings,
                published_at + g * interval '1 second'
         FROM challenges, generate_series(1, 100) g WHERE id = $1`,
        [ids.federal],
      );
    });

    it('pages by 100 with Hydra links a harvester follows to every dataset once, each page conforming', async () => {
      const seen: string[] = [];
      let url: string | undefined = `${api.config.http.publicUrl}/open-data/catalog.json`;
      const pages: any[] = [];
      while (url) {
        const catalog = await catalogJson(url.replace(api.config.http.publicUrl, ''));
        pages.push(catalog);
        seen.push(...catalog['dcat:dataset'].map((d: any) => d['dct:identifier']));
        url = catalog['hydra:view']['hydra:next'];
      }
      expect(pages.map((p) => p['dcat:dataset'].length)).toEqual([100, DATASET_NAMES.length + 2]);
      expect(pages[1]['hydra:view']).toMatchObject({
        'hydra:totalItems': DATASET_NAMES.length + 102,
        'hydra:previousPage': `${api.config.http.publicUrl}/open-data/catalog.json?page=1`,
        'hydra:lastPage': `${api.config.http.publicUrl}/open-data/catalog.json?page=2`,
      });
      expect(new Set(seen).size).toBe(DATASET_NAMES.length + 102);
      expect(seen).not.toContain(ids.draft);
      expect(summary(await validateJsonLd(pages[1]))).toEqual([]);
    });
  });
});
