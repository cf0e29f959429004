import type pg from 'pg';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVoters, createVotingChallenge } from '../support/voting-fixtures.js';
import { createCitizen, signIn, slugOf } from './support/citizen.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

/**
 * Live counts: while a citizen looks at a round whose tally is public, votes cast by other people appear without a
 * reload (tallyUpdated over graphql-ws, which the page loads only when it subscribes). Workers run, as in production:
 * the live tally is published from the votes.changed outbox event.
 */
describe('live vote counts in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    web = await startWebApp({ workers: true });
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it("shows other people's votes as they are cast, without a reload", async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, showLiveTally: true },
      proposals: 2,
    });
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    const websocketLoads: string[] = [];
    page.on('websocket', (socket) => websocketLoads.push(socket.url()));
    await signIn(page, citizen, `/retos/${await slugOf(sql, challenge.challengeId)}/votar`);
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Propuesta 1' }) });
    await first.getByText('0 votos').waitFor();
    await expectAccessible(page, 'voting page with live counts');

    const others = await createVoters(sql, web.api.config, 3);
    for (const voter of others) {
      const response = await web.api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);
      expect(response.errors).toBeUndefined();
    }

    await first.getByText('3 votos').waitFor({ timeout: 20_000 });
    expect(websocketLoads).toEqual([expect.stringMatching(/\/graphql$/)]);
    await expectAccessible(page, 'counts updated live');
  });
});
