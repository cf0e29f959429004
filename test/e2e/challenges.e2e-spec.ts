import { QueryCounter } from '../../src/infrastructure/database/query-counter.js';
import { createUnitWithStaff, signUp, TestAccount } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { sqlClient } from '../support/test-database.js';
import { startTestApp, TestApp } from '../support/test-app.js';

const CREATE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id slug status phase level state { code } viewerCanEdit rounds { position kind status } settings { maxVotesPerVoter votingMethod winnerCount showLiveTally } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateChallengeInput!) { updateChallenge(id: $id, input: $input) { title tags rounds { title } } }`;
const PUBLISH = `mutation ($id: ID!) { publishChallenge(id: $id) { status publishedAt } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelChallenge(id: $id, reason: $reason) { status phase cancelledReason viewerCanEdit } }`;
const BY_ID = `query ($id: ID) { challenge(id: $id) { id title status auditLog { totalCount nodes { action summary actor { displayName } } } } }`;
const LIST = `query ($filter: ChallengeFilter, $orderBy: ChallengeOrder, $first: Int) {
  challenges(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    nodes { title slug phase unit { name } state { name } municipality { name } rounds { kind opensAt } currentRound { id } criteria { name } }
  }
}`;

describe('challenges (RULES §3, §9)', () => {
  let api: TestApp;
  let staff: Awaited<ReturnType<typeof createUnitWithStaff>>;
  let citizen: TestAccount;

  beforeAll(async () => {
    api = await startTestApp();
    staff = await createUnitWithStaff(api);
    citizen = await signUp(api);
  });

  afterAll(() => api.close());

  async function counts(): Promise<{ challenges: number; audit: number; outbox: number }> {
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const { rows } = await sql.query(`SELECT (SELECT count(*) FROM challenges)::int AS challenges,
        (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM outbox_events)::int AS outbox`);
      return rows[0];
    } finally {
      await sql.end();
    }
  }

  it('creates a draft that only its unit sees, audited', async () => {
    const { data, errors } = await api.gql(
      CREATE,
      { input: challengeInput(staff.unitId, { title: 'Datos abiertos de obra pública municipal' }) },
      staff.editor.token,
    );
    expect(errors).toBeUndefined();
    const challenge = data.createChallenge;
    expect(challenge).toMatchObject({
      slug: 'datos-abiertos-de-obra-publica-municipal',
      status: 'DRAFT',
      phase: 'DRAFT',
      level: 'STATE',
      state: { code: '21' },
      viewerCanEdit: true,
      rounds: [
        { position: 1, kind: 'SUBMISSION', status: 'SCHEDULED' },
        { position: 2, kind: 'VOTING', status: 'SCHEDULED' },
      ],
      settings: { maxVotesPerVoter: 3, votingMethod: 'MULTIPLE', winnerCount: 1, showLiveTally: true },
    });
    expect((await api.gql(BY_ID, { id: challenge.id })).data.challenge).toBeNull();
    expect((await api.gql(BY_ID, { id: challenge.id }, citizen.token)).data.challenge).toBeNull();
    const own = await api.gql(BY_ID, { id: challenge.id }, staff.admin.token);
    expect(own.data.challenge.auditLog.nodes).toEqual([
      {
        action: 'challenge.created',
        summary: expect.stringContaining('borrador'),
        actor: { displayName: 'Editora de la unidad' },
      },
    ]);
  });

  it('gives unique, readable slugs with accents folded', async () => {
    const input = challengeInput(staff.unitId, { title: 'Participación ciudadana en el presupuesto' });
    const first = await api.gql(CREATE, { input }, staff.admin.token);
    const second = await api.gql(CREATE, { input }, staff.admin.token);
    expect([first.data.createChallenge.slug, second.data.createChallenge.slug]).toEqual([
      'participacion-ciudadana-en-el-presupuesto',
      'participacion-ciudadana-en-el-presupuesto-2',
    ]);
  });

  const day = 86_400_000;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  it.each([
    [
      'a single round',
      { rounds: [{ kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(day), closesAt: at(2 * day) }] },
      'rounds',
      'INVALID_SCHEDULE',
    ],
    [
      'overlapping rounds',
      {
        rounds: [
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(day), closesAt: at(3 * day) },
          { kind: 'VOTING', title: 'Votación', opensAt: at(2 * day), closesAt: at(4 * day) },
        ],
      },
      'rounds.1.opensAt',
      'INVALID_SCHEDULE',
    ],
    [
      'a round that closes before it opens',
      {
        rounds: [
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(2 * day), closesAt: at(day) },
          { kind: 'VOTING', title: 'Votación', opensAt: at(3 * day), closesAt: at(4 * day) },
        ],
      },
      'rounds.0.closesAt',
      'INVALID_SCHEDULE',
    ],
    [
      'a voting round first',
      {
        rounds: [
          { kind: 'VOTING', title: 'Votación', opensAt: at(day), closesAt: at(2 * day) },
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(2 * day), closesAt: at(3 * day) },
        ],
      },
      'rounds.0.kind',
      'INVALID_SCHEDULE',
    ],
    [
      'advanceCount on the final round',
      {
        rounds: [
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(day), closesAt: at(2 * day) },
          { kind: 'VOTING', title: 'Votación', opensAt: at(2 * day), closesAt: at(3 * day), advanceCount: 3 },
        ],
      },
      'rounds.1.advanceCount',
      'INVALID_SCHEDULE',
    ],
    [
      'an evaluation round without criteria',
      {
        rounds: [
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(day), closesAt: at(2 * day) },
          { kind: 'EVALUATION', title: 'Evaluación', opensAt: at(2 * day), closesAt: at(3 * day) },
        ],
      },
      'criteria',
      undefined,
    ],
    [
      'MULTIPLE without maxVotesPerVoter',
      { settings: { votingMethod: 'MULTIPLE' } },
      'settings.maxVotesPerVoter',
      undefined,
    ],
    ['BUDGET without a budget', { settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY' } }, 'budget', undefined],
    [
      'a public vote weight without a final evaluation',
      { settings: { votingMethod: 'SINGLE', publicVoteWeight: 0.5 } },
      'settings.publicVoteWeight',
      undefined,
    ],
    [
      'a public vote weight above 1',
      { settings: { votingMethod: 'SINGLE', publicVoteWeight: 1.5 } },
      'settings.publicVoteWeight',
      undefined,
    ],
    ['a short title', { title: 'Corto' }, 'title', undefined],
    ['eleven tags', { tags: Array.from({ length: 11 }, (_, i) => `etiqueta${i}`) }, 'tags', undefined],
    ['a malformed budget', { budget: '12.345' }, undefined, undefined],
  ])('refuses %s naming the field, and stores nothing', async (_, overrides, field, reason) => {
    const before = await counts();
    const { errors } = await api.gql(CREATE, { input: challengeInput(staff.unitId, { overrides }) }, staff.admin.token);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(errors?.[0].extensions?.fields.map((f: { path: string }) => f.path)).toContain(field);
    if (reason) expect(errors?.[0].extensions?.reason).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  it('lets only the unit create, and only its admin publish or cancel', async () => {
    const input = challengeInput(staff.unitId);
    expect((await api.gql(CREATE, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(CREATE, { input }, citizen.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { data } = await api.gql(CREATE, { input }, staff.editor.token);
    const id = data.createChallenge.id;
    expect((await api.gql(PUBLISH, { id }, staff.editor.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(CANCEL, { id, reason: 'No procede' }, staff.editor.token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await api.gql(PUBLISH, { id: '00000000-0000-4000-8000-000000000000' }, staff.admin.token)).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
  });

  it('publishes once, with its audit event and outbox row, then locks all but texts and tags', async () => {
    const { data } = await api.gql(CREATE, { input: challengeInput(staff.unitId) }, staff.editor.token);
    const id = data.createChallenge.id;
    const before = await counts();
    const published = await api.gql(PUBLISH, { id }, staff.admin.token);
    expect(published.data.publishChallenge.status).toBe('PUBLISHED');
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    const again = await api.gql(PUBLISH, { id }, staff.admin.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });

    const texts = await api.gql(
      UPDATE,
      { id, input: { title: 'Agua potable en todas las escuelas', tags: ['agua'] } },
      staff.editor.token,
    );
    expect(texts.data.updateChallenge).toMatchObject({ title: 'Agua potable en todas las escuelas', tags: ['agua'] });
    const schedule = await api.gql(
      UPDATE,
      { id, input: { rounds: challengeInput(staff.unitId).rounds } },
      staff.editor.token,
    );
    expect(schedule.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });
    const settings = await api.gql(UPDATE, { id, input: { settings: { winnerCount: 2 } } }, staff.editor.token);
    expect(settings.errors?.[0].extensions?.reason).toBe('INVALID_STATE_TRANSITION');

    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const { rows } = await sql.query(`SELECT type, payload FROM outbox_events WHERE payload->>'challengeId' = $1`, [
        id,
      ]);
      expect(rows).toEqual([{ type: 'challenge.published', payload: { challengeId: id, rounds: expect.any(Array) } }]);
      expect(rows[0].payload.rounds).toHaveLength(2);
    } finally {
      await sql.end();
    }
  });

  it('refuses to publish a challenge whose last round has already closed', async () => {
    const { data } = await api.gql(
      CREATE,
      { input: challengeInput(staff.unitId, { startInMs: -3 * 86_400_000 }) },
      staff.admin.token,
    );
    const refused = await api.gql(PUBLISH, { id: data.createChallenge.id }, staff.admin.token);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SCHEDULE',
      fields: [{ path: 'rounds' }],
    });
  });

  it('edits a draft entirely, re-checking the whole plan', async () => {
    const { data } = await api.gql(CREATE, { input: challengeInput(staff.unitId) }, staff.editor.token);
    const rounds = challengeInput(staff.unitId, { startInMs: 7 * 86_400_000 }).rounds.map((r, i) => ({
      ...r,
      title: `Etapa número ${i + 1}`,
    }));
    const edited = await api.gql(UPDATE, { id: data.createChallenge.id, input: { rounds } }, staff.editor.token);
    expect(edited.data.updateChallenge.rounds).toEqual([{ title: 'Etapa número 1' }, { title: 'Etapa número 2' }]);
    const broken = await api.gql(
      UPDATE,
      { id: data.createChallenge.id, input: { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: null } } },
      staff.editor.token,
    );
    expect(broken.errors?.[0].extensions?.fields.map((f: { path: string }) => f.path)).toContain(
      'settings.maxVotesPerVoter',
    );
  });

  it('cancels with a public reason, and then nothing more', async () => {
    const { data } = await api.gql(CREATE, { input: challengeInput(staff.unitId) }, staff.admin.token);
    const id = data.createChallenge.id;
    await api.gql(PUBLISH, { id }, staff.admin.token);
    const cancelled = await api.gql(
      CANCEL,
      { id, reason: 'El programa fue suspendido por falta de presupuesto.' },
      staff.admin.token,
    );
    expect(cancelled.data.cancelChallenge).toEqual({
      status: 'CANCELLED',
      phase: 'CANCELLED',
      cancelledReason: 'El programa fue suspendido por falta de presupuesto.',
      viewerCanEdit: false,
    });
    expect((await api.gql(CANCEL, { id, reason: 'Otra vez' }, staff.admin.token)).errors?.[0].extensions?.reason).toBe(
      'INVALID_STATE_TRANSITION',
    );
    const log = await api.gql(BY_ID, { id });
    expect(log.data.challenge.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual([
      'challenge.cancelled',
      'challenge.published',
      'challenge.created',
    ]);
    expect(log.data.challenge.auditLog.nodes[0].summary).toContain('falta de presupuesto');
  });

  it('finds challenges in Spanish regardless of accents and plurals, ranked by relevance', async () => {
    const titles = [
      'Educación ambiental en escuelas rurales',
      'Becas para estudiantes de educación media',
      'Bacheo y datos de carreteras federales',
    ];
    for (const title of titles) {
      const overrides = {
        tags: ['gobierno abierto'],
        summary: `Propuestas: ${title}.`,
        description: `Convocatoria abierta a la ciudadanía: ${title}.`,
      };
      const { data } = await api.gql(
        CREATE,
        { input: challengeInput(staff.unitId, { title, overrides }) },
        staff.admin.token,
      );
      await api.gql(PUBLISH, { id: data.createChallenge.id }, staff.admin.token);
    }
    const search = async (term: string) =>
      (await api.gql(LIST, { filter: { search: term }, orderBy: 'RELEVANCE' })).data.challenges.nodes.map(
        (n: { title: string }) => n.title,
      );
    expect(await search('educacion')).toEqual(expect.arrayContaining([titles[0], titles[1]]));
    expect(await search('educacion')).not.toContain(titles[2]);
    const schools = await search('escuela');
    expect(schools).toContain(titles[0]);
    expect(schools).not.toContain(titles[1]);
    expect(await search('carretera')).toEqual([titles[2]]);
  });

  it('lists a page with unit, territory and rounds in a constant number of SQL queries', async () => {
    for (let i = 0; i < 22; i++) {
      const { data } = await api.gql(
        CREATE,
        { input: challengeInput(staff.unitId, { title: `Reto de prueba número ${i + 1}` }) },
        staff.admin.token,
      );
      await api.gql(PUBLISH, { id: data.createChallenge.id }, staff.admin.token);
    }
    const counter = api.app.get(QueryCounter);
    const queriesFor = async (first: number) => {
      const start = counter.count;
      const { data, errors } = await api.gql(LIST, { first }, citizen.token);
      expect(errors).toBeUndefined();
      expect(data.challenges.nodes).toHaveLength(first);
      return counter.count - start;
    };
    const five = await queriesFor(5);
    const twenty = await queriesFor(20);
    expect(twenty).toBe(five);
    expect(twenty).toBeLessThanOrEqual(8);
  });

  it('filters by phase, unit and territory, and reaches challenges through their unit', async () => {
    const upcoming = await api.gql(LIST, { filter: { phases: ['UPCOMING'], unitId: staff.unitId }, first: 100 });
    expect(upcoming.data.challenges.totalCount).toBeGreaterThan(0);
    expect(upcoming.data.challenges.nodes.every((n: { phase: string }) => n.phase === 'UPCOMING')).toBe(true);
    const elsewhere = await api.gql(LIST, { filter: { stateCode: '14' } });
    expect(elsewhere.data.challenges.totalCount).toBe(0);
    const viaUnit = await api.gql(
      `query ($id: ID!) { governmentUnit(id: $id) { challenges(first: 3) { totalCount nodes { slug } } } }`,
      { id: staff.unitId },
    );
    expect(viaUnit.data.governmentUnit.challenges.nodes).toHaveLength(3);
  });
});
