export type CatalogFormat = 'jsonld' | 'turtle';

export const CATALOG_MEDIA_TYPES: Record<CatalogFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  turtle: 'text/turtle; charset=utf-8',
};

const TURTLE = new Set(['text/turtle', 'application/x-turtle']);
const JSON_LD = new Set(['application/ld+json', 'application/json', 'application/*', '*/*']);

/**
 * The serialisation an `Accept` header asks for at `/open-data/catalog`: Turtle only when a Turtle type is
 * named with a higher quality than anything JSON-LD would satisfy; JSON-LD otherwise (and without a header).
 */
export function negotiateCatalogFormat(accept: string | undefined): CatalogFormat {
  let turtle = 0;
  let json = accept ? 0 : 1;
  for (const range of (accept ?? '').split(',')) {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (TURTLE.has(type)) turtle = Math.max(turtle, q);
    if (JSON_LD.has(type)) json = Math.max(json, q);
  }
  return turtle > json ? 'turtle' : 'jsonld';
}
