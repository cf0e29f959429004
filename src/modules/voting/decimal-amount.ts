/** "1500000", "12.5", "12.50" (currency units) → centavos, exactly; at most 2 decimals. */
export function parseCurrencyToCentavos(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`invalid amount "${text}" (expected e.g. 1500000 or 12.50)`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Centavos → "1500000" for whole units, else "12.50". */
export function formatCentavos(centavos: bigint): string {
  const sign = centavos < 0n ? '-' : '';
  const abs = centavos < 0n ? -centavos : centavos;
  const units = abs / 100n;
  const cents = abs % 100n;
  return cents === 0n ? `${sign}${units}` : `${sign}${units}.${cents.toString().padStart(2, '0')}`;
}
