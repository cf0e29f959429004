import { createUnitWithStaff, signUp, TestAccount } from '../support/accounts.js';
import {
  ADD_CO_AUTHOR,
  CREATE_PROPOSAL,
  PROPOSAL,
  proposalInput,
  proposalRowCounts,
  PublishedChallenge,
  publishedChallenge,
  sql,
  SUBMIT_PROPOSAL,
  TestClock,
  UPDATE_PROPOSAL,
  WITHDRAW_PROPOSAL,
  addAcceptedCoAuthor,
} from '../support/proposals.js';
import { startTestApp, TestApp } from '../support/test-app.js';

const COUNTS = `query ($id: ID) { challenge(id: $id) { proposalCount participantCount proposals(first: 50) { totalCount nodes { id } } } }`;
const CLOSE_ROUND_NOW = `mutation ($id: ID!) { closeRoundNow(roundId: $id) { status } }`;

describe('proposals: drafting, eligibility, the submission window and co-authors (RULES §4)', () => {
  let api: TestApp;
  const clock = new TestClock();
  let staff: Awaited<ReturnType<typeof createUnitWithStaff>>;
  let author: TestAccount;
  let stranger: TestAccount;
  let open: PublishedChallenge;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    staff = await createUnitWithStaff(api);
    author = await signUp(api, { displayName: 'Ana Autora', stateCode: '21' });
    stranger = await signUp(api, { displayName: 'Otra Persona' });
    open = await publishedChallenge(api, staff);
  });

  afterEach(() => {
    clock.at = null;
  });

  afterAll(() => api.close());

  async function draft(token = author.token, challengeId = open.id, overrides: Record<string, unknown> = {}) {
    const { data, errors } = await api.gql(CREATE_PROPOSAL, { input: proposalInput(challengeId, overrides) }, token);
    if (errors) throw new Error(`createProposal failed: ${JSON.stringify(errors)}`);
    return data.createProposal;
  }

  it('creates a draft that only its author sees, with the markdown stored exactly as written', async () => {
    const input = proposalInput(open.id);
    const { data, errors } = await api.gql(CREATE_PROPOSAL, { input }, author.token);
    expect(errors).toBeUndefined();
    expect(data.createProposal).toMatchObject({
      title: input.title,
      body: input.body,
      status: 'DRAFT',
      stage: 1,
      submittedAt: null,
      viewerCanEdit: true,
      contentHidden: false,
      links: ['https://ejemplo.mx/plano.pdf'],
      location: { latitude: 19.0414, longitude: -98.2063 },
      author: { id: author.id, displayName: 'Ana Autora' },
      coAuthors: [],
      challenge: { id: open.id },
    });
    const id = data.createProposal.id;
    expect((await api.gql(PROPOSAL, { id })).data.proposal).toBeNull();
    expect((await api.gql(PROPOSAL, { id }, stranger.token)).data.proposal).toBeNull();
    expect((await api.gql(PROPOSAL, { id }, staff.admin.token)).data.proposal).toBeNull();
    expect((await api.gql(PROPOSAL, { id }, author.token)).data.proposal.body).toBe(input.body);
    expect((await api.gql(PROPOSAL, { id: 'no-es-un-uuid' })).data.proposal).toBeNull();
  });

  it.each([
    ['a short title', { title: 'Bebe' }, 'title'],
    ['a long title', { title: 'x'.repeat(151) }, 'title'],
    ['a short summary', { summary: 'Corto' }, 'summary'],
    ['a short body', { body: 'Muy corto.' }, 'body'],
    ['a body over 20 000 characters', { body: 'a'.repeat(20_001) }, 'body'],
    ['a control character', { title: 'Bebederos\u0007 solares' }, 'title'],
    ['eleven links', { links: Array.from({ length: 11 }, (_, i) => `https://ejemplo.mx/${i}`) }, 'links'],
    ['a javascript: link', { links: ['javascript:alert(1)'] }, 'links'],
    ['an ftp link', { links: ['ftp://ejemplo.mx/plano.pdf'] }, 'links'],
    ['a location north of Mexico', { location: { latitude: 40.7, longitude: -100 } }, 'location.latitude'],
    ['a location in the Atlantic', { location: { latitude: 20, longitude: -80 } }, 'location.longitude'],
    ['a zero cost', { estimatedCost: '0' }, 'estimatedCost'],
    ['a negative cost', { estimatedCost: '-10.00' }, 'estimatedCost'],
    ['a malformed challenge id', { challengeId: 'reto-1' }, 'challengeId'],
  ])('refuses %s naming the field, and stores nothing', async (_, overrides, field) => {
    const before = await proposalRowCounts(api);
    const { errors } = await api.gql(CREATE_PROPOSAL, { input: proposalInput(open.id, overrides) }, author.token);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors?.[0].extensions?.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(errors?.[0].message).not.toMatch(/must|should/);
    expect(await proposalRowCounts(api)).toEqual(before);
  });

  it('refuses a malformed Decimal cost and a cost above the challenge budget', async () => {
    const budgeted = await publishedChallenge(api, staff, { overrides: { budget: '1000.00' } });
    const before = await proposalRowCounts(api);
    const malformed = await api.gql(
      CREATE_PROPOSAL,
      { input: proposalInput(budgeted.id, { estimatedCost: '12.345' }) },
      author.token,
    );
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const above = await api.gql(
      CREATE_PROPOSAL,
      { input: proposalInput(budgeted.id, { estimatedCost: '1000.01' }) },
      author.token,
    );
    expect(above.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'estimatedCost' }] });
    expect(await proposalRowCounts(api)).toEqual(before);
    const exact = await api.gql(
      CREATE_PROPOSAL,
      { input: proposalInput(budgeted.id, { estimatedCost: '1000' }) },
      author.token,
    );
    expect(exact.data.createProposal.estimatedCost).toBe('1000.00');
  });

  describe('eligibility', () => {
    it('needs a signed-in account with a verified e-mail, and stores nothing otherwise', async () => {
      const unverified = await signUp(api, { verified: false });
      const before = await proposalRowCounts(api);
      expect((await api.gql(CREATE_PROPOSAL, { input: proposalInput(open.id) })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const refused = await api.gql(CREATE_PROPOSAL, { input: proposalInput(open.id) }, unverified.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
      expect(refused.errors?.[0].message).toContain('correo');
      expect(await proposalRowCounts(api)).toEqual(before);
    });

    it('asks for a verified CURP when the challenge requires it', async () => {
      const strict = await publishedChallenge(api, staff, {
        overrides: { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, requireCurp: true } },
      });
      const before = await proposalRowCounts(api);
      const refused = await api.gql(CREATE_PROPOSAL, { input: proposalInput(strict.id) }, author.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CURP_REQUIRED' });
      expect(await proposalRowCounts(api)).toEqual(before);
      const withCurp = await signUp(api);
      await sql(api, `UPDATE users SET curp_hash = md5(id::text), curp_verified_at = now() WHERE id = $1`, [
        withCurp.id,
      ]);
      expect(
        (await api.gql(CREATE_PROPOSAL, { input: proposalInput(strict.id) }, withCurp.token)).errors,
      ).toBeUndefined();
    });

    it('admits only residents of the state to a residents-only state challenge', async () => {
      const local = await publishedChallenge(api, staff, {
        overrides: { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, residentsOnly: true } },
      });
      const fromCdmx = await signUp(api, { stateCode: '09', municipalityCode: '09003' });
      const nowhere = await signUp(api);
      const fromPueblaCity = await signUp(api, { stateCode: '21', municipalityCode: '21114' });
      const before = await proposalRowCounts(api);
      for (const account of [fromCdmx, nowhere]) {
        const refused = await api.gql(CREATE_PROPOSAL, { input: proposalInput(local.id) }, account.token);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RESIDENT' });
      }
      expect(await proposalRowCounts(api)).toEqual(before);
      expect(
        (await api.gql(CREATE_PROPOSAL, { input: proposalInput(local.id) }, fromPueblaCity.token)).errors,
      ).toBeUndefined();
      // Eligibility is checked again on submitting: a resident who moves away may no longer submit.
      const proposal = await draft(author.token, local.id);
      await sql(api, `UPDATE users SET state_code = '09', municipality_code = NULL WHERE id = $1`, [author.id]);
      try {
        const moved = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
        expect(moved.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RESIDENT' });
      } finally {
        await sql(api, `UPDATE users SET state_code = '21' WHERE id = $1`, [author.id]);
      }
    });
  });

  describe('the submission window: the dates are the authority', () => {
    it('drafts before the round opens, submits from opensAt, not a millisecond earlier', async () => {
      // Short rounds: the access tokens (15 min) are checked against the same clock.
      const upcoming = await publishedChallenge(api, staff, { startInMs: 120_000, roundMs: 300_000 });
      const opensAt = new Date(upcoming.rounds[0].opensAt);
      const proposal = await draft(author.token, upcoming.id);
      clock.at = new Date(opensAt.getTime() - 1);
      const before = await proposalRowCounts(api);
      const early = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' });
      expect(await proposalRowCounts(api)).toEqual(before);
      clock.at = opensAt; // the round's status column still says SCHEDULED: no worker ran
      const onTime = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
      expect(onTime.data.submitProposal).toMatchObject({ status: 'SUBMITTED', submittedAt: opensAt.toISOString() });
    });

    it('refuses at closesAt while the round status still says OPEN, and freezes the text', async () => {
      const closing = await publishedChallenge(api, staff, { startInMs: -60_000, roundMs: 300_000 });
      const closesAt = new Date(closing.rounds[0].closesAt);
      await sql(api, `UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [closing.rounds[0].id]);
      const late = await draft(author.token, closing.id);
      const justInTime = await draft(author.token, closing.id);
      const coAuthor = await signUp(api);

      clock.at = new Date(closesAt.getTime() - 1);
      expect((await api.gql(SUBMIT_PROPOSAL, { id: justInTime.id }, author.token)).data.submitProposal.status).toBe(
        'SUBMITTED',
      );

      clock.at = closesAt;
      const before = await proposalRowCounts(api);
      const attempts = [
        await api.gql(SUBMIT_PROPOSAL, { id: late.id }, author.token),
        await api.gql(
          UPDATE_PROPOSAL,
          { id: justInTime.id, input: { title: 'Un título cambiado tarde' } },
          author.token,
        ),
        await api.gql(CREATE_PROPOSAL, { input: proposalInput(closing.id) }, author.token),
        await api.gql(ADD_CO_AUTHOR, { id: justInTime.id, email: coAuthor.email }, author.token),
      ];
      for (const attempt of attempts)
        expect(attempt.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' });
      expect(await proposalRowCounts(api)).toEqual(before);
      const [round] = await sql(api, `SELECT status FROM rounds WHERE id = $1`, [closing.rounds[0].id]);
      expect(round.status).toBe('OPEN');
      const read = await api.gql(PROPOSAL, { id: justInTime.id }, author.token);
      expect(read.data.proposal.viewerCanEdit).toBe(false);

      clock.at = new Date(closesAt.getTime() + 300_000);
      expect((await api.gql(SUBMIT_PROPOSAL, { id: late.id }, author.token)).errors?.[0].extensions?.reason).toBe(
        'ROUND_NOT_OPEN',
      );
    });

    it('refuses a round closed early (closeRoundNow) inside its dates, and moves submitted proposals on', async () => {
      const challenge = await publishedChallenge(api, staff);
      await sql(api, `UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [challenge.rounds[0].id]);
      const submitted = await draft(author.token, challenge.id);
      await api.gql(SUBMIT_PROPOSAL, { id: submitted.id }, author.token);
      const stillDraft = await draft(author.token, challenge.id);
      const withdrawn = await draft(author.token, challenge.id);
      await api.gql(SUBMIT_PROPOSAL, { id: withdrawn.id }, author.token);
      await api.gql(WITHDRAW_PROPOSAL, { id: withdrawn.id }, author.token);

      const closed = await api.gql(CLOSE_ROUND_NOW, { id: challenge.rounds[0].id }, staff.admin.token);
      expect(closed.data.closeRoundNow.status).toBe('CLOSED');
      const rows = await sql(api, `SELECT id, status, stage FROM proposals WHERE challenge_id = $1`, [challenge.id]);
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.stage]]))).toEqual({
        [submitted.id]: ['SUBMITTED', 2],
        [stillDraft.id]: ['DRAFT', 1],
        [withdrawn.id]: ['WITHDRAWN', 1],
      });
      const [event] = await sql(
        api,
        `SELECT payload FROM outbox_events WHERE type = 'round.closed' AND payload->>'roundId' = $1`,
        [challenge.rounds[0].id],
      );
      expect(event.payload.advanced).toEqual([submitted.id]);

      const refused = await api.gql(SUBMIT_PROPOSAL, { id: stillDraft.id }, author.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' });
      const staged = await api.gql(
        `query ($id: ID) { challenge(id: $id) { proposals(filter: { stage: 2 }) { nodes { id stage } } } }`,
        { id: challenge.id },
      );
      expect(staged.data.challenge.proposals.nodes).toEqual([{ id: submitted.id, stage: 2 }]);
    });
  });

  it('submits once, records the outbox event, counts the proposal and its people', async () => {
    const challenge = await publishedChallenge(api, staff);
    const proposal = await draft(author.token, challenge.id);
    const coAuthor = await signUp(api, { displayName: 'Cora Coautora' });
    await addAcceptedCoAuthor(api, proposal.id, author.token, { ...coAuthor, email: coAuthor.email.toUpperCase() });
    await draft(stranger.token, challenge.id); // a draft counts for nothing
    expect((await api.gql(COUNTS, { id: challenge.id })).data.challenge).toMatchObject({
      proposalCount: 0,
      participantCount: 0,
    });

    const submitted = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
    expect(submitted.data.submitProposal).toMatchObject({
      status: 'SUBMITTED',
      coAuthors: [{ id: coAuthor.id, displayName: 'Cora Coautora' }],
    });
    const again = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });
    const events = await sql(
      api,
      `SELECT payload FROM outbox_events WHERE type = 'proposal.submitted' AND payload->>'proposalId' = $1`,
      [proposal.id],
    );
    expect(events).toEqual([
      { payload: { proposalId: proposal.id, challengeId: challenge.id, authorIds: [author.id, coAuthor.id] } },
    ]);

    const counts = (await api.gql(COUNTS, { id: challenge.id })).data.challenge;
    expect(counts).toMatchObject({
      proposalCount: 1,
      participantCount: 2,
      proposals: { totalCount: 1, nodes: [{ id: proposal.id }] },
    });
    expect((await api.gql(PROPOSAL, { id: proposal.id })).data.proposal).toMatchObject({
      title: proposal.title,
      viewerCanEdit: false,
    });
  });

  it('lets co-authors edit but only the author submit and withdraw; others get FORBIDDEN, or NOT_FOUND on a draft', async () => {
    const proposal = await draft();
    const coAuthor = await signUp(api);
    await addAcceptedCoAuthor(api, proposal.id, author.token, coAuthor);
    const edited = await api.gql(
      UPDATE_PROPOSAL,
      { id: proposal.id, input: { title: 'Bebederos solares para 40 escuelas', location: null } },
      coAuthor.token,
    );
    expect(edited.data.updateProposal).toMatchObject({
      title: 'Bebederos solares para 40 escuelas',
      location: null,
      summary: proposal.summary,
      viewerCanEdit: true,
    });

    const before = await proposalRowCounts(api);
    // Someone else's draft answers like a missing proposal (issue #16); its co-author is refused.
    for (const [query, variables, token, code] of [
      [UPDATE_PROPOSAL, { id: proposal.id, input: { title: 'Intento ajeno de edición' } }, stranger.token, 'NOT_FOUND'],
      [SUBMIT_PROPOSAL, { id: proposal.id }, coAuthor.token, 'FORBIDDEN'],
      [SUBMIT_PROPOSAL, { id: proposal.id }, stranger.token, 'NOT_FOUND'],
      [WITHDRAW_PROPOSAL, { id: proposal.id }, coAuthor.token, 'FORBIDDEN'],
      [ADD_CO_AUTHOR, { id: proposal.id, email: stranger.email }, coAuthor.token, 'FORBIDDEN'],
      [UPDATE_PROPOSAL, { id: proposal.id, input: { title: 'Intento del personal' } }, staff.admin.token, 'NOT_FOUND'],
    ] as const) {
      expect((await api.gql(query, variables, token)).errors?.[0].extensions?.code).toBe(code);
    }
    expect(await proposalRowCounts(api)).toEqual(before);
    const missing = await api.gql(SUBMIT_PROPOSAL, { id: '00000000-0000-4000-8000-000000000000' }, author.token);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('withdraws: the proposal leaves the running but stays on the record, until the challenge finishes', async () => {
    const challenge = await publishedChallenge(api, staff);
    const proposal = await draft(author.token, challenge.id);
    await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
    const withdrawn = await api.gql(WITHDRAW_PROPOSAL, { id: proposal.id }, author.token);
    expect(withdrawn.data.withdrawProposal).toMatchObject({ status: 'WITHDRAWN', viewerCanEdit: false });
    const list = await api.gql(
      `query ($id: ID) { challenge(id: $id) { proposalCount proposals { totalCount } withdrawn: proposals(filter: { statuses: [WITHDRAWN] }) { nodes { id body } } } }`,
      { id: challenge.id },
    );
    expect(list.data.challenge).toEqual({
      proposalCount: 0,
      proposals: { totalCount: 0 },
      withdrawn: { nodes: [{ id: proposal.id, body: proposal.body }] },
    });
    expect((await api.gql(WITHDRAW_PROPOSAL, { id: proposal.id }, author.token)).errors?.[0].extensions?.reason).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(
      (await api.gql(UPDATE_PROPOSAL, { id: proposal.id, input: { title: 'Reescrita tras retirarla' } }, author.token))
        .errors?.[0].extensions?.reason,
    ).toBe('INVALID_STATE_TRANSITION');

    const other = await draft(author.token, challenge.id);
    await api.gql(SUBMIT_PROPOSAL, { id: other.id }, author.token);
    await sql(api, `UPDATE challenges SET status = 'FINISHED', finished_at = now() WHERE id = $1`, [challenge.id]);
    const late = await api.gql(WITHDRAW_PROPOSAL, { id: other.id }, author.token);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });
  });

  it('requires a cost within the budget to submit to a participatory budget', async () => {
    const budget = await publishedChallenge(api, staff, {
      overrides: { budget: '500000.00', settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY' } },
    });
    const proposal = await draft(author.token, budget.id);
    const before = await proposalRowCounts(api);
    const refused = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'estimatedCost' }],
    });
    expect(await proposalRowCounts(api)).toEqual(before);
    await api.gql(UPDATE_PROPOSAL, { id: proposal.id, input: { estimatedCost: '125000.50' } }, author.token);
    const submitted = await api.gql(SUBMIT_PROPOSAL, { id: proposal.id }, author.token);
    expect(submitted.data.submitProposal).toMatchObject({ status: 'SUBMITTED', estimatedCost: '125000.50' });
    const cleared = await api.gql(UPDATE_PROPOSAL, { id: proposal.id, input: { estimatedCost: null } }, author.token);
    expect(cleared.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'estimatedCost' }],
    });
  });
  // Co-authorship by invitation: test/e2e/privacy-coauthors.e2e-spec.ts.
});
