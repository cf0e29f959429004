import { DATASET_NAMES, DATASETS, type ColumnType, type DatasetName } from '../open-data.columns.js';
import type { CatalogWindow } from './catalog-paging.js';
import {
  CONTEXT,
  documentNode,
  FORMATS,
  FREQUENCY,
  LICENSE,
  MEXICO,
  resourceNode,
  SPANISH,
  THEME_SCHEME,
  THEMES,
  type FileFormat,
  type JsonLdNode,
} from './dcat-vocabulary.js';

/** A published challenge as its catalogue entry needs it (no personal data: unit, territory, dates, tags). */
export interface CatalogChallenge {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  status: string;
  level: string;
  unit: { id: string; name: string };
  /** INEGI codes and names; null where the challenge has none (federal, or state-wide). */
  state: { code: string; name: string } | null;
  municipality: { code: string; name: string } | null;
  publishedAt: Date;
  modifiedAt: Date;
  /** First round opening and last round closing; null without rounds. */
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface CatalogPageInput {
  publicUrl: string;
  issued: Date;
  modified: Date;
  window: CatalogWindow;
  /** The path harvesters asked for (`catalog.json`, `catalog.ttl`, `catalog`): page links keep it. */
  pagePath: string;
  platformDatasets: readonly DatasetName[];
  challenges: CatalogChallenge[];
}

const FILE_FORMATS: FileFormat[] = ['csv', 'json'];
const PLATFORM = 'Retos Públicos';

const XSD: Record<ColumnType, string> = {
  string: 'xsd:string',
  integer: 'xsd:integer',
  number: 'xsd:double',
  decimal: 'xsd:decimal',
  boolean: 'xsd:boolean',
  datetime: 'xsd:dateTime',
  json: 'rdf:JSON',
};

/** `https://host/open-data/catalog`: the catalogue resource, whatever its serialisation or page. */
export const catalogIri = (publicUrl: string) => `${publicUrl}/open-data/catalog`;

/**
 * One page of the DCAT-AP 3.0.0 catalogue as JSON-LD (issue #20): the platform-wide datasets, then one dataset
 * per published challenge with its unit as publisher, its INEGI territory as spatial coverage, its round dates
 * as temporal coverage and its per-challenge files as distributions; Hydra paging as ckanext-dcat reads it.
 */
export function dcatCatalog(input: CatalogPageInput): JsonLdNode {
  const { publicUrl, window } = input;
  const catalog = catalogIri(publicUrl);
  const platform = agent(`${catalog}#retos-publicos`, PLATFORM, publicUrl);
  return describeOnce({
    '@context': CONTEXT,
    '@id': catalog,
    '@type': 'dcat:Catalog',
    'dct:title': `${PLATFORM}: datos abiertos`,
    'dct:description':
      'Descargas masivas de los retos públicos participativos: retos, propuestas, conteos de votos, evaluaciones anónimas del jurado, resultados y bitácora de auditoría, para toda la plataforma y por reto. Sin datos personales.',
    'dct:publisher': platform,
    'dct:license': LICENSE,
    'dct:language': SPANISH,
    'dct:spatial': MEXICO,
    'dct:issued': input.issued.toISOString(),
    'dct:modified': input.modified.toISOString(),
    'foaf:homepage': documentNode(publicUrl),
    'dcat:themeTaxonomy': THEME_SCHEME,
    'dcat:dataset': [
      ...input.platformDatasets.map((name) => platformDataset(input, name, platform)),
      ...input.challenges.map((challenge) => challengeDataset(input, challenge)),
    ],
    'hydra:view': paging(`${publicUrl}/open-data/${input.pagePath}`, window),
  });
}

/**
 * Each resource described in full where it first appears, and by its `@id` alone after that: the licence,
 * language, media types and publishers repeat in every distribution, and RDF merges them into one node anyway
 * (the page's triples do not change; the demo catalogue shrinks from 248 to 184 kB).
 */
export function describeOnce<T>(doc: T, seen = new Set<string>()): T {
  if (Array.isArray(doc)) return doc.map((item: unknown) => describeOnce(item, seen)) as T;
  if (doc === null || typeof doc !== 'object') return doc;
  const node = doc as Record<string, unknown>;
  const id = node['@id'];
  if (typeof id === 'string' && Object.keys(node).length > 1) {
    const full = JSON.stringify(node);
    if (seen.has(full)) return { '@id': id } as T;
    seen.add(full);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '@context' ? value : describeOnce(value, seen)]),
  ) as T;
}

function platformDataset(input: CatalogPageInput, name: DatasetName, publisher: JsonLdNode): JsonLdNode {
  const spec = DATASETS[name];
  const base = `${input.publicUrl}/open-data`;
  return {
    '@id': `${base}/${name}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': name,
    'dct:title': spec.title,
    'dct:description': spec.description,
    'dct:publisher': publisher,
    'dcat:contactPoint': contact(PLATFORM, input.publicUrl),
    'dct:license': LICENSE,
    'dct:language': SPANISH,
    'dct:spatial': MEXICO,
    'dcat:theme': THEMES.government,
    'dcat:keyword': ['participación ciudadana', 'gobierno abierto', 'México'],
    'dct:accrualPeriodicity': FREQUENCY.continuous,
    'dct:issued': input.issued.toISOString(),
    'dct:modified': input.modified.toISOString(),
    'dcat:landingPage': documentNode(input.publicUrl),
    'dcat:distribution': FILE_FORMATS.map((format) =>
      distribution(`${base}/${name}.${format}`, `${spec.title} (${FORMATS[format].label})`, format, input.modified),
    ),
    'csvw:tableSchema': {
      'csvw:column': spec.columns.map((column) => ({
        'csvw:name': column.name,
        'csvw:datatype': XSD[column.type],
        'dct:description': column.description,
      })),
    },
  };
}

function challengeDataset(input: CatalogPageInput, c: CatalogChallenge): JsonLdNode {
  const files = `${input.publicUrl}/open-data/challenges/${c.id}`;
  const page = `${input.publicUrl}/retos/${c.id}`;
  const closed = c.status === 'FINISHED' || c.status === 'CANCELLED';
  return {
    '@id': files,
    '@type': 'dcat:Dataset',
    'dct:identifier': c.id,
    'dct:title': c.title,
    'dct:description': c.summary.trim() || c.title,
    'dct:publisher': agent(`${catalogIri(input.publicUrl)}#dependencia-${c.unit.id}`, c.unit.name),
    'dcat:contactPoint': contact(c.unit.name, page),
    'dct:license': LICENSE,
    'dct:language': SPANISH,
    'dct:spatial': spatial(c),
    ...(c.startsAt && c.endsAt
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': c.startsAt.toISOString(),
            'dcat:endDate': c.endsAt.toISOString(),
          },
        }
      : {}),
    'dcat:theme': c.level === 'FEDERAL' ? [THEMES.government] : [THEMES.government, THEMES.regions],
    ...(c.tags.length ? { 'dcat:keyword': c.tags } : {}),
    'dct:accrualPeriodicity': closed ? FREQUENCY.irregular : FREQUENCY.continuous,
    'dct:issued': c.publishedAt.toISOString(),
    'dct:modified': c.modifiedAt.toISOString(),
    'dcat:landingPage': documentNode(page),
    'dcat:distribution': DATASET_NAMES.flatMap((name) =>
      FILE_FORMATS.map((format) =>
        distribution(
          `${files}/${name}.${format}`,
          `${DATASETS[name].title}: ${c.title} (${FORMATS[format].label})`,
          format,
          c.modifiedAt,
          DATASETS[name].description,
        ),
      ),
    ),
  };
}

/*
 * No dcat:byteSize: the files are streamed from the database at request time, so their size is not known
 * before they are written (the profile makes it optional).
 */
function distribution(url: string, title: string, format: FileFormat, modified: Date, description?: string) {
  return {
    '@type': 'dcat:Distribution',
    'dct:title': title,
    ...(description ? { 'dct:description': description } : {}),
    'dcat:accessURL': resourceNode(url),
    'dcat:downloadURL': resourceNode(url),
    'dcat:mediaType': FORMATS[format].mediaType,
    'dct:format': FORMATS[format].format,
    'dct:license': LICENSE,
    'dct:language': SPANISH,
    'dct:modified': modified.toISOString(),
  };
}

/** Declared both `foaf:Agent` (what the profile checks) and `foaf:Organization` (what it is). */
function agent(iri: string, name: string, homepage?: string): JsonLdNode {
  return {
    '@id': iri,
    '@type': ['foaf:Agent', 'foaf:Organization'],
    'foaf:name': name,
    ...(homepage ? { 'foaf:homepage': documentNode(homepage) } : {}),
  };
}

function contact(name: string, url: string): JsonLdNode {
  return { '@type': ['vcard:Kind', 'vcard:Organization'], 'vcard:fn': name, 'vcard:hasURL': { '@id': url } };
}

/** Mexico, and the state or municipality by its INEGI code (`21`, `21114`) where the challenge has one. */
function spatial(c: CatalogChallenge): JsonLdNode[] {
  const area = c.municipality ?? c.state;
  if (!area) return [MEXICO];
  const label = c.municipality && c.state ? `${c.municipality.name}, ${c.state.name}` : area.name;
  return [
    MEXICO,
    {
      '@type': 'dct:Location',
      'dct:identifier': area.code,
      'skos:prefLabel': label,
      'skos:notation': area.code,
      'rdfs:comment': `Clave geoestadística INEGI (${c.municipality ? 'municipio' : 'entidad federativa'})`,
    },
  ];
}

/** `hydra:PagedCollection` (what ckanext-dcat reads) and `hydra:PartialCollectionView` (current Hydra). */
function paging(pageUrl: string, w: CatalogWindow): JsonLdNode {
  const at = (page: number) => `${pageUrl}?page=${page}`;
  const links: Record<string, string> = {
    'hydra:first': at(1),
    'hydra:firstPage': at(1),
    'hydra:last': at(w.lastPage),
    'hydra:lastPage': at(w.lastPage),
  };
  if (w.page < w.lastPage) Object.assign(links, { 'hydra:next': at(w.page + 1), 'hydra:nextPage': at(w.page + 1) });
  if (w.page > 1) Object.assign(links, { 'hydra:previous': at(w.page - 1), 'hydra:previousPage': at(w.page - 1) });
  return {
    '@id': at(w.page),
    '@type': ['hydra:PagedCollection', 'hydra:PartialCollectionView'],
    'hydra:totalItems': w.totalItems,
    'hydra:itemsPerPage': w.pageSize,
    ...links,
  };
}
