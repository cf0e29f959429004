/** For a DataLoader batch: the rows of each requested id, in the order of `ids` (an empty list when none). */
export function groupBy<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map(ids.map((id) => [id, [] as T[]]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return ids.map((id) => groups.get(id)!);
}
