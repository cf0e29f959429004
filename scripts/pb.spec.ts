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
    expect(report).toMatch(/^funded: p,r\ntotal cost: 330 of 330\.50\ntime: \d+\.\d ms$/);
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
