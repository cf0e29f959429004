import {
  consecutiveRounds,
  createUnit,
  publishChallenge,
  registerPerson,
  submitProposal,
  type Person,
  type PublishedChallenge,
  type Unit,
} from '../../../test/support/service-factories.js';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/service-harness.js';
import { CoAuthorsService } from '../proposals/co-authors.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { RoundClock } from '../rounds/round-clock.js';
import { VotingService } from '../voting/voting.service.js';
import { FollowsService } from './follows.service.js';

const HOUR = 3600_000;
const CATEGORY = 'DIGITAL_AGENDA';

/**
 * Who receives what (RULES §8), from the events the services record, drained through the real fan-out: followers
 * of the unit, category, state or municipality hear of a publication; authors and co-authors of their proposals;
 * the challenge's followers of its rounds; nobody twice for one event. The steps follow one challenge, in order.
 */
describe('notification audiences', () => {
  let h: ServiceHarness;
  let stateCode: string;
  let municipalityCode: string;
  let municipalUnit: Unit;
  let people: Record<
    'unitFan' | 'categoryFan' | 'stateFan' | 'municipalityFan' | 'everythingFan' | 'stranger' | 'challengeFan',
    Person
  >;
  let authorA: Person;
  let coAuthor: Person;
  let authorB: Person;
  let challenge: PublishedChallenge;
  let start: number;
  let proposalA: string;
  let proposalB: string;
  const names = new Map<string, string>();

  beforeAll(async () => {
    h = await startServiceHarness();
    const { rows } = await h.sql.query(`SELECT code, state_code FROM municipalities ORDER BY code LIMIT 1`);
    [municipalityCode, stateCode] = [rows[0].code, rows[0].state_code];
    municipalUnit = await createUnit(h, { level: 'MUNICIPAL', stateCode, municipalityCode });
    const person = async (name: string) => {
      const p = await registerPerson(h, { displayName: name });
      names.set(p.id, name);
      return p;
    };
    people = {
      unitFan: await person('unitFan'),
      categoryFan: await person('categoryFan'),
      stateFan: await person('stateFan'),
      municipalityFan: await person('municipalityFan'),
      everythingFan: await person('everythingFan'),
      stranger: await person('stranger'),
      challengeFan: await person('challengeFan'),
    };
    authorA = await person('authorA');
    coAuthor = await person('coAuthor');
    authorB = await person('authorB');
    const follows = h.get(FollowsService);
    await follows.follow(people.unitFan.id, 'UNIT', municipalUnit.unitId);
    await follows.follow(people.categoryFan.id, 'CATEGORY', CATEGORY);
    await follows.follow(people.stateFan.id, 'STATE', stateCode);
    await follows.follow(people.municipalityFan.id, 'MUNICIPALITY', municipalityCode);
    await follows.follow(people.everythingFan.id, 'UNIT', municipalUnit.unitId);
    await follows.follow(people.everythingFan.id, 'CATEGORY', CATEGORY);
    await follows.follow(people.everythingFan.id, 'STATE', stateCode);
    await follows.follow(people.everythingFan.id, 'MUNICIPALITY', municipalityCode);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Who received notifications of `type` about the challenge, by name, one entry per notification. */
  async function recipients(type: string, challengeId = challenge.challengeId): Promise<string[]> {
    const { rows } = await h.sql.query(`SELECT recipient_id FROM notifications WHERE type = $1 AND challenge_id = $2`, [
      type,
      challengeId,
    ]);
    return rows.map((r) => names.get(r.recipient_id) ?? r.recipient_id).sort();
  }

  it('CHALLENGE_PUBLISHED reaches the followers of the unit, the category and the municipality, once each', async () => {
    start = h.clock.now().getTime() + HOUR;
    challenge = await publishChallenge(h, {
      unit: municipalUnit,
      category: CATEGORY,
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(start), closesAt: new Date(start + HOUR) },
        // Two days long: its ROUND_CLOSING_SOON reminder is due a day before it closes.
        { kind: 'VOTING', opensAt: new Date(start + HOUR), closesAt: new Date(start + 49 * HOUR) },
      ],
      settings: { votingMethod: 'SINGLE', winnerCount: 1 },
    });
    await h.drainOutbox();
    expect(await recipients('CHALLENGE_PUBLISHED')).toEqual(
      ['categoryFan', 'everythingFan', 'municipalityFan', 'unitFan'].sort(),
    );
  });

  it('a STATE challenge reaches the followers of its state, not those of a municipality', async () => {
    const stateUnit = await createUnit(h, { level: 'STATE', stateCode });
    const other = await publishChallenge(h, {
      unit: stateUnit,
      category: 'OTHER',
      rounds: consecutiveRounds(new Date(start), 1, ['SUBMISSION', 'VOTING']),
    });
    await h.drainOutbox();
    expect(await recipients('CHALLENGE_PUBLISHED', other.challengeId)).toEqual(['everythingFan', 'stateFan']);
  });

  it('PROPOSAL_SUBMITTED reaches the author and the co-authors, who then follow the challenge', async () => {
    await h.get(FollowsService).follow(people.challengeFan.id, 'CHALLENGE', challenge.challengeId);
    await h.advanceTo(start); // the SUBMISSION round opens
    expect(await recipients('ROUND_OPENED')).toEqual(['challengeFan']);

    const proposals = h.get(ProposalsService);
    const draft = await proposals.create(authorA.id, {
      challengeId: challenge.challengeId,
      title: 'Propuesta con coautoría',
      summary: 'Resumen de la propuesta con coautoría',
      body: 'Cuerpo de la propuesta escrita entre dos personas.',
    });
    await proposals.addCoAuthor(authorA.id, draft.id, coAuthor.email);
    const coAuthors = h.get(CoAuthorsService);
    const [invitation] = await coAuthors.pending(coAuthor.id);
    await coAuthors.accept(coAuthor.id, invitation.id);
    await proposals.submit(authorA.id, draft.id);
    proposalA = draft.id;
    proposalB = await submitProposal(h, authorB, challenge.challengeId);
    await h.drainOutbox();

    expect(await recipients('PROPOSAL_SUBMITTED')).toEqual(['authorA', 'authorB', 'coAuthor']);
    const { rows } = await h.sql.query(
      `SELECT user_id FROM follows WHERE target_type = 'CHALLENGE' AND target_id = $1`,
      [challenge.challengeId],
    );
    expect(rows.map((r) => names.get(r.user_id)).sort()).toEqual(['authorA', 'authorB', 'challengeFan', 'coAuthor']);
  });

  it('a round closing tells authors PROPOSAL_ADVANCED and the other followers ROUND_CLOSED, never both', async () => {
    await h.advanceTo(start + HOUR); // SUBMISSION closes, VOTING opens
    expect(await recipients('PROPOSAL_ADVANCED')).toEqual(['authorA', 'authorB', 'coAuthor']);
    expect(await recipients('ROUND_CLOSED')).toEqual(['challengeFan']);
    const { rows } = await h.sql.query(
      `SELECT recipient_id, proposal_id FROM notifications WHERE type = 'PROPOSAL_ADVANCED' AND challenge_id = $1`,
      [challenge.challengeId],
    );
    const advancedOf = Object.fromEntries(rows.map((r) => [names.get(r.recipient_id), r.proposal_id]));
    expect(advancedOf).toEqual({ authorA: proposalA, coAuthor: proposalA, authorB: proposalB });
    expect(await recipients('ROUND_OPENED')).toEqual(
      ['authorA', 'authorB', 'challengeFan', 'challengeFan', 'coAuthor'].sort(),
    );
  });

  it('ROUND_CLOSING_SOON reaches the challenge followers a day before the close, once', async () => {
    await h.advanceTo(start + 25 * HOUR - 1);
    expect(await recipients('ROUND_CLOSING_SOON')).toEqual([]);
    const { ran } = await h.advanceTo(start + 25 * HOUR);
    expect(ran.map((r) => [r.job.name, r.result])).toContainEqual(['round.remind', 'done']);
    expect(await recipients('ROUND_CLOSING_SOON')).toEqual(['authorA', 'authorB', 'challengeFan', 'coAuthor']);
    await h.get(RoundClock).sweep(); // the sweep's catch-up of lost reminders finds this one recorded
    await h.drainOutbox();
    expect(await recipients('ROUND_CLOSING_SOON')).toHaveLength(4);
  });

  it('results: PROPOSAL_WON to the winners’ authors, RESULTS_PUBLISHED to every other follower', async () => {
    const voter = await registerPerson(h);
    names.set(voter.id, 'voter');
    await h.get(VotingService).castVote(voter.viewer, proposalA);
    await h.advanceTo(start + 49 * HOUR);
    expect(await recipients('PROPOSAL_WON')).toEqual(['authorA', 'coAuthor']);
    const published = await recipients('RESULTS_PUBLISHED');
    expect(published).toEqual(expect.arrayContaining(['authorB', 'challengeFan']));
    expect(published).not.toEqual(expect.arrayContaining(['authorA']));
    expect(published).not.toEqual(expect.arrayContaining(['coAuthor']));
    expect(new Set(published).size).toBe(published.length);
    for (const type of ['CHALLENGE_PUBLISHED', 'PROPOSAL_SUBMITTED'])
      expect(await recipients(type)).not.toContain('stranger');
    const { rows } = await h.sql.query(
      `SELECT event_id, recipient_id, count(*)::int AS n FROM notifications GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(rows).toEqual([]);
  });
});
