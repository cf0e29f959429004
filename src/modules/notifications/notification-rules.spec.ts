import { audiencesOf } from './notification-audiences.js';
import { notificationText } from './notification-texts.js';
import { effectivePreferences, NOTIFICATION_TYPES } from './notification-types.js';

describe('notification rules', () => {
  it('applies the defaults: IN_APP on for all, EMAIL off only for ROUND_OPENED and ROUND_CLOSED', () => {
    const prefs = effectivePreferences([
      { type: 'HEALTH' as never, channel: 'EMAIL', enabled: false },
      { type: 'ROUND_OPENED', channel: 'EMAIL', enabled: true },
    ]);
    expect(prefs).toHaveLength(NOTIFICATION_TYPES.length * 2);
    const off = prefs.filter((p) => !p.enabled).map((p) => `${p.type}:${p.channel}`);
    expect(off).toEqual(['ROUND_CLOSED:EMAIL']);
  });

  it('sends a published challenge to followers of its unit, category and its own territory only', () => {
    const base = { unitId: 'u', category: 'WATER', stateCode: '21', municipalityCode: '21114' };
    expect(
      audiencesOf('challenge.published', { challengeId: 'c', rounds: [] }, { ...base, level: 'MUNICIPAL' }),
    ).toEqual([
      {
        type: 'CHALLENGE_PUBLISHED',
        priority: 1,
        followers: [
          { targetType: 'UNIT', targetId: 'u' },
          { targetType: 'CATEGORY', targetId: 'WATER' },
          { targetType: 'MUNICIPALITY', targetId: '21114' },
        ],
      },
    ]);
    expect(
      audiencesOf(
        'challenge.published',
        { challengeId: 'c', rounds: [] },
        { ...base, level: 'STATE', municipalityCode: null },
      )[0],
    ).toMatchObject({
      followers: [{ targetType: 'UNIT' }, { targetType: 'CATEGORY' }, { targetType: 'STATE', targetId: '21' }],
    });
    expect(
      audiencesOf('challenge.published', { challengeId: 'c', rounds: [] }, { ...base, level: 'FEDERAL' })[0],
    ).toMatchObject({
      followers: [{ targetType: 'UNIT' }, { targetType: 'CATEGORY' }],
    });
  });

  it('puts the most specific notification first when a round closes or results come out', () => {
    const closed = audiencesOf(
      'round.closed',
      { challengeId: 'c', roundId: 'r', position: 1, kind: 'VOTING', advanced: ['a'], eliminated: ['e'] },
      null,
    );
    expect(closed.map((a) => [a.type, a.priority])).toEqual([
      ['PROPOSAL_ADVANCED', 1],
      ['PROPOSAL_ELIMINATED', 2],
      ['ROUND_CLOSED', 3],
    ]);
    const results = audiencesOf('results.published', { challengeId: 'c', winners: ['w'] }, null);
    expect(results.map((a) => a.type)).toEqual(['PROPOSAL_WON', 'RESULTS_PUBLISHED']);
  });

  it('writes every type in Spanish with a link', () => {
    for (const type of NOTIFICATION_TYPES) {
      const text = notificationText(type, {
        challengeId: 'c1',
        challengeTitle: 'Agua',
        proposalId: 'p1',
        proposalTitle: 'Pozos',
        roundTitle: 'Votación',
        reason: 'Duplicada',
      });
      expect(text.title.length).toBeGreaterThan(5);
      expect(text.body).toMatch(/«/);
      expect(text.path).toMatch(/^\/retos\/c1/);
    }
  });
});
