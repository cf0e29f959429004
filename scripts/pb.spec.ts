import { runPb } from './pb.js';

const FILE = `META
key;value
description;Ejemplo
num_projects;3
num_votes;3
budget;330.50
vote_type;approval
rule;equalshares/add1
PROJECTS
project_id;cost;name
p;240;Parque
q;60;Quiosco
r;90;Rampa
VOTES
voter_id;vote
1;p,q
2;p,r
3;p,r
`;

const files: Record<string, string> = {
  'ok.pb': FILE,
  'borda.pb': FILE.replace('vote_type;approval', 'vote_type;ordinal'),
};
const read = (path: string): string => {
  if (!(path in files)) throw new Error('ENOENT: no such file');
  return files[path];
};

describe('runPb', () => {
  it('runs equal shares with add1 completion', () => {
    const report = runPb(['ok.pb', '--rule', 'equal-shares'], read);
    expect(report).toMatch(/^funded: p,r\ntotal cost: 330 of 330\.50\nballot limits: none\ntime: \d+\.\d ms$/);
  });

  it('accepts projects that cost nothing: funded when anyone approves them', () => {
    files['free.pb'] = FILE.replace('q;60;Quiosco', 'q;0;Quiosco').replace('r;90;Rampa', 'r;90;Rampa\nz;0;Nadie');
    for (const rule of ['equal-shares', 'greedy']) {
      const [funded, cost] = runPb(['free.pb', '--rule', rule], read).split('\n');
      expect(new Set(funded.slice('funded: '.length).split(','))).toEqual(
        new Set(rule === 'greedy' ? ['p', 'q', 'r', 'z'] : ['p', 'q', 'r']),
      );
      expect(cost).toBe('total cost: 330 of 330.50');
    }
  });

  it('reads the ballot limits of META and says which it applied and how many ballots break them', () => {
    files['limits.pb'] = FILE.replace('rule;equalshares/add1', 'rule;equalshares/add1\nmin_length;2\nmax_length;2');
    expect(runPb(['limits.pb', '--rule', 'equal-shares'], read).split('\n')[2]).toBe(
      'ballot limits: min_length 2, max_length 2 (every ballot within them)',
    );
    files['outside.pb'] = files['limits.pb'].replace('max_length;2', 'max_length;2\nmax_sum_cost;300') + '4;q\n';
    expect(runPb(['outside.pb', '--rule', 'greedy'], read).split('\n')[2]).toBe(
      'ballot limits: min_length 2, max_length 2, max_sum_cost 300 (3 ballots outside them, counted as cast)',
    );
    files['badlimit.pb'] = FILE.replace('rule;', 'min_length;3\nmax_length;2\nrule;');
    expect(() => runPb(['badlimit.pb', '--rule', 'greedy'], read)).toThrow(/min_length 3 is above max_length 2/);
  });

  it('runs greedy', () => {
    expect(runPb(['--rule=greedy', 'ok.pb'], read).split('\n').slice(0, 2)).toEqual([
      'funded: p,r',
      'total cost: 330 of 330.50',
    ]);
  });

  it.each([
    [['ok.pb', '--rule', 'borda'], /unknown rule "borda"/],
    [['ok.pb'], /usage: pb/],
    [['--rule', 'greedy'], /usage: pb/],
    [['ok.pb', '--verbose', '--rule', 'greedy'], /unknown option --verbose/],
    [['missing.pb', '--rule', 'greedy'], /cannot read missing\.pb: ENOENT/],
    [['borda.pb', '--rule', 'greedy'], /vote_type "ordinal" is not supported/],
  ])('fails clearly for %j', (args, message) => {
    expect(() => runPb(args, read)).toThrow(message);
  });

  it('reports malformed files with their line number', () => {
    files['bad.pb'] = FILE.replace('q;60;Quiosco', 'q;sesenta;Quiosco');
    expect(() => runPb(['bad.pb', '--rule', 'greedy'], read)).toThrow(/line 12: invalid amount "sesenta"/);
    files['nobudget.pb'] = FILE.replace('budget;330.50\n', '');
    expect(() => runPb(['nobudget.pb', '--rule', 'greedy'], read)).toThrow(/META has no budget/);
  });
});
