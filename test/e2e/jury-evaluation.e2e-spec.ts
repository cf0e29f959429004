import {
  ADD_JUROR,
  advanceTo,
  ASSIGNMENTS,
  createJuryChallenge,
  createPeople,
  DECLARE,
  SUBMIT,
  type JuryChallenge,
  type Person,
  juryHarness,
} from '../support/evaluation-fixtures.js';
import { CAST } from '../support/voting-fixtures.js';

/**
 * A challenge through the API: submission (done) → voting (advance 5 of 7) → evaluation by 4 jurors with
 * 3 weighted criteria → results. Expected scores are computed here by hand from RULES §7, independently of
 * the server's code, with and without normalisation: a lenient, wide-spread juror decides the winner on
 * raw means, and normalisation hands the win to the proposal the other three preferred.
 */

const CRITERIA: [number, number][] = [
  [3, 10],
  [2, 5],
  [1, 20],
]; // [weight, maxScore]
const PUBLIC_VOTE_WEIGHT = 0.3;
const MIN_EVALUATIONS = 3;

// Scoresheets per juror (index) and proposal (P1..P5 = index 0..4); null: not evaluated.
const SHEETS: ([number, number, number] | null)[][] = [
  [
    [10, 5, 20],
    [0, 0, 0],
    [5, 3, 10],
    [5, 2, 10],
    [10, 5, 18],
  ], // lenient and wide: loves P1, hates P2
  [
    [5, 2, 10],
    [7, 3, 12],
    [6, 3, 10],
    [5, 3, 11],
    [9, 4, 18],
  ],
  [[5, 2, 9], [7, 3, 13], [6, 2, 12], null /* conflict */, null],
  [[5, 3, 8], [7, 3, 12], [6, 3, 11], [6, 2, 10], null],
];
// Voter i votes for these proposals (index); counts P1 4, P2 4, P3 3, P4 3, P5 3, P6 1, P7 0.
const BALLOTS = [
  [0, 1, 2],
  [0, 1, 3],
  [0, 1, 4],
  [0, 1, 2],
  [2, 3, 4],
  [3, 4, 5],
];

const total = (sheet: number[]) =>
  (100 * CRITERIA.reduce((sum, [w, max], c) => sum + w * (sheet[c] / max), 0)) / CRITERIA.reduce((s, [w]) => s + w, 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** RULES §7 by hand: jury scores, quorum, combined score, tie chain (all submitted in order, so index breaks ties). */
function expected(normalize: boolean, votes: number[]) {
  const evals = SHEETS.flatMap((row, j) =>
    row.map((sheet, p) => (sheet ? { j, p, t: total(sheet) } : null)).filter((e) => e !== null),
  ) as { j: number; p: number; t: number }[];
  const all = evals.map((e) => e.t);
  const value = (e: { j: number; t: number }) => {
    if (!normalize) return e.t;
    const own = evals.filter((x) => x.j === e.j).map((x) => x.t);
    return sd(own) === 0 ? 0 : (e.t - mean(own)) / sd(own);
  };
  const maxVotes = Math.max(...votes);
  const lines = [0, 1, 2, 3, 4].map((p) => {
    const mine = evals.filter((e) => e.p === p);
    const raw = mean(mine.map(value));
    const jury = normalize ? Math.min(100, Math.max(0, mean(all) + sd(all) * raw)) : raw;
    const voteScore = (100 * votes[p]) / maxVotes;
    return {
      p,
      jury,
      voteScore,
      final: (1 - PUBLIC_VOTE_WEIGHT) * jury + PUBLIC_VOTE_WEIGHT * voteScore,
      count: mine.length,
      quorum: mine.length >= MIN_EVALUATIONS,
    };
  });
  lines.sort(
    (a, b) =>
      Number(b.quorum) - Number(a.quorum) ||
      b.final - a.final ||
      b.jury - a.jury ||
      votes[b.p] - votes[a.p] ||
      a.p - b.p,
  );
  return lines;
}

describe('jury evaluation through the API', () => {
  const h = juryHarness();
  const ok: typeof h.ok = (...args) => h.ok(...args);

  const reasonOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    res.errors?.[0]?.extensions?.reason ?? res.errors?.[0]?.extensions?.code ?? 'ok';

  async function journey(normalize: boolean) {
    const challenge: JuryChallenge = await createJuryChallenge(h.sql, h.api.config, {
      kinds: ['SUBMISSION', 'VOTING', 'EVALUATION'],
      advance: [null, 5, null],
      openPosition: 2,
      proposals: 7,
      settings: {
        votingMethod: 'MULTIPLE',
        maxVotesPerVoter: 3,
        winnerCount: 1,
        normalizeJurorScores: normalize,
        blindEvaluation: true,
        minEvaluationsPerProposal: MIN_EVALUATIONS,
        jurorsPerProposal: null,
        publicVoteWeight: PUBLIC_VOTE_WEIGHT,
      },
      criteria: CRITERIA,
    });
    const P = challenge.proposalIds;
    const [jurors, voters] = [
      await createPeople(h.sql, h.api.config, 4),
      await createPeople(h.sql, h.api.config, BALLOTS.length),
    ];
    for (const [i, juror] of jurors.entries())
      await ok(ADD_JUROR, { c: challenge.challengeId, email: juror.email, chair: i === 0 }, challenge.adminToken);
    for (const [v, ballot] of BALLOTS.entries()) for (const p of ballot) await ok(CAST, { id: P[p] }, voters[v].token);
    return { challenge, P, jurors, voters };
  }

  async function evaluate(challenge: JuryChallenge, P: string[], jurors: Person[]) {
    for (const [j, row] of SHEETS.entries()) {
      for (const [p, sheet] of row.entries()) {
        if (!sheet) continue;
        await ok(
          SUBMIT,
          {
            input: {
              proposalId: P[p],
              scores: challenge.criteria.map((c, i) => ({ criterionId: c.id, score: sheet[i] })),
            },
          },
          jurors[j].token,
        );
      }
    }
  }

  const RESULTS = `query($id: ID) { challenge(id: $id) { status results { method totalVoters totalVotes winners { id } entries {
    rank finalScore juryScore voteScore votes evaluationCount isWinner proposal { id juryScore rank isWinner author { id } }
    criterionAverages { average criterion { id } } jurorScores { jurorLabel total normalized } } } } }`;

  it.each([false, true])(
    'ranks by the §7 formulas (normalizeJurorScores: %s), with refusals that store nothing',
    async (normalize) => {
      const { challenge, P, jurors, voters } = await journey(normalize);

      // Jurors neither vote nor get added after voting (JUROR_CONFLICT); evaluating before the round opens: ROUND_NOT_OPEN.
      expect(reasonOf(await h.api.gql(CAST, { id: P[0] }, jurors[0].token))).toBe('JUROR_CONFLICT');
      expect(
        reasonOf(
          await h.api.gql(ADD_JUROR, { c: challenge.challengeId, email: voters[0].email }, challenge.adminToken),
        ),
      ).toBe('JUROR_CONFLICT');
      const scoresFor = (sheet: number[]) => challenge.criteria.map((c, i) => ({ criterionId: c.id, score: sheet[i] }));
      expect(
        reasonOf(
          await h.api.gql(SUBMIT, { input: { proposalId: P[0], scores: scoresFor([1, 1, 1]) } }, jurors[0].token),
        ),
      ).toBe('ROUND_NOT_OPEN');

      await advanceTo(h.sql, h.api, challenge, 2); // voting closes (P1..P5 advance), evaluation opens and assigns
      const mine = (await ok(ASSIGNMENTS, { c: challenge.challengeId }, jurors[2].token)).myEvaluationAssignments;
      expect(mine.map((a: { proposal: { id: string } }) => a.proposal.id).sort()).toEqual(P.slice(0, 5).sort());
      // Blind: no author on any path for a juror; the public sees it.
      expect(
        mine.every(
          (a: { proposal: { author: unknown; coAuthors: unknown[] } }) =>
            a.proposal.author === null && a.proposal.coAuthors.length === 0,
        ),
      ).toBe(true);
      const ONE = `query($id: ID!) { proposal(id: $id) { author { id } coAuthors { id } } }`;
      expect((await ok(ONE, { id: P[0] }, jurors[1].token)).proposal.author).toBeNull();
      const LIST = `query($id: ID) { challenge(id: $id) { proposals(first: 20) { nodes { id author { id } } } } }`;
      expect(
        (await ok(LIST, { id: challenge.challengeId }, jurors[1].token)).challenge.proposals.nodes.every(
          (n: { author: unknown }) => n.author === null,
        ),
      ).toBe(true);
      expect((await ok(ONE, { id: P[0] }, voters[0].token)).proposal.author.id).toBe(challenge.authorId);

      // Refusals, each storing nothing.
      const count = async () =>
        Number(
          (
            await h.sql.query(
              'SELECT count(*) FROM evaluations e JOIN rounds r ON r.id = e.round_id WHERE r.challenge_id = $1',
              [challenge.challengeId],
            )
          ).rows[0].count,
        );
      expect(
        reasonOf(
          await h.api.gql(SUBMIT, { input: { proposalId: P[5], scores: scoresFor([1, 1, 1]) } }, jurors[0].token),
        ),
      ).toBe('NOT_ASSIGNED'); // eliminated
      expect(
        reasonOf(
          await h.api.gql(SUBMIT, { input: { proposalId: P[0], scores: scoresFor([1, 1, 1]) } }, voters[0].token),
        ),
      ).toBe('NOT_ASSIGNED'); // not a juror
      const tooHigh = await h.api.gql(
        SUBMIT,
        { input: { proposalId: P[0], scores: scoresFor([11, 1, 1]) } },
        jurors[0].token,
      );
      expect(tooHigh.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'scores.0.score' }],
      });
      const missing = await h.api.gql(
        SUBMIT,
        { input: { proposalId: P[0], scores: scoresFor([1, 1, 1]).slice(0, 2) } },
        jurors[0].token,
      );
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'scores' }] });
      const twice = await h.api.gql(
        SUBMIT,
        { input: { proposalId: P[0], scores: [...scoresFor([1, 1, 1]), scoresFor([2, 2, 2])[0]] } },
        jurors[0].token,
      );
      expect(twice.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'scores.3.criterionId' }],
      });
      const negative = await h.api.gql(
        SUBMIT,
        { input: { proposalId: P[0], scores: scoresFor([1, -1, 1]) } },
        jurors[0].token,
      );
      expect(negative.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'scores.1.score' }],
      });
      expect(await count()).toBe(0);

      // Juror 3 evaluates P4, then declares a conflict: the evaluation goes, and P4 is closed to them.
      await ok(
        SUBMIT,
        { input: { proposalId: P[3], scores: scoresFor([1, 1, 1]), comment: 'Evaluación provisional' } },
        jurors[2].token,
      );
      expect(await count()).toBe(1);
      const declared = await ok(DECLARE, { p: P[3], reason: 'Asesoré a quien la escribió.' }, jurors[2].token);
      expect(declared.declareConflict.conflicts.map((c: { id: string }) => c.id)).toEqual([P[3]]);
      expect(await count()).toBe(0);
      expect(
        reasonOf(
          await h.api.gql(SUBMIT, { input: { proposalId: P[3], scores: scoresFor([1, 1, 1]) } }, jurors[2].token),
        ),
      ).toBe('CONFLICT_OF_INTEREST');
      const JURY = `query($id: ID) { challenge(id: $id) { jury { user { id } conflicts { id } } } }`;
      expect(
        (await ok(JURY, { id: challenge.challengeId })).challenge.jury.every(
          (j: { conflicts: unknown[] }) => j.conflicts.length === 0,
        ),
      ).toBe(true); // public: hidden
      expect((await ok(JURY, { id: challenge.challengeId }, challenge.adminToken)).challenge.jury[2].conflicts).toEqual(
        [{ id: P[3] }],
      );

      // A first, different sheet is replaced by resubmitting.
      await ok(SUBMIT, { input: { proposalId: P[0], scores: scoresFor([0, 0, 0]) } }, jurors[0].token);
      await evaluate(challenge, P, jurors);
      const rows = await h.sql.query(
        'SELECT count(*)::int AS n FROM evaluations e JOIN rounds r ON r.id = e.round_id WHERE r.challenge_id = $1',
        [challenge.challengeId],
      );
      expect(rows.rows[0].n).toBe(SHEETS.flat().filter(Boolean).length);

      // A juror sees only their own evaluations; the unit sees none before the round closes.
      const EVALS = `query($id: ID!) { proposal(id: $id) { evaluations { id juror { id } total } } }`;
      expect((await ok(EVALS, { id: P[0] }, jurors[1].token)).proposal.evaluations).toHaveLength(1);
      expect((await ok(EVALS, { id: P[0] }, challenge.adminToken)).proposal.evaluations).toHaveLength(0);

      await advanceTo(h.sql, h.api, challenge, 3); // final round closes: results
      expect(
        reasonOf(
          await h.api.gql(SUBMIT, { input: { proposalId: P[0], scores: scoresFor([1, 1, 1]) } }, jurors[0].token),
        ),
      ).toBe('ROUND_NOT_OPEN');
      expect((await ok(EVALS, { id: P[0] }, challenge.adminToken)).proposal.evaluations).toHaveLength(4);

      const { challenge: done } = await ok(RESULTS, { id: challenge.challengeId }, jurors[0].token);
      expect(done.status).toBe('FINISHED');
      const hand = expected(normalize, [4, 4, 3, 3, 3]);
      // Labels follow each juror's random public key, not the order they were added (issue #16).
      const { rows: labelRows } = await h.sql.query<{ user_id: string; label: string }>(
        `SELECT user_id, 'Jurado ' || row_number() OVER (ORDER BY public_label_key, id) AS label FROM jury_members WHERE challenge_id = $1`,
        [challenge.challengeId],
      );
      const labelOf = new Map(labelRows.map((r) => [r.user_id, r.label]));
      const labelNumber = (label: string) => Number(label.replace(/\D/g, ''));
      expect(done.results.entries.map((e: { proposal: { id: string } }) => e.proposal.id)).toEqual(
        hand.map((h) => P[h.p]),
      );
      for (const [i, entry] of done.results.entries.entries()) {
        const h = hand[i];
        expect(entry.rank).toBe(i + 1);
        expect(Math.abs(entry.juryScore - h.jury)).toBeLessThan(1e-9);
        expect(Math.abs(entry.voteScore - h.voteScore)).toBeLessThan(1e-9);
        expect(Math.abs(entry.finalScore - h.final)).toBeLessThan(1e-9);
        expect(entry.evaluationCount).toBe(h.count);
        expect(entry.isWinner).toBe(i === 0);
        expect(entry.proposal).toMatchObject({ rank: i + 1, isWinner: i === 0, author: { id: challenge.authorId } }); // after results: authors visible
        expect(Math.abs(entry.proposal.juryScore - h.jury)).toBeLessThan(1e-9);
        expect(entry.jurorScores.map((s: { jurorLabel: string }) => s.jurorLabel)).toEqual(
          SHEETS.flatMap((row, j) => (row[h.p] ? [labelOf.get(jurors[j].id)!] : [])).sort(
            (a, b) => labelNumber(a) - labelNumber(b),
          ),
        );
        const sheets = SHEETS.map((row) => row[h.p]).filter(Boolean) as number[][];
        for (const [c, average] of entry.criterionAverages.entries()) {
          expect(average.criterion.id).toBe(challenge.criteria[c].id);
          expect(Math.abs(average.average - mean(sheets.map((s) => s[c])))).toBeLessThan(1e-9);
        }
        expect(
          entry.jurorScores.every((s: { normalized: number | null }) => (s.normalized === null) === !normalize),
        ).toBe(true);
      }
      // The quorum: P5 has the best sheets but only 2 evaluations, so it ranks after every proposal that reached 3.
      expect(done.results.entries.at(-1).proposal.id).toBe(P[4]);
      expect(done.results.winners).toEqual([{ id: P[hand[0].p] }]);
      expect(done.results).toMatchObject({ totalVotes: 18, totalVoters: 6 });
      expect(done.results.method).toContain('30 %');
      return P.indexOf(done.results.winners[0].id);
    },
    120_000,
  );

  it('normalisation changes the winner: the hand computation says so for these sheets', () => {
    expect(expected(false, [4, 4, 3, 3, 3])[0].p).toBe(0);
    expect(expected(true, [4, 4, 3, 3, 3])[0].p).toBe(1);
  });
});
