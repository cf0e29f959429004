import { createUnitWithStaff } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

const CREATE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishChallenge(id: $id) { status } }`;
const STATE = `query ($id: ID) { challenge(id: $id) {
  status phase currentRound { position }
  rounds { position status opensAt closesAt openedAt closedAt }
  auditLog(first: 100) { nodes { action actor { displayName } } }
} }`;

describe('a challenge from publication to results, through the API, with workers running', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
  });

  afterAll(() => api.close());

  it('opens and closes each round on time by itself and ends FINISHED, every step in the public audit log', async () => {
    const staff = await createUnitWithStaff(api);
    const input = challengeInput(staff.unitId, {
      startInMs: 1500,
      roundMs: 1500,
      title: 'Reto relámpago de datos abiertos',
    });
    const { data } = await api.gql(CREATE, { input }, staff.editor.token);
    const id = data.createChallenge.id;
    expect((await api.gql(PUBLISH, { id }, staff.admin.token)).data.publishChallenge.status).toBe('PUBLISHED');

    const phases = new Set<string>();
    const finished = await waitFor(
      'the challenge to finish',
      async () => {
        const { challenge } = (await api.gql(STATE, { id })).data;
        phases.add(challenge.phase);
        return challenge.status === 'FINISHED' && challenge;
      },
      20_000,
    );

    expect([...phases]).toEqual(expect.arrayContaining(['UPCOMING', 'SUBMISSION', 'VOTING', 'FINISHED']));
    expect(finished.currentRound).toBeNull();
    for (const round of finished.rounds) {
      expect(round.status).toBe('CLOSED');
      // Never early; how late is `npm run bench:rounds`' figure, not asserted here.
      expect(Date.parse(round.closedAt)).toBeGreaterThanOrEqual(Date.parse(round.closesAt));
      expect(Date.parse(round.openedAt)).toBeGreaterThanOrEqual(Date.parse(round.opensAt));
    }
    const actions = finished.auditLog.nodes.map((n: { action: string }) => n.action).reverse();
    expect(actions).toEqual([
      'challenge.created',
      'challenge.published',
      'round.opened',
      'round.closed',
      'round.opened',
      'round.closed',
      'results.published',
    ]);
    expect(finished.auditLog.nodes.find((n: { action: string }) => n.action === 'round.closed').actor).toBeNull();
  });
});
