/**
 * The DCAT-AP catalogue (`/open-data/catalog.json`, JSON-LD as the API writes it, see docs/open-data.md) turned
 * into what the «Datos abiertos» page shows: the platform-wide datasets with their files and field dictionary,
 * and each challenge's files. Reads the compacted JSON-LD leniently: a value may be a string, a `@value` object
 * or an array, and a resource described once earlier on the page appears later as `{ "@id" }` alone.
 */

export type FileFormat = 'CSV' | 'JSON';

export interface FileLink {
  format: FileFormat;
  /** Same-origin path (`/open-data/proposals.csv`), whatever host the catalogue's absolute URLs name. */
  href: string;
}

export interface FieldView {
  name: string;
  type: string;
  description: string;
}

export interface DatasetView {
  /** `challenges`, `proposals`, … */
  id: string;
  title: string;
  description: string;
  files: FileLink[];
  fields: FieldView[];
}

export interface ChallengeFilesView {
  id: string;
  title: string;
  description: string;
  /** One entry per dataset (Retos, Propuestas, …), each with its CSV and JSON. */
  groups: { dataset: string; title: string; files: FileLink[] }[];
}

export interface CatalogView {
  title: string;
  description: string;
  datasets: DatasetView[];
  challenges: ChallengeFilesView[];
  /** Datasets in the whole catalogue (all pages); this view holds the first page. */
  totalDatasets: number;
  /** Same-origin path of the next page of the catalogue, if any. */
  nextPage: string | null;
}

/** The column types of the dictionary (`csvw:datatype`), in plain Spanish. */
export const TYPE_LABELS: Record<string, string> = {
  'xsd:string': 'Texto',
  'xsd:integer': 'Número entero',
  'xsd:double': 'Número',
  'xsd:decimal': 'Número decimal',
  'xsd:boolean': 'Verdadero o falso (true / false)',
  'xsd:dateTime': 'Fecha y hora (ISO-8601, UTC)',
  'rdf:JSON': 'JSON (arreglo u objeto)',
};

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function text(value: unknown): string {
  const first = list(value)[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'number') return String(first);
  if (isNode(first) && typeof first['@value'] === 'string') return first['@value'];
  return '';
}

function iri(value: unknown): string {
  const first = list(value)[0];
  if (typeof first === 'string') return first;
  return isNode(first) && typeof first['@id'] === 'string' ? first['@id'] : '';
}

/** `https://retos.example.mx/open-data/x.csv` → `/open-data/x.csv`: the page and the files share one origin. */
export function sameOriginPath(url: string): string {
  try {
    const parsed = new URL(url, 'http://localhost');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = { csv: 'CSV', json: 'JSON' };

/** The file's dataset (`proposals`) and format, from its name (`…/proposals.csv`); null for other files. */
function fileOf(distribution: unknown): { dataset: string; link: FileLink } | null {
  if (!isNode(distribution)) return null;
  const href = sameOriginPath(iri(distribution['dcat:downloadURL']) || iri(distribution['dcat:accessURL']));
  const match = /\/([^/?]+)\.(csv|json)(?:\?|$)/.exec(href);
  if (!match) return null;
  return { dataset: match[1], link: { format: FORMAT_BY_EXTENSION[match[2]], href } };
}

const byFormat = (a: FileLink, b: FileLink) => a.format.localeCompare(b.format);

function platformDataset(node: Node): DatasetView {
  const schema = list(node['csvw:tableSchema']).find(isNode);
  return {
    id: text(node['dct:identifier']),
    title: text(node['dct:title']),
    description: text(node['dct:description']),
    files: list(node['dcat:distribution'])
      .map(fileOf)
      .flatMap((file) => (file ? [file.link] : []))
      .sort(byFormat),
    fields: list(schema?.['csvw:column'])
      .filter(isNode)
      .map((column) => {
        const type = text(column['csvw:datatype']);
        return {
          name: text(column['csvw:name']),
          type: TYPE_LABELS[type] ?? type,
          description: text(column['dct:description']),
        };
      }),
  };
}

function challengeFiles(node: Node, titles: Map<string, string>): ChallengeFilesView {
  const groups = new Map<string, FileLink[]>();
  for (const file of list(node['dcat:distribution']).map(fileOf)) {
    if (!file) continue;
    groups.set(file.dataset, [...(groups.get(file.dataset) ?? []), file.link]);
  }
  return {
    id: text(node['dct:identifier']),
    title: text(node['dct:title']),
    description: text(node['dct:description']),
    groups: [...groups].map(([dataset, files]) => ({
      dataset,
      title: titles.get(dataset) ?? dataset,
      files: files.sort(byFormat),
    })),
  };
}

/** Throws when the document is not a DCAT catalogue (the page then shows its error). */
export function catalogView(document: unknown): CatalogView {
  if (!isNode(document) || !list(document['@type']).includes('dcat:Catalog')) {
    throw new Error('open-data: not a DCAT catalogue');
  }
  const nodes = list(document['dcat:dataset']).filter(isNode);
  const isChallenge = (node: Node) => sameOriginPath(iri(node)).startsWith('/open-data/challenges/');
  const datasets = nodes.filter((node) => !isChallenge(node)).map(platformDataset);
  const titles = new Map(datasets.map((d) => [d.id, d.title]));
  const view = list(document['hydra:view']).find(isNode);
  const next = view ? iri(view['hydra:next']) || text(view['hydra:next']) : '';
  const total = view ? Number(text(view['hydra:totalItems'])) : NaN;
  return {
    title: text(document['dct:title']),
    description: text(document['dct:description']),
    datasets,
    challenges: nodes.filter(isChallenge).map((node) => challengeFiles(node, titles)),
    totalDatasets: Number.isFinite(total) ? total : nodes.length,
    nextPage: next ? sameOriginPath(next) : null,
  };
}
