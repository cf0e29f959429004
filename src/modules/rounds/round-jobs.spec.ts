import { roundScheduleJobs } from './round-jobs.js';

const HOUR = 3600_000;
const opensAt = new Date('2030-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(opensAt.getTime() + ms);

describe('roundScheduleJobs', () => {
  it('opens and closes a short round at its dates, with ids carrying the instant', () => {
    const jobs = roundScheduleJobs({ id: 'r1', kind: 'VOTING', opensAt, closesAt: after(HOUR) });
    expect(jobs).toEqual([
      {
        name: 'round.open',
        jobId: `round.open:r1:${opensAt.getTime()}`,
        data: { roundId: 'r1', scheduledFor: opensAt.toISOString() },
        runAt: opensAt,
      },
      {
        name: 'round.close',
        jobId: `round.close:r1:${after(HOUR).getTime()}`,
        data: { roundId: 'r1', scheduledFor: after(HOUR).toISOString() },
        runAt: after(HOUR),
      },
    ]);
  });

  it('reminds 24 h before a long voting round closes', () => {
    const closesAt = after(72 * HOUR);
    const reminder = roundScheduleJobs({ id: 'r1', kind: 'VOTING', opensAt, closesAt })[2];
    expect(reminder).toEqual({
      name: 'round.remind',
      jobId: `round.remind:r1:${closesAt.getTime()}`,
      data: { roundId: 'r1', type: 'ROUND_CLOSING_SOON', closesAt: closesAt.toISOString() },
      runAt: after(48 * HOUR),
    });
  });

  it('reminds jurors 48 h before an evaluation round closes, and not at all when it is shorter', () => {
    expect(roundScheduleJobs({ id: 'r3', kind: 'EVALUATION', opensAt, closesAt: after(72 * HOUR) })[2]?.runAt).toEqual(
      after(24 * HOUR),
    );
    expect(roundScheduleJobs({ id: 'r3', kind: 'EVALUATION', opensAt, closesAt: after(47 * HOUR) })).toHaveLength(2);
  });

  it('gives a moved date a new job id, so the old job stays and finds itself stale', () => {
    const before = roundScheduleJobs({ id: 'r1', kind: null, opensAt, closesAt: after(HOUR) });
    const moved = roundScheduleJobs({ id: 'r1', kind: null, opensAt, closesAt: after(2 * HOUR) });
    expect(moved[0].jobId).toBe(before[0].jobId);
    expect(moved[1].jobId).not.toBe(before[1].jobId);
  });
});
