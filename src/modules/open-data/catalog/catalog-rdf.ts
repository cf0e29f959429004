import jsonld from 'jsonld';
import { Parser, Writer, type Quad } from 'n3';
import { PREFIXES, type JsonLdNode } from './dcat-vocabulary.js';

/** The catalogue embeds its whole context: anything that asks for a remote one is a bug, not a fetch. */
const noRemoteContexts = (url: string): Promise<never> =>
  Promise.reject(new Error(`El catálogo no carga contextos remotos: ${url}`));

/** The RDF triples of a JSON-LD document, as a harvester that reads JSON-LD sees them. */
export async function jsonLdToQuads(doc: JsonLdNode): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: noRemoteContexts,
  })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

/** The same catalogue in Turtle, with the JSON-LD context's prefixes. */
export async function jsonLdToTurtle(doc: JsonLdNode): Promise<string> {
  const quads = await jsonLdToQuads(doc);
  const writer = new Writer({ format: 'text/turtle', prefixes: PREFIXES });
  writer.addQuads(quads);
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
}
