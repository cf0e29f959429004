/**
 * Money travels as the `Decimal` scalar (a string such as "1500000.00") and is stored as
 * numeric(14,2). In memory it is a bigint of centavos, so no float ever touches an amount.
 */

/** The largest amount numeric(14,2) holds: 999,999,999,999.99 pesos. */
export const MAX_CENTAVOS = 99_999_999_999_999n;

// Optional minus, 1 to 12 integer digits, optionally a point and 1 or 2 decimals. Nothing else:
// no spaces, signs like "+", exponents, thousands separators, or a bare "." at either end.
const PLAIN_DECIMAL = /^(-?)([0-9]{1,12})(?:\.([0-9]{1,2}))?$/;

/** Centavos for a plain decimal string, or null when the text is not one numeric(14,2) accepts. */
export function parseDecimal(text: string): bigint | null {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, pesos, decimals = ''] = match;
  const centavos = BigInt(pesos) * 100n + BigInt(decimals.padEnd(2, '0'));
  return minus ? -centavos : centavos;
}

/** The `Decimal` text for an amount in centavos, always with two decimals: -50n → "-0.50". */
export function formatCentavos(c: bigint): string {
  const sign = c < 0n ? '-' : '';
  const magnitude = c < 0n ? -c : c;
  const pesos = magnitude / 100n;
  const centavos = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${pesos}.${centavos}`;
}
