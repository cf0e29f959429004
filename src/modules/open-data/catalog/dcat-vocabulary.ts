/**
 * The controlled vocabularies DCAT-AP 3.0.0 names, as the JSON-LD nodes the catalogue embeds. The SHACL shapes
 * check classes (`sh:class`) without inference, so every resource carries its own `@type`: a licence is a
 * `dct:LicenseDocument`, a download URL an `rdfs:Resource`, a theme a `skos:Concept` with its label.
 */

export type JsonLdNode = { '@id'?: string; '@type'?: string | string[] } & Record<string, unknown>;

export const PREFIXES: Record<string, string> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  csvw: 'http://www.w3.org/ns/csvw#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
};

export const CONTEXT = {
  '@language': 'es',
  ...PREFIXES,
  'dct:issued': { '@type': 'xsd:dateTime' },
  'dct:modified': { '@type': 'xsd:dateTime' },
  'dcat:startDate': { '@type': 'xsd:dateTime' },
  'dcat:endDate': { '@type': 'xsd:dateTime' },
  // Codes and column names are not Spanish text.
  'dct:identifier': { '@language': null },
  'csvw:name': { '@language': null },
  'csvw:datatype': { '@language': null },
  'hydra:first': { '@type': '@id' },
  'hydra:last': { '@type': '@id' },
  'hydra:next': { '@type': '@id' },
  'hydra:previous': { '@type': '@id' },
  'hydra:firstPage': { '@type': '@id' },
  'hydra:lastPage': { '@type': '@id' },
  'hydra:nextPage': { '@type': '@id' },
  'hydra:previousPage': { '@type': '@id' },
};

const EU = 'http://publications.europa.eu/resource/authority';

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

export const LICENSE: JsonLdNode = {
  '@id': LICENSE_URL,
  '@type': 'dct:LicenseDocument',
  'rdfs:label': 'Creative Commons Atribución 4.0 Internacional (CC BY 4.0)',
  'dct:type': {
    '@id': 'http://purl.org/adms/licencetype/Attribution',
    '@type': 'skos:Concept',
    'skos:prefLabel': 'Atribución',
  },
};

export const SPANISH: JsonLdNode = { '@id': `${EU}/language/SPA`, '@type': 'dct:LinguisticSystem' };

export const MEXICO: JsonLdNode = {
  '@id': `${EU}/country/MEX`,
  '@type': 'dct:Location',
  'skos:prefLabel': 'México',
};

export type FileFormat = 'csv' | 'json';

/** IANA media type (`dcat:mediaType`) and EU file type (`dct:format`) of each download format. */
export const FORMATS: Record<FileFormat, { mediaType: JsonLdNode; format: JsonLdNode; label: string }> = {
  csv: {
    mediaType: { '@id': 'https://www.iana.org/assignments/media-types/text/csv', '@type': 'dct:MediaType' },
    format: { '@id': `${EU}/file-type/CSV`, '@type': 'dct:MediaTypeOrExtent' },
    label: 'CSV',
  },
  json: {
    mediaType: { '@id': 'https://www.iana.org/assignments/media-types/application/json', '@type': 'dct:MediaType' },
    format: { '@id': `${EU}/file-type/JSON`, '@type': 'dct:MediaTypeOrExtent' },
    label: 'JSON',
  },
};

const frequency = (code: string, label: string): JsonLdNode => ({
  '@id': `${EU}/frequency/${code}`,
  '@type': ['dct:Frequency', 'skos:Concept'],
  'skos:prefLabel': label,
});

/** Data of a running challenge changes as it happens; a closed one only on rare corrections (display names). */
export const FREQUENCY = {
  continuous: frequency('UPDATE_CONT', 'actualización continua'),
  irregular: frequency('IRREG', 'irregular'),
};

export const THEME_SCHEME: JsonLdNode = {
  '@id': `${EU}/data-theme`,
  '@type': 'skos:ConceptScheme',
  'dct:title': 'Temas de datos (vocabulario de la Unión Europea)',
};

const theme = (code: string, label: string): JsonLdNode => ({
  '@id': `${EU}/data-theme/${code}`,
  '@type': 'skos:Concept',
  'skos:prefLabel': label,
  'skos:inScheme': { '@id': `${EU}/data-theme` },
});

export const THEMES = {
  government: theme('GOVE', 'Gobierno y sector público'),
  regions: theme('REGI', 'Regiones y ciudades'),
};

/** A web page (`foaf:homepage`, `dcat:landingPage`). */
export const documentNode = (url: string): JsonLdNode => ({ '@id': url, '@type': 'foaf:Document' });

/** A URL where the data is (`dcat:accessURL`, `dcat:downloadURL`). */
export const resourceNode = (url: string): JsonLdNode => ({ '@id': url, '@type': 'rdfs:Resource' });
