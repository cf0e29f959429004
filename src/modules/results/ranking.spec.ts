import { advancingProposalIds, rankProposals, type RankInput, type RankOptions } from './ranking.js';
import { seededRandom, shuffled } from '../../common/seeded-random.js';

const input = (proposalId: string, fields: Partial<RankInput> = {}): RankInput => ({
  proposalId,
  submittedAt: 1000,
  votes: null,
  juryScore: null,
  evaluationCount: 0,
  ...fields,
});

const VOTES: RankOptions = { scoring: 'VOTES', publicVoteWeight: 0, minEvaluations: 3 };
const JURY: RankOptions = { scoring: 'JURY', publicVoteWeight: 0, minEvaluations: 2 };
const combined = (publicVoteWeight: number, minEvaluations = 0): RankOptions => ({
  scoring: 'COMBINED',
  publicVoteWeight,
  minEvaluations,
});

const ids = (ranking: { proposalId: string }[]) => ranking.map((proposal) => proposal.proposalId);

describe('rankProposals — voting rounds', () => {
  it('scores votes against the most voted proposal and ignores the jury quorum', () => {
    const ranking = rankProposals(
      [
        input('a', { votes: 30 }),
        input('b', { votes: 60 }),
        input('c', { votes: 0, juryScore: 99, evaluationCount: 5 }),
      ],
      VOTES,
    );
    expect(ids(ranking)).toEqual(['b', 'a', 'c']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranking[0]).toMatchObject({
      voteScore: 100,
      finalScore: 100,
      votes: 60,
      juryScore: null,
      reachedQuorum: true,
    });
    expect(ranking[1].voteScore).toBeCloseTo((100 * 30) / 60, 9);
    expect(ranking[1].finalScore).toBeCloseTo(50, 9);
    expect(ranking[2]).toMatchObject({ voteScore: 0, finalScore: 0, juryScore: 99 });
  });

  it('gives every proposal a vote score of 0 when nobody voted', () => {
    const ranking = rankProposals([input('a', { votes: 0 }), input('b', { votes: 0 })], VOTES);
    expect(ranking.map((r) => r.voteScore)).toEqual([0, 0]);
  });

  it('breaks equal votes by earlier submission, then by id', () => {
    const ranking = rankProposals(
      [
        input('late', { votes: 10, submittedAt: 300 }),
        input('z-early', { votes: 10, submittedAt: 100 }),
        input('a-early', { votes: 10, submittedAt: 100 }),
        input('top', { votes: 11, submittedAt: 900 }),
      ],
      VOTES,
    );
    expect(ids(ranking)).toEqual(['top', 'a-early', 'z-early', 'late']);
  });
});

describe('rankProposals — jury rounds', () => {
  it('ranks by jury score with a null vote score when no votes exist', () => {
    const ranking = rankProposals(
      [input('a', { juryScore: 61.5, evaluationCount: 2 }), input('b', { juryScore: 88, evaluationCount: 3 })],
      JURY,
    );
    expect(ids(ranking)).toEqual(['b', 'a']);
    expect(ranking[0]).toMatchObject({ voteScore: null, juryScore: 88, finalScore: 88, reachedQuorum: true });
    expect(ranking[1].finalScore).toBe(61.5);
  });

  it('puts proposals short of the minimum evaluations after every proposal that reached it', () => {
    const ranking = rankProposals(
      [
        input('brilliant-but-alone', { juryScore: 99, evaluationCount: 1 }),
        input('modest', { juryScore: 40, evaluationCount: 2 }),
        input('unseen', { juryScore: null, evaluationCount: 0 }),
        input('good', { juryScore: 75, evaluationCount: 4 }),
        input('weak-and-alone', { juryScore: 10, evaluationCount: 1 }),
      ],
      JURY,
    );
    expect(ids(ranking)).toEqual(['good', 'modest', 'brilliant-but-alone', 'weak-and-alone', 'unseen']);
    expect(ranking.map((r) => r.reachedQuorum)).toEqual([true, true, false, false, false]);
    expect(ranking[4]).toMatchObject({ juryScore: null, finalScore: 0 });
  });

  it('ranks a proposal without jury score below one with a jury score of 0', () => {
    const ranking = rankProposals(
      [input('unseen', { juryScore: null, submittedAt: 1 }), input('zero', { juryScore: 0, submittedAt: 2 })],
      { ...JURY, minEvaluations: 0 },
    );
    expect(ids(ranking)).toEqual(['zero', 'unseen']);
  });
});

describe('rankProposals — combined final rounds', () => {
  it('mixes jury and vote scores with the public vote weight', () => {
    const w = 0.3;
    const ranking = rankProposals(
      [
        input('a', { juryScore: 80, votes: 20, evaluationCount: 3 }),
        input('b', { juryScore: 70, votes: 50, evaluationCount: 3 }),
        input('c', { juryScore: 90, votes: 0, evaluationCount: 3 }),
      ],
      combined(w, 3),
    );
    const expected = {
      a: (1 - w) * 80 + w * ((100 * 20) / 50),
      b: (1 - w) * 70 + w * 100,
      c: (1 - w) * 90 + w * 0,
    };
    expect(ids(ranking)).toEqual(['b', 'a', 'c']);
    for (const row of ranking) expect(row.finalScore).toBeCloseTo(expected[row.proposalId as 'a' | 'b' | 'c'], 9);
    expect(ranking[1].voteScore).toBeCloseTo(40, 9);
  });

  it('weight 0 is the jury alone and weight 1 the public alone', () => {
    const inputs = [input('jury-pick', { juryScore: 90, votes: 1 }), input('crowd-pick', { juryScore: 50, votes: 10 })];
    expect(ids(rankProposals(inputs, combined(0)))).toEqual(['jury-pick', 'crowd-pick']);
    expect(ids(rankProposals(inputs, combined(1)))).toEqual(['crowd-pick', 'jury-pick']);
  });

  it('counts a missing jury score as 0 in the final score but reports it as null', () => {
    const w = 0.4;
    const ranking = rankProposals(
      [input('unseen', { votes: 80, juryScore: null }), input('seen', { votes: 20, juryScore: 50 })],
      combined(w),
    );
    const unseen = ranking.find((r) => r.proposalId === 'unseen')!;
    expect(unseen.juryScore).toBeNull();
    expect(unseen.finalScore).toBeCloseTo(w * 100, 9);
    const seen = ranking.find((r) => r.proposalId === 'seen')!;
    expect(seen.finalScore).toBeCloseTo((1 - w) * 50 + w * ((100 * 20) / 80), 9);
  });

  it('breaks a final-score tie by jury score, then votes', () => {
    const ranking = rankProposals(
      [
        input('crowd', { juryScore: 60, votes: 80 }),
        input('jury', { juryScore: 80, votes: 60 }),
        input('max', { juryScore: 0, votes: 100 }),
      ],
      combined(0.5),
    );
    // 0.5·60 + 0.5·80 = 0.5·80 + 0.5·60 = 70
    expect(ids(ranking)).toEqual(['jury', 'crowd', 'max']);

    const sameJury = rankProposals(
      [
        input('fewer', { juryScore: 70, votes: 40, submittedAt: 1 }),
        input('more', { juryScore: 70, votes: 41, submittedAt: 2 }),
      ],
      combined(0),
    );
    expect(ids(sameJury)).toEqual(['more', 'fewer']);
  });

  it('treats scores equal up to floating-point noise as tied', () => {
    // 0.7·3 + 0.3·0 = 2.0999999999999996 while 0.7·0 + 0.3·7 = 2.1; both are exactly 2.1 on paper.
    const ranking = rankProposals(
      [
        input('votes-7', { juryScore: 0, votes: 7 }),
        input('jury-3', { juryScore: 3, votes: 0 }),
        input('sets-the-max', { juryScore: 0, votes: 100 }),
      ],
      combined(0.3),
    );
    expect(ranking[1].finalScore).not.toBe(ranking[2].finalScore);
    expect(ids(ranking)).toEqual(['sets-the-max', 'jury-3', 'votes-7']);
  });

  it('rejects a public vote weight outside [0, 1]', () => {
    expect(() => rankProposals([], combined(1.2))).toThrow(RangeError);
    expect(() => rankProposals([], combined(-0.1))).toThrow(RangeError);
  });
});

describe('advancingProposalIds', () => {
  it('takes the head of the ranking of a non-final voting round, by votes alone', () => {
    const ranking = rankProposals(
      [
        input('a', { votes: 5, juryScore: 100, evaluationCount: 9 }),
        input('b', { votes: 9 }),
        input('c', { votes: 7 }),
      ],
      VOTES,
    );
    expect(advancingProposalIds(ranking, 2)).toEqual(['b', 'c']);
    expect(advancingProposalIds(ranking, 10)).toEqual(['b', 'c', 'a']);
    expect(advancingProposalIds(ranking, 0)).toEqual([]);
  });
});

describe('rankProposals — properties', () => {
  const randomInputs = (random: () => number): RankInput[] =>
    Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
      proposalId: `p${Math.floor(random() * 1000)}-${i}`,
      // few distinct values so that every tie-break gets exercised
      submittedAt: Math.floor(random() * 3),
      votes: Math.floor(random() * 4),
      juryScore: random() < 0.15 ? null : Math.floor(random() * 3) * 25,
      evaluationCount: Math.floor(random() * 4),
    }));

  it('ranks are 1..n, every proposal appears once and adjacent rows respect the tie-break chain', () => {
    const random = seededRandom(99);
    for (let trial = 0; trial < 300; trial++) {
      const inputs = randomInputs(random);
      const options = [VOTES, JURY, combined(0.25, 2)][trial % 3];
      const ranking = rankProposals(inputs, options);
      const byId = new Map(inputs.map((i) => [i.proposalId, i]));

      expect(ranking.map((r) => r.rank)).toEqual(inputs.map((_, i) => i + 1));
      expect(new Set(ids(ranking))).toEqual(new Set(byId.keys()));

      for (let i = 1; i < ranking.length; i++) {
        const [above, below] = [ranking[i - 1], ranking[i]];
        const key = (r: typeof above) => [
          r.reachedQuorum ? 1 : 0,
          r.finalScore,
          r.juryScore ?? -1,
          r.votes ?? -1,
          -byId.get(r.proposalId)!.submittedAt,
        ];
        const [a, b] = [key(above), key(below)];
        const firstDifference = a.findIndex((value, k) => Math.abs(value - b[k]) > 1e-9);
        if (firstDifference === -1) expect(above.proposalId < below.proposalId).toBe(true);
        else expect(a[firstDifference]).toBeGreaterThan(b[firstDifference]);
      }
    }
  });

  it('does not depend on the order of its input', () => {
    const random = seededRandom(4242);
    for (let trial = 0; trial < 200; trial++) {
      const inputs = randomInputs(random);
      const options = [VOTES, JURY, combined(0.6, 1)][trial % 3];
      expect(rankProposals(shuffled(inputs, random), options)).toEqual(rankProposals(inputs, options));
    }
  });
});
