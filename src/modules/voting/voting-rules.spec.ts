import {
  ballotRefusal,
  ballotSettingsOf,
  NO_BALLOT_LIMITS,
  currentOrLastVotingRound,
  distinctIds,
  isInRunning,
  isParticipationVisible,
  isTallyHidden,
  openVotingRound,
  proposalVotingRound,
  voteAllowance,
  type VotingRoundState,
} from './voting-rules.js';

const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 12, minutes));
const round = (
  position: number,
  kind: VotingRoundState['kind'],
  from: number,
  to: number,
  status: VotingRoundState['status'] = 'SCHEDULED',
): VotingRoundState => ({ id: `r${position}`, position, kind, status, opensAt: t(from), closesAt: t(to) });
const rounds = [
  round(1, 'SUBMISSION', 0, 10, 'CLOSED'),
  round(2, 'VOTING', 10, 20, 'OPEN'),
  round(3, 'EVALUATION', 20, 30),
  round(4, 'VOTING', 30, 40),
];

describe('voting rules', () => {
  it('finds the voting round open by its dates, whatever the jobs recorded', () => {
    expect(openVotingRound(rounds, t(10))?.id).toBe('r2');
    expect(openVotingRound(rounds, t(19))?.id).toBe('r2');
    expect(openVotingRound(rounds, t(20))).toBeNull(); // closesAt is exclusive, even while status says OPEN
    expect(openVotingRound(rounds, t(25))).toBeNull(); // an evaluation round is open
    expect(openVotingRound(rounds, t(35))?.id).toBe('r4'); // still SCHEDULED, but its dates say open
    expect(openVotingRound([round(2, 'VOTING', 10, 20, 'CLOSED')], t(15))).toBeNull(); // closed early: nothing more
  });

  it('refers the viewer to the open voting round, else the last one that opened', () => {
    expect(currentOrLastVotingRound(rounds, t(5))).toBeNull();
    expect(currentOrLastVotingRound(rounds, t(15))?.id).toBe('r2');
    expect(currentOrLastVotingRound(rounds, t(25))?.id).toBe('r2');
    expect(currentOrLastVotingRound(rounds, t(45))?.id).toBe('r4');
  });

  it("counts a proposal's votes in the latest voting round it reached", () => {
    expect(proposalVotingRound(rounds, 1, t(15))).toBeNull();
    expect(proposalVotingRound(rounds, 2, t(15))?.id).toBe('r2');
    expect(proposalVotingRound(rounds, 4, t(35))?.id).toBe('r4');
    expect(proposalVotingRound(rounds, 4, t(25))?.id).toBe('r2'); // r4 has not opened yet
  });

  it('keeps only submitted, not eliminated proposals at the round position in the running', () => {
    expect(isInRunning({ status: 'SUBMITTED', stage: 2, eliminatedInRound: null }, 2)).toBe(true);
    expect(isInRunning({ status: 'SUBMITTED', stage: 2, eliminatedInRound: 2 }, 2)).toBe(false);
    expect(isInRunning({ status: 'SUBMITTED', stage: 1, eliminatedInRound: null }, 2)).toBe(false);
    for (const status of ['DRAFT', 'WITHDRAWN', 'HIDDEN', 'INELIGIBLE'] as const)
      expect(isInRunning({ status, stage: 2, eliminatedInRound: null }, 2)).toBe(false);
  });

  it('allows 1 vote (SINGLE), maxVotesPerVoter (MULTIPLE), ballots instead (BUDGET)', () => {
    expect(voteAllowance({ votingMethod: 'SINGLE', maxVotesPerVoter: 5 })).toBe(1);
    expect(voteAllowance({ votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 })).toBe(3);
    expect(voteAllowance({ votingMethod: 'BUDGET', maxVotesPerVoter: null })).toBeNull();
  });

  it('hides a tally until the round is over by its dates when showLiveTally is off', () => {
    const open = round(2, 'VOTING', 10, 20, 'OPEN');
    expect(isTallyHidden(open, false, t(15))).toBe(true);
    expect(isTallyHidden(open, true, t(15))).toBe(false);
    expect(isTallyHidden(open, false, t(20))).toBe(false); // past closesAt, before the close job
    expect(isTallyHidden({ ...open, status: 'CLOSED' }, false, t(15))).toBe(false); // closed early
    expect(isTallyHidden(round(1, 'SUBMISSION', 0, 10, 'OPEN'), false, t(5))).toBe(false);
  });

  it('shows how many took part to everyone when the tally shows, and to the unit staff also while it is hidden', () => {
    const open = round(2, 'VOTING', 10, 20, 'OPEN');
    expect(isParticipationVisible(open, false, false, t(15))).toBe(false);
    expect(isParticipationVisible(open, false, true, t(15))).toBe(true);
    expect(isParticipationVisible(open, true, false, t(15))).toBe(true);
    expect(isParticipationVisible(open, false, false, t(20))).toBe(true); // over by its dates
    expect(isParticipationVisible({ ...open, status: 'CLOSED' }, false, false, t(15))).toBe(true);
    expect(isParticipationVisible(round(3, 'EVALUATION', 20, 30, 'OPEN'), true, true, t(25))).toBe(false);
  });

  it('finds a repeated id on a ballot', () => {
    expect(distinctIds(['a', 'b'])).toEqual({ ids: ['a', 'b'], repeated: null });
    expect(distinctIds(['a', 'b', 'a'])).toEqual({ ids: ['a', 'b'], repeated: 'a' });
  });
});

describe('ballotRefusal (RULES §5, BUDGET)', () => {
  const limits = { voterBudget: 100_000n, minProjects: 2, maxProjects: 3 };

  it('accepts ballots within every limit, at the limits, and always the empty ballot', () => {
    expect(ballotRefusal(2, 100_000n, limits)).toBeNull();
    expect(ballotRefusal(3, 0n, limits)).toBeNull();
    expect(ballotRefusal(0, 0n, limits)).toBeNull();
    expect(ballotRefusal(0, 0n, { ...limits, minProjects: 5 })).toBeNull();
  });

  it('refuses too short, too long and over the voter budget, with the limit', () => {
    expect(ballotRefusal(1, 0n, limits)).toEqual({ reason: 'BALLOT_TOO_SHORT', count: 1, limit: 2 });
    expect(ballotRefusal(4, 0n, limits)).toEqual({ reason: 'BALLOT_TOO_LONG', count: 4, limit: 3 });
    expect(ballotRefusal(2, 100_001n, limits)).toEqual({ reason: 'BUDGET_EXCEEDED', total: 100_001n, limit: 100_000n });
  });

  it('has no cost cap and no length limits when none are set', () => {
    expect(ballotRefusal(500, 10n ** 15n, NO_BALLOT_LIMITS)).toBeNull();
    expect(ballotRefusal(1, 0n, NO_BALLOT_LIMITS)).toBeNull();
  });

  it('reads the limits of stored settings, old ones without length limits included', () => {
    expect(ballotSettingsOf({ voterBudget: '1000.50', minProjectsPerBallot: 2, maxProjectsPerBallot: 15 })).toEqual({
      voterBudget: 100_050n,
      minProjects: 2,
      maxProjects: 15,
    });
    expect(ballotSettingsOf({ voterBudget: null })).toEqual(NO_BALLOT_LIMITS);
  });
});
