import {
  actualClose,
  attention,
  canOpenNow,
  capabilities,
  groupByPhase,
  isoToMexicoCity,
  mexicoCityToIso,
  openNowInstant,
  pendingEvaluations,
  typedOpening,
  type Phase,
} from './unit-rules';
import { unitTexts } from './unit-texts';

describe('capabilities by role', () => {
  it('lets an ADMIN close, reschedule and manage members; an EDITOR only the jury and eligibility', () => {
    expect(capabilities('ADMIN', 'CITIZEN')).toEqual({
      closeRound: true,
      reschedule: true,
      markIneligible: true,
      hide: false,
      manageJury: true,
      manageMembers: true,
    });
    expect(capabilities('EDITOR', 'CITIZEN')).toEqual({
      closeRound: false,
      reschedule: false,
      markIneligible: true,
      hide: false,
      manageJury: true,
      manageMembers: false,
    });
  });

  it('leaves hiding to the platform moderation and gives a citizen nothing', () => {
    expect(capabilities('EDITOR', 'MODERATOR').hide).toBe(true);
    expect(Object.values(capabilities(null, 'CITIZEN')).some(Boolean)).toBe(false);
  });
});

describe('dashboard', () => {
  const now = new Date('2027-01-10T12:00:00Z');

  it('groups challenges by phase in the order an official follows them, leaving out empty phases', () => {
    const list: { id: string; phase: Phase }[] = [
      { id: 'a', phase: 'FINISHED' },
      { id: 'b', phase: 'SUBMISSION' },
      { id: 'c', phase: 'VOTING' },
      { id: 'd', phase: 'SUBMISSION' },
    ];
    expect(groupByPhase(list).map((g) => [g.phase, g.items.map((i) => i.id)])).toEqual([
      ['SUBMISSION', ['b', 'd']],
      ['VOTING', ['c']],
      ['FINISHED', ['a']],
    ]);
  });

  it('counts proposals to review while receiving them, and flags a round closing within 48 hours', () => {
    expect(attention({ phase: 'SUBMISSION', proposalCount: 4, currentRound: null }, now)).toEqual({
      toReview: 4,
      closingSoon: false,
    });
    expect(
      attention({ phase: 'VOTING', proposalCount: 4, currentRound: { closesAt: '2027-01-11T12:00:00Z' } }, now),
    ).toEqual({ toReview: 0, closingSoon: true });
    expect(
      attention({ phase: 'VOTING', proposalCount: 4, currentRound: { closesAt: '2027-01-13T12:00:00Z' } }, now)
        .closingSoon,
    ).toBe(false);
    expect(
      attention({ phase: 'VOTING', proposalCount: 4, currentRound: { closesAt: '2027-01-10T11:00:00Z' } }, now)
        .closingSoon,
    ).toBe(false);
  });

  it('adds up pending evaluations from counts, ignoring hidden progress', () => {
    expect(pendingEvaluations([{ assigned: 5, evaluated: 2 }, null, { assigned: 3, evaluated: 3 }])).toBe(3);
    expect(pendingEvaluations([])).toBe(0);
  });
});

describe('dates typed in Mexico City time', () => {
  it('converts wall time in Mexico City (UTC−6) to UTC and back, whatever the machine zone', () => {
    expect(mexicoCityToIso('2027-03-12T18:00')).toBe('2027-03-13T00:00:00.000Z');
    expect(isoToMexicoCity('2027-03-13T00:00:00.000Z')).toBe('2027-03-12T18:00');
    expect(isoToMexicoCity(mexicoCityToIso('2026-12-31T23:59')!)).toBe('2026-12-31T23:59');
  });

  it('used daylight saving before 2023 (UTC−5 in summer)', () => {
    expect(mexicoCityToIso('2022-07-01T12:00')).toBe('2022-07-01T17:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(mexicoCityToIso('')).toBeNull();
    expect(mexicoCityToIso('mañana')).toBeNull();
  });
});

describe('texts', () => {
  it('explains the refusal to remove the last ADMIN and an EDITOR refusal in Spanish', () => {
    expect(unitTexts.refusal('CONFLICT', undefined, 'x', 'removeMember')).toMatch(/última persona administradora/);
    expect(unitTexts.refusal('FORBIDDEN', undefined, 'x', 'closeRound')).toMatch(/Solo una persona administradora/);
    expect(unitTexts.refusal('BAD_USER_INPUT', 'JUROR_CONFLICT', 'Texto del servidor.', 'addJuror')).toMatch(
      /propuesta o votó/,
    );
    expect(unitTexts.refusal(undefined, undefined, 'Texto del servidor.', 'addJuror')).toBe('Texto del servidor.');
    expect(unitTexts.pending(1)).toBe('1 evaluación pendiente');
    expect(unitTexts.pending(3)).toBe('3 evaluaciones pendientes');
  });
});

describe('opening a round now after an early close (RULES §3)', () => {
  const closedEarly = {
    status: 'CLOSED' as const,
    opensAt: '2027-03-01T00:00:00.000Z',
    closesAt: '2027-03-10T00:00:00.000Z',
    closedAt: '2027-03-05T12:00:30.000Z',
  };
  const next = {
    status: 'SCHEDULED' as const,
    opensAt: '2027-03-10T00:00:00.000Z',
    closesAt: '2027-03-20T00:00:00.000Z',
  };
  const now = new Date('2027-03-05T12:05:00.000Z');

  it('takes the actual close of a round closed early, else its planned close', () => {
    expect(actualClose(closedEarly)).toBe('2027-03-05T12:00:30.000Z');
    expect(actualClose({ ...closedEarly, closedAt: '2027-03-10T00:00:02.000Z' })).toBe('2027-03-10T00:00:00.000Z');
    expect(actualClose({ ...closedEarly, status: 'OPEN' })).toBe('2027-03-10T00:00:00.000Z');
  });

  it('offers «Abrir ahora» for a round not yet open once the previous one closed', () => {
    expect(canOpenNow(next, closedEarly, now)).toBe(true);
    expect(canOpenNow(next, null, now)).toBe(true);
    expect(canOpenNow(next, { ...closedEarly, status: 'OPEN' }, now)).toBe(false);
    expect(canOpenNow({ ...next, status: 'OPEN' }, closedEarly, now)).toBe(false);
    expect(canOpenNow(next, closedEarly, new Date('2027-03-10T00:00:00.000Z'))).toBe(false); // already due
  });

  it('sends now, never before the previous round actually closed', () => {
    expect(openNowInstant(closedEarly, now)).toBe('2027-03-05T12:05:00.000Z');
    expect(openNowInstant(closedEarly, new Date('2027-03-05T12:00:10.000Z'))).toBe('2027-03-05T12:00:30.000Z');
    expect(openNowInstant(null, now)).toBe('2027-03-05T12:05:00.000Z');
  });

  it('reads the minute of the actual close as that instant, other minutes as typed', () => {
    // 12:00:30 UTC is 06:00 in Mexico City.
    expect(typedOpening('2027-03-05T06:00', closedEarly)).toBe('2027-03-05T12:00:30.000Z');
    expect(typedOpening('2027-03-05T06:01', closedEarly)).toBe('2027-03-05T12:01:00.000Z');
    expect(typedOpening('2027-03-05T05:59', closedEarly)).toBe('2027-03-05T11:59:00.000Z');
    expect(typedOpening('2027-03-05T06:00', null)).toBe('2027-03-05T12:00:00.000Z');
    expect(typedOpening('mañana', closedEarly)).toBeNull();
  });
});
