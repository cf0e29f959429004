/**
 * docs/rules.md §7: EQUAL_SHARES (pabulib rule `equalshares/add1`) reproduces the published outcomes
 * of real Equal Shares cities.  Each fixture in test/fixtures/pabulib (sources in SOURCES.md there)
 * is the city's pabulib file whose `selected` column marks the projects the city funded; `npm run pb`
 * (runPb) must fund exactly those.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { equalSharesSelection } from '../src/modules/voting/equal-shares.js';
import { parseCurrencyToCentavos } from '../src/modules/voting/decimal-amount.js';
import { parsePabulib } from '../src/modules/voting/pabulib.js';
import { prepareInstance } from '../src/modules/voting/prepared-instance.js';
import { runPb } from './pb.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/pabulib/', import.meta.url));
const texts = new Map<string, string>();
const read = (file: string): string => {
  if (!texts.has(file)) texts.set(file, readFileSync(FIXTURES + file, 'utf8'));
  return texts.get(file)!;
};

const CITIES = [
  {
    file: 'Poland_Wieliczka_2023_Green_Budget.pb',
    ballots: 6586,
    funded: 30,
    totalCost: 'total cost: 995079 of 1000000',
    limits: 'ballot limits: min_length 1 (every ballot within them)',
  },
  {
    file: 'Poland_Swiecie_2023.pb',
    ballots: 2553,
    funded: 17,
    totalCost: 'total cost: 1040337 of 1070000',
    limits: 'ballot limits: none',
  },
  {
    file: 'Netherlands_Assen_2024.pb',
    ballots: 84,
    funded: 9,
    totalCost: 'total cost: 76700 of 100000',
    limits: 'ballot limits: min_length 2 (every ballot within them)',
  },
  {
    file: 'Netherlands_Assen_2025.pb',
    ballots: 332,
    funded: 13,
    totalCost: 'total cost: 94837 of 100000',
    limits: 'ballot limits: min_length 1 (every ballot within them)',
  },
];

/** The projects the city funded: `selected` = 1 in the file. */
function published(file: string): string[] {
  return parsePabulib(read(file))
    .projects.filter((p) => p.fields.selected === '1')
    .map((p) => p.id)
    .sort();
}

function pb(file: string, rule: string): { funded: string[]; lines: string[] } {
  const lines = runPb([file, '--rule', rule], (path) => read(path)).split('\n');
  expect(lines[0]).toMatch(/^funded: /);
  return { funded: lines[0].slice('funded: '.length).split(',').sort(), lines };
}

describe.each(CITIES)('$file', ({ file, ballots, funded, totalCost, limits }) => {
  it('is the published file: every ballot and every approval count of its PROJECTS table', () => {
    const instance = parsePabulib(read(file));
    expect(instance.meta.get('rule')).toBe('equalshares/add1');
    expect(instance.votes).toHaveLength(ballots);
    expect(instance.meta.get('num_votes')).toBe(String(ballots));
    const approvals = new Map<string, number>();
    for (const vote of instance.votes) {
      for (const id of vote.approved) approvals.set(id, (approvals.get(id) ?? 0) + 1);
    }
    for (const project of instance.projects)
      expect([project.id, approvals.get(project.id)]).toEqual([project.id, Number(project.fields.votes)]);
    expect(published(file)).toHaveLength(funded);
  });

  it('npm run pb --rule equal-shares funds exactly the projects the city funded', () => {
    const { funded: ours, lines } = pb(file, 'equal-shares');
    expect(ours).toEqual(published(file));
    expect(lines[1]).toBe(totalCost);
    expect(lines[2]).toBe(limits);
  });

  it('greedy by approvals does not (the file tells the rules apart)', () => {
    expect(pb(file, 'greedy').funded).not.toEqual(published(file));
  });

  it('the float engine used for large instances reaches the same outcome and endowment as the exact one', () => {
    const instance = parsePabulib(read(file));
    const budget = parseCurrencyToCentavos(instance.meta.get('budget')!);
    const prepared = prepareInstance(
      instance.projects.map((p) => ({ id: p.id, cost: p.cost, submittedAt: 0 })),
      instance.votes.map((v) => v.approved),
      budget,
    );
    const exact = equalSharesSelection(prepared, budget, { engine: 'exact' });
    const float = equalSharesSelection(prepared, budget, { engine: 'float' });
    expect(float.funded).toEqual(exact.funded);
    expect(float.endowment).toEqual(exact.endowment);
    expect(exact.funded.map((p) => prepared.projects[p].id).sort()).toEqual(published(file));
  });
});
