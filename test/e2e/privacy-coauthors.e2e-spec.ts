import { createUnitWithStaff, signUp, type TestAccount } from '../support/accounts.js';
import { ADD_JUROR, createJuryChallenge, juryHarness } from '../support/evaluation-fixtures.js';
import {
  ACCEPT_INVITATION,
  ADD_CO_AUTHOR,
  addAcceptedCoAuthor,
  CREATE_PROPOSAL,
  DECLINE_INVITATION,
  LEAVE_PROPOSAL,
  MY_INVITATIONS,
  PROPOSAL,
  proposalInput,
  publishedChallenge,
  type PublishedChallenge,
} from '../support/proposals.js';
import { tokenFor } from '../support/voting-fixtures.js';

type Invitation = { id: string; proposalId: string; proposalTitle: string; invitedBy: string };

/**
 * Issue #16: addCoAuthor is no account oracle and needs consent. The author gets the same answer whatever
 * the address; the invited person accepts or declines, may leave later; at most 20 invitations a day.
 */
describe('co-authorship by invitation (privacy)', () => {
  const h = juryHarness();
  let open: PublishedChallenge;

  beforeAll(async () => {
    open = await publishedChallenge(h.api, await createUnitWithStaff(h.api));
  });

  const draft = async (author: TestAccount) => {
    const { data, errors } = await h.api.gql(CREATE_PROPOSAL, { input: proposalInput(open.id) }, author.token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data.createProposal as { id: string; title: string };
  };
  const invitationsOf = async (account: TestAccount): Promise<Invitation[]> =>
    (await h.ok(MY_INVITATIONS, {}, account.token)).myCoAuthorInvitations;

  it('answers the same whether or not the address has an account, and signs nobody without consent', async () => {
    const author = await signUp(h.api, { displayName: 'Autora Invitante' });
    const proposal = await draft(author);
    const invited = await signUp(h.api);
    const unverified = await signUp(h.api, { verified: false });
    const answers = [];
    for (const email of ['nadie-aqui@ejemplo.mx', unverified.email, invited.email, invited.email.toUpperCase()]) {
      const res = await h.api.gql(ADD_CO_AUTHOR, { id: proposal.id, email }, author.token);
      expect(res.errors).toBeUndefined();
      answers.push(res.data);
    }
    // Same shape and content for every address, and nobody signs yet.
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].addCoAuthor.coAuthors).toEqual([]);
    // Only the verified account is invited, once; the outbox carries nobody for the others.
    expect(await invitationsOf(unverified)).toEqual([]);
    const [invitation] = await invitationsOf(invited);
    expect(await invitationsOf(invited)).toHaveLength(1);
    expect(invitation).toMatchObject({
      proposalId: proposal.id,
      proposalTitle: proposal.title,
      invitedBy: 'Autora Invitante',
    });
    const { rows } = await h.sql.query(
      `SELECT payload->'inviteeIds' AS invitees FROM outbox_events WHERE type = 'co_author.invited' AND payload->>'proposalId' = $1 ORDER BY created_at, id`,
      [proposal.id],
    );
    expect(rows.map((r: { invitees: string[] }) => r.invitees)).toEqual([[], [], [invited.id], []]);

    // Someone else cannot answer it (same answer as a missing invitation).
    const other = await signUp(h.api);
    expect((await h.api.gql(ACCEPT_INVITATION, { id: invitation.id }, other.token)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    const accepted = await h.ok(ACCEPT_INVITATION, { id: invitation.id }, invited.token);
    expect(accepted.acceptCoAuthorInvitation.coAuthors.map((u: { id: string }) => u.id)).toEqual([invited.id]);
    expect(
      (await h.api.gql(DECLINE_INVITATION, { id: invitation.id }, invited.token)).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    expect(await invitationsOf(invited)).toEqual([]);
  });

  it('lets the invited person decline, and a co-author leave later', async () => {
    const author = await signUp(h.api);
    const proposal = await draft(author);
    const declining = await signUp(h.api);
    await h.ok(ADD_CO_AUTHOR, { id: proposal.id, email: declining.email }, author.token);
    const [invitation] = await invitationsOf(declining);
    expect((await h.ok(DECLINE_INVITATION, { id: invitation.id }, declining.token)).declineCoAuthorInvitation).toBe(
      true,
    );
    expect(
      (await h.api.gql(ACCEPT_INVITATION, { id: invitation.id }, declining.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'CONFLICT' });

    const leaving = await signUp(h.api);
    await addAcceptedCoAuthor(h.api, proposal.id, author.token, leaving);
    const read = async () => (await h.ok(PROPOSAL, { id: proposal.id }, author.token)).proposal.coAuthors;
    expect(await read()).toEqual([expect.objectContaining({ id: leaving.id })]);
    expect((await h.ok(LEAVE_PROPOSAL, { id: proposal.id }, leaving.token)).leaveProposal).toBe(true);
    expect(await read()).toEqual([]);
    // No longer a signer of this unsubmitted draft: it now answers like a missing proposal.
    expect((await h.api.gql(LEAVE_PROPOSAL, { id: proposal.id }, leaving.token)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('caps invitations at 20 a day per inviter, existing addresses or not', async () => {
    const author = await signUp(h.api);
    const proposal = await draft(author);
    const real = await signUp(h.api);
    for (let i = 0; i < 19; i++)
      await h.ok(ADD_CO_AUTHOR, { id: proposal.id, email: `inventada-${i}@ejemplo.mx` }, author.token);
    await h.ok(ADD_CO_AUTHOR, { id: proposal.id, email: real.email }, author.token);
    for (const email of ['otra-inventada@ejemplo.mx', real.email]) {
      const refused = await h.api.gql(ADD_CO_AUTHOR, { id: proposal.id, email }, author.token);
      expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(refused.errors?.[0].message).toContain('20 invitaciones');
    }
  });

  it('never signs more than 5 co-authors under 10 parallel acceptances', async () => {
    const author = await signUp(h.api);
    const proposal = await draft(author);
    const people = await Promise.all(Array.from({ length: 10 }, () => signUp(h.api)));
    for (const p of people) await h.ok(ADD_CO_AUTHOR, { id: proposal.id, email: p.email }, author.token);
    const invitations = await Promise.all(people.map(async (p) => (await invitationsOf(p))[0]));
    const results = await Promise.all(
      people.map((p, i) => h.api.gql(ACCEPT_INVITATION, { id: invitations[i].id }, p.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(Array(5).fill('CONFLICT'));
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM proposal_co_authors WHERE proposal_id = $1`, [
      proposal.id,
    ]);
    expect(rows[0].n).toBe(5);
  });

  it('bars from the jury only accepted co-authors; a juror cannot accept', async () => {
    const challenge = await createJuryChallenge(h.sql, h.api.config, {
      kinds: ['SUBMISSION', 'EVALUATION'],
      openPosition: 1,
      proposals: 1,
      settings: {},
      criteria: [[1, 10]],
    });
    const authorToken = await tokenFor(h.api.config, challenge.authorId);
    const [pending, accepted] = [await signUp(h.api), await signUp(h.api)];
    const proposalId = challenge.proposalIds[0];
    await h.ok(ADD_CO_AUTHOR, { id: proposalId, email: pending.email }, authorToken);
    await addAcceptedCoAuthor(h.api, proposalId, authorToken, accepted);

    // A pending invitation signs nothing: that person may still sit on the jury…
    await h.ok(ADD_JUROR, { c: challenge.challengeId, email: pending.email }, challenge.adminToken);
    // …and then cannot accept; an accepted co-author cannot join the jury.
    const [invitation] = await invitationsOf(pending);
    expect(
      (await h.api.gql(ACCEPT_INVITATION, { id: invitation.id }, pending.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'JUROR_CONFLICT' });
    const refused = await h.api.gql(
      ADD_JUROR,
      { c: challenge.challengeId, email: accepted.email },
      challenge.adminToken,
    );
    expect(refused.errors).toBeDefined();
  });
});
