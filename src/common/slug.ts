import { foldForSearch } from './text.js';

/** Longest slug we store; the unique suffix of withSuffix fits inside it too. */
export const SLUG_MAX_LENGTH = 80;

const FALLBACK_SLUG = 'reto';

/** A readable URL slug: "¿Agua limpia para Tlalpan?" → "agua-limpia-para-tlalpan". */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  assertRoomForFallback(maxLength);
  const slug = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWordBoundary(slug, maxLength) || FALLBACK_SLUG;
}

/** The n-th alternative of a taken slug, "agua-limpia" → "agua-limpia-2", shortened to stay within maxLength. */
export function withSuffix(slug: string, n: number, maxLength = SLUG_MAX_LENGTH): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`El sufijo debe ser un entero positivo: ${n}`);
  const suffix = `-${n}`;
  assertRoomForFallback(maxLength - suffix.length);
  const base = cutAtWordBoundary(slug, maxLength - suffix.length) || FALLBACK_SLUG;
  return base + suffix;
}

function assertRoomForFallback(maxLength: number): void {
  if (!Number.isInteger(maxLength) || maxLength < FALLBACK_SLUG.length) {
    throw new RangeError(`La longitud máxima del slug es demasiado corta: ${maxLength}`);
  }
}

/** Drops whole words from the end; only a single word longer than maxLength gets cut inside. */
function cutAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  // Looking one character past the limit tells whether the limit falls right before a hyphen.
  const lastHyphen = slug.slice(0, maxLength + 1).lastIndexOf('-');
  return lastHyphen > 0 ? slug.slice(0, lastHyphen) : slug.slice(0, maxLength);
}
