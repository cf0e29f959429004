import {
  acceptsDrafts,
  acceptsSubmissions,
  canSeeContent,
  canSeeProposal,
  canWithdraw,
  costProblem,
  isEditableStatus,
} from './proposal-rules.js';

const day = (n: number): Date => new Date(Date.UTC(2030, 0, 1 + n));
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const round = { status: 'OPEN' as const, opensAt: day(10), closesAt: day(20) };

describe('acceptsDrafts', () => {
  it('accepts drafts before the submission round opens and while it is open', () => {
    expect(acceptsDrafts('PUBLISHED', { ...round, status: 'SCHEDULED' }, day(1))).toBe(true);
    expect(acceptsDrafts('PUBLISHED', round, day(15))).toBe(true);
  });

  it('refuses at closesAt even if the close job has not run, and after an early close', () => {
    expect(acceptsDrafts('PUBLISHED', round, day(20))).toBe(false);
    expect(acceptsDrafts('PUBLISHED', { ...round, status: 'CLOSED' }, day(15))).toBe(false);
  });

  it.each(['DRAFT', 'FINISHED', 'CANCELLED'] as const)('refuses a %s challenge', (status) => {
    expect(acceptsDrafts(status, round, day(15))).toBe(false);
  });
});

describe('acceptsSubmissions', () => {
  it('follows the dates, not the status column', () => {
    expect(acceptsSubmissions('PUBLISHED', { ...round, status: 'SCHEDULED' }, day(10))).toBe(true);
    expect(acceptsSubmissions('PUBLISHED', round, ms(day(10), -1))).toBe(false);
    expect(acceptsSubmissions('PUBLISHED', round, ms(day(20), -1))).toBe(true);
    expect(acceptsSubmissions('PUBLISHED', round, day(20))).toBe(false);
  });

  it('refuses a round closed early and a cancelled challenge', () => {
    expect(acceptsSubmissions('PUBLISHED', { ...round, status: 'CLOSED' }, day(15))).toBe(false);
    expect(acceptsSubmissions('CANCELLED', round, day(15))).toBe(false);
  });
});

describe('status rules', () => {
  it('edits drafts and submitted proposals only', () => {
    expect(
      ['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'HIDDEN', 'INELIGIBLE'].filter((s) => isEditableStatus(s as never)),
    ).toEqual(['DRAFT', 'SUBMITTED']);
  });

  it('withdraws drafts and submitted proposals until the challenge finishes', () => {
    expect(canWithdraw('SUBMITTED', 'PUBLISHED')).toBe(true);
    expect(canWithdraw('DRAFT', 'CANCELLED')).toBe(true);
    expect(canWithdraw('SUBMITTED', 'FINISHED')).toBe(false);
    expect(canWithdraw('WITHDRAWN', 'PUBLISHED')).toBe(false);
    expect(canWithdraw('HIDDEN', 'PUBLISHED')).toBe(false);
  });
});

describe('visibility', () => {
  const publicReader = { isAuthor: false, isModeratorOrStaff: false };
  const author = { isAuthor: true, isModeratorOrStaff: false };
  const staff = { isAuthor: false, isModeratorOrStaff: true };

  it('shows drafts only to their authors, not even to staff', () => {
    expect(canSeeProposal({ submittedAt: null }, author)).toBe(true);
    expect(canSeeProposal({ submittedAt: null }, staff)).toBe(false);
    expect(canSeeProposal({ submittedAt: day(1) }, publicReader)).toBe(true);
  });

  it('blanks moderated content for the public only', () => {
    for (const status of ['HIDDEN', 'INELIGIBLE'] as const) {
      expect(canSeeContent({ status }, publicReader)).toBe(false);
      expect(canSeeContent({ status }, author)).toBe(true);
      expect(canSeeContent({ status }, staff)).toBe(true);
    }
    expect(canSeeContent({ status: 'WITHDRAWN' }, publicReader)).toBe(true);
    expect(canSeeContent({ status: 'SUBMITTED' }, publicReader)).toBe(true);
  });
});

describe('costProblem', () => {
  it('accepts a cost within the budget, or none when not required', () => {
    expect(costProblem(100n, 100n, true)).toBeNull();
    expect(costProblem(null, 100n, false)).toBeNull();
    expect(costProblem(5n, null, false)).toBeNull();
  });

  it('requires a cost where asked, above zero and within the budget', () => {
    expect(costProblem(null, 100n, true)?.path).toBe('estimatedCost');
    expect(costProblem(0n, 100n, false)?.message).toContain('mayor que cero');
    expect(costProblem(-5n, null, false)?.message).toContain('mayor que cero');
    expect(costProblem(101n, 100n, false)?.message).toContain('1.00 MXN');
  });
});
