import { resultDownloads } from './downloads';

describe('resultDownloads', () => {
  it('offers results, proposals and tallies, plus the files each method needs to be recomputed', () => {
    expect(resultDownloads('c1', 'VOTES').map((d) => d.href)).toEqual([
      '/open-data/challenges/c1/results.csv',
      '/open-data/challenges/c1/proposals.csv',
      '/open-data/challenges/c1/tallies.csv',
    ]);
    expect(resultDownloads('c1', 'JURY').map((d) => d.href)).toContain('/open-data/challenges/c1/evaluations.csv');
    expect(resultDownloads('c1', 'BUDGET').map((d) => d.href)).toContain('/open-data/challenges/c1/ballots.pb');
    expect(resultDownloads('c1', 'BUDGET').map((d) => d.href)).not.toContain(
      '/open-data/challenges/c1/evaluations.csv',
    );
  });
});
