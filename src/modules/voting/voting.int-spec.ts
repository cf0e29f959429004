import {
  consecutiveRounds,
  publishChallenge,
  registerPerson,
  submitProposal,
  type Person,
  type PublishedChallenge,
} from '../../../test/support/service-factories.js';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/service-harness.js';
import type { ChallengeSettingsInput } from '../challenges/dto/challenge.inputs.js';
import { viewerOf } from '../../infrastructure/auth/account-facts.js';
import { VotingService } from './voting.service.js';

const HOUR = 3600_000;

/** Voting limits and refusals (RULES §5) at the service layer: what is refused stores nothing. */
describe('VotingService', () => {
  let h: ServiceHarness;
  let voting: VotingService;
  let author: Person;

  beforeAll(async () => {
    h = await startServiceHarness();
    voting = h.get(VotingService);
    author = await registerPerson(h, { displayName: 'Autora' });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A challenge whose VOTING round the clock has just opened, with one submitted proposal per cost. */
  async function inVoting(
    settings: Partial<ChallengeSettingsInput>,
    options: { costs?: (string | undefined)[]; budget?: string } = {},
  ): Promise<PublishedChallenge & { proposalIds: string[] }> {
    const start = h.clock.now();
    const challenge = await publishChallenge(h, {
      rounds: consecutiveRounds(start, 1, ['SUBMISSION', 'VOTING']),
      settings,
      budget: options.budget,
    });
    const proposalIds: string[] = [];
    for (const cost of options.costs ?? [undefined, undefined, undefined])
      proposalIds.push(await submitProposal(h, author, challenge.challengeId, { estimatedCost: cost }));
    await h.advanceTo(start.getTime() + HOUR);
    return { ...challenge, proposalIds };
  }

  async function votesOf(voterId: string): Promise<number> {
    const { rows } = await h.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM votes WHERE voter_id = $1`, [
      voterId,
    ]);
    return rows[0].n;
  }

  it('a juror of the challenge can neither vote nor hand in a ballot (JUROR_CONFLICT), and nothing is stored', async () => {
    const single = await inVoting({ votingMethod: 'SINGLE' });
    const budget = await inVoting(
      { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '700' },
      { costs: ['100', '100', '100'], budget: '1000' },
    );
    const juror = await registerPerson(h);
    // Seated directly: a challenge gets its jury through an EVALUATION round, which these two do not need.
    for (const { challengeId } of [single, budget])
      await h.sql.query('INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2)', [challengeId, juror.id]);
    await expect(voting.castVote(juror.viewer, single.proposalIds[0])).rejects.toMatchObject({
      reason: 'JUROR_CONFLICT',
    });
    await expect(
      voting.submitBudgetBallot(juror.viewer, budget.challengeId, [budget.proposalIds[0]]),
    ).rejects.toMatchObject({ reason: 'JUROR_CONFLICT' });
    expect(await votesOf(juror.id)).toBe(0);
    const { rows } = await h.sql.query('SELECT 1 FROM budget_ballots WHERE voter_id = $1', [juror.id]);
    expect(rows).toHaveLength(0);
  });

  it('a proposal voted on before (its context kept by this process) still sees what changed since', async () => {
    const {
      challengeId,
      rounds,
      proposalIds: [p],
    } = await inVoting({ votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 });
    await voting.castVote((await registerPerson(h)).viewer, p); // reads and keeps the proposal's context
    const votingRound = rounds.find((r) => r.kind === 'VOTING')!;

    const juror = await registerPerson(h);
    await h.sql.query('INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2)', [challengeId, juror.id]);
    await expect(voting.castVote(juror.viewer, p)).rejects.toMatchObject({ reason: 'JUROR_CONFLICT' });

    // Extended past the kept closing time: a vote after it is accepted.
    await h.sql.query(`UPDATE rounds SET closes_at = closes_at + interval '1 hour' WHERE id = $1`, [votingRound.id]);
    await h.advanceTo(votingRound.closesAt.getTime() + 60_000);
    const late = await registerPerson(h);
    await voting.castVote(late.viewer, p);
    expect(await votesOf(late.id)).toBe(1);

    // Closed early and then cancelled behind the kept copy's back: refused, nothing stored.
    await h.sql.query(`UPDATE rounds SET closes_at = $2 WHERE id = $1`, [votingRound.id, h.clock.now()]);
    const refused = await registerPerson(h);
    await expect(voting.castVote(refused.viewer, p)).rejects.toMatchObject({ reason: 'ROUND_NOT_OPEN' });
    await h.sql.query(`UPDATE rounds SET closes_at = closes_at + interval '1 hour' WHERE id = $1`, [votingRound.id]);
    await h.sql.query(`UPDATE challenges SET status = 'CANCELLED' WHERE id = $1`, [challengeId]);
    await expect(voting.castVote(refused.viewer, p)).rejects.toMatchObject({ reason: 'ROUND_NOT_OPEN' });
    await expect(voting.retractVote(late.viewer, p)).rejects.toMatchObject({ reason: 'ROUND_NOT_OPEN' });
    expect([await votesOf(juror.id), await votesOf(refused.id), await votesOf(late.id)]).toEqual([0, 0, 1]);
  });

  it('a budget challenge balloted on before (its context kept by this process) still sees what changed since', async () => {
    const budget = await inVoting(
      { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '700' },
      { costs: ['100', '100', '100'], budget: '1000' },
    );
    const [p] = budget.proposalIds;
    await voting.submitBudgetBallot((await registerPerson(h)).viewer, budget.challengeId, [p]); // keeps the context

    const juror = await registerPerson(h);
    await h.sql.query('INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2)', [
      budget.challengeId,
      juror.id,
    ]);
    await expect(voting.submitBudgetBallot(juror.viewer, budget.challengeId, [p])).rejects.toMatchObject({
      reason: 'JUROR_CONFLICT',
    });
    await h.sql.query(`UPDATE challenges SET status = 'CANCELLED' WHERE id = $1`, [budget.challengeId]);
    const refused = await registerPerson(h);
    await expect(voting.submitBudgetBallot(refused.viewer, budget.challengeId, [p])).rejects.toMatchObject({
      reason: 'ROUND_NOT_OPEN',
    });
    const { rows } = await h.sql.query('SELECT 1 FROM budget_ballots WHERE voter_id = ANY($1)', [
      [juror.id, refused.id],
    ]);
    expect(rows).toHaveLength(0);
  });

  it("a vote decided on the account's kept facts is decided again on fresh ones when the account changed", async () => {
    const {
      challengeId,
      proposalIds: [p, q],
    } = await inVoting({ votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 });
    // Required once the proposals are in: their author has no CURP.
    await h.sql.query(`UPDATE challenges SET settings = settings || '{"requireCurp": true}' WHERE id = $1`, [
      challengeId,
    ]);
    const voter = await registerPerson(h);
    const keptNow = async () => {
      const { rows } = await h.sql.query('SELECT account_facts($1) AS facts', [voter.id]);
      return viewerOf(voter.id, rows[0].facts, true);
    };
    const unverified = await keptNow();
    await h.sql.query('UPDATE users SET curp_verified_at = now() WHERE id = $1', [voter.id]);
    // Kept before the CURP was verified: refused on the kept facts, then accepted on the fresh ones.
    await voting.castVote(unverified, p);
    expect(await votesOf(voter.id)).toBe(1);

    const verified = await keptNow();
    await h.sql.query('UPDATE users SET curp_verified_at = NULL WHERE id = $1', [voter.id]);
    await expect(voting.castVote(verified, q)).rejects.toMatchObject({ reason: 'CURP_REQUIRED' });
    await h.sql.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [voter.id]);
    await expect(voting.retractVote(verified, p)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await votesOf(voter.id)).toBe(1);
  });

  it('SINGLE: a second vote in the round is refused ALREADY_VOTED, whichever proposal', async () => {
    const {
      proposalIds: [first, second],
    } = await inVoting({ votingMethod: 'SINGLE' });
    const voter = await registerPerson(h);
    await voting.castVote(voter.viewer, first);
    await expect(voting.castVote(voter.viewer, second)).rejects.toMatchObject({ reason: 'ALREADY_VOTED' });
    await expect(voting.castVote(voter.viewer, first)).rejects.toMatchObject({ reason: 'ALREADY_VOTED' });
    expect(await votesOf(voter.id)).toBe(1);
  });

  it('MULTIPLE: a vote beyond the allowance is refused VOTE_LIMIT_REACHED; retracting gives the quota back', async () => {
    const {
      proposalIds: [a, b, c],
    } = await inVoting({ votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 });
    const voter = await registerPerson(h);
    await voting.castVote(voter.viewer, a);
    await voting.castVote(voter.viewer, b);
    await expect(voting.castVote(voter.viewer, c)).rejects.toMatchObject({ reason: 'VOTE_LIMIT_REACHED' });
    expect(await votesOf(voter.id)).toBe(2);

    expect(await voting.retractVote(voter.viewer, a)).toBe(true);
    expect(await voting.retractVote(voter.viewer, a)).toBe(false);
    await voting.castVote(voter.viewer, c);
    await expect(voting.castVote(voter.viewer, a)).rejects.toMatchObject({ reason: 'VOTE_LIMIT_REACHED' });
    const { rows } = await h.sql.query(`SELECT proposal_id FROM votes WHERE voter_id = $1 ORDER BY proposal_id`, [
      voter.id,
    ]);
    expect(rows.map((r) => r.proposal_id)).toEqual([b, c].sort());
  });

  it('refuses a vote at closesAt with ROUND_NOT_OPEN by the dates alone, before any close job ran', async () => {
    const {
      proposalIds: [a],
      rounds,
    } = await inVoting({ votingMethod: 'SINGLE' });
    const votingRound = rounds[1];
    const voter = await registerPerson(h);
    h.clock.set(votingRound.closesAt); // no drain: the close job has not run
    await expect(voting.castVote(voter.viewer, a)).rejects.toMatchObject({ reason: 'ROUND_NOT_OPEN' });
    h.clock.set(votingRound.closesAt.getTime() - 1);
    await voting.castVote(voter.viewer, a);
    h.clock.set(votingRound.closesAt);
    await expect(voting.retractVote(voter.viewer, a)).rejects.toMatchObject({ reason: 'ROUND_NOT_OPEN' });
    const { rows } = await h.sql.query(`SELECT status FROM rounds WHERE id = $1`, [votingRound.id]);
    expect(rows[0].status).toBe('OPEN');
    expect(await votesOf(voter.id)).toBe(1);
    await h.drainOutbox(); // leave the clock's jobs done for the next test
  });

  describe('budget ballots', () => {
    let ids: string[];
    let challengeId: string;
    let voter: Person;

    beforeAll(async () => {
      const challenge = await inVoting(
        {
          votingMethod: 'BUDGET',
          budgetRule: 'GREEDY',
          voterBudget: '700',
          minProjectsPerBallot: 2,
          maxProjectsPerBallot: 3,
        },
        { costs: ['100', '100', '100', '200', '600'], budget: '1000' },
      );
      ids = challenge.proposalIds;
      challengeId = challenge.challengeId;
      voter = await registerPerson(h);
      await voting.submitBudgetBallot(voter.viewer, challengeId, [ids[0], ids[3]]);
    });

    async function storedBallot(): Promise<{ totalCost: string; proposalIds: string[] } | null> {
      const ballot = await voting.myBudgetBallot(voter.viewer, challengeId);
      return ballot && { totalCost: ballot.totalCost, proposalIds: [...ballot.proposalIds].sort() };
    }

    it.each([
      ['BUDGET_EXCEEDED', () => [ids[3], ids[4]]],
      ['BALLOT_TOO_SHORT', () => [ids[1]]],
      ['BALLOT_TOO_LONG', () => [ids[0], ids[1], ids[2], ids[3]]],
    ])('refuses %s and keeps the ballot stored before', async (reason, ballot) => {
      const before = await storedBallot();
      expect(before).toEqual({ totalCost: '300.00', proposalIds: [ids[0], ids[3]].sort() });
      await expect(voting.submitBudgetBallot(voter.viewer, challengeId, ballot())).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
      });
      expect(await storedBallot()).toEqual(before);
      const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM budget_ballot_items WHERE voter_id = $1`, [
        voter.id,
      ]);
      expect(rows[0].n).toBe(2);
    });

    it('stores nothing for a first ballot that is refused', async () => {
      const newcomer = await registerPerson(h);
      await expect(voting.submitBudgetBallot(newcomer.viewer, challengeId, [ids[4], ids[3]])).rejects.toMatchObject({
        reason: 'BUDGET_EXCEEDED',
      });
      expect(await voting.myBudgetBallot(newcomer.viewer, challengeId)).toBeNull();
    });
  });
});
