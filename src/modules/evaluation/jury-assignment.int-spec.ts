import {
  consecutiveRounds,
  publishChallenge,
  registerPerson,
  submitProposal,
  type Person,
  type PublishedChallenge,
} from '../../../test/support/service-factories.js';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/service-harness.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { RoundClock } from '../rounds/round-clock.js';
import { EvaluationsService } from './evaluations.service.js';
import { JuryService } from './jury.service.js';

const HOUR = 3600_000;
const PROPOSALS = 6;

/**
 * Jury assignment (RULES §6) when the clock opens an EVALUATION round: with `jurorsPerProposal` = 2 and three
 * jurors, every proposal gets two different jurors and every juror the same load; a conflict declared before
 * the opening is respected, one declared after it hands the proposal to the juror who was free of it; the
 * EVALUATION closer then ranks by the jurors' scores and stores the results once.
 */
describe('jury assignment', () => {
  let h: ServiceHarness;
  let jury: JuryService;
  let challenge: PublishedChallenge;
  let jurors: Person[];
  let proposals: string[];
  const jurorName = new Map<string, string>();

  beforeAll(async () => {
    h = await startServiceHarness();
    jury = h.get(JuryService);
    const start = h.clock.now().getTime() + HOUR;
    challenge = await publishChallenge(h, {
      rounds: consecutiveRounds(new Date(start), 1, ['SUBMISSION', 'EVALUATION']),
      settings: { votingMethod: 'SINGLE', winnerCount: 1, jurorsPerProposal: 2, minEvaluationsPerProposal: 1 },
      criteria: [{ name: 'Impacto', weight: 1, maxScore: 10 }],
    });
    jurors = [];
    for (const name of ['jurado1', 'jurado2', 'jurado3']) {
      const person = await registerPerson(h, { displayName: name });
      const member = await jury.addJuror(challenge.unit.admin.id, challenge.challengeId, person.email, false);
      jurorName.set(member.id, name);
      jurors.push(person);
    }
    await h.advanceTo(start); // SUBMISSION opens
    const author = await registerPerson(h);
    proposals = [];
    for (let i = 0; i < PROPOSALS; i++) proposals.push(await submitProposal(h, author, challenge.challengeId));
  });

  afterAll(async () => {
    await h?.close();
  });

  const evaluationRound = () => challenge.rounds[1];

  /** Proposal id → the names of its jurors, sorted. */
  async function assignments(): Promise<Map<string, string[]>> {
    const { rows } = await h.sql.query(`SELECT juror_id, proposal_id FROM jury_assignments WHERE round_id = $1`, [
      evaluationRound().id,
    ]);
    const byProposal = new Map<string, string[]>(proposals.map((p) => [p, []]));
    for (const r of rows) byProposal.get(r.proposal_id)!.push(jurorName.get(r.juror_id)!);
    for (const list of byProposal.values()) list.sort();
    return byProposal;
  }

  it('opening the round spreads the proposals: two jurors each, four proposals per juror, conflicts respected', async () => {
    // jurado2 declares a conflict with the first proposal before the evaluation opens.
    await jury.declareConflict(jurors[1].id, proposals[0], 'Asesoré a la autora de esta propuesta.');
    const { events } = await h.advanceTo(evaluationRound().opensAt); // SUBMISSION closes, EVALUATION opens
    const byProposal = await assignments();
    expect(byProposal.get(proposals[0])).toEqual(['jurado1', 'jurado3']);
    for (const names of byProposal.values()) {
      expect(names).toHaveLength(2);
      expect(new Set(names).size).toBe(2);
    }
    const load = new Map<string, number>();
    for (const names of byProposal.values()) for (const n of names) load.set(n, (load.get(n) ?? 0) + 1);
    expect(Object.fromEntries(load)).toEqual({ jurado1: 4, jurado2: 4, jurado3: 4 });

    expect(events.filter((e) => e.type === 'jury.assigned')).toHaveLength(3);
    const { rows } = await h.sql.query(
      `SELECT recipient_id FROM notifications WHERE type = 'JURY_ASSIGNED' AND challenge_id = $1`,
      [challenge.challengeId],
    );
    expect(rows.map((r) => r.recipient_id).sort()).toEqual(jurors.map((j) => j.id).sort());
  });

  it('a conflict declared during the evaluation hands the proposal to the juror who was free of it', async () => {
    const before = await assignments();
    const [proposal, names] = [...before].find(([, n]) => n.includes('jurado1') && n.includes('jurado2'))!;
    expect(names).toEqual(['jurado1', 'jurado2']);

    await jury.declareConflict(jurors[0].id, proposal, 'Trabajé con el equipo que la propone.');
    const after = await assignments();
    expect(after.get(proposal)).toEqual(['jurado2', 'jurado3']);
    for (const p of proposals) if (p !== proposal) expect(after.get(p)).toEqual(before.get(p));

    const { events } = await h.drainOutbox();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'jury.assigned',
        {
          challengeId: challenge.challengeId,
          roundId: evaluationRound().id,
          jurorUserId: jurors[2].id,
          proposalIds: [proposal],
        },
      ],
    ]);
  });

  it('closing the EVALUATION round ranks by the jury and stores the results once', async () => {
    const evaluations = h.get(EvaluationsService);
    const [criterion] = await h.get(EvaluationRepository).criteriaOf(challenge.challengeId);
    // Every juror gives proposal k the score k + 1: the last proposal wins.
    for (const juror of jurors)
      for (const { proposalId } of await evaluations.assignmentsOf(juror.id, challenge.challengeId))
        await evaluations.submit(juror.id, {
          proposalId,
          scores: [{ criterionId: criterion.id, score: proposals.indexOf(proposalId) + 1 }],
        });

    const { events } = await h.advanceTo(evaluationRound().closesAt);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['round.closed', 'results.published']));
    const { rows } = await h.sql.query(
      `SELECT proposal_id, rank, evaluation_count, is_winner FROM result_entries
        WHERE challenge_id = $1 ORDER BY rank`,
      [challenge.challengeId],
    );
    expect(rows.map((r) => r.proposal_id)).toEqual([...proposals].reverse());
    expect(rows[0]).toMatchObject({ rank: 1, evaluation_count: 2, is_winner: true });
    expect(rows.filter((r) => r.is_winner)).toHaveLength(1);

    const roundClock = h.get(RoundClock);
    expect(await roundClock.closeRound(evaluationRound().id, evaluationRound().closesAt, null)).toBe('not-published');
    expect(await roundClock.sweep()).toBe(0);
    await h.drainOutbox();
    const count = async (table: string) =>
      (
        await h.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE challenge_id = $1`, [
          challenge.challengeId,
        ])
      ).rows[0].n;
    expect(await count('challenge_results')).toBe(1);
    expect(await count('result_entries')).toBe(PROPOSALS);
  });
});
