import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { createUnitWithStaff, signUp, type TestAccount } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { readMail } from '../support/mail.js';
import {
  CANCEL,
  CREATE_CHALLENGE,
  fanoutSettled,
  follow,
  NOTIFICATIONS,
  PUBLISH,
  recordEvent,
  storedNotifications,
} from '../support/notifications.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

const VIEWER = `{ viewer { unreadNotificationCount notificationPreferences { type channel enabled } } }`;
const MY_FOLLOWS = `{ myFollows { targetType targetId } }`;
const SET_PREF = `mutation($t: NotificationType!, $c: NotificationChannel!, $e: Boolean!) { setNotificationPreference(type: $t, channel: $c, enabled: $e) { type channel enabled } }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const FOLLOWING = `query($id: ID) { challenge(id: $id) { viewerIsFollowing } }`;

describe('notifications (RULES §8)', () => {
  let api: TestApp;
  let sql: pg.Client;
  let queue: Queue;
  let mailQueue: Queue;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
    sql = await sqlClient(api.env.DATABASE_URL);
    queue = api.app.get<Queue>(getQueueToken('notifications'));
    mailQueue = api.app.get<Queue>(getQueueToken('mail'));
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const mailSettled = () => fanoutSettled(sql, mailQueue);
  const recipientsOf = async (challengeId: string, type: string) =>
    (await storedNotifications(sql, challengeId))
      .filter((n) => n.type === type)
      .map((n) => n.recipient_id)
      .sort();
  const mailsTo = async (account: TestAccount) => {
    const files = (await readdir(api.env.MAIL_DIR)).filter((f) => f.endsWith('.eml'));
    const bodies = await Promise.all(files.map((f) => readFile(join(api.env.MAIL_DIR, f), 'utf8')));
    // Notification e-mails only (account e-mails carry no List-Unsubscribe).
    return bodies.filter(
      (b) =>
        b.includes('List-Unsubscribe:') && new RegExp(`^To: .*${account.email.replace(/[.+]/g, '\\$&')}`, 'mi').test(b),
    );
  };

  let staff: Awaited<ReturnType<typeof createUnitWithStaff>>;
  let challengeId: string;
  const people: Record<string, TestAccount> = {};

  it('validates follow targets and sends a published challenge to the followers of its unit, category and state only, once each', async () => {
    staff = await createUnitWithStaff(api); // a STATE unit in Puebla (21)
    for (const name of [
      'unitFan',
      'categoryFan',
      'stateFan',
      'municipalityFan',
      'bothFan',
      'noEmail',
      'bystander',
      'otherUnitFan',
    ]) {
      people[name] = await signUp(api, { displayName: name });
    }
    await follow(api, people.unitFan.token, 'UNIT', staff.unitId);
    await follow(api, people.categoryFan.token, 'CATEGORY', 'WATER');
    await follow(api, people.stateFan.token, 'STATE', '21');
    await follow(api, people.municipalityFan.token, 'MUNICIPALITY', '21114');
    await follow(api, people.bothFan.token, 'UNIT', staff.unitId);
    await follow(api, people.bothFan.token, 'CATEGORY', 'WATER');
    await follow(api, people.noEmail.token, 'UNIT', staff.unitId);
    await follow(api, people.otherUnitFan.token, 'CATEGORY', 'HEALTH');
    await follow(api, people.unitFan.token, 'UNIT', staff.unitId); // twice: still one follow

    for (const [targetType, targetId] of [
      ['UNIT', '00000000-0000-4000-8000-000000000000'],
      ['CATEGORY', 'NOPE'],
      ['STATE', '99'],
      ['MUNICIPALITY', '21999'],
      ['CHALLENGE', 'x'],
    ]) {
      const { errors } = await api.gql(
        `mutation($input: FollowInput!) { follow(input: $input) { targetId } }`,
        { input: { targetType, targetId } },
        people.bystander.token,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'targetId' }] });
    }
    expect((await api.gql(MY_FOLLOWS, {}, people.bothFan.token)).data.myFollows).toHaveLength(2);

    const pref = await api.gql(SET_PREF, { t: 'CHALLENGE_PUBLISHED', c: 'EMAIL', e: false }, people.noEmail.token);
    expect(pref.data.setNotificationPreference).toEqual({
      type: 'CHALLENGE_PUBLISHED',
      channel: 'EMAIL',
      enabled: false,
    });

    const created = await api.gql(CREATE_CHALLENGE, { input: challengeInput(staff.unitId) }, staff.admin.token);
    challengeId = created.data.createChallenge.id;
    expect((await api.gql(PUBLISH, { id: challengeId }, staff.admin.token)).errors).toBeUndefined();
    await fanoutSettled(sql, queue);

    const expected = ['unitFan', 'categoryFan', 'stateFan', 'bothFan', 'noEmail'].map((n) => people[n].id).sort();
    expect(await recipientsOf(challengeId, 'CHALLENGE_PUBLISHED')).toEqual(expected);

    const page = await api.gql(NOTIFICATIONS, {}, people.bothFan.token);
    expect(page.data.notifications.nodes).toEqual([
      expect.objectContaining({
        type: 'CHALLENGE_PUBLISHED',
        title: expect.stringContaining('Agua limpia'),
        readAt: null,
        challenge: { id: challengeId, title: expect.any(String) },
      }),
    ]);

    const mail = await readMail(api.env.MAIL_DIR, people.unitFan.email, (m) => m.decoded.includes('Nuevo reto'));
    expect(mail.decoded).toContain(`/retos/${challengeId}`);
    expect(mail.raw).toMatch(/^List-Unsubscribe:\s+<http[^>]*\/notificaciones\/baja\?token=/m);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    await mailSettled();
    expect(await mailsTo(people.noEmail)).toEqual([]);
    expect(await mailsTo(people.bothFan)).toHaveLength(1);
    expect(await mailsTo(people.municipalityFan)).toEqual([]);
  });

  it('tells authors and co-authors about their proposals, makes them follow, and never twice per event', async () => {
    const author = await signUp(api, { displayName: 'Autora' });
    const coAuthor = await signUp(api, { displayName: 'Coautor' });
    const loser = await signUp(api, { displayName: 'Otra autora' });
    const follower = people.unitFan;
    await follow(api, follower.token, 'CHALLENGE', challengeId);
    const proposal = async (authorId: string, title: string) =>
      (
        await sql.query(
          `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, submitted_at)
         VALUES ($1, $2, $3, 'Resumen de la propuesta', 'Cuerpo de la propuesta con detalle suficiente.', 'SUBMITTED', now()) RETURNING id`,
          [challengeId, authorId, title],
        )
      ).rows[0].id as string;
    const winning = await proposal(author.id, 'Pozos de captación');
    await sql.query(`INSERT INTO proposal_co_authors (proposal_id, user_id) VALUES ($1, $2)`, [winning, coAuthor.id]);
    const losing = await proposal(loser.id, 'Pipas gratuitas');

    await recordEvent(sql, 'proposal.submitted', {
      proposalId: winning,
      challengeId,
      authorIds: [author.id, coAuthor.id],
    });
    await recordEvent(sql, 'proposal.submitted', { proposalId: losing, challengeId, authorIds: [loser.id] });
    await fanoutSettled(sql, queue);
    expect(await recipientsOf(challengeId, 'PROPOSAL_SUBMITTED')).toEqual([author.id, coAuthor.id, loser.id].sort());
    expect((await api.gql(MY_FOLLOWS, {}, coAuthor.token)).data.myFollows).toEqual([
      { targetType: 'CHALLENGE', targetId: challengeId },
    ]);
    expect((await api.gql(FOLLOWING, { id: challengeId }, author.token)).data.challenge.viewerIsFollowing).toBe(true);
    expect(
      (await api.gql(FOLLOWING, { id: challengeId }, people.bystander.token)).data.challenge.viewerIsFollowing,
    ).toBe(false);

    const rounds = (await sql.query(`SELECT id FROM rounds WHERE challenge_id = $1 ORDER BY position`, [challengeId]))
      .rows;
    await recordEvent(sql, 'round.opened', { challengeId, roundId: rounds[0].id, position: 1, kind: 'SUBMISSION' });
    await recordEvent(sql, 'round.closing_soon', {
      challengeId,
      roundId: rounds[0].id,
      closesAt: new Date().toISOString(),
    });
    await recordEvent(sql, 'round.closed', {
      challengeId,
      roundId: rounds[0].id,
      position: 1,
      kind: 'SUBMISSION',
      advanced: [winning],
      eliminated: [losing],
    });
    await recordEvent(sql, 'results.published', { challengeId, winners: [winning] });
    await recordEvent(sql, 'proposal.hidden', {
      proposalId: losing,
      challengeId,
      authorIds: [loser.id],
      reason: 'Contenido duplicado',
    });
    await fanoutSettled(sql, queue);

    const followers = [author.id, coAuthor.id, loser.id, follower.id].sort();
    expect(await recipientsOf(challengeId, 'ROUND_OPENED')).toEqual(followers);
    expect(await recipientsOf(challengeId, 'ROUND_CLOSING_SOON')).toEqual(followers);
    // The most specific notification of each event wins: one per person and event.
    expect(await recipientsOf(challengeId, 'PROPOSAL_ADVANCED')).toEqual([author.id, coAuthor.id].sort());
    expect(await recipientsOf(challengeId, 'PROPOSAL_ELIMINATED')).toEqual([loser.id]);
    expect(await recipientsOf(challengeId, 'ROUND_CLOSED')).toEqual([follower.id]);
    expect(await recipientsOf(challengeId, 'PROPOSAL_WON')).toEqual([author.id, coAuthor.id].sort());
    expect(await recipientsOf(challengeId, 'RESULTS_PUBLISHED')).toEqual([loser.id, follower.id].sort());
    expect(await recipientsOf(challengeId, 'PROPOSAL_HIDDEN')).toEqual([loser.id]);
    const { rows: dupes } = await sql.query(
      `SELECT event_id, recipient_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);

    // Events fan out concurrently, so their order in the list is the order they were stored in.
    const mine = (await api.gql(NOTIFICATIONS, { first: 100 }, author.token)).data.notifications.nodes;
    expect(mine.map((n: { type: string }) => n.type).sort()).toEqual(
      ['PROPOSAL_SUBMITTED', 'PROPOSAL_ADVANCED', 'PROPOSAL_WON', 'ROUND_CLOSING_SOON', 'ROUND_OPENED'].sort(),
    );
    expect(mine.find((n: { type: string }) => n.type === 'PROPOSAL_WON')).toMatchObject({
      type: 'PROPOSAL_WON',
      proposal: { id: winning, title: 'Pozos de captación' },
    });
    // ROUND_CLOSED e-mails are off by default; ROUND_OPENED too.
    await mailSettled();
    const followerMails = (await mailsTo(follower)).join('\n');
    expect(followerMails).not.toMatch(/Subject: Cerr=C3=B3 la ronda|Subject: Abri=C3=B3 la ronda/);

    expect(
      (
        await api.gql(
          CANCEL,
          { id: challengeId, reason: 'El presupuesto se reasignó por una emergencia.' },
          staff.admin.token,
        )
      ).errors,
    ).toBeUndefined();
    await fanoutSettled(sql, queue);
    expect(await recipientsOf(challengeId, 'CHALLENGE_CANCELLED')).toEqual(followers);
  });

  it('lists newest first with cursors, counts unread, marks read, and shows preferences with their defaults', async () => {
    const me = people.unitFan;
    const first = await api.gql(NOTIFICATIONS, { first: 2 }, me.token);
    const all = await api.gql(NOTIFICATIONS, { first: 100 }, me.token);
    const ids = all.data.notifications.nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect([...ids].sort((a: string, b: string) => Number(b) - Number(a))).toEqual(ids);
    const second = await api.gql(
      NOTIFICATIONS,
      { first: 2, after: first.data.notifications.pageInfo.endCursor },
      me.token,
    );
    expect(second.data.notifications.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(2, 4));

    expect((await api.gql(VIEWER, {}, me.token)).data.viewer.unreadNotificationCount).toBe(ids.length);
    expect((await api.gql(MARK_READ, { ids: [ids[0], ids[1]] }, me.token)).data.markNotificationsRead).toBe(2);
    expect((await api.gql(MARK_READ, { ids: [ids[0]] }, people.bystander.token)).data.markNotificationsRead).toBe(0);
    expect((await api.gql(NOTIFICATIONS, { unread: true, first: 100 }, me.token)).data.notifications.totalCount).toBe(
      ids.length - 2,
    );
    expect((await api.gql(MARK_READ, { ids: null }, me.token)).data.markNotificationsRead).toBe(ids.length - 2);
    const viewer = (await api.gql(VIEWER, {}, me.token)).data.viewer;
    expect(viewer.unreadNotificationCount).toBe(0);
    expect(viewer.notificationPreferences).toHaveLength(28);
    expect(viewer.notificationPreferences.filter((p: { enabled: boolean }) => !p.enabled)).toEqual([
      { type: 'ROUND_OPENED', channel: 'EMAIL', enabled: false },
      { type: 'ROUND_CLOSED', channel: 'EMAIL', enabled: false },
    ]);
    expect((await api.gql(NOTIFICATIONS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('unsubscribes from one type by the e-mail link, without signing in; a tampered token is refused', async () => {
    const me = people.categoryFan;
    const mail = await readMail(api.env.MAIL_DIR, me.email, (m) => m.decoded.includes('Nuevo reto'));
    const header = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(mail.raw)![1];
    const token = new URL(header).searchParams.get('token')!;
    expect(mail.decoded.replace(/=\r?\n/g, '')).toContain(`/notificaciones/baja?token=${token}`);
    const url = new URL(`/notificaciones/baja?token=${token}`, api.url);

    const tampered = await fetch(new URL(`/notificaciones/baja?token=${token.slice(0, -2)}xy`, api.url));
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('no es válido');

    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ok.text()).toContain('Ya no recibirás por correo avisos de retos nuevos');
    const prefs = (await api.gql(VIEWER, {}, me.token)).data.viewer.notificationPreferences;
    expect(
      prefs
        .filter((p: { enabled: boolean }) => !p.enabled)
        .map((p: { type: string; channel: string }) => `${p.type}:${p.channel}`)
        .sort(),
    ).toEqual(['CHALLENGE_PUBLISHED:EMAIL', 'ROUND_CLOSED:EMAIL', 'ROUND_OPENED:EMAIL']);

    // The next published challenge in its category reaches it in the app, but not by e-mail.
    const created = await api.gql(
      CREATE_CHALLENGE,
      { input: challengeInput(staff.unitId, { title: 'Agua para los mercados de Puebla' }) },
      staff.admin.token,
    );
    await api.gql(PUBLISH, { id: created.data.createChallenge.id }, staff.admin.token);
    await fanoutSettled(sql, queue);
    await mailSettled();
    expect(await recipientsOf(created.data.createChallenge.id, 'CHALLENGE_PUBLISHED')).toContain(me.id);
    expect((await mailsTo(me)).filter((m) => m.includes('mercados'))).toEqual([]);
    expect((await mailsTo(people.unitFan)).filter((m) => m.includes('mercados'))).toHaveLength(1);
  });
});
