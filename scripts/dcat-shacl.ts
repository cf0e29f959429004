import { readFileSync } from 'node:fs';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { jsonLdToQuads } from '../src/modules/open-data/catalog/catalog-rdf.js';
import type { JsonLdNode } from '../src/modules/open-data/catalog/dcat-vocabulary.js';

/** The official DCAT-AP 3.0.0 shapes, copied unchanged (see data/dcat-ap/SOURCES.md). */
export const SHAPES_FILE = new URL('../data/dcat-ap/dcat-ap-3.0.0-SHACL.ttl', import.meta.url);

export interface ShaclViolation {
  focusNode: string;
  path: string;
  message: string;
  shape: string;
}

export interface ShaclReport {
  triples: number;
  violations: ShaclViolation[];
}

let shapes: Store | undefined;
const loadShapes = () => (shapes ??= new Store(new Parser().parse(readFileSync(SHAPES_FILE, 'utf8'))));

/** Validates RDF triples against the DCAT-AP 3.0.0 shapes, the way a portal's harvester checks a catalogue. */
export async function validateQuads(quads: Quad[]): Promise<ShaclReport> {
  const report = await new SHACLValidator(loadShapes()).validate(new Store(quads));
  return {
    triples: quads.length,
    violations: report.results.map((r) => ({
      focusNode: r.focusNode?.value ?? '',
      path: r.path?.value ?? '',
      message: r.message.map((m) => m.value).join(' '),
      shape: r.sourceShape?.value ?? '',
    })),
  };
}

export const validateJsonLd = async (doc: JsonLdNode) => validateQuads(await jsonLdToQuads(doc));

export const validateTurtle = (turtle: string, baseIRI?: string) =>
  validateQuads(new Parser({ format: 'text/turtle', baseIRI }).parse(turtle));
