import { formatCentavos, parseCurrencyToCentavos } from './decimal-amount.js';
import { pabulibBallotLimits, pabulibLimitRows, parsePabulib, writePabulib } from './pabulib.js';

const SAMPLE = `META
key;value
description;Presupuesto participativo de ejemplo, Colonia Centro
country;Mexico
unit;Colonia Centro
instance;2025
num_projects;3
num_votes;4
budget;1500000
vote_type;approval
rule;equalshares/add1
date_begin;01.03.2025
date_end;31.03.2025
PROJECTS
project_id;cost;votes;name;category
1;600000;3;"Luminarias; calle Hidalgo";infraestructura
2;450000.50;2;"Huerto ""comunitario""";medio ambiente
3;900000;1;Cancha de usos múltiples;deporte
VOTES
voter_id;vote;age;sex
v1;1,2;34;F
v2;"1,3";51;M
v3;1, 2;27;F
v4;;45;M
`;

describe('parsePabulib', () => {
  it('reads META, PROJECTS and VOTES, with quotes and decimal costs', () => {
    const instance = parsePabulib(SAMPLE);
    expect(instance.meta.get('budget')).toBe('1500000');
    expect(instance.meta.get('rule')).toBe('equalshares/add1');
    expect(instance.meta.get('description')).toBe('Presupuesto participativo de ejemplo, Colonia Centro');
    expect(instance.projects.map((p) => [p.id, p.cost])).toEqual([
      ['1', 60_000_000n],
      ['2', 45_000_050n],
      ['3', 90_000_000n],
    ]);
    expect(instance.projects[0].fields.name).toBe('Luminarias; calle Hidalgo');
    expect(instance.projects[1].fields.name).toBe('Huerto "comunitario"');
    expect(instance.projects[2].fields.category).toBe('deporte');
    expect(instance.votes.map((v) => [v.voterId, v.approved])).toEqual([
      ['v1', ['1', '2']],
      ['v2', ['1', '3']],
      ['v3', ['1', '2']],
      ['v4', []],
    ]);
    expect(instance.votes[1].fields.age).toBe('51');
  });

  it('accepts CRLF line endings, a BOM and blank lines', () => {
    const text = '\uFEFF' + SAMPLE.replace(/\n/g, '\r\n').replace('PROJECTS', '\r\nPROJECTS');
    expect(parsePabulib(text).projects).toHaveLength(3);
  });

  it.each([
    ['a row before any section', 'key;value\n', /line 1: expected a section/],
    [
      'a missing column',
      SAMPLE.replace('project_id;cost;votes', 'project_id;price;votes'),
      /line 15: PROJECTS header lacks column\(s\) cost/,
    ],
    ['a wrong number of fields', SAMPLE.replace('3;900000;1;', '3;900000;'), /line 18: expected 5 fields, found 4/],
    ['a bad cost', SAMPLE.replace('600000;3', '6e5;3'), /line 16: invalid amount "6e5"/],
    ['three decimals', SAMPLE.replace('450000.50', '450000.505'), /line 17: invalid amount/],
    ['a duplicate project', SAMPLE.replace('3;900000', '2;900000'), /line 18: duplicate project_id "2"/],
    ['a duplicate voter', SAMPLE.replace('v4;;', 'v3;;'), /line 24: duplicate voter_id "v3"/],
    ['an unterminated quote', SAMPLE.replace('v2;"1,3"', 'v2;"1,3'), /line 22: unterminated quoted field/],
    ['a missing section', SAMPLE.slice(0, SAMPLE.indexOf('VOTES')), /missing section VOTES/],
    ['a repeated section', SAMPLE + 'META\n', /section META appears twice/],
  ])('rejects %s with the line number', (_label, text, message) => {
    expect(() => parsePabulib(text)).toThrow(message);
  });
});

describe('writePabulib', () => {
  it('round-trips through parsePabulib', () => {
    const original = parsePabulib(SAMPLE);
    const text = writePabulib({
      meta: [...original.meta],
      projects: original.projects.map((p) => ({
        id: p.id,
        cost: p.cost,
        name: p.fields.name,
        votes: Number(p.fields.votes),
      })),
      votes: original.votes.map((v) => ({ voterId: v.voterId, approved: v.approved })),
    });
    expect(text).toContain('2;450000.50;2;"Huerto ""comunitario"""');
    expect(text).toContain('1;600000;3;"Luminarias; calle Hidalgo"');
    const again = parsePabulib(text);
    expect([...again.meta]).toEqual([...original.meta]);
    expect(again.projects.map((p) => [p.id, p.cost, p.fields.name, p.fields.votes])).toEqual(
      original.projects.map((p) => [p.id, p.cost, p.fields.name, p.fields.votes]),
    );
    expect(again.votes.map((v) => [v.voterId, v.approved])).toEqual(original.votes.map((v) => [v.voterId, v.approved]));
  });

  it('leaves optional columns empty', () => {
    const text = writePabulib({ meta: [['budget', '10']], projects: [{ id: 'a', cost: 1000n }], votes: [] });
    expect(text).toBe(
      'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost;votes;name\na;10;;\nVOTES\nvoter_id;vote\n',
    );
  });
});

describe('ballot limits in META', () => {
  const meta = (rows: Record<string, string>) => new Map(Object.entries(rows));

  it('reads min_length, max_length and max_sum_cost, and none when absent', () => {
    expect(pabulibBallotLimits(meta({ min_length: '2', max_length: '15', max_sum_cost: '1000.50' }))).toEqual({
      minLength: 2,
      maxLength: 15,
      maxSumCost: 100_050n,
    });
    expect(pabulibBallotLimits(meta({ budget: '10' }))).toEqual({ minLength: null, maxLength: null, maxSumCost: null });
    expect(pabulibBallotLimits(meta({ min_length: '0' })).minLength).toBeNull();
  });

  it.each([
    [{ min_length: 'dos' }, /min_length "dos" is not a whole number/],
    [{ max_length: '-1' }, /max_length "-1" is not a whole number/],
    [{ max_sum_cost: '1e3' }, /max_sum_cost: invalid amount/],
    [{ min_length: '5', max_length: '4' }, /min_length 5 is above max_length 4/],
  ])('refuses %j', (rows, message) => {
    expect(() => pabulibBallotLimits(meta(rows))).toThrow(message);
  });

  it('writes exactly the limits that are set, and reads them back the same', () => {
    const limits = { maxSumCost: 50_000n, minLength: 2, maxLength: 15 };
    expect(pabulibLimitRows(limits)).toEqual([
      ['max_sum_cost', '500'],
      ['min_length', '2'],
      ['max_length', '15'],
    ]);
    expect(pabulibBallotLimits(new Map(pabulibLimitRows(limits)))).toEqual(limits);
    expect(pabulibLimitRows({ maxSumCost: null, minLength: null, maxLength: 3 })).toEqual([['max_length', '3']]);
  });
});

describe('currency amounts', () => {
  it('converts units to centavos exactly and back', () => {
    expect(parseCurrencyToCentavos('1500000')).toBe(150_000_000n);
    expect(parseCurrencyToCentavos('12.5')).toBe(1250n);
    expect(parseCurrencyToCentavos(' 0.07 ')).toBe(7n);
    expect(parseCurrencyToCentavos('123456789012345678901')).toBe(12345678901234567890100n);
    expect(formatCentavos(150_000_000n)).toBe('1500000');
    expect(formatCentavos(1250n)).toBe('12.50');
    expect(formatCentavos(7n)).toBe('0.07');
    for (const bad of ['', '-1', '1,5', '1.', '.5', 'NaN', '1.234']) {
      expect(() => parseCurrencyToCentavos(bad)).toThrow(/invalid amount/);
    }
  });
});
