import { rankTally, type TallyInput } from './tally.js';
import { seededRandom } from '../../common/seeded-random.js';

const row = (proposalId: string, votes: number, submittedAt = 0): TallyInput => ({ proposalId, votes, submittedAt });

describe('rankTally', () => {
  it('ranks by votes and gives each proposal its share of the round total', () => {
    const tally = rankTally([row('a', 12), row('b', 30), row('c', 8)]);
    expect(tally.map((r) => [r.proposalId, r.votes, r.rank])).toEqual([
      ['b', 30, 1],
      ['a', 12, 2],
      ['c', 8, 3],
    ]);
    expect(tally[0].share).toBeCloseTo(30 / 50, 9);
    expect(tally[1].share).toBeCloseTo(12 / 50, 9);
    expect(tally[2].share).toBeCloseTo(8 / 50, 9);
  });

  it('breaks equal votes by earlier submission, then by id, without shared ranks', () => {
    const tally = rankTally([row('late', 5, 300), row('z', 5, 100), row('a', 5, 100), row('none', 0, 1)]);
    expect(tally.map((r) => r.proposalId)).toEqual(['a', 'z', 'late', 'none']);
    expect(tally.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(tally.map((r) => r.share)).toEqual([5 / 15, 5 / 15, 5 / 15, 0]);
  });

  it('compares ids by code unit, not by locale', () => {
    expect(rankTally([row('b', 1), row('B', 1), row('a', 1)]).map((r) => r.proposalId)).toEqual(['B', 'a', 'b']);
  });

  it('gives shares of 0 when nobody voted', () => {
    const tally = rankTally([row('x', 0, 2), row('y', 0, 1)]);
    expect(tally).toEqual([
      { proposalId: 'y', votes: 0, rank: 1, share: 0 },
      { proposalId: 'x', votes: 0, rank: 2, share: 0 },
    ]);
  });

  it('returns an empty tally for no proposals and leaves its input untouched', () => {
    expect(rankTally([])).toEqual([]);
    const input = [row('a', 1), row('b', 2)];
    rankTally(input);
    expect(input.map((r) => r.proposalId)).toEqual(['a', 'b']);
  });

  it('property: shares sum to 1, votes never increase down the table and order does not depend on input order', () => {
    const random = seededRandom(31337);
    for (let trial = 0; trial < 300; trial++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 15) }, (_, i) =>
        row(`p${i}`, Math.floor(random() * 5), Math.floor(random() * 3)),
      );
      const tally = rankTally(rows);
      const total = rows.reduce((sum, r) => sum + r.votes, 0);
      const shareSum = tally.reduce((sum, r) => sum + r.share, 0);
      expect(shareSum).toBeCloseTo(total === 0 ? 0 : 1, 9);
      for (let i = 1; i < tally.length; i++) expect(tally[i].votes).toBeLessThanOrEqual(tally[i - 1].votes);
      expect(tally.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
      expect(rankTally([...rows].reverse())).toEqual(tally);
    }
  });
});
