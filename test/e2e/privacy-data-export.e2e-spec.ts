import type pg from 'pg';
import { registerAndLogin, type TestAccount } from '../support/identity.js';
import { linkToken, readMail } from '../support/mail.js';
import { TestClock } from '../support/proposals.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVotingChallenge } from '../support/voting-fixtures.js';

const EXPORT = `mutation { exportMyData }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { targetId } }`;
const HOUR = 3600_000;

/**
 * Issue #16, ARCO access: "download my data" is requested through the API, built by a worker and e-mailed as a
 * link that works only with its token, only for 48 hours, and never lands in a cache.
 */
describe('exporting my data', () => {
  let api: TestApp;
  let sql: pg.Client;
  const clock = new TestClock();

  beforeAll(async () => {
    api = await startTestApp({ workers: true, clock });
    sql = await sqlClient(api.env.DATABASE_URL);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const download = async (token: string) => {
    const response = await fetch(`${api.url}/mis-datos/descarga?token=${token}`);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  async function citizen(name: string, proposalId: string): Promise<TestAccount> {
    const person = await registerAndLogin(api, { displayName: name, stateCode: '21', municipalityCode: '21114' });
    await sql.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [person.id]);
    expect((await api.gql(CAST, { id: proposalId }, person.accessToken)).errors).toBeUndefined();
    return person;
  }

  async function requestAndReceive(person: TestAccount): Promise<string> {
    const requested = await api.gql(EXPORT, {}, person.accessToken);
    expect(requested).toMatchObject({ data: { exportMyData: true } });
    const mail = await readMail(api.env.MAIL_DIR, person.email, (m) => m.decoded.includes('/mis-datos/descarga'));
    expect(mail.decoded).toContain('Descargar mis datos');
    return linkToken(mail, 'mis-datos/descarga');
  }

  it('mails a link to a JSON of my data and nobody else’s, which expires after 48 hours', async () => {
    const challenge = await createVotingChallenge(sql, { proposals: 2 });
    const ana = await citizen('Ana Exportadora', challenge.proposalIds[0]);
    const beto = await citizen('Beto Ajeno', challenge.proposalIds[1]);
    await sql.query(`UPDATE proposals SET author_id = $2 WHERE id = $1`, [challenge.proposalIds[0], ana.id]);
    await sql.query(`INSERT INTO proposal_co_authors (proposal_id, user_id) VALUES ($1, $2)`, [
      challenge.proposalIds[0],
      beto.id,
    ]);
    const followed = await api.gql(
      FOLLOW,
      { input: { targetType: 'CHALLENGE', targetId: challenge.challengeId } },
      ana.accessToken,
    );
    expect(followed.errors).toBeUndefined();

    const token = await requestAndReceive(ana);
    const audit = await sql.query(`SELECT action FROM audit_events WHERE actor_id = $1`, [ana.id]);
    expect(audit.rows.map((a) => a.action)).toContain('account.export_requested');

    const { status, headers, body } = await download(token);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('content-disposition')).toMatch(/^attachment/);
    const data = JSON.parse(body);
    expect(data.account).toMatchObject({
      id: ana.id,
      email: ana.email,
      displayName: 'Ana Exportadora',
      curpVerified: false,
      residence: { stateCode: '21', municipalityCode: '21114' },
    });
    expect(data.votes).toHaveLength(1);
    expect(data.votes[0].proposalId).toBe(challenge.proposalIds[0]);
    expect(data.proposals.map((p: { id: string }) => p.id)).toEqual([challenge.proposalIds[0]]);
    expect(data.follows).toContainEqual(expect.objectContaining({ targetId: challenge.challengeId }));
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.auditEvents).toContainEqual(expect.objectContaining({ action: 'account.export_requested' }));
    // Nothing about Beto (co-author of Ana's proposal, voter in the same round), and no secrets.
    for (const other of [beto.id, beto.email, 'Beto Ajeno', '$argon2', 'tokenHash', 'token_hash', 'curpHash'])
      expect(body).not.toContain(other);

    // Beto's link gives Beto's data, never Ana's; a made-up or altered token gives nothing.
    const betoToken = await requestAndReceive(beto);
    const betoData = JSON.parse((await download(betoToken)).body);
    expect(betoData.account.id).toBe(beto.id);
    expect(JSON.stringify(betoData)).not.toContain(ana.email);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [altered, 'x'.repeat(43), '']) {
      const refused = await download(wrong);
      expect(refused.status).toBe(404);
      expect(JSON.parse(refused.body).message).toBe(
        'El enlace de descarga no es válido. Revisa que lo hayas copiado completo.',
      );
    }

    // 48 hours later the link is refused in Spanish and the file is gone.
    clock.at = new Date(Date.now() + 48 * HOUR + 60_000);
    const expired = await download(token);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(expired.body).message).toBe(
      'El enlace de descarga venció (vale 48 horas). Pide uno nuevo desde tu cuenta.',
    );
    const stored = await sql.query(`SELECT content FROM data_exports WHERE user_id = $1`, [ana.id]);
    expect(stored.rows).toEqual([{ content: null }]);
    clock.at = null;
  });
});
