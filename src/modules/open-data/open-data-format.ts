import { pickColumns, type ColumnSpec, type DatasetSpec } from './open-data.columns.js';

/** One field as RFC 4180 wants it: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV record (CRLF line ending, as RFC 4180 says). */
export function csvRecord(values: string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** What a spreadsheet would run as a formula or command when a cell starts with it (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will not execute (issue #16): one starting with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading `'` (OWASP's rule). Only free text goes through here; numbers and dates never do, so a
 * negative longitude stays a number.
 */
export function inertCsvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A value as CSV text: empty for null, ISO-8601 for dates, JSON text for arrays and objects, inert free text. */
function csvText(value: unknown, column: ColumnSpec): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'json') return JSON.stringify(value);
  if (typeof value === 'string') return column.type === 'string' ? inertCsvText(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** A value as JSON: numbers stay numbers, decimals stay strings (money is never a float), dates ISO-8601. */
function jsonValue(value: unknown, column: ColumnSpec): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'integer' || column.type === 'number') return Number(value);
  return value;
}

export type OpenDataFormat = 'csv' | 'json';

/** The file as text chunks, one per batch of rows: a header then records (CSV), or a streamed JSON array. */
export async function* formatRows(
  spec: DatasetSpec,
  format: OpenDataFormat,
  batches: AsyncIterable<Record<string, unknown>[]>,
): AsyncGenerator<string> {
  if (format === 'csv') {
    // UTF-8 without BOM; spreadsheet users can import it declaring UTF-8.
    yield csvRecord(spec.columns.map((column) => column.name));
    for await (const batch of batches) {
      yield batch
        .map((row) => csvRecord(pickColumns(spec, row).map((value, i) => csvText(value, spec.columns[i]))))
        .join('');
    }
    return;
  }
  yield '[';
  let first = true;
  for await (const batch of batches) {
    let chunk = '';
    for (const row of batch) {
      const values = pickColumns(spec, row);
      const object = Object.fromEntries(spec.columns.map((column, i) => [column.name, jsonValue(values[i], column)]));
      chunk += (first ? '\n' : ',\n') + JSON.stringify(object);
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield first ? ']\n' : '\n]\n';
}
