/**
 * `npm run open-data:validate [-- <catalogue URL or file>]`: validates the served DCAT catalogue against the
 * official DCAT-AP 3.0.0 SHACL shapes (data/dcat-ap/), the way a portal's harvester would: every page, following
 * the Hydra `next` links, as JSON-LD or Turtle by the response's content type. Exits 1 on any violation.
 * Default: http://localhost:3000/open-data/catalog.json (start the API first: `npm start`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { Parser, type Quad } from 'n3';
import { jsonLdToQuads } from '../src/modules/open-data/catalog/catalog-rdf.js';
import { validateQuads } from './dcat-shacl.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const MAX_PAGES = 10_000;
const SHOWN = 40;

async function quadsOf(text: string, contentType: string, base: string): Promise<Quad[]> {
  if (/turtle/.test(contentType) || base.endsWith('.ttl'))
    return new Parser({ format: 'text/turtle', baseIRI: base }).parse(text);
  return jsonLdToQuads(JSON.parse(text) as Record<string, unknown>);
}

async function load(source: string): Promise<Quad[]> {
  if (existsSync(source)) return quadsOf(readFileSync(source, 'utf8'), '', source);
  const response = await fetch(source, { headers: { accept: 'application/ld+json, text/turtle;q=0.9' } });
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
  return quadsOf(await response.text(), response.headers.get('content-type') ?? '', source);
}

const nextPage = (quads: Quad[]) =>
  quads.find((q) => q.predicate.value === `${HYDRA}next` || q.predicate.value === `${HYDRA}nextPage`)?.object.value;

let source: string | undefined = process.argv[2] ?? 'http://localhost:3000/open-data/catalog.json';
const seen = new Set<string>();
let violations = 0;
while (source && !seen.has(source) && seen.size < MAX_PAGES) {
  seen.add(source);
  const quads = await load(source);
  const report = await validateQuads(quads);
  violations += report.violations.length;
  console.log(`${source}: ${report.triples} triples, ${report.violations.length} violations`);
  for (const v of report.violations.slice(0, SHOWN)) console.log(`  ${v.focusNode}  ${v.path}  ${v.message}`);
  if (report.violations.length > SHOWN) console.log(`  … and ${report.violations.length - SHOWN} more`);
  source = existsSync(source) ? undefined : nextPage(quads);
}
console.log(violations ? `DCAT-AP 3.0.0: ${violations} violations` : 'DCAT-AP 3.0.0: conforms (0 violations)');
process.exitCode = violations ? 1 : 0;
