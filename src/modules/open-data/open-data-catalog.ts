import { DATASET_NAMES, DATASETS, type ColumnType } from './open-data.columns.js';

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

const MEDIA: Record<'csv' | 'json', string> = { csv: 'text/csv', json: 'application/json' };
const XSD: Record<ColumnType, string> = {
  string: 'xsd:string',
  integer: 'xsd:integer',
  number: 'xsd:double',
  decimal: 'xsd:decimal',
  boolean: 'xsd:boolean',
  datetime: 'xsd:dateTime',
  json: 'rdf:JSON',
};

/**
 * A DCAT (JSON-LD) catalog of the bulk downloads, harvestable by CKAN (ckanext-dcat) and other portals:
 * one dataset per export, each with its CSV and JSON distributions and the field dictionary taken from
 * the same column definitions the writers use.
 */
export function openDataCatalog(o: { baseUrl: string; issued: Date; modified: Date }): Record<string, unknown> {
  const base = `${o.baseUrl}/open-data`;
  const publisher = { '@type': 'foaf:Organization', 'foaf:name': 'Retos Públicos' };
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      csvw: 'http://www.w3.org/ns/csvw#',
    },
    '@id': `${base}/catalog.json`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Retos Públicos: datos abiertos',
    'dct:description':
      'Descargas masivas de los retos públicos participativos: retos, propuestas, conteos de votos, evaluaciones anónimas del jurado, resultados y bitácora de auditoría. Sin datos personales.',
    'dct:publisher': publisher,
    'dct:license': LICENSE_URL,
    'dct:language': 'es',
    'dct:issued': o.issued.toISOString(),
    'dct:modified': o.modified.toISOString(),
    'foaf:homepage': o.baseUrl,
    'dcat:dataset': DATASET_NAMES.map((name) => {
      const spec = DATASETS[name];
      return {
        '@id': `${base}/${name}`,
        '@type': 'dcat:Dataset',
        'dct:identifier': name,
        'dct:title': spec.title,
        'dct:description': spec.description,
        'dct:publisher': publisher,
        'dct:license': LICENSE_URL,
        'dct:issued': o.issued.toISOString(),
        'dct:modified': o.modified.toISOString(),
        'dcat:keyword': ['participación ciudadana', 'gobierno abierto', 'México'],
        'dcat:distribution': (['csv', 'json'] as const).map((format) => ({
          '@type': 'dcat:Distribution',
          'dct:title': `${spec.title} (${format.toUpperCase()})`,
          'dcat:downloadURL': `${base}/${name}.${format}`,
          'dcat:accessURL': `${base}/${name}.${format}`,
          'dcat:mediaType': MEDIA[format],
          'dct:format': format.toUpperCase(),
          'dct:license': LICENSE_URL,
          'dct:description': `Por reto: ${base}/challenges/{id}/${name}.${format}`,
        })),
        'csvw:tableSchema': {
          'csvw:column': spec.columns.map((column) => ({
            'csvw:name': column.name,
            'csvw:datatype': XSD[column.type],
            'dct:description': column.description,
          })),
        },
      };
    }),
  };
}
