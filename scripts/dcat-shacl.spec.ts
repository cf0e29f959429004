import { buildCatalogChallenge, buildCatalogPage } from '../test/support/catalog-factory.js';
import { dcatCatalog } from '../src/modules/open-data/catalog/dcat-catalog.js';
import { jsonLdToTurtle } from '../src/modules/open-data/catalog/catalog-rdf.js';
import { validateJsonLd, validateTurtle, type ShaclReport } from './dcat-shacl.js';

const summary = (report: ShaclReport) => report.violations.map((v) => `${v.path}: ${v.message} (${v.focusNode})`);

/** The catalogue mapping against the official DCAT-AP 3.0.0 shapes, without a server (issue #20). */
describe('DCAT-AP 3.0.0 SHACL', () => {
  const challenges = [
    buildCatalogChallenge(),
    buildCatalogChallenge({
      id: '0b6a1c52-8f1e-4d7a-9a43-5d1c2b3e4f51',
      level: 'STATE',
      municipality: null,
      tags: [],
      summary: '',
    }),
    buildCatalogChallenge({
      id: '0b6a1c52-8f1e-4d7a-9a43-5d1c2b3e4f52',
      level: 'FEDERAL',
      state: null,
      municipality: null,
      startsAt: null,
      endsAt: null,
      status: 'FINISHED',
    }),
  ];

  it('finds no violation on a first page (platform datasets and challenges), in JSON-LD and in Turtle', async () => {
    const doc = dcatCatalog(buildCatalogPage(1, challenges, 3));
    const json = await validateJsonLd(doc);
    expect(summary(json)).toEqual([]);
    const turtle = await validateTurtle(await jsonLdToTurtle(doc));
    expect(summary(turtle)).toEqual([]);
    expect(turtle.triples).toBe(json.triples);
  });

  it('finds no violation on a later page that holds only challenges', async () => {
    expect(summary(await validateJsonLd(dcatCatalog(buildCatalogPage(2, challenges, 250))))).toEqual([]);
  });

  it('finds the violations of the catalogue issue #20 reported: plain strings and publishers not typed foaf:Agent', async () => {
    const doc = dcatCatalog(buildCatalogPage(1, challenges.slice(0, 1), 1)) as Record<string, any>;
    doc['dct:license'] = 'https://creativecommons.org/licenses/by/4.0/';
    doc['dct:publisher']['@type'] = 'foaf:Organization';
    const distribution = doc['dcat:dataset'][0]['dcat:distribution'][0];
    distribution['dcat:downloadURL'] = 'https://retos.example.mx/open-data/challenges.csv';
    delete distribution['dcat:accessURL'];
    const paths = (await validateJsonLd(doc)).violations.map((v) => v.path.replace(/^.*[#/]/, ''));
    expect(new Set(paths)).toEqual(new Set(['license', 'publisher', 'downloadURL', 'accessURL']));
  });
});
