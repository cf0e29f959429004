import type { RoundKind } from './challenge-rules.js';
import {
  canPublish,
  currentRound,
  derivePhase,
  isAcceptingActions,
  reminderAt,
  rescheduleViolations,
  roundStatusAt,
  roundsDue,
  type RoundState,
  type RoundStatus,
} from './round-lifecycle.js';

const HOUR = 60 * 60 * 1000;
const day = (n: number): Date => new Date(Date.UTC(2030, 0, 1 + n));
const plusMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

function round(position: number, kind: RoundKind, status: RoundStatus, fromDay: number, toDay: number): RoundState {
  return { id: `r${position}`, position, kind, status, opensAt: day(fromDay), closesAt: day(toDay) };
}

/** SUBMISSION days 0–10, VOTING 10–20, EVALUATION 20–30, with the given statuses. */
function threeRounds(statuses: [RoundStatus, RoundStatus, RoundStatus]): RoundState[] {
  return [
    round(1, 'SUBMISSION', statuses[0], 0, 10),
    round(2, 'VOTING', statuses[1], 10, 20),
    round(3, 'EVALUATION', statuses[2], 20, 30),
  ];
}

const ids = (rounds: RoundState[]): string[] => rounds.map((r) => r.id);

describe('currentRound', () => {
  it('is the OPEN round', () => {
    expect(currentRound(threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']))?.id).toBe('r2');
  });

  it('is null when no round is OPEN', () => {
    expect(currentRound(threeRounds(['CLOSED', 'SCHEDULED', 'SCHEDULED']))).toBeNull();
  });

  it('does not depend on the order of the array', () => {
    expect(currentRound(threeRounds(['CLOSED', 'CLOSED', 'OPEN']).reverse())?.id).toBe('r3');
  });
});

describe('derivePhase', () => {
  it.each([
    ['DRAFT', 'DRAFT'],
    ['CANCELLED', 'CANCELLED'],
    ['FINISHED', 'FINISHED'],
  ] as const)('follows the %s status whatever the rounds say', (status, phase) => {
    expect(derivePhase(status, threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']))).toBe(phase);
  });

  it('is UPCOMING before any round opens', () => {
    expect(derivePhase('PUBLISHED', threeRounds(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']))).toBe('UPCOMING');
  });

  it.each([
    [['OPEN', 'SCHEDULED', 'SCHEDULED'], 'SUBMISSION'],
    [['CLOSED', 'OPEN', 'SCHEDULED'], 'VOTING'],
    [['CLOSED', 'CLOSED', 'OPEN'], 'EVALUATION'],
  ] as const)('with statuses %j is the open round kind %s', (statuses, phase) => {
    expect(derivePhase('PUBLISHED', threeRounds([...statuses]))).toBe(phase);
  });

  it('is INTERMISSION between rounds', () => {
    expect(derivePhase('PUBLISHED', threeRounds(['CLOSED', 'SCHEDULED', 'SCHEDULED']))).toBe('INTERMISSION');
  });

  it('is INTERMISSION after the last round while results are not published', () => {
    expect(derivePhase('PUBLISHED', threeRounds(['CLOSED', 'CLOSED', 'CLOSED']))).toBe('INTERMISSION');
  });
});

describe('isAcceptingActions', () => {
  const open = round(2, 'VOTING', 'OPEN', 10, 20);

  it('accepts from the opening instant', () => {
    expect(isAcceptingActions(open, day(10))).toBe(true);
  });

  it('accepts up to the last millisecond before closing', () => {
    expect(isAcceptingActions(open, plusMs(day(20), -1))).toBe(true);
  });

  it('refuses at the closing instant even if the close job has not run', () => {
    expect(isAcceptingActions(open, day(20))).toBe(false);
  });

  it('refuses before opensAt', () => {
    expect(isAcceptingActions({ ...open, status: 'SCHEDULED' }, plusMs(day(10), -1))).toBe(false);
  });

  it('accepts a SCHEDULED round inside its dates whose open job has not run yet', () => {
    expect(isAcceptingActions({ ...open, status: 'SCHEDULED' }, day(15))).toBe(true);
  });

  it('refuses a CLOSED round even inside its dates', () => {
    expect(isAcceptingActions({ ...open, status: 'CLOSED' }, day(15))).toBe(false);
  });
});

describe('roundStatusAt', () => {
  it.each([
    ['SCHEDULED', 5, 'SCHEDULED'],
    ['SCHEDULED', 10, 'OPEN'],
    ['SCHEDULED', 20, 'CLOSED'],
    ['OPEN', 15, 'OPEN'],
    ['OPEN', 20, 'CLOSED'],
    ['CLOSED', 15, 'CLOSED'],
  ] as const)('a %s round of days 10–20 is, on day %p, %s', (status, nowDay, expected) => {
    expect(roundStatusAt(round(2, 'VOTING', status, 10, 20), day(nowDay))).toBe(expected);
  });
});

describe('roundsDue', () => {
  it('has nothing to do before the first round opens', () => {
    expect(roundsDue(threeRounds(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']), day(-1))).toEqual({
      toClose: [],
      toOpen: [],
    });
  });

  it('opens the first round at its opensAt', () => {
    const due = roundsDue(threeRounds(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']), day(0));
    expect(ids(due.toOpen)).toEqual(['r1']);
    expect(due.toClose).toEqual([]);
  });

  it('leaves an open round alone before its closesAt', () => {
    expect(roundsDue(threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']), plusMs(day(10), -1))).toEqual({
      toClose: [],
      toOpen: [],
    });
  });

  it('closes a round and opens the next in the same pass when they touch', () => {
    const due = roundsDue(threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']), day(10));
    expect(ids(due.toClose)).toEqual(['r1']);
    expect(ids(due.toOpen)).toEqual(['r2']);
  });

  it('closes without opening when there is a gap before the next round', () => {
    const rounds = [round(1, 'SUBMISSION', 'OPEN', 0, 10), round(2, 'VOTING', 'SCHEDULED', 12, 20)];
    const due = roundsDue(rounds, day(11));
    expect(ids(due.toClose)).toEqual(['r1']);
    expect(due.toOpen).toEqual([]);
  });

  it('opens a round after a gap once the previous one is CLOSED', () => {
    const rounds = [round(1, 'SUBMISSION', 'CLOSED', 0, 10), round(2, 'VOTING', 'SCHEDULED', 12, 20)];
    expect(ids(roundsDue(rounds, day(12)).toOpen)).toEqual(['r2']);
  });

  it('does not open a round while an earlier one is still SCHEDULED', () => {
    // The clock was stopped through round 1: round 1 opens now, round 2 waits for the next pass.
    const due = roundsDue(threeRounds(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']), day(15));
    expect(ids(due.toOpen)).toEqual(['r1']);
    expect(due.toClose).toEqual([]);
  });

  it('catches up one step per pass after a long stop', () => {
    const due = roundsDue(threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']), day(25));
    expect(ids(due.toClose)).toEqual(['r1']);
    expect(ids(due.toOpen)).toEqual(['r2']);
  });

  it('closes the last round and opens nothing', () => {
    const due = roundsDue(threeRounds(['CLOSED', 'CLOSED', 'OPEN']), day(30));
    expect(ids(due.toClose)).toEqual(['r3']);
    expect(due.toOpen).toEqual([]);
  });

  it('has nothing to do when every round is CLOSED', () => {
    expect(roundsDue(threeRounds(['CLOSED', 'CLOSED', 'CLOSED']), day(40))).toEqual({ toClose: [], toOpen: [] });
  });

  it('reads rounds by position, not array order', () => {
    const due = roundsDue(threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']).reverse(), day(10));
    expect(ids(due.toClose)).toEqual(['r1']);
    expect(ids(due.toOpen)).toEqual(['r2']);
  });
});

describe('rescheduleViolations', () => {
  const reasons = (violations: { reason?: string }[]) => violations.map((v) => v.reason);

  describe('a SCHEDULED round', () => {
    const rounds = threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']);
    const now = day(15);

    it('may move both dates within its neighbours', () => {
      expect(rescheduleViolations(rounds, 'r3', { opensAt: day(22), closesAt: day(28) }, now)).toEqual([]);
    });

    it('may move only its closesAt', () => {
      expect(rescheduleViolations(rounds, 'r3', { closesAt: day(40) }, now)).toEqual([]);
    });

    it('may not open before the previous round closes', () => {
      expect(rescheduleViolations(rounds, 'r3', { opensAt: day(19), closesAt: day(30) }, now)).toEqual([
        { path: 'opensAt', message: expect.stringContaining('ronda anterior'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('may open exactly when the previous round closes', () => {
      expect(rescheduleViolations(rounds, 'r3', { opensAt: day(20), closesAt: day(30) }, now)).toEqual([]);
    });

    it('may not close after the next round opens', () => {
      const schedule = threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']);
      expect(rescheduleViolations(schedule, 'r2', { opensAt: day(10), closesAt: day(21) }, day(5))).toEqual([
        { path: 'closesAt', message: expect.stringContaining('ronda siguiente'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('must close after it opens', () => {
      expect(rescheduleViolations(rounds, 'r3', { opensAt: day(25), closesAt: day(25) }, now)).toEqual([
        { path: 'closesAt', message: 'La ronda debe cerrar después de abrir.', reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('keeps its opensAt when only closesAt is sent, and checks against it', () => {
      expect(rescheduleViolations(rounds, 'r3', { closesAt: day(19) }, now)).toEqual([
        { path: 'closesAt', message: 'La ronda debe cerrar después de abrir.', reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('may get an opensAt in the past, meaning "open as soon as possible"', () => {
      const schedule = [round(1, 'SUBMISSION', 'CLOSED', 0, 10), round(2, 'VOTING', 'SCHEDULED', 20, 30)];
      expect(rescheduleViolations(schedule, 'r2', { opensAt: day(10), closesAt: day(30) }, day(15))).toEqual([]);
    });

    it('may open from the moment the previous round was closed early, not its planned close', () => {
      const closedEarly = { ...round(1, 'SUBMISSION', 'CLOSED', 0, 20), closedAt: day(12) };
      const schedule = [closedEarly, round(2, 'VOTING', 'SCHEDULED', 20, 30)];
      expect(rescheduleViolations(schedule, 'r2', { opensAt: day(14), closesAt: day(30) }, day(14))).toEqual([]);
      expect(rescheduleViolations(schedule, 'r2', { opensAt: day(12), closesAt: day(30) }, day(14))).toEqual([]);
      expect(rescheduleViolations(schedule, 'r2', { opensAt: day(11), closesAt: day(30) }, day(14))).toEqual([
        { path: 'opensAt', message: expect.stringContaining('se cerró la ronda anterior'), reason: 'INVALID_SCHEDULE' },
      ]);
      // Still open: its planned close is the bound, whatever closedAt says.
      const open = [{ ...closedEarly, status: 'OPEN' as const }, round(2, 'VOTING', 'SCHEDULED', 20, 30)];
      expect(reasons(rescheduleViolations(open, 'r2', { opensAt: day(14), closesAt: day(30) }, day(11)))).toEqual([
        'INVALID_SCHEDULE',
      ]);
      // Closed late by the clock: the planned close stays the bound.
      const late = [{ ...closedEarly, closedAt: day(21) }, round(2, 'VOTING', 'SCHEDULED', 22, 30)];
      expect(rescheduleViolations(late, 'r2', { opensAt: day(20), closesAt: day(30) }, day(21))).toEqual([]);
    });

    it('refuses invalid dates', () => {
      expect(rescheduleViolations(rounds, 'r3', { opensAt: new Date('x'), closesAt: day(30) }, now)).toEqual([
        { path: 'opensAt', message: 'La fecha de apertura no es válida.', reason: 'INVALID_SCHEDULE' },
      ]);
    });
  });

  describe('an OPEN round', () => {
    const rounds = threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']);
    const now = day(15);

    it('may move its closesAt', () => {
      expect(rescheduleViolations(rounds, 'r2', { closesAt: day(18) }, now)).toEqual([]);
    });

    it('may not move its opensAt', () => {
      const violations = rescheduleViolations(rounds, 'r2', { opensAt: day(11), closesAt: day(18) }, now);
      expect(violations).toEqual([
        { path: 'opensAt', message: expect.any(String), reason: 'INVALID_STATE_TRANSITION' },
      ]);
    });

    it('accepts its current opensAt sent back unchanged', () => {
      expect(rescheduleViolations(rounds, 'r2', { opensAt: day(10), closesAt: day(18) }, now)).toEqual([]);
    });

    it('may not close in the past', () => {
      expect(rescheduleViolations(rounds, 'r2', { closesAt: day(14) }, now)).toEqual([
        { path: 'closesAt', message: expect.stringContaining('ya pasó'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('may not close right now', () => {
      expect(reasons(rescheduleViolations(rounds, 'r2', { closesAt: now }, now))).toEqual(['INVALID_SCHEDULE']);
    });

    it('may close exactly when the next round opens', () => {
      expect(rescheduleViolations(rounds, 'r2', { closesAt: day(20) }, now)).toEqual([]);
    });

    it('may not run into the next round', () => {
      expect(rescheduleViolations(rounds, 'r2', { closesAt: day(21) }, now)).toEqual([
        { path: 'closesAt', message: expect.stringContaining('ronda siguiente'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('counts as open once its opensAt passed, even if still SCHEDULED', () => {
      const pending = threeRounds(['CLOSED', 'SCHEDULED', 'SCHEDULED']);
      expect(reasons(rescheduleViolations(pending, 'r2', { opensAt: day(16), closesAt: day(19) }, now))).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
    });
  });

  describe('a CLOSED round', () => {
    it('may not move at all', () => {
      const rounds = threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']);
      expect(rescheduleViolations(rounds, 'r1', { closesAt: day(40) }, day(15))).toEqual([
        {
          path: 'closesAt',
          message: 'La ronda ya cerró; sus fechas ya no se pueden cambiar.',
          reason: 'INVALID_STATE_TRANSITION',
        },
      ]);
    });

    it('includes an OPEN round whose closesAt passed before the close job ran', () => {
      const rounds = threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']);
      expect(reasons(rescheduleViolations(rounds, 'r2', { closesAt: day(20) }, day(20)))).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
    });
  });

  it('refuses a round that is not in the challenge', () => {
    expect(
      rescheduleViolations(threeRounds(['OPEN', 'SCHEDULED', 'SCHEDULED']), 'otra', { closesAt: day(5) }, day(1)),
    ).toEqual([{ path: 'roundId', message: 'La ronda no pertenece a este reto.' }]);
  });

  it('finds neighbours by position, not array order', () => {
    const rounds = threeRounds(['CLOSED', 'OPEN', 'SCHEDULED']).reverse();
    expect(rescheduleViolations(rounds, 'r2', { closesAt: day(21) }, day(15)).map((v) => v.path)).toEqual(['closesAt']);
  });
});

describe('reminderAt', () => {
  it.each(['SUBMISSION', 'VOTING'] as const)('reminds 24 h before a %s round closes', (kind) => {
    expect(reminderAt({ kind, opensAt: day(0), closesAt: day(10) })).toEqual({
      type: 'ROUND_CLOSING_SOON',
      at: day(9),
    });
  });

  it('reminds jurors 48 h before an EVALUATION round closes', () => {
    expect(reminderAt({ kind: 'EVALUATION', opensAt: day(0), closesAt: day(10) })).toEqual({
      type: 'EVALUATION_REMINDER',
      at: day(8),
    });
  });

  it('sends nothing for a round shorter than the lead time', () => {
    expect(reminderAt({ kind: 'VOTING', opensAt: day(0), closesAt: plusMs(day(1), -1) })).toBeNull();
    expect(reminderAt({ kind: 'EVALUATION', opensAt: day(0), closesAt: plusMs(day(2), -1) })).toBeNull();
  });

  it('an EVALUATION round of 36 h gets no reminder though a VOTING round would', () => {
    const opensAt = day(0);
    const closesAt = plusMs(opensAt, 36 * HOUR);
    expect(reminderAt({ kind: 'EVALUATION', opensAt, closesAt })).toBeNull();
    expect(reminderAt({ kind: 'VOTING', opensAt, closesAt })?.at).toEqual(plusMs(opensAt, 12 * HOUR));
  });

  it('reminds at the opening of a round exactly as long as the lead time', () => {
    expect(reminderAt({ kind: 'VOTING', opensAt: day(0), closesAt: day(1) })).toEqual({
      type: 'ROUND_CLOSING_SOON',
      at: day(0),
    });
  });
});

describe('canPublish', () => {
  const rounds = threeRounds(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']);

  it('allows a DRAFT whose final round closes in the future', () => {
    expect(canPublish('DRAFT', rounds, day(29))).toBe(true);
  });

  it('allows it even after the first rounds already passed', () => {
    expect(canPublish('DRAFT', rounds, day(25))).toBe(true);
  });

  it('refuses a DRAFT whose final round closes now or earlier', () => {
    expect(canPublish('DRAFT', rounds, day(30))).toBe(false);
    expect(canPublish('DRAFT', rounds, day(31))).toBe(false);
  });

  it.each(['PUBLISHED', 'FINISHED', 'CANCELLED'] as const)('refuses a %s challenge', (status) => {
    expect(canPublish(status, rounds, day(-1))).toBe(false);
  });

  it('refuses a challenge without rounds', () => {
    expect(canPublish('DRAFT', [], day(-1))).toBe(false);
  });

  it('takes the round closing last as the final one, whatever the array order', () => {
    expect(canPublish('DRAFT', [...rounds].reverse(), day(29))).toBe(true);
  });
});
