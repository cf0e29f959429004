import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseDecimal } from '../../common/money.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import { ResultsService } from '../results/results.service.js';
import { formatCentavos } from './decimal-amount.js';
import { pabulibHead, pabulibLimitRows, pabulibVoteRow } from './pabulib.js';
import { ballotSettingsOf } from './voting-rules.js';
import { VotingRepository } from './voting.repository.js';
import { isUuid } from '../../common/ids.js';

/** Ballots read per query while streaming: memory stays bounded whatever the number of voters. */
export const EXPORT_PAGE = 1000;

/**
 * The anonymous ballots of a finished BUDGET challenge in pabulib format (open data, RULES §9): the
 * final round's projects and every ballot, each under a random pseudonym drawn anew for every export, in
 * the order of each ballot's random key (issue #16), so no voter id, nor anything that follows it, is
 * ever published.
 */
@Injectable()
export class BallotsExportService {
  constructor(
    private readonly votes: VotingRepository,
    private readonly challenges: ChallengesService,
    private readonly results: ResultsService,
  ) {}

  /** Null when there is nothing to publish: unknown challenge, not FINISHED, or not participatory budgeting. */
  async export(challengeId: string): Promise<{ filename: string; chunks: AsyncIterable<string> } | null> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge || challenge.status !== 'FINISHED' || challenge.settings.votingMethod !== 'BUDGET') return null;
    const rounds = await this.challenges.roundsOf([challenge.id]);
    const final = rounds[rounds.length - 1];
    if (!final || final.kind !== 'VOTING') return null;

    const [projects, ballots, unit] = await Promise.all([
      this.results.exportProjects(challenge.id),
      this.votes.countBallots(final.id),
      this.votes.unitName(challenge.unitId),
    ]);
    const rule = challenge.settings.budgetRule === 'EQUAL_SHARES' ? 'equalshares/add1' : 'greedy';
    const limits = ballotSettingsOf(challenge.settings);
    const head = pabulibHead({
      meta: [
        ['description', challenge.title],
        ['country', 'Mexico'],
        ['unit', unit ?? ''],
        ['instance', challenge.slug],
        ['num_projects', String(projects.length)],
        ['num_votes', String(ballots)],
        ['budget', formatCentavos(parseDecimal(challenge.budget ?? '0') ?? 0n)],
        ['vote_type', 'approval'],
        // The ballot limits the voters had, so that the reference tools see the same election.
        ...pabulibLimitRows({
          maxSumCost: limits.voterBudget,
          minLength: limits.minProjects,
          maxLength: limits.maxProjects,
        }),
        ['rule', rule],
        ['currency', 'MXN'],
        ['date_begin', final.opensAt.toISOString().slice(0, 10)],
        ['date_end', final.closesAt.toISOString().slice(0, 10)],
        ['language', 'es'],
      ],
      projects: projects.map((p) => ({
        id: p.id,
        cost: parseDecimal(p.cost ?? '0') ?? 0n,
        votes: p.votes,
        name: p.title,
      })),
    });
    const votes = this.votes;
    async function* chunks(): AsyncIterable<string> {
      yield head;
      for (let after: string | null = null; ;) {
        const page = await votes.ballotPage(final.id, after, EXPORT_PAGE);
        if (!page.length) return;
        yield page.map((ballot) => pabulibVoteRow({ voterId: randomUUID(), approved: ballot.approved })).join('');
        after = page[page.length - 1].key;
      }
    }
    return { filename: `${challenge.slug}.pb`, chunks: chunks() };
  }
}
