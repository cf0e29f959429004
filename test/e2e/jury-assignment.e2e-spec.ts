import { NotificationFanout } from '../../src/modules/notifications/notification-fanout.js';
import {
  ADD_JUROR,
  advanceTo,
  ASSIGNMENTS,
  createJuryChallenge,
  createPeople,
  DECLARE,
  REMOVE_JUROR,
  SUBMIT,
  juryHarness,
} from '../support/evaluation-fixtures.js';

/** RULES §6 assignments through the API and the database: balanced loads with conflicts, late jurors, reassignment. */
describe('jury assignments', () => {
  const h = juryHarness();
  const ok: typeof h.ok = (...args) => h.ok(...args);

  async function loads(roundId: string) {
    const { rows } = await h.sql.query('SELECT juror_id, proposal_id FROM jury_assignments WHERE round_id = $1', [
      roundId,
    ]);
    const perJuror = new Map<string, number>();
    const perProposal = new Map<string, number>();
    for (const r of rows) {
      perJuror.set(r.juror_id, (perJuror.get(r.juror_id) ?? 0) + 1);
      perProposal.set(r.proposal_id, (perProposal.get(r.proposal_id) ?? 0) + 1);
    }
    return { rows, perJuror, perProposal };
  }

  it('7 jurors, 23 proposals, 3 per proposal, 2 conflicts: every proposal gets 3 jurors, loads within 1; late jurors and conflicts keep it so', async () => {
    const challenge = await createJuryChallenge(h.sql, h.api.config, {
      kinds: ['SUBMISSION', 'EVALUATION'],
      openPosition: 1,
      proposals: 23,
      settings: { votingMethod: 'SINGLE', winnerCount: 1, jurorsPerProposal: 3, minEvaluationsPerProposal: 1 },
      criteria: [[1, 10]],
    });
    const P = challenge.proposalIds;
    const jurors = await createPeople(h.sql, h.api.config, 9);
    for (const juror of jurors.slice(0, 7))
      await ok(ADD_JUROR, { c: challenge.challengeId, email: juror.email }, challenge.adminToken);
    // Conflicts declared before the round opens are honoured by the assignment.
    await ok(DECLARE, { p: P[0], reason: 'Es un proyecto de mi hermana.' }, jurors[0].token);
    await ok(DECLARE, { p: P[5], reason: 'Trabajé en esa organización.' }, jurors[3].token);
    const conflictPairs = async () =>
      (
        await h.sql.query(
          `SELECT a.* FROM jury_assignments a JOIN jury_conflicts k ON k.juror_id = a.juror_id AND k.proposal_id = a.proposal_id`,
        )
      ).rowCount;

    await advanceTo(h.sql, h.api, challenge, 1); // submission closes, evaluation opens and assigns
    const round = challenge.rounds[1].id;
    let state = await loads(round);
    expect(state.rows).toHaveLength(69);
    expect([...state.perProposal.values()].every((n) => n === 3)).toBe(true);
    expect(state.perProposal.size).toBe(23);
    expect(Math.max(...state.perJuror.values()) - Math.min(...state.perJuror.values())).toBeLessThanOrEqual(1);
    expect(await conflictPairs()).toBe(0);
    // What each juror sees through the API matches the database.
    const seen = await ok(ASSIGNMENTS, { c: challenge.challengeId }, jurors[1].token);
    const jurorIds = (
      await h.sql.query('SELECT id, user_id FROM jury_members WHERE challenge_id = $1', [challenge.challengeId])
    ).rows;
    const seatOf = (userId: string) => jurorIds.find((r: { user_id: string }) => r.user_id === userId).id;
    expect(seen.myEvaluationAssignments).toHaveLength(state.perJuror.get(seatOf(jurors[1].id))!);
    // The same pair twice is refused by the database.
    const pair = state.rows[0];
    await expect(
      h.sql.query('INSERT INTO jury_assignments (round_id, juror_id, proposal_id) VALUES ($1, $2, $3)', [
        round,
        pair.juror_id,
        pair.proposal_id,
      ]),
    ).rejects.toThrow(/jury_assignments_one_per_juror_and_proposal/);

    // A juror joining late takes a share: still 3 per proposal, loads within 1.
    await ok(ADD_JUROR, { c: challenge.challengeId, email: jurors[7].email }, challenge.adminToken);
    state = await loads(round);
    expect(state.rows).toHaveLength(69);
    expect(state.perJuror.size).toBe(8);
    expect(Math.max(...state.perJuror.values()) - Math.min(...state.perJuror.values())).toBeLessThanOrEqual(1);

    // A conflict declared during the round hands the proposal to a free juror.
    const mine = (await ok(ASSIGNMENTS, { c: challenge.challengeId }, jurors[2].token)).myEvaluationAssignments;
    await ok(DECLARE, { p: mine[0].proposal.id, reason: 'Conozco a quien la propuso.' }, jurors[2].token);
    state = await loads(round);
    expect(state.perProposal.get(mine[0].proposal.id)).toBe(3);
    expect(await conflictPairs()).toBe(0);

    // A juror leaving: their proposals go to others; the audit log records it.
    await ok(REMOVE_JUROR, { c: challenge.challengeId, u: jurors[4].id }, challenge.adminToken);
    state = await loads(round);
    expect([...state.perProposal.values()].every((n) => n === 3)).toBe(true);
    expect(state.perJuror.size).toBe(7);
    const AUDIT = `query($id: ID) { challenge(id: $id) { jury { user { id } } auditLog(first: 50) { nodes { action } } } }`;
    const { challenge: pub } = await ok(AUDIT, { id: challenge.challengeId });
    expect(pub.jury).toHaveLength(7);
    const actions = pub.auditLog.nodes.map((n: { action: string }) => n.action);
    expect(actions.filter((a: string) => a === 'juror.added')).toHaveLength(8);
    expect(actions.filter((a: string) => a === 'juror.removed')).toHaveLength(1);
    const outbox = await h.sql.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'jury.assigned' AND payload->>'challengeId' = $1`,
      [challenge.challengeId],
    );
    expect(outbox.rows[0].n).toBeGreaterThanOrEqual(8);

    // Only the unit's ADMIN/EDITOR manage the jury; a juror's account cannot propose (JUROR_CONFLICT on voting is in the journey test).
    const refused = await h.api.gql(ADD_JUROR, { c: challenge.challengeId, email: jurors[8].email }, jurors[8].token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const VIEWER = `query { viewer { juryMemberships { challenge { id } isChair } } }`;
    expect((await ok(VIEWER, {}, jurors[0].token)).viewer.juryMemberships).toEqual([
      { challenge: { id: challenge.challengeId }, isChair: false },
    ]);
  }, 120_000);

  it('tells each juror about their assignments (JURY_ASSIGNED) and reminds only jurors with pending evaluations (EVALUATION_REMINDER)', async () => {
    const challenge = await createJuryChallenge(h.sql, h.api.config, {
      kinds: ['SUBMISSION', 'EVALUATION'],
      openPosition: 1,
      proposals: 2,
      settings: { votingMethod: 'SINGLE', winnerCount: 1, minEvaluationsPerProposal: 1 },
      criteria: [[1, 10]],
    });
    const [busy, done, outsider] = await createPeople(h.sql, h.api.config, 3);
    for (const juror of [busy, done])
      await ok(ADD_JUROR, { c: challenge.challengeId, email: juror.email }, challenge.adminToken);
    await advanceTo(h.sql, h.api, challenge, 1);
    const round = challenge.rounds[1].id;
    const { rows: criteria } = await h.sql.query('SELECT id FROM evaluation_criteria WHERE challenge_id = $1', [
      challenge.challengeId,
    ]);
    for (const proposalId of challenge.proposalIds) {
      await ok(SUBMIT, { input: { proposalId, scores: [{ criterionId: criteria[0].id, score: 7 }] } }, done.token);
    }

    const fanout = h.api.app.get(NotificationFanout);
    const recipients = async (eventId: string) =>
      (
        await h.sql.query('SELECT recipient_id, type FROM notifications WHERE event_id = $1 ORDER BY recipient_id', [
          eventId,
        ])
      ).rows;
    const { rows: assigned } = await h.sql.query(
      `SELECT id, payload FROM outbox_events WHERE type = 'jury.assigned' AND payload->>'challengeId' = $1`,
      [challenge.challengeId],
    );
    expect(assigned.map((e) => e.payload.jurorUserId).sort()).toEqual([busy.id, done.id].sort());
    for (const event of assigned) {
      await fanout.runChunk({ eventId: event.id, type: 'jury.assigned', payload: event.payload, cursor: null });
      expect(await recipients(event.id)).toEqual([{ recipient_id: event.payload.jurorUserId, type: 'JURY_ASSIGNED' }]);
    }

    const payload = { challengeId: challenge.challengeId, roundId: round, closesAt: new Date().toISOString() };
    const {
      rows: [reminder],
    } = await h.sql.query(`INSERT INTO outbox_events (type, payload) VALUES ('evaluation.reminder', $1) RETURNING id`, [
      payload,
    ]);
    await fanout.runChunk({ eventId: reminder.id, type: 'evaluation.reminder', payload, cursor: null });
    const reminded = await recipients(reminder.id);
    expect(reminded).toEqual([{ recipient_id: busy.id, type: 'EVALUATION_REMINDER' }]);
    expect(reminded.map((r) => r.recipient_id)).not.toContain(outsider.id);
  });
});
