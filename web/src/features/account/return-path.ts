/** Where to go after signing in: only a path of this site (`?volver=/retos/x`), never another origin. */
export function returnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
