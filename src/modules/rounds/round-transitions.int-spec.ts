import {
  consecutiveRounds,
  publishChallenge,
  registerPerson,
  submitProposal,
  type Person,
  type PublishedChallenge,
} from '../../../test/support/service-factories.js';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/service-harness.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { VotingService } from '../voting/voting.service.js';
import { RoundClock } from './round-clock.js';

const HOUR = 3600_000;

/**
 * The round clock's transitions on one challenge, SUBMISSION → VOTING (2 advance) → final VOTING, driven by
 * the manual clock: each step moves time past a date and runs the transition as the jobs would; each
 * transition run again changes nothing. The steps build on each other, in order.
 */
describe('round transitions', () => {
  let h: ServiceHarness;
  let roundClock: RoundClock;
  let voting: VotingService;
  let challenge: PublishedChallenge;
  let proposals: string[];
  let draftId: string;
  let voters: Person[];

  beforeAll(async () => {
    h = await startServiceHarness();
    roundClock = h.get(RoundClock);
    voting = h.get(VotingService);
    const start = new Date(h.clock.now().getTime() + HOUR);
    const rounds = consecutiveRounds(start, 1, ['SUBMISSION', 'VOTING', 'VOTING']);
    rounds[1].advanceCount = 2;
    challenge = await publishChallenge(h, { rounds, settings: { votingMethod: 'SINGLE', winnerCount: 1 } });
    voters = await Promise.all([1, 2, 3, 4].map(() => registerPerson(h)));
  });

  afterAll(async () => {
    await h?.close();
  });

  const round = (position: number) => challenge.rounds[position - 1];

  async function roundStatus(position: number): Promise<string> {
    const { rows } = await h.sql.query(`SELECT status FROM rounds WHERE id = $1`, [round(position).id]);
    return rows[0].status;
  }

  async function proposalStates(): Promise<Record<string, { status: string; stage: number; out: number | null }>> {
    const { rows } = await h.sql.query(
      `SELECT id, status, stage, eliminated_in_round FROM proposals WHERE challenge_id = $1`,
      [challenge.challengeId],
    );
    return Object.fromEntries(
      rows.map((r) => [r.id, { status: r.status, stage: r.stage, out: r.eliminated_in_round }]),
    );
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    return (await h.sql.query<{ n: number }>(sql, params)).rows[0].n;
  }

  it('opens the SUBMISSION round once the clock passes opensAt, not before', async () => {
    await h.drainOutbox(); // relays the publication: the round jobs wait for their dates
    expect(h.pendingJobs().map((j) => j.name)).toEqual(expect.arrayContaining(['round.open', 'round.close']));
    expect(await roundClock.settle(round(1).id)).toBe(0);
    expect(await roundStatus(1)).toBe('SCHEDULED');

    h.clock.set(round(1).opensAt.getTime() + 1);
    expect(await roundClock.settle(round(1).id)).toBe(1);
    expect(await roundStatus(1)).toBe('OPEN');
    expect(await roundStatus(2)).toBe('SCHEDULED');
    expect(await roundClock.openRound(round(1).id, round(1).opensAt)).toBe('wrong-status');
    const report = await h.drainOutbox(); // the open job finds the round open: nothing more
    expect(report.events.map((e) => e.type)).toEqual(['round.opened']);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'round.opened'`, [])).toBe(1);
  });

  it('closing SUBMISSION moves the submitted proposals on, leaves drafts behind, and opens VOTING', async () => {
    const author = await registerPerson(h);
    proposals = [];
    for (let i = 0; i < 3; i++) proposals.push(await submitProposal(h, author, challenge.challengeId));
    draftId = (
      await h.get(ProposalsService).create(author.id, {
        challengeId: challenge.challengeId,
        title: 'Borrador que nunca se envía',
        summary: 'Resumen del borrador',
        body: 'Cuerpo del borrador que se queda sin enviar.',
      })
    ).id;

    h.clock.set(round(1).closesAt);
    expect(await roundClock.closeRound(round(1).id, round(1).closesAt, null)).toBe('done');
    const states = await proposalStates();
    for (const id of proposals) expect(states[id]).toEqual({ status: 'SUBMITTED', stage: 2, out: null });
    expect(states[draftId]).toEqual({ status: 'DRAFT', stage: 1, out: null });
    expect(await roundStatus(1)).toBe('CLOSED');
    expect(await roundStatus(2)).toBe('OPEN');

    expect(await roundClock.closeRound(round(1).id, round(1).closesAt, null)).toBe('wrong-status');
    expect(await roundClock.settle(round(1).id)).toBe(0);
    expect(await proposalStates()).toEqual(states);
    const { events } = await h.drainOutbox();
    const closed = events.filter((e) => e.type === 'round.closed');
    expect(closed).toHaveLength(1);
    expect([...(closed[0].payload as { advanced: string[] }).advanced].sort()).toEqual([...proposals].sort());
  });

  it('closing a VOTING round freezes its tally once and advances the top advanceCount', async () => {
    const [p1, p2, p3] = proposals;
    await voting.castVote(voters[0].viewer, p1);
    await voting.castVote(voters[1].viewer, p1);
    await voting.castVote(voters[2].viewer, p2);

    const report = await h.advanceTo(round(2).closesAt); // the close job runs through RoundsProcessor
    expect(report.ran.map((r) => [r.job.name, r.result])).toContainEqual(['round.close', 'done']);
    const { rows: tally } = await h.sql.query(
      `SELECT proposal_id, votes, rank, advanced FROM round_tallies WHERE round_id = $1 ORDER BY rank`,
      [round(2).id],
    );
    expect(tally).toEqual([
      { proposal_id: p1, votes: 2, rank: 1, advanced: true },
      { proposal_id: p2, votes: 1, rank: 2, advanced: true },
      { proposal_id: p3, votes: 0, rank: 3, advanced: false },
    ]);
    const states = await proposalStates();
    expect(states[p1].stage).toBe(3);
    expect(states[p2].stage).toBe(3);
    expect(states[p3]).toMatchObject({ stage: 2, out: 2 });
    expect(await roundStatus(3)).toBe('OPEN');

    expect(await roundClock.closeRound(round(2).id, round(2).closesAt, null)).toBe('wrong-status');
    await h.drainOutbox();
    expect(await count(`SELECT count(*)::int AS n FROM round_tallies WHERE round_id = $1`, [round(2).id])).toBe(3);
    expect(await proposalStates()).toEqual(states);
  });

  it('closing the final round stores the results once and finishes the challenge', async () => {
    const [p1, p2, p3] = proposals;
    await voting.castVote(voters[0].viewer, p2);
    await voting.castVote(voters[1].viewer, p2);
    await voting.castVote(voters[2].viewer, p1);
    await expect(voting.castVote(voters[3].viewer, p3)).rejects.toMatchObject({ reason: 'PROPOSAL_NOT_IN_RUNNING' });

    const report = await h.advanceTo(round(3).closesAt.getTime() + 1);
    expect(report.events.map((e) => e.type)).toEqual(expect.arrayContaining(['round.closed', 'results.published']));
    const { rows } = await h.sql.query(`SELECT status FROM challenges WHERE id = $1`, [challenge.challengeId]);
    expect(rows[0].status).toBe('FINISHED');
    const { rows: results } = await h.sql.query(
      `SELECT proposal_id, rank, votes, is_winner FROM result_entries WHERE challenge_id = $1 ORDER BY rank`,
      [challenge.challengeId],
    );
    expect(results).toEqual([
      { proposal_id: p2, rank: 1, votes: 2, is_winner: true },
      { proposal_id: p1, rank: 2, votes: 1, is_winner: false },
    ]);

    expect(await roundClock.closeRound(round(3).id, round(3).closesAt, null)).toBe('not-published');
    expect(await roundClock.settle(round(3).id)).toBe(0);
    expect(await roundClock.sweep()).toBe(0);
    await h.drainOutbox();
    expect(
      await count(`SELECT count(*)::int AS n FROM challenge_results WHERE challenge_id = $1`, [challenge.challengeId]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM result_entries WHERE challenge_id = $1`, [challenge.challengeId]),
    ).toBe(2);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'results.published' AND payload->>'challengeId' = $1`,
        [challenge.challengeId],
      ),
    ).toBe(1);
  });
});
