/**
 * The API's `Decimal` money (a string such as "1500000.00") as a bigint of centavos, so a ballot's running total
 * is exact; `Intl` formats it in es-MX pesos for people.
 */

const PLAIN_DECIMAL = /^(-?)([0-9]{1,12})(?:\.([0-9]{1,2}))?$/;

/** Centavos for a `Decimal` string; null for anything the API would not send. */
export function toCentavos(decimal: string): bigint | null {
  const match = PLAIN_DECIMAL.exec(decimal);
  if (!match) return null;
  const [, minus, pesos, decimals = ''] = match;
  const centavos = BigInt(pesos) * 100n + BigInt(decimals.padEnd(2, '0'));
  return minus ? -centavos : centavos;
}

function decimalText(centavos: bigint): string {
  const magnitude = centavos < 0n ? -centavos : centavos;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${centavos < 0n ? '-' : ''}${magnitude / 100n}.${fraction}`;
}

const pesos = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });

/** "$1,500,000.00": formatted from the decimal text, so no float ever rounds an amount. */
export function formatCentavos(centavos: bigint): string {
  return pesos.format(decimalText(centavos) as Intl.StringNumericLiteral);
}
