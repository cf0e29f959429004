import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { parsePabulib } from '../../src/modules/voting/pabulib.js';
import { createPublishedChallenge } from '../support/challenge-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { createVoters, createVotingChallenge } from '../support/voting-fixtures.js';

const HOUR = 3600_000;
const FILES = ['challenges', 'proposals', 'results', 'evaluations', 'tallies', 'audit-events'].flatMap((d) => [
  `${d}.csv`,
  `${d}.json`,
]);
const PUBLIC_LIST = `query($id: ID!) { challenge(id: $id) { proposalCount
  proposals(filter: { statuses: [SUBMITTED, WITHDRAWN] }, first: 100) { totalCount nodes { id title } } } }`;
const ONE = `query($id: ID!) { proposal(id: $id) { id title } }`;

type Row = Record<string, string>;

/**
 * Issue #16, tried as a curious journalist would, with only public files and anonymous GraphQL: drafts,
 * spreadsheet formulas, fingerprints, juror labels and ballot order must not lead back to a person.
 */
describe('privacy of public paths', () => {
  let api: TestApp;
  let sql: pg.Client;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const csvRows = async (path: string): Promise<Row[]> => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    const [header, ...records]: string[][] = parse(body);
    return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  };
  /** ETag and Last-Modified of every open-data file, all challenges and one. */
  const fingerprints = async (challengeId: string) => {
    const paths = [
      ...FILES.map((f) => `/open-data/${f}`),
      ...FILES.map((f) => `/open-data/challenges/${challengeId}/${f}`),
    ];
    const entries = await Promise.all(
      paths.map(async (path) => {
        const { headers } = await get(path);
        return [path, `${headers.get('etag')} ${headers.get('last-modified')}`] as const;
      }),
    );
    return Object.fromEntries(entries);
  };

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  async function submissionChallenge() {
    const now = Date.now();
    const challenge = await createPublishedChallenge(sql, [
      { kind: 'SUBMISSION', opensAt: new Date(now - HOUR), closesAt: new Date(now + HOUR) },
      { kind: 'VOTING', opensAt: new Date(now + HOUR), closesAt: new Date(now + 2 * HOUR) },
    ]);
    const {
      rows: [author],
    } = await sql.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified_at) VALUES ($1, 'x', '@Autora', now()) RETURNING id`,
      [`autora-${challenge.challengeId}@ejemplo.mx`],
    );
    const insert = async (title: string, status: string, submitted: boolean) => {
      const {
        rows: [p],
      } = await sql.query(
        `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, submitted_at)
         VALUES ($1, $2, $3, 'Resumen', 'Cuerpo de la propuesta.', $4, CASE WHEN $5 THEN now() END) RETURNING id`,
        [challenge.challengeId, author.id, title, status, submitted],
      );
      return p.id as string;
    };
    return {
      challengeId: challenge.challengeId,
      authorId: author.id as string,
      draft: await insert('SECRETO-BORRADOR-RETIRADO', 'WITHDRAWN', false),
      withdrawn: await insert('Retirada después de enviarse', 'WITHDRAWN', true),
      formula: await insert('=HYPERLINK("http://malicioso.example","clic")', 'SUBMITTED', true),
    };
  }

  it('never publishes a draft withdrawn before it was submitted: not in any file, count or list', async () => {
    const c = await submissionChallenge();
    for (const path of [
      '/open-data/proposals.csv',
      '/open-data/proposals.json',
      `/open-data/challenges/${c.challengeId}/proposals.csv`,
      `/open-data/challenges/${c.challengeId}/proposals.json`,
    ]) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(body).not.toContain('SECRETO-BORRADOR');
      expect(body).not.toContain(c.draft);
      expect(body).toContain(c.withdrawn); // submitted, then withdrawn: stays on the public record
    }
    const [row] = await csvRows(`/open-data/challenges/${c.challengeId}/challenges.csv`);
    expect(row.proposal_count).toBe('2');
    const { data } = await api.gql(PUBLIC_LIST, { id: c.challengeId });
    expect(data.challenge.proposals.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [c.withdrawn, c.formula].sort(),
    );
    expect((await api.gql(ONE, { id: c.draft })).data?.proposal ?? null).toBeNull();
  });

  it("answers someone else's never-submitted draft exactly like a missing id", async () => {
    const c = await submissionChallenge();
    const {
      rows: [own],
    } = await sql.query(
      `INSERT INTO proposals (challenge_id, author_id, title, summary, body) VALUES ($1, $2, 'Borrador', 'Resumen', 'Cuerpo.') RETURNING id`,
      [c.challengeId, c.authorId],
    );
    const [stranger] = await createVoters(sql, api.config, 1);
    const missing = '00000000-0000-4000-8000-000000000000';
    const answers = async (id: string) =>
      Promise.all(
        [
          [`mutation($id: ID!) { updateProposal(id: $id, input: { title: "Un título ajeno y largo" }) { id } }`, {}],
          [`mutation($id: ID!) { submitProposal(id: $id) { id } }`, {}],
          [`mutation($id: ID!) { withdrawProposal(id: $id) { id } }`, {}],
          [`mutation($id: ID!, $e: String!) { addCoAuthor(proposalId: $id, email: $e) { id } }`, { e: 'x@ejemplo.mx' }],
          [`mutation($id: ID!) { leaveProposal(proposalId: $id) }`, {}],
        ].map(async ([query, extra]) => {
          const res = await api.gql(query as string, { id, ...(extra as object) }, stranger.token);
          return [res.errors?.[0].extensions?.code, res.errors?.[0].message];
        }),
      );
    const expected = await answers(missing);
    expect(expected.map(([code]) => code)).toEqual(Array(5).fill('NOT_FOUND'));
    expect(await answers(own.id)).toEqual(expected);
    expect(await answers(c.draft)).toEqual(expected);
  });

  it('exports formula-looking text inert in CSV (leading apostrophe) and unchanged in JSON', async () => {
    const c = await submissionChallenge();
    const rows = await csvRows(`/open-data/challenges/${c.challengeId}/proposals.csv`);
    const formula = rows.find((r) => r.id === c.formula)!;
    expect(formula.title).toBe(`'=HYPERLINK("http://malicioso.example","clic")`);
    expect(formula.author).toBe(`'@Autora`);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+@\t\r]/);
    const json = JSON.parse((await get(`/open-data/challenges/${c.challengeId}/proposals.json`)).body) as Row[];
    expect(json.find((r) => r.id === c.formula)!.title).toBe('=HYPERLINK("http://malicioso.example","clic")');
  });

  it('moves a file fingerprint only with the data that file shows, never with unrelated accounts', async () => {
    const c = await submissionChallenge();
    const before = await fingerprints(c.challengeId);

    // A new account, and an unrelated account that moves house and renames itself.
    const [stranger] = await createVoters(sql, api.config, 1);
    await sql.query(
      `UPDATE users SET state_code = '21', municipality_code = '21114', display_name = 'Otro nombre', updated_at = now() + interval '1 hour' WHERE id = $1`,
      [stranger.id],
    );
    // An author changes residence only: nothing public changes.
    await sql.query(`UPDATE users SET state_code = '09', updated_at = now() + interval '2 hours' WHERE id = $1`, [
      c.authorId,
    ]);
    expect(await fingerprints(c.challengeId)).toEqual(before);

    // The author's public name is printed only in proposals: only those files move.
    await sql.query(`UPDATE users SET display_name = 'Autora Renombrada', updated_at = now() WHERE id = $1`, [
      c.authorId,
    ]);
    const after = await fingerprints(c.challengeId);
    const moved = Object.keys(before).filter((path) => after[path] !== before[path]);
    expect(moved.sort()).toEqual(
      [
        '/open-data/proposals.csv',
        '/open-data/proposals.json',
        `/open-data/challenges/${c.challengeId}/proposals.csv`,
        `/open-data/challenges/${c.challengeId}/proposals.json`,
      ].sort(),
    );
  });

  it('labels jurors independently of the order they joined the jury (50 challenges)', async () => {
    const past = Date.now() - 3 * HOUR;
    const firstJurorLabels: Record<string, string> = {};
    for (let n = 0; n < 50; n++) {
      const challenge = await createPublishedChallenge(sql, [
        { kind: 'SUBMISSION', opensAt: new Date(past), closesAt: new Date(past + HOUR) },
        { kind: 'EVALUATION', opensAt: new Date(past + HOUR), closesAt: new Date(past + 2 * HOUR) },
      ]);
      const round = challenge.rounds[1].id;
      const {
        rows: [proposal],
      } = await sql.query(
        `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, submitted_at, stage)
         VALUES ($1, $2, 'Propuesta', 'Resumen', 'Cuerpo.', 'SUBMITTED', now(), 2) RETURNING id`,
        [challenge.challengeId, challenge.adminId],
      );
      const people = await createVoters(sql, api.config, 3);
      for (const [k, person] of people.entries()) {
        // One at a time, as addJuror would: joining order is k.
        const {
          rows: [juror],
        } = await sql.query(`INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2) RETURNING id`, [
          challenge.challengeId,
          person.id,
        ]);
        const {
          rows: [assignment],
        } = await sql.query(
          `INSERT INTO jury_assignments (round_id, juror_id, proposal_id) VALUES ($1, $2, $3) RETURNING id`,
          [round, juror.id, proposal.id],
        );
        await sql.query(
          `INSERT INTO evaluations (assignment_id, round_id, juror_id, proposal_id, scores, total, submitted_at, updated_at)
           VALUES ($1, $2, $3, $4, '[]', $5, $6, $6)`,
          [assignment.id, round, juror.id, proposal.id, 10 * (k + 1), new Date(past + 1.5 * HOUR)],
        );
      }
      await sql.query(`UPDATE rounds SET status = 'CLOSED' WHERE challenge_id = $1`, [challenge.challengeId]);
      await sql.query(`UPDATE challenges SET status = 'FINISHED', finished_at = now() WHERE id = $1`, [
        challenge.challengeId,
      ]);
      firstJurorLabels[challenge.challengeId] = '';
    }
    for (const row of await csvRows('/open-data/evaluations.csv')) {
      if (row.challenge_id in firstJurorLabels && row.total === '10')
        firstJurorLabels[row.challenge_id] = row.juror_label;
    }
    const labels = Object.values(firstJurorLabels);
    expect(labels.every((l) => /^Jurado [123]$/.test(l))).toBe(true);
    // Joining order would make the first juror "Jurado 1" every time; at random it is about a third.
    expect(labels.filter((l) => l === 'Jurado 1').length).toBeLessThan(30);
    expect(new Set(labels)).toEqual(new Set(['Jurado 1', 'Jurado 2', 'Jurado 3']));
  });

  it('lists budget ballots in a random order unrelated to voter accounts, under fresh pseudonyms', async () => {
    const now = Date.now();
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '1000.00', winnerCount: 1 },
      budget: '1000.00',
      costs: Array.from({ length: 8 }, () => '100.00'),
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(now - 3 * HOUR), closesAt: new Date(now - 2 * HOUR) },
        { kind: 'VOTING', opensAt: new Date(now - 2 * HOUR), closesAt: new Date(now - HOUR) },
      ],
    });
    const round = challenge.rounds[1].id;
    const P = challenge.proposalIds;
    // 200 voters; each ballot spells its voter's rank in account-id order in binary over the 8 projects.
    const voters = (await createVoters(sql, api.config, 200)).map((v) => v.id).sort();
    // Stamped inside the round's window while it was open, as the trigger demands; closed again below.
    await sql.query(`UPDATE rounds SET status = 'OPEN' WHERE id = $1`, [round]);
    for (const [rank, voterId] of voters.entries()) {
      const approved = P.filter((_, bit) => (rank >> bit) & 1);
      await sql.query(
        `INSERT INTO budget_ballots (round_id, voter_id, voter_budget, total_cost, submitted_at) VALUES ($1, $2, 1000, $3, $4)`,
        [round, voterId, approved.length * 100, new Date(now - 1.5 * HOUR)],
      );
      for (const proposalId of approved)
        await sql.query(`INSERT INTO budget_ballot_items (round_id, voter_id, proposal_id) VALUES ($1, $2, $3)`, [
          round,
          voterId,
          proposalId,
        ]);
    }
    await sql.query(`UPDATE rounds SET status = 'CLOSED' WHERE id = $1`, [round]);
    await sql.query(`UPDATE challenges SET status = 'FINISHED', finished_at = now() WHERE id = $1`, [
      challenge.challengeId,
    ]);
    await sql.query(
      `INSERT INTO challenge_results (challenge_id, method, total_voters, total_votes, published_at) VALUES ($1, 'x', 200, 0, now())`,
      [challenge.challengeId],
    );
    for (const [i, proposalId] of P.entries())
      await sql.query(
        `INSERT INTO result_entries (challenge_id, proposal_id, rank, final_score, is_winner) VALUES ($1, $2, $3, 0, false)`,
        [challenge.challengeId, proposalId, i + 1],
      );

    const ranksInFileOrder = async () => {
      const file = await get(`/open-data/challenges/${challenge.challengeId}/ballots.pb`);
      expect(file.status).toBe(200);
      return parsePabulib(file.body).votes.map((v) => v.approved.reduce((rank, id) => rank | (1 << P.indexOf(id)), 0));
    };
    const first = await ranksInFileOrder();
    expect([...first].sort((a, b) => a - b)).toEqual(voters.map((_, rank) => rank));
    // Spearman's rank correlation between row and account order: 1 in account order, near 0 at random
    // (standard deviation 1/√199 ≈ 0.07).
    const n = first.length;
    const rho = 1 - (6 * first.reduce((sum, rank, row) => sum + (rank - row) ** 2, 0)) / (n * (n * n - 1));
    expect(Math.abs(rho)).toBeLessThan(0.3);
    // The order is fixed once (a random key per ballot); the pseudonyms are drawn anew per download.
    expect(await ranksInFileOrder()).toEqual(first);
  });
});
