/**
 * The one form in which e-mail addresses are stored, compared and used as rate-limit keys (accounts, login
 * throttles, reset caps). NFKC folds compatibility look-alikes (ｃ, ﬁ) into their plain letters; the
 * lower-casing is the Unicode-aware one, so `İ` (U+0130) becomes `i̇` and is then refused below rather than
 * passing for `i`. Addresses may only hold the characters of EMAIL_PATTERN: ASCII letters, digits and the
 * punctuation of RFC 5321 "dot-atom" local parts, one `@`, a domain of letters, digits, hyphens and dots.
 * Internationalised addresses (RFC 6531) are refused for now: no mail path of ours is tested with them,
 * and allowing them is what lets one address be spelled two ways.
 */
export const EMAIL_PATTERN = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** The normalised address, or null when it has a character outside the documented set. */
export function canonicalEmail(raw: string): string | null {
  const email = normalizeEmail(raw);
  return EMAIL_PATTERN.test(email) ? email : null;
}
