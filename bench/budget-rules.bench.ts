/**
 * 100 000 approval ballots × 200 projects:  npm run bench:budget [-- seed]
 */
import { performance } from 'node:perf_hooks';
import { equalSharesOutcome, greedyOutcome, type BudgetProject } from '../src/modules/voting/budget-rules.js';
import { equalSharesSelection } from '../src/modules/voting/equal-shares.js';
import { prepareInstance } from '../src/modules/voting/prepared-instance.js';
import { SeededRandom } from '../src/common/seeded-random.js';

const VOTERS = 100_000;
const PROJECTS = 200;

function generate(seed: number): { projects: BudgetProject[]; ballots: string[][]; budget: bigint } {
  const random = new SeededRandom(seed);
  const projects: BudgetProject[] = [];
  const popularity: number[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const pesos = Math.round(500_000 * Math.pow(4, random.next())); // 500 mil … 2 millones
    projects.push({ id: `p${i}`, cost: BigInt(pesos) * 100n, submittedAt: random.int(0, 1e9) });
    popularity.push(Math.pow(random.next(), 2) + 0.05);
  }
  const totalPopularity = popularity.reduce((a, b) => a + b, 0);
  const ballots: string[][] = [];
  for (let v = 0; v < VOTERS; v++) {
    const size = random.int(1, 8);
    const chosen = new Set<string>();
    while (chosen.size < size) {
      let x = random.next() * totalPopularity;
      let i = 0;
      while (x >= popularity[i] && i < PROJECTS - 1) x -= popularity[i++];
      chosen.add(projects[i].id);
    }
    ballots.push([...chosen]);
  }
  const sample = random.shuffle([...projects]).slice(0, 30);
  const budget = sample.reduce((sum, p) => sum + p.cost, 0n);
  return { projects, ballots, budget };
}

const seed = Number(process.argv[2] ?? 1);
const { projects, ballots, budget } = generate(seed);

let start = performance.now();
const greedy = greedyOutcome(projects, ballots, budget);
console.log(`greedy: ${greedy.funded.length} funded, ${(performance.now() - start).toFixed(0)} ms`);

start = performance.now();
const mes = equalSharesOutcome(projects, ballots, budget);
const elapsed = performance.now() - start;

start = performance.now();
const prepared = prepareInstance(projects, ballots, budget);
const prepareMs = performance.now() - start;
const selection = equalSharesSelection(prepared, budget);
console.log(
  `equal shares: ${mes.funded.length} funded, ${((Number(mes.totalCost) / Number(budget)) * 100).toFixed(1)}% of budget, ` +
    `endowment ${mes.endowment!.numerator / mes.endowment!.denominator / 100n} pesos from ${budget / BigInt(VOTERS) / 100n}, ` +
    `${selection.runsComputed} runs (${selection.exactRunsComputed} exact), ${elapsed.toFixed(0)} ms ` +
    `(input preparation ${prepareMs.toFixed(0)} ms, ${prepared.ballotGroups.length} distinct ballots)`,
);
