import { csvField, csvRecord, formatRows, inertCsvText } from './open-data-format.js';
import { DATASETS, pickColumns, type DatasetSpec } from './open-data.columns.js';

const spec: DatasetSpec = {
  name: 'audit-events',
  title: 't',
  description: 'd',
  columns: [
    { name: 'title', type: 'string', description: 'Título.' },
    { name: 'n', type: 'integer', description: 'Número.' },
    { name: 'tags', type: 'json', description: 'Etiquetas.' },
    { name: 'at', type: 'datetime', description: 'Fecha.' },
  ],
};
async function* batches(...pages: Record<string, unknown>[][]) {
  yield* pages;
}
const text = async (chunks: AsyncIterable<string>) => {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
};

describe('open-data writers', () => {
  it('quotes RFC 4180 fields only when needed and doubles quotes', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('di "hola"')).toBe('"di ""hola"""');
    expect(csvField('dos\nlíneas')).toBe('"dos\nlíneas"');
    expect(csvRecord(['a', '', 'b,c'])).toBe('a,,"b,c"\r\n');
  });

  it('writes a header, empty cells for null, JSON text for arrays, ISO dates; JSON keeps types', async () => {
    const rows = [
      { title: 'x, "y"', n: '3', tags: ['a', 'b'], at: new Date('2026-01-02T03:04:05Z') },
      { title: 'z', n: null, tags: [], at: null },
    ];
    expect(await text(formatRows(spec, 'csv', batches(rows.slice(0, 1), rows.slice(1))))).toBe(
      'title,n,tags,at\r\n"x, ""y""",3,"[""a"",""b""]",2026-01-02T03:04:05.000Z\r\nz,,[],\r\n',
    );
    expect(JSON.parse(await text(formatRows(spec, 'json', batches(rows))))).toEqual([
      { title: 'x, "y"', n: 3, tags: ['a', 'b'], at: '2026-01-02T03:04:05.000Z' },
      { title: 'z', n: null, tags: [], at: null },
    ]);
    expect(JSON.parse(await text(formatRows(spec, 'json', batches())))).toEqual([]);
  });

  it('neutralises text cells a spreadsheet would execute, and only those (OWASP CSV injection)', async () => {
    const payloads = ['=HYPERLINK("http://x.mx","clic")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    for (const payload of payloads) expect(inertCsvText(payload)).toBe(`'${payload}`);
    for (const safe of ['Hola', 'a=b', '', "'ya citado", '1-2']) expect(inertCsvText(safe)).toBe(safe);
    const numbers: DatasetSpec = { ...spec, columns: [{ name: 'n', type: 'number', description: 'Número.' }] };
    expect(await text(formatRows(numbers, 'csv', batches([{ n: -98.2 }, { n: '-5' }])))).toBe('n\r\n-98.2\r\n-5\r\n');
    const rows = [{ title: '=1+1', n: -1, tags: ['=x'], at: null }];
    expect(await text(formatRows(spec, 'csv', batches(rows)))).toBe('title,n,tags,at\r\n\'=1+1,-1,"[""=x""]",\r\n');
    expect(JSON.parse(await text(formatRows(spec, 'json', batches(rows))))).toEqual([
      { title: '=1+1', n: -1, tags: ['=x'], at: null },
    ]);
  });

  it('refuses rows whose columns differ from the dictionary', () => {
    expect(() => pickColumns(spec, { title: 'a', n: 1, tags: [] })).toThrow(/do not match/);
    expect(() => pickColumns(spec, { title: 'a', n: 1, tags: [], at: null, email: 'x' })).toThrow(/do not match/);
  });

  it('describes every column in Spanish, with unique names', () => {
    for (const dataset of Object.values(DATASETS)) {
      expect(new Set(dataset.columns.map((c) => c.name)).size).toBe(dataset.columns.length);
      for (const column of dataset.columns) expect(column.description).toMatch(/\.$/);
    }
  });
});
