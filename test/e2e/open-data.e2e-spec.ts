import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { AccessTokens } from '../../src/modules/identity/access-tokens.js';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { DATASET_NAMES, DATASETS } from '../../src/modules/open-data/open-data.columns.js';
import { createPublishedChallenge } from '../support/challenge-factory.js';
import { ManualClock } from '../support/manual-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVoters, createVotingChallenge, type Voter } from '../support/voting-fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { id } }`;
const TRICKY_TITLE = 'Título, con "comillas"\ny un salto de línea';

type Row = Record<string, string>;

/**
 * Issue #8: the open-data downloads over HTTP, with challenges in every phase at once (draft, upcoming,
 * submission, voting with a hidden tally, voting with a live tally, evaluation, finished hybrid).
 */
describe('open data', () => {
  let api: TestApp;
  let sql: pg.Client;
  const clock = new ManualClock();
  const base = Date.now();
  const ids: Record<string, string> = {};
  let finished: { challengeId: string; proposalIds: string[] };
  let hiddenVoters: Voter[];

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const csv = async (path: string): Promise<{ header: string[]; rows: Row[]; body: string }> => {
    const { status, body, headers } = await get(path);
    expect([status, headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8; header=present']);
    const records: string[][] = parse(body, { relax_column_count: false });
    const header = records[0];
    return { header, body, rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
  };
  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await api.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  /** An access token valid at the manual clock's time. */
  const tokenNow = async (userId: string) => (await new AccessTokens(api.config, clock).issue(userId)).token;

  beforeAll(async () => {
    clock.set(base);
    api = await startTestApp({ clock });
    sql = await sqlClient(api.env.DATABASE_URL);
    const at = (offset: number) => new Date(base + offset);

    // DRAFT: never exported, its per-challenge files are 404.
    const draft = await createPublishedChallenge(sql, [
      { kind: 'SUBMISSION', opensAt: at(HOUR), closesAt: at(2 * HOUR) },
      { kind: 'VOTING', opensAt: at(2 * HOUR), closesAt: at(3 * HOUR) },
    ]);
    await sql.query(
      `UPDATE challenges SET status = 'DRAFT', published_at = NULL, title = 'SECRETO-RETO-BORRADOR' WHERE id = $1`,
      [draft.challengeId],
    );
    await sql.query(`DELETE FROM audit_events WHERE challenge_id = $1`, [draft.challengeId]).catch(() => undefined);
    ids.draft = draft.challengeId;

    // UPCOMING.
    ids.upcoming = (
      await createPublishedChallenge(sql, [
        { kind: 'SUBMISSION', opensAt: at(HOUR), closesAt: at(2 * HOUR) },
        { kind: 'VOTING', opensAt: at(2 * HOUR), closesAt: at(3 * HOUR) },
      ])
    ).challengeId;

    // SUBMISSION: a draft, a tricky title, a hidden and an ineligible proposal, an anonymous author with a co-author.
    const submission = await createPublishedChallenge(sql, [
      { kind: 'SUBMISSION', opensAt: at(-HOUR), closesAt: at(HOUR) },
      { kind: 'VOTING', opensAt: at(HOUR), closesAt: at(2 * HOUR) },
    ]);
    ids.submission = submission.challengeId;
    const {
      rows: [anon, named],
    } = await sql.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified_at, anonymous_in_public, curp_hash, curp_verified_at, state_code, municipality_code)
       VALUES ('persona.anonima@correo-secreto.mx', 'x', 'NOMBRE-QUE-PIDIO-ANONIMATO', now(), true, 'CURPHASH-SECRETO-1', now(), '21', '21114'),
              ('coautora@correo-secreto.mx', 'x', 'Coautora Pública', now(), false, 'CURPHASH-SECRETO-2', now(), '21', '21114')
       RETURNING id`,
    );
    const insertProposal = async (title: string, status: string, extra: Record<string, string> = {}) => {
      const {
        rows: [p],
      } = await sql.query(
        `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, submitted_at, moderation_reason, latitude, longitude)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 <> 'DRAFT' THEN now() END, $7, 19.04, -98.2) RETURNING id`,
        [
          submission.challengeId,
          anon.id,
          title,
          extra.summary ?? 'Resumen público de la propuesta',
          extra.body ?? 'Cuerpo público de la propuesta con detalle.',
          status,
          extra.reason ?? null,
        ],
      );
      return p.id as string;
    };
    await insertProposal('SECRETO-PROPUESTA-BORRADOR', 'DRAFT', { body: 'SECRETO-CUERPO-BORRADOR' });
    const tricky = await insertProposal(TRICKY_TITLE, 'SUBMITTED');
    await sql.query(`INSERT INTO proposal_co_authors (proposal_id, user_id) VALUES ($1, $2)`, [tricky, named.id]);
    await insertProposal('Propuesta oculta', 'HIDDEN', {
      summary: 'SECRETO-RESUMEN-OCULTO',
      body: 'SECRETO-CUERPO-OCULTO',
      reason: 'Contenido ofensivo',
    });
    await insertProposal('Propuesta no elegible', 'INELIGIBLE', {
      body: 'SECRETO-CUERPO-NO-ELEGIBLE',
      reason: 'Fuera de tema',
    });
    ids.tricky = tricky;
    ids.anon = anon.id;
    ids.named = named.id;
    ids.submissionAdmin = submission.adminId;

    // VOTING with a hidden tally, and VOTING with a live tally; votes cast through the API.
    const hidden = await createVotingChallenge(sql, {
      settings: { votingMethod: 'SINGLE', showLiveTally: false },
      proposals: 2,
    });
    const live = await createVotingChallenge(sql, {
      settings: { votingMethod: 'SINGLE', showLiveTally: true },
      proposals: 2,
    });
    ids.hidden = hidden.challengeId;
    ids.live = live.challengeId;
    hiddenVoters = await createVoters(sql, api.config, 3, { curp: true, stateCode: '21', municipalityCode: '21114' });
    for (const [i, voter] of hiddenVoters.entries()) {
      await gqlOk(CAST, { id: hidden.proposalIds[i % 2] }, voter.token);
      await gqlOk(CAST, { id: live.proposalIds[0] }, voter.token);
    }

    // EVALUATION open, with an evaluation already in: nothing of it before the results.
    const evaluating = await createPublishedChallenge(sql, [
      { kind: 'SUBMISSION', opensAt: at(-2 * HOUR), closesAt: at(-HOUR) },
      { kind: 'EVALUATION', opensAt: at(-HOUR), closesAt: at(HOUR) },
    ]);
    await sql.query(
      `UPDATE rounds SET status = CASE WHEN position = 1 THEN 'CLOSED' ELSE 'OPEN' END, opened_at = opens_at,
      closed_at = CASE WHEN position = 1 THEN closes_at END WHERE challenge_id = $1`,
      [evaluating.challengeId],
    );
    const { rows: evalProposals } = await sql.query(
      `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, stage, submitted_at)
       SELECT $1, $2, 'Propuesta en evaluación ' || i, 'Resumen de la propuesta', 'Cuerpo de la propuesta con detalle.', 'SUBMITTED', 2, now()
       FROM generate_series(1, 2) i RETURNING id`,
      [evaluating.challengeId, evaluating.adminId],
    );
    const evaluatingProposals = evalProposals.map((r) => r.id as string);
    ids.evaluation = evaluating.challengeId;
    await sql.query(`UPDATE proposals SET stage = 2 WHERE challenge_id = $1`, [evaluating.challengeId]);
    const {
      rows: [criterion],
    } = await sql.query(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, max_score) VALUES ($1, 1, 'Impacto', 1, 10) RETURNING id`,
      [evaluating.challengeId],
    );
    const [earlyJuror] = await createVoters(sql, api.config, 1);
    const {
      rows: [member],
    } = await sql.query(`INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2) RETURNING id`, [
      evaluating.challengeId,
      earlyJuror.id,
    ]);
    const {
      rows: [assignment],
    } = await sql.query(
      `INSERT INTO jury_assignments (round_id, juror_id, proposal_id) VALUES ($1, $2, $3) RETURNING id`,
      [evaluating.rounds[1].id, member.id, evaluatingProposals[0]],
    );
    await sql.query(
      `INSERT INTO evaluations (assignment_id, round_id, juror_id, proposal_id, scores, total, submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, 77.125, now(), now())`,
      [
        assignment.id,
        evaluating.rounds[1].id,
        member.id,
        evaluatingProposals[0],
        JSON.stringify([{ criterionId: criterion.id, score: 7 }]),
      ],
    );

    finished = await runHybridChallenge();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  /**
   * A hybrid challenge run to its results: votes (MULTIPLE), then a jury with normalised scores, weighted
   * 60/40, quorum 2; one proposal gets a single evaluation.
   */
  async function runHybridChallenge() {
    const at = (offset: number) => new Date(base + offset);
    const challenge = await createVotingChallenge(sql, {
      settings: {
        votingMethod: 'MULTIPLE',
        maxVotesPerVoter: 2,
        winnerCount: 2,
        publicVoteWeight: 0.4,
        normalizeJurorScores: true,
        minEvaluationsPerProposal: 2,
      },
      proposals: 5,
      rounds: [
        { kind: 'SUBMISSION', opensAt: at(-2 * HOUR), closesAt: at(-HOUR) },
        { kind: 'VOTING', opensAt: at(-HOUR), closesAt: at(HOUR) },
        { kind: 'EVALUATION', opensAt: at(HOUR), closesAt: at(2 * HOUR) },
      ],
    });
    const p = challenge.proposalIds;
    await sql.query(`UPDATE proposals SET title = $2 WHERE id = $1`, [p[0], `${TRICKY_TITLE} (final)`]);
    const { rows: criteria } = await sql.query(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, max_score)
       VALUES ($1, 1, 'Impacto', 3, 10), ($1, 2, 'Viabilidad', 1, 5) RETURNING id, position`,
      [challenge.challengeId],
    );
    const [impact, feasibility] = criteria.sort((a, b) => a.position - b.position).map((c) => c.id as string);
    const jurors = await createVoters(sql, api.config, 3);
    for (const juror of jurors)
      await sql.query(`INSERT INTO jury_members (challenge_id, user_id) VALUES ($1, $2)`, [
        challenge.challengeId,
        juror.id,
      ]);

    const voters = await createVoters(sql, api.config, 6);
    const ballots = [[0, 1], [0, 2], [1, 2], [3, 0], [4], [1]];
    for (const [i, ballot] of ballots.entries())
      for (const k of ballot) await gqlOk(CAST, { id: p[k] }, voters[i].token);

    clock.set(base + HOUR);
    await api.app.get(RoundClock).settle(challenge.rounds[1].id); // this challenge only: voting closes (tally frozen), evaluation opens
    const sheets: [number, number, number, number][] = [
      // juror, proposal, impact /10, feasibility /5
      [0, 0, 9, 4],
      [0, 1, 6, 5],
      [0, 2, 7, 2],
      [0, 3, 3, 3],
      [0, 4, 8, 1],
      [1, 0, 5, 2],
      [1, 1, 4, 4],
      [1, 2, 5, 5],
      [1, 3, 2, 1],
      [2, 0, 10, 5],
      [2, 1, 9, 3],
      [2, 3, 8, 4],
    ];
    for (const [j, k, s1, s2] of sheets) {
      await gqlOk(
        SUBMIT,
        {
          input: {
            proposalId: p[k],
            scores: [
              { criterionId: impact, score: s1 },
              { criterionId: feasibility, score: s2 },
            ],
          },
        },
        await tokenNow(jurors[j].id),
      );
    }
    clock.set(base + 2 * HOUR);
    await api.app.get(RoundClock).settle(challenge.rounds[2].id); // evaluation closes: results
    const {
      rows: [state],
    } = await sql.query(`SELECT status FROM challenges WHERE id = $1`, [challenge.challengeId]);
    expect(state.status).toBe('FINISHED');
    clock.set(base + 2 * HOUR + MIN);
    return challenge;
  }

  it('recomputes jury scores, final scores and the ranking of the finished hybrid challenge from the files alone', async () => {
    const id = finished.challengeId;
    const [challenges, evaluations, tallies, proposals, results] = await Promise.all(
      ['challenges', 'evaluations', 'tallies', 'proposals', 'results'].map((d) =>
        csv(`/open-data/challenges/${id}/${d}.csv`),
      ),
    );
    const settings = challenges.rows[0];
    expect(settings).toMatchObject({
      status: 'FINISHED',
      normalize_juror_scores: 'true',
      public_vote_weight: '0.4',
      min_evaluations_per_proposal: '2',
    });
    expect(settings.results_method).toMatch(/Puntaje final = 60 % × puntaje del jurado \+ 40 %/);
    expect(settings.results_method).toMatch(/Ejemplo: .* = 80; .* = 66.12\. Los archivos/);
    const w = Number(settings.public_vote_weight);
    const minEvaluations = Number(settings.min_evaluations_per_proposal);

    // Evaluation totals from the per-criterion scores.
    const finalEvals = evaluations.rows.filter((e) => e.final_round === 'true');
    expect(finalEvals).toHaveLength(12);
    for (const e of finalEvals) {
      const scores: { peso: number; maximo: number; calificacion: number }[] = JSON.parse(e.criterion_scores);
      const sumW = scores.reduce((s, c) => s + c.peso, 0);
      expect(Number(e.total)).toBeCloseTo(
        (100 * scores.reduce((s, c) => s + (c.peso * c.calificacion) / c.maximo, 0)) / sumW,
        9,
      );
    }
    // Normalisation: z per juror (population σ), mapped back with the round's μ and σ.
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    const totals = finalEvals.map((e) => Number(e.total));
    const [mu, sigma] = [mean(totals), sd(totals)];
    const z = new Map<Row, number>();
    for (const label of new Set(finalEvals.map((e) => e.juror_label))) {
      const own = finalEvals.filter((e) => e.juror_label === label);
      const ts = own.map((e) => Number(e.total));
      for (const e of own) z.set(e, own.length < 2 || sd(ts) < 1e-9 ? 0 : (Number(e.total) - mean(ts)) / sd(ts));
    }
    const clamp = (x: number) => Math.min(100, Math.max(0, x));
    for (const e of finalEvals)
      expect(Math.abs(Number(e.normalized_total) - clamp(mu + sigma * z.get(e)!))).toBeLessThan(1e-9);
    expect(new Set(finalEvals.map((e) => e.juror_label))).toEqual(new Set(['Jurado 1', 'Jurado 2', 'Jurado 3']));

    // Votes from the (only) voting round's final tally, then the combined score and the tie chain.
    const votes = new Map(tallies.rows.filter((t) => t.final === 'true').map((t) => [t.proposal_id, Number(t.votes)]));
    const maxVotes = Math.max(...votes.values());
    const lines = proposals.rows.map((p) => {
      const own = finalEvals.filter((e) => e.proposal_id === p.id);
      const jury = own.length ? clamp(mu + sigma * mean(own.map((e) => z.get(e)!))) : null;
      const v = votes.get(p.id) ?? 0;
      const voteScore = maxVotes === 0 ? 0 : (100 * v) / maxVotes;
      return {
        id: p.id,
        submittedAt: Date.parse(p.submitted_at),
        votes: v,
        jury,
        voteScore,
        final: (1 - w) * (jury ?? 0) + w * voteScore,
        quorum: own.length >= minEvaluations,
      };
    });
    const r9 = (x: number) => Math.round(x * 1e9);
    lines.sort(
      (a, b) =>
        Number(b.quorum) - Number(a.quorum) ||
        r9(b.final) - r9(a.final) ||
        r9(b.jury ?? -1) - r9(a.jury ?? -1) ||
        b.votes - a.votes ||
        a.submittedAt - b.submittedAt ||
        (a.id < b.id ? -1 : 1),
    );

    expect(results.rows.map((r) => r.proposal_id)).toEqual(lines.map((l) => l.id));
    expect(lines.at(-1)!.quorum).toBe(false); // the proposal with a single evaluation ranks last
    for (const [i, r] of results.rows.entries()) {
      expect(Number(r.rank)).toBe(i + 1);
      expect(Math.abs(Number(r.jury_score) - lines[i].jury!)).toBeLessThan(1e-9);
      expect(Math.abs(Number(r.vote_score) - lines[i].voteScore)).toBeLessThan(1e-9);
      expect(Math.abs(Number(r.final_score) - lines[i].final)).toBeLessThan(1e-9);
      expect(r.is_winner).toBe(String(i < 2));
    }
    // The proposals file agrees with the results.
    const byId = new Map(proposals.rows.map((p) => [p.id, p]));
    for (const r of results.rows)
      expect([byId.get(r.proposal_id)!.rank, byId.get(r.proposal_id)!.is_winner]).toEqual([r.rank, r.is_winner]);
  });

  it('exports nothing the rules hide, in any phase', async () => {
    clock.set(base + 30 * MIN); // inside the voting and evaluation rounds
    const everyPath = [
      ...DATASET_NAMES.flatMap((d) => [`/open-data/${d}.csv`, `/open-data/${d}.json`]),
      ...[ids.upcoming, ids.submission, ids.hidden, ids.live, ids.evaluation, finished.challengeId].flatMap((id) =>
        DATASET_NAMES.flatMap((d) => [`/open-data/challenges/${id}/${d}.csv`, `/open-data/challenges/${id}/${d}.json`]),
      ),
    ];
    const bodies = await Promise.all(everyPath.map(async (path) => ({ path, ...(await get(path)) })));
    for (const { path, status, body } of bodies) {
      expect([path, status]).toEqual([path, 200]);
      for (const secret of ['SECRETO-', ids.draft, 'NOMBRE-QUE-PIDIO-ANONIMATO', '77.125'])
        expect([path, body.includes(secret)]).toEqual([path, false]);
    }
    for (const d of DATASET_NAMES) expect((await get(`/open-data/challenges/${ids.draft}/${d}.csv`)).status).toBe(404);
    expect((await get(`/open-data/challenges/not-a-uuid/proposals.csv`)).status).toBe(404);
    expect((await get(`/open-data/votes.csv`)).status).toBe(404);

    const all = Object.fromEntries(
      await Promise.all(DATASET_NAMES.map(async (d) => [d, (await csv(`/open-data/${d}.csv`)).rows] as const)),
    );
    const inChallenge = (rows: Row[], id: string) => rows.filter((r) => (r.challenge_id ?? r.id) === id);
    // Evaluations and results only of the finished challenge.
    expect(new Set(all.evaluations.map((r) => r.challenge_id))).toEqual(new Set([finished.challengeId]));
    expect(new Set(all.results.map((r) => r.challenge_id))).toEqual(new Set([finished.challengeId]));
    // Hidden live tally: no tally rows, no vote counts; the live one is provisional and public.
    expect(inChallenge(all.tallies, ids.hidden)).toEqual([]);
    expect(inChallenge(all.proposals, ids.hidden).map((p) => p.votes)).toEqual(['', '']);
    expect(inChallenge(all.tallies, ids.live).map((t) => [t.votes, t.rank, t.final, t.advanced])).toEqual([
      ['3', '1', 'false', ''],
      ['0', '2', 'false', ''],
    ]);
    // Hidden and ineligible proposals keep title, status and reason, nothing else.
    const moderated = inChallenge(all.proposals, ids.submission).filter((p) => p.content_hidden === 'true');
    expect(moderated.map((p) => [p.title, p.summary, p.body, p.latitude, p.links, p.moderation_reason]).sort()).toEqual(
      [
        ['Propuesta no elegible', '', '', '', '[]', 'Fuera de tema'],
        ['Propuesta oculta', '', '', '', '[]', 'Contenido ofensivo'],
      ],
    );
    // Every phase's challenge is listed except the draft.
    expect(new Set(all.challenges.map((c) => c.id))).toEqual(
      new Set([ids.upcoming, ids.submission, ids.hidden, ids.live, ids.evaluation, finished.challengeId]),
    );
    expect(all['audit-events'].every((e) => e.challenge_id !== ids.draft)).toBe(true);

    // Once the hidden round is over by the dates, its counts are public.
    clock.set(base + 2 * HOUR + 2 * MIN);
    const after = await csv(`/open-data/challenges/${ids.hidden}/proposals.csv`);
    expect(after.rows.map((p) => p.votes).sort()).toEqual(['1', '2']);
    clock.set(base + 30 * MIN);
  });

  it('carries no personal data: e-mail, CURP, residence, tokens or voter ids', async () => {
    clock.set(base + 30 * MIN);
    const { rows: users } = await sql.query(`SELECT id, email, curp_hash, password_hash FROM users`);
    const { rows: voters } = await sql.query(`SELECT DISTINCT voter_id FROM votes`);
    const { rows: tokens } = await sql
      .query(`SELECT token_hash FROM refresh_tokens UNION ALL SELECT token_hash FROM account_tokens`)
      .catch(() => ({ rows: [] }));
    const secrets = [
      ...users.flatMap((u) => [u.email, u.curp_hash].filter(Boolean)),
      ...voters.map((v) => v.voter_id),
      ...tokens.map((t) => t.token_hash),
      ...hiddenVoters.map((v) => v.token),
      '21114',
      '@',
    ];
    expect(voters.length).toBeGreaterThan(5);
    for (const d of DATASET_NAMES) {
      for (const format of ['csv', 'json']) {
        const { body } = await get(`/open-data/${d}.${format}`);
        const leaked = secrets.filter((s) => body.includes(s));
        expect([d, format, leaked]).toEqual([d, format, []]);
      }
    }
    // The anonymous author shows as «Anónimo», the co-author by display name.
    const tricky = (await csv(`/open-data/challenges/${ids.submission}/proposals.csv`)).rows.find(
      (p) => p.id === ids.tricky,
    )!;
    expect([tricky.author, JSON.parse(tricky.co_authors)]).toEqual(['Anónimo', ['Coautora Pública']]);
  });

  it('writes CSV a standard parser reads back (quotes, commas, newlines) and JSON arrays, with a dictionary of every column', async () => {
    const tricky = (await csv(`/open-data/challenges/${ids.submission}/proposals.csv`)).rows.find(
      (p) => p.id === ids.tricky,
    )!;
    expect(tricky.title).toBe(TRICKY_TITLE);
    const catalog = JSON.parse((await get('/open-data/catalog.json')).body);
    expect(catalog['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    const platformWide = catalog['dcat:dataset'].filter((d: { 'csvw:tableSchema'?: unknown }) => d['csvw:tableSchema']);
    expect(platformWide.map((d: { 'dct:identifier': string }) => d['dct:identifier'])).toEqual([...DATASET_NAMES]);
    for (const dataset of platformWide) {
      const name = dataset['dct:identifier'];
      const dictionary = dataset['csvw:tableSchema']['csvw:column'];
      for (const column of dictionary) expect(column['dct:description']).toMatch(/[a-záéíóúñ]{3}/i);
      const { header, rows } = await csv(`/open-data/${name}.csv`);
      expect(header).toEqual(dictionary.map((c: { 'csvw:name': string }) => c['csvw:name']));
      expect(rows.length).toBeGreaterThan(0);
      const json = JSON.parse((await get(`/open-data/${name}.json`)).body);
      expect(json).toHaveLength(rows.length);
      expect(Object.keys(json[0])).toEqual(header);
      expect(
        dataset['dcat:distribution'].map((d: Record<string, { '@id': string }>) => [
          d['dcat:downloadURL']['@id'],
          d['dcat:mediaType']['@id'],
        ]),
      ).toEqual([
        [`${api.config.http.publicUrl}/open-data/${name}.csv`, 'https://www.iana.org/assignments/media-types/text/csv'],
        [
          `${api.config.http.publicUrl}/open-data/${name}.json`,
          'https://www.iana.org/assignments/media-types/application/json',
        ],
      ]);
    }
    expect(Object.keys(DATASETS)).toEqual([...DATASET_NAMES]);
  });

  it('shows «Anónimo» to the public for those who chose it, never hiding them from staff, moderators or themselves', async () => {
    const AUTHORS = `query($id: ID!) { proposal(id: $id) { author { id displayName } coAuthors { id displayName } } }`;
    const names = async (token?: string) => {
      const { data, errors } = await api.gql(AUTHORS, { id: ids.tricky }, token);
      expect(errors).toBeUndefined();
      return [
        data.proposal.author.displayName,
        ...data.proposal.coAuthors.map((u: { displayName: string }) => u.displayName),
      ];
    };
    const publicView = await api.gql(AUTHORS, { id: ids.tricky });
    expect(publicView.data.proposal.author).toEqual({ id: `anonimo-${ids.tricky}-0`, displayName: 'Anónimo' });
    expect(await names()).toEqual(['Anónimo', 'Coautora Pública']);
    expect(await names(await tokenNow(ids.submissionAdmin))).toEqual([
      'NOMBRE-QUE-PIDIO-ANONIMATO',
      'Coautora Pública',
    ]);
    expect(await names(await tokenNow(ids.anon))).toEqual(['NOMBRE-QUE-PIDIO-ANONIMATO', 'Coautora Pública']);
    const {
      rows: [moderator],
    } = await sql.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified_at, platform_role) VALUES ('mod@correo-secreto.mx', 'x', 'Moderación', now(), 'MODERATOR') RETURNING id`,
    );
    expect(await names(await tokenNow(moderator.id))).toEqual(['NOMBRE-QUE-PIDIO-ANONIMATO', 'Coautora Pública']);

    // The co-author opts in through the profile; the public list and the export follow.
    const updated = await gqlOk(
      `mutation { updateProfile(input: { anonymousInPublic: true }) { anonymousInPublic } }`,
      {},
      await tokenNow(ids.named),
    );
    expect(updated.updateProfile.anonymousInPublic).toBe(true);
    expect(
      (await gqlOk(`{ viewer { anonymousInPublic } }`, {}, await tokenNow(ids.named))).viewer.anonymousInPublic,
    ).toBe(true);
    expect(await names()).toEqual(['Anónimo', 'Anónimo']);
    expect(await names(await tokenNow(ids.named))).toEqual(['Anónimo', 'Coautora Pública']);
    const row = (await csv(`/open-data/challenges/${ids.submission}/proposals.csv`)).rows.find(
      (p) => p.id === ids.tricky,
    )!;
    expect([row.author, JSON.parse(row.co_authors)]).toEqual(['Anónimo', ['Anónimo']]);
  });

  it('answers 304 on unchanged data, and changes its ETag when public data changes but not on a secret vote', async () => {
    const path = `/open-data/proposals.csv`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(path, { 'if-modified-since': lastModified })).status).toBe(304);
    expect(
      (
        await get('/open-data/catalog.json', {
          'if-none-match': (await get('/open-data/catalog.json')).headers.get('etag')!,
        })
      ).status,
    ).toBe(304);

    // A vote in a round whose tally is hidden changes nothing anyone may know.
    const [lateVoter] = await createVoters(sql, api.config, 1);
    const {
      rows: [hiddenProposal],
    } = await sql.query(`SELECT id FROM proposals WHERE challenge_id = $1 LIMIT 1`, [ids.hidden]);
    clock.set(base + 30 * MIN); // back inside the hidden round
    const quiet = await get(path);
    await gqlOk(CAST, { id: hiddenProposal.id }, await tokenNow(lateVoter.id));
    expect((await get(path, { 'if-none-match': quiet.headers.get('etag')! })).status).toBe(304);

    // A moderation decision (audited) changes it.
    await sql.query(
      `UPDATE proposals SET status = 'HIDDEN', moderation_reason = 'Spam', updated_at = now() WHERE id = $1`,
      [ids.tricky],
    );
    const changed = await get(path, { 'if-none-match': quiet.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(quiet.headers.get('etag'));
    clock.set(base + 2 * HOUR + MIN);
  });

  it('streams a large export in batches, complete and in rank order (time to first byte: bench:open-data)', async () => {
    const big = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 5, showLiveTally: true },
      proposals: 3000,
    });
    const round = big.rounds[1].id;
    await sql.query(
      `INSERT INTO users (email, password_hash, display_name) SELECT 'masivo-' || i || '@ejemplo.mx', 'x', 'V' || i FROM generate_series(1, 3000) i`,
    );
    await sql.query(
      `INSERT INTO vote_quotas (round_id, voter_id, allowed) SELECT $1, id, 5 FROM users WHERE email LIKE 'masivo-%'`,
      [round],
    );
    await sql.query(
      `WITH v AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE email LIKE 'masivo-%'),
            p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS m FROM proposals WHERE challenge_id = $2)
       INSERT INTO votes (round_id, proposal_id, voter_id) SELECT $1, p.id, v.id FROM v CROSS JOIN generate_series(0, 4) k JOIN p ON p.m = (v.n * 7 + k * 599) % 3000`,
      [round, big.challengeId],
    );
    clock.set(base + 30 * MIN);
    const response = await fetch(`${api.url}/open-data/challenges/${big.challengeId}/tallies.csv`);
    // Streamed, so sent without a length known in advance.
    expect(response.headers.get('content-length')).toBeNull();
    const reader = response.body!.getReader();
    let body = '';
    let chunks = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      body += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    const rows: Row[] = parse(body, { columns: true });
    expect(rows).toHaveLength(3000);
    expect(rows.reduce((sum, r) => sum + Number(r.votes), 0)).toBe(15_000);
    expect(rows.map((r) => Number(r.rank))).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  }, 60_000);
});
