import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

/** The project's copy of INEGI's catalog (data/inegi, see its SOURCES.md), found from here or from dist/. */
function catalogDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'data', 'inegi'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No se encontró data/inegi (catálogo del INEGI)');
    dir = parent;
  }
  return join(dir, 'data', 'inegi');
}

/** Parses the catalog's CSV: a header row, comma-separated, double-quoted fields where needed. */
export function readCatalogCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(catalogDir(), file), 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const values = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .slice(0, columns.length)
      .map((v) => v.replace(/,$/, ''))
      .map((v) => (v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v));
    return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  });
}
