import { QueryCounter } from '../../src/infrastructure/database/query-counter.js';
import { createUnitWithStaff, signUp, TestAccount } from '../support/accounts.js';
import {
  addAcceptedCoAuthor,
  CREATE_PROPOSAL,
  HIDE_PROPOSAL,
  MARK_INELIGIBLE,
  PROPOSAL,
  proposalInput,
  proposalRowCounts,
  publishedChallenge,
  sql,
  SUBMIT_PROPOSAL,
  UNHIDE_PROPOSAL,
  WITHDRAW_PROPOSAL,
} from '../support/proposals.js';
import { startTestApp, TestApp } from '../support/test-app.js';

const LIST = `query ($id: ID, $first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrder) {
  challenge(id: $id) {
    proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id title summary body links location { latitude } estimatedCost status moderationReason contentHidden author { displayName } coAuthors { displayName } }
    }
  }
}`;
const AUDIT = `query ($id: ID) { challenge(id: $id) { auditLog { nodes { action summary actor { id } } } } }`;

describe('proposals: moderation, visibility and lists (RULES §4, §9)', () => {
  let api: TestApp;
  let staff: Awaited<ReturnType<typeof createUnitWithStaff>>;
  let author: TestAccount;
  let citizen: TestAccount;
  let moderator: TestAccount;

  beforeAll(async () => {
    api = await startTestApp();
    staff = await createUnitWithStaff(api);
    author = await signUp(api, { displayName: 'Ana Autora' });
    citizen = await signUp(api);
    moderator = await signUp(api, { role: 'MODERATOR' });
  });

  afterAll(() => api.close());

  async function submitted(challengeId: string, token = author.token, overrides: Record<string, unknown> = {}) {
    const created = await api.gql(CREATE_PROPOSAL, { input: proposalInput(challengeId, overrides) }, token);
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const sent = await api.gql(SUBMIT_PROPOSAL, { id: created.data.createProposal.id }, token);
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    return sent.data.submitProposal;
  }

  async function listOf(challengeId: string, variables: Record<string, unknown> = {}, token?: string) {
    const { data, errors } = await api.gql(LIST, { id: challengeId, ...variables }, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data.challenge.proposals;
  }

  describe('hiding', () => {
    it('is for platform moderators and admins only; a reason of 3..2000 characters is required; refusals store nothing', async () => {
      const challenge = await publishedChallenge(api, staff);
      const proposal = await submitted(challenge.id);
      const before = await proposalRowCounts(api);
      expect(
        (await api.gql(HIDE_PROPOSAL, { id: proposal.id, reason: 'Contenido ofensivo' })).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      for (const account of [citizen, author, staff.admin, staff.editor]) {
        expect(
          (await api.gql(HIDE_PROPOSAL, { id: proposal.id, reason: 'Contenido ofensivo' }, account.token)).errors?.[0]
            .extensions?.code,
        ).toBe('FORBIDDEN');
      }
      for (const reason of ['no', '   ', 'x'.repeat(2001)]) {
        const refused = await api.gql(HIDE_PROPOSAL, { id: proposal.id, reason }, moderator.token);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'reason' }] });
      }
      expect(
        (await api.gql(UNHIDE_PROPOSAL, { id: proposal.id }, moderator.token)).errors?.[0].extensions?.reason,
      ).toBe('INVALID_STATE_TRANSITION');
      expect(await proposalRowCounts(api)).toEqual(before);
    });

    it('takes the proposal out of the running; the public keeps the title and the reason, not the content', async () => {
      const challenge = await publishedChallenge(api, staff);
      const proposal = await submitted(challenge.id, author.token, {
        body: 'Texto con la palabra clandestina que nadie debe leer.',
        summary: 'Resumen con el término murciélago escondido.',
      });
      const coAuthor = await signUp(api);
      await addAcceptedCoAuthor(api, proposal.id, author.token, coAuthor);
      const reason = 'Incluye datos personales de terceros.';
      const hidden = await api.gql(HIDE_PROPOSAL, { id: proposal.id, reason }, moderator.token);
      expect(hidden.data.hideProposal).toMatchObject({
        status: 'HIDDEN',
        moderationReason: reason,
        body: expect.stringContaining('clandestina'),
      });

      const blank = {
        title: proposal.title,
        status: 'HIDDEN',
        moderationReason: reason,
        contentHidden: true,
        summary: '',
        body: '',
        links: [],
        location: null,
        estimatedCost: null,
      };
      for (const token of [undefined, citizen.token]) {
        expect((await api.gql(PROPOSAL, { id: proposal.id }, token)).data.proposal).toMatchObject(blank);
      }
      for (const token of [
        author.token,
        coAuthor.token,
        moderator.token,
        staff.editor.token,
        staff.platformAdmin.token,
      ]) {
        const read = (await api.gql(PROPOSAL, { id: proposal.id }, token)).data.proposal;
        expect(read).toMatchObject({
          contentHidden: false,
          body: expect.stringContaining('clandestina'),
          location: { latitude: 19.0414 },
        });
      }
      const publicList = await listOf(challenge.id, { filter: { statuses: ['HIDDEN'] } });
      expect(publicList.nodes).toEqual([
        expect.objectContaining({
          id: proposal.id,
          title: proposal.title,
          body: '',
          moderationReason: reason,
          contentHidden: true,
        }),
      ]);
      expect((await listOf(challenge.id)).totalCount).toBe(0);
      expect(
        (await api.gql(`query ($id: ID) { challenge(id: $id) { proposalCount } }`, { id: challenge.id })).data.challenge
          .proposalCount,
      ).toBe(0);
      // Hidden words cannot be found by the public, the title still can.
      expect((await listOf(challenge.id, { filter: { statuses: ['HIDDEN'], search: 'murcielago' } })).totalCount).toBe(
        0,
      );
      expect(
        (await listOf(challenge.id, { filter: { statuses: ['HIDDEN'], search: 'murcielago' } }, moderator.token))
          .totalCount,
      ).toBe(1);
      expect((await listOf(challenge.id, { filter: { statuses: ['HIDDEN'], search: 'bebederos' } })).totalCount).toBe(
        1,
      );

      const audit = (await api.gql(AUDIT, { id: challenge.id })).data.challenge.auditLog.nodes;
      expect(audit[0]).toEqual({
        action: 'proposal.hidden',
        summary: expect.stringContaining(reason),
        actor: { id: moderator.id },
      });
      const events = await sql(
        api,
        `SELECT type, payload FROM outbox_events WHERE payload->>'proposalId' = $1 AND type LIKE 'proposal.hidden'`,
        [proposal.id],
      );
      expect(events).toEqual([
        {
          type: 'proposal.hidden',
          payload: { proposalId: proposal.id, challengeId: challenge.id, authorIds: [author.id, coAuthor.id], reason },
        },
      ]);

      const unhidden = await api.gql(UNHIDE_PROPOSAL, { id: proposal.id }, staff.platformAdmin.token);
      expect(unhidden.data.unhideProposal).toMatchObject({ status: 'SUBMITTED', moderationReason: null });
      expect((await api.gql(PROPOSAL, { id: proposal.id })).data.proposal.body).toContain('clandestina');
      const actions = (await api.gql(AUDIT, { id: challenge.id })).data.challenge.auditLog.nodes.map(
        (n: { action: string }) => n.action,
      );
      expect(actions.slice(0, 2)).toEqual(['proposal.unhidden', 'proposal.hidden']);
    });
  });

  describe('declaring ineligible', () => {
    it('is for the unit’s ADMIN or EDITOR (and platform admins), not moderators or other units', async () => {
      const challenge = await publishedChallenge(api, staff);
      const proposal = await submitted(challenge.id);
      const otherUnit = await createUnitWithStaff(api, {
        name: 'Municipio de Puebla',
        level: 'MUNICIPAL',
        stateCode: '21',
        municipalityCode: '21114',
      });
      const before = await proposalRowCounts(api);
      for (const account of [citizen, author, moderator, otherUnit.admin]) {
        expect(
          (await api.gql(MARK_INELIGIBLE, { id: proposal.id, reason: 'No cumple las bases' }, account.token))
            .errors?.[0].extensions?.code,
        ).toBe('FORBIDDEN');
      }
      const noReason = await api.gql(MARK_INELIGIBLE, { id: proposal.id, reason: '' }, staff.editor.token);
      expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await proposalRowCounts(api)).toEqual(before);

      const reason = 'Excede el alcance territorial del reto.';
      const marked = await api.gql(MARK_INELIGIBLE, { id: proposal.id, reason }, staff.editor.token);
      expect(marked.data.markProposalIneligible).toMatchObject({ status: 'INELIGIBLE', moderationReason: reason });
      expect((await api.gql(PROPOSAL, { id: proposal.id })).data.proposal).toMatchObject({
        title: proposal.title,
        moderationReason: reason,
        body: '',
        contentHidden: true,
      });
      expect((await api.gql(PROPOSAL, { id: proposal.id }, otherUnit.admin.token)).data.proposal.contentHidden).toBe(
        true,
      );
      const again = await api.gql(MARK_INELIGIBLE, { id: proposal.id, reason }, staff.admin.token);
      expect(again.errors?.[0].extensions?.reason).toBe('INVALID_STATE_TRANSITION');
      const audit = (await api.gql(AUDIT, { id: challenge.id })).data.challenge.auditLog.nodes[0];
      expect(audit).toEqual({
        action: 'proposal.ineligible',
        summary: expect.stringContaining(reason),
        actor: { id: staff.editor.id },
      });
      const [event] = await sql(
        api,
        `SELECT payload FROM outbox_events WHERE type = 'proposal.ineligible' AND payload->>'proposalId' = $1`,
        [proposal.id],
      );
      expect(event.payload).toEqual({
        proposalId: proposal.id,
        challengeId: challenge.id,
        authorIds: [author.id],
        reason,
      });
      const byAdmin = await submitted(challenge.id);
      expect(
        (await api.gql(MARK_INELIGIBLE, { id: byAdmin.id, reason }, staff.platformAdmin.token)).errors,
      ).toBeUndefined();
    });
  });

  it('answers NOT_FOUND to moderating a never-submitted proposal (a draft, or a draft withdrawn), as for a missing id, and stores nothing', async () => {
    const challenge = await publishedChallenge(api, staff);
    const draft = (await api.gql(CREATE_PROPOSAL, { input: proposalInput(challenge.id) }, author.token)).data
      .createProposal;
    const withdrawnDraft = (await api.gql(CREATE_PROPOSAL, { input: proposalInput(challenge.id) }, author.token)).data
      .createProposal;
    const withdrawn = await api.gql(WITHDRAW_PROPOSAL, { id: withdrawnDraft.id }, author.token);
    expect(withdrawn.data.withdrawProposal.status).toBe('WITHDRAWN');
    const missing = '00000000-0000-4000-8000-000000000000';
    const notFound = { message: 'La propuesta no existe.', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) };
    const before = await proposalRowCounts(api);
    for (const id of [missing, draft.id, withdrawnDraft.id]) {
      const attempts: [string, Record<string, unknown>, string][] = [
        [HIDE_PROPOSAL, { id, reason: 'Contenido ofensivo' }, moderator.token],
        [HIDE_PROPOSAL, { id, reason: 'Contenido ofensivo' }, staff.platformAdmin.token],
        [UNHIDE_PROPOSAL, { id }, moderator.token],
        [MARK_INELIGIBLE, { id, reason: 'No cumple las bases' }, staff.editor.token],
        [MARK_INELIGIBLE, { id, reason: 'No cumple las bases' }, staff.platformAdmin.token],
        // Someone outside the unit learns no more about a draft than about a missing id.
        [MARK_INELIGIBLE, { id, reason: 'No cumple las bases' }, citizen.token],
      ];
      for (const [mutation, variables, token] of attempts) {
        const answer = await api.gql(mutation, variables, token);
        expect(answer.errors).toEqual([expect.objectContaining(notFound)]);
      }
    }
    expect(await proposalRowCounts(api)).toEqual(before);
    const rows = await sql(api, `SELECT id, status, submitted_at FROM proposals WHERE id = ANY($1) ORDER BY status`, [
      [draft.id, withdrawnDraft.id],
    ]);
    expect(rows).toEqual([
      { id: draft.id, status: 'DRAFT', submitted_at: null },
      { id: withdrawnDraft.id, status: 'WITHDRAWN', submitted_at: null },
    ]);
  });

  it('shows drafts in lists only to their authors, and defaults to SUBMITTED', async () => {
    const challenge = await publishedChallenge(api, staff);
    const sent = await submitted(challenge.id);
    const created = await api.gql(CREATE_PROPOSAL, { input: proposalInput(challenge.id) }, author.token);
    const draftId = created.data.createProposal.id;
    expect((await listOf(challenge.id)).nodes.map((n: { id: string }) => n.id)).toEqual([sent.id]);
    const all = { filter: { statuses: ['DRAFT', 'SUBMITTED'] } };
    expect((await listOf(challenge.id, all)).totalCount).toBe(1);
    expect((await listOf(challenge.id, all, staff.admin.token)).totalCount).toBe(1);
    expect((await listOf(challenge.id, all, moderator.token)).totalCount).toBe(1);
    expect((await listOf(challenge.id, all, author.token)).nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [sent.id, draftId].sort(),
    );
  });

  it('lists a page with author and co-authors in the same number of SQL queries for 5 or 20 proposals', async () => {
    const challenge = await publishedChallenge(api, staff);
    const coAuthors = await Promise.all(Array.from({ length: 3 }, () => signUp(api)));
    for (let i = 0; i < 22; i++) {
      const writer = await signUp(api, { displayName: `Autora ${i}` });
      const created = await api.gql(CREATE_PROPOSAL, { input: proposalInput(challenge.id) }, writer.token);
      for (const c of coAuthors.slice(0, i % 4))
        await addAcceptedCoAuthor(api, created.data.createProposal.id, writer.token, c);
      await api.gql(SUBMIT_PROPOSAL, { id: created.data.createProposal.id }, writer.token);
    }
    const query = `query ($id: ID, $first: Int) { challenge(id: $id) { proposalCount participantCount proposals(first: $first) {
      totalCount nodes { id title viewerCanEdit author { displayName } coAuthors { displayName } challenge { title } location { latitude } } } } }`;
    const counter = api.app.get(QueryCounter);
    const queriesFor = async (first: number) => {
      const start = counter.count;
      const { data, errors } = await api.gql(query, { id: challenge.id, first }, citizen.token);
      expect(errors).toBeUndefined();
      expect(data.challenge.proposals.nodes).toHaveLength(first);
      return counter.count - start;
    };
    const five = await queriesFor(5);
    const twenty = await queriesFor(20);
    expect(twenty).toBe(five);
    expect(twenty).toBeLessThanOrEqual(12);
    const counts = (await api.gql(query, { id: challenge.id, first: 1 })).data.challenge;
    expect(counts).toMatchObject({ proposalCount: 22, participantCount: 25 });
    process.stdout.write(`proposals page queries: first=5 → ${five}, first=20 → ${twenty}\n`);
  });

  it('pages RANDOM order covering every proposal exactly once, stable per viewer', async () => {
    const challenge = await publishedChallenge(api, staff);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await submitted(challenge.id)).id);
    const walk = async (token?: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const list: any = await listOf(challenge.id, { first: 5, after, orderBy: 'RANDOM' }, token);
        expect(list.totalCount).toBe(23);
        seen.push(...list.nodes.map((n: { id: string }) => n.id));
        if (!list.pageInfo.hasNextPage) break;
        after = list.pageInfo.endCursor;
      }
      return seen;
    };
    const mine = await walk(citizen.token);
    expect(mine).toHaveLength(23);
    expect([...mine].sort()).toEqual([...ids].sort());
    expect(await walk(citizen.token)).toEqual(mine);
    const theirs = await walk(author.token);
    expect([...theirs].sort()).toEqual([...ids].sort());
    expect(theirs).not.toEqual(mine);
    const anonymous = await walk();
    expect([...anonymous].sort()).toEqual([...ids].sort());
    expect(await walk()).toEqual(anonymous);
    expect(mine).not.toEqual([...ids].reverse()); // not simply NEWEST
    const newest = await listOf(challenge.id, { first: 23 });
    expect(newest.nodes.map((n: { id: string }) => n.id)).toEqual([...ids].reverse());
    // Orders that voting fills in fall back to NEWEST until then.
    expect(
      (await listOf(challenge.id, { first: 23, orderBy: 'MOST_VOTED' })).nodes.map((n: { id: string }) => n.id),
    ).toEqual([...ids].reverse());
    expect((await listOf(challenge.id, { filter: { winnersOnly: true } })).totalCount).toBe(0);
    const bad = await api.gql(LIST, { id: challenge.id, after: 'bm9wZQ' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    expect((await api.gql(LIST, { id: challenge.id, first: 101 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('orders challenges by their real number of submitted proposals', async () => {
    const busy = await publishedChallenge(api, staff, { title: 'Reto con muchas propuestas ciudadanas' });
    for (let i = 0; i < 3; i++) await submitted(busy.id);
    const { data } = await api.gql(
      `{ challenges(orderBy: MOST_PROPOSALS, first: 100) { nodes { id proposalCount } } }`,
    );
    const counts = data.challenges.nodes.map((n: { proposalCount: number }) => n.proposalCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(3);
    expect(data.challenges.nodes.find((n: { id: string }) => n.id === busy.id).proposalCount).toBe(3);
  });
});
