/**
 * Runs a budget rule on a pabulib file:
 *   node dist/scripts/pb.js <file.pb> --rule greedy|equal-shares
 * Prints the funded project ids in funding order, the total cost (currency units), the ballot limits
 * of the file's META (min_length, max_length, max_sum_cost) and how many ballots break them, and the
 * time.  Ballots outside the limits are still counted, as the city counted them; the line says so.
 * Projects that cost nothing are accepted (funded when anyone approves them).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  equalSharesOutcome,
  greedyOutcome,
  type BudgetOutcome,
  type BudgetProject,
} from '../src/modules/voting/budget-rules.js';
import { formatCentavos, parseCurrencyToCentavos } from '../src/modules/voting/decimal-amount.js';
import { pabulibBallotLimits, parsePabulib, type PabulibBallotLimits } from '../src/modules/voting/pabulib.js';
import { ballotRefusal } from '../src/modules/voting/voting-rules.js';
import { pathToFileURL } from 'node:url';

type Rule = (projects: BudgetProject[], ballots: string[][], budget: bigint) => BudgetOutcome;
const RULES: Record<string, Rule> = { greedy: greedyOutcome, 'equal-shares': equalSharesOutcome };
const USAGE = 'usage: pb <file.pb> --rule greedy|equal-shares';

/** Returns the report to print; throws an Error with a one-line message on bad input. */
export function runPb(args: string[], readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): string {
  const { file, ruleName } = parseArgs(args);
  const rule = RULES[ruleName];
  if (!rule) throw new Error(`unknown rule "${ruleName}" (expected greedy or equal-shares)`);

  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const instance = parsePabulib(text);
  const budgetText = instance.meta.get('budget');
  if (budgetText === undefined) throw new Error('META has no budget');
  const budget = parseCurrencyToCentavos(budgetText);
  const voteType = instance.meta.get('vote_type');
  if (voteType !== undefined && voteType !== 'approval')
    throw new Error(`vote_type "${voteType}" is not supported (only approval)`);

  const limits = pabulibBallotLimits(instance.meta);

  const projects = instance.projects.map((p) => ({ id: p.id, cost: p.cost, submittedAt: 0 }));
  const ballots = instance.votes.map((v) => v.approved);
  const start = performance.now();
  const outcome = rule(projects, ballots, budget);
  const elapsedMs = performance.now() - start;

  return [
    `funded: ${outcome.funded.join(',')}`,
    `total cost: ${formatCentavos(outcome.totalCost)} of ${formatCentavos(budget)}`,
    `ballot limits: ${limitsReport(limits, projects, ballots)}`,
    `time: ${elapsedMs.toFixed(1)} ms`,
  ].join('\n');
}

/** "min_length 2, max_length 15 (every ballot within them)", or "none". */
function limitsReport(limits: PabulibBallotLimits, projects: BudgetProject[], ballots: string[][]): string {
  const set = [
    limits.minLength !== null && `min_length ${limits.minLength}`,
    limits.maxLength !== null && `max_length ${limits.maxLength}`,
    limits.maxSumCost !== null && `max_sum_cost ${formatCentavos(limits.maxSumCost)}`,
  ].filter((text): text is string => text !== false);
  if (set.length === 0) return 'none';
  const cost = new Map(projects.map((p) => [p.id, p.cost]));
  const settings = { voterBudget: limits.maxSumCost, minProjects: limits.minLength, maxProjects: limits.maxLength };
  const outside = ballots.filter((ballot) => {
    const known = [...new Set(ballot)].filter((id) => cost.has(id));
    const total = known.reduce((sum, id) => sum + cost.get(id)!, 0n);
    return ballotRefusal(known.length, total, settings) !== null;
  }).length;
  const verdict =
    outside === 0
      ? 'every ballot within them'
      : `${outside} ${outside === 1 ? 'ballot' : 'ballots'} outside them, counted as cast`;
  return `${set.join(', ')} (${verdict})`;
}

function parseArgs(args: string[]): { file: string; ruleName: string } {
  const files: string[] = [];
  let ruleName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--rule') ruleName = args[++i];
    else if (args[i].startsWith('--rule=')) ruleName = args[i].slice('--rule='.length);
    else if (args[i].startsWith('--')) throw new Error(`unknown option ${args[i]}; ${USAGE}`);
    else files.push(args[i]);
  }
  if (files.length !== 1 || !ruleName) throw new Error(USAGE);
  return { file: files[0], ruleName };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(runPb(process.argv.slice(2)));
  } catch (error) {
    console.error(`pb: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}
