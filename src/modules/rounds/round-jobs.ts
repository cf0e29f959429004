import type { OutboxJob } from '../../infrastructure/outbox/outbox-subscriptions.js';
import type { JobPayloads } from '../../infrastructure/queue/jobs.js';
import type { RoundKind } from '../challenges/challenge-rules.js';
import { reminderAt } from '../challenges/round-lifecycle.js';

/** A job carries the instant it was scheduled for; if the round's date moved since, the job does nothing. */
export type RoundClockJob = JobPayloads['round.open'];
export type RoundReminderJob = JobPayloads['round.remind'];

export const SWEEP_SCHEDULER_ID = 'round.sweep';

export interface ScheduledRound {
  id: string;
  kind: RoundKind | null;
  opensAt: Date;
  closesAt: Date;
}

/** The delayed jobs of one round's schedule: open, close and, when the round is long enough, a reminder. */
export function roundScheduleJobs(round: ScheduledRound): OutboxJob[] {
  const clockJob = (name: 'round.open' | 'round.close', at: Date): OutboxJob => ({
    name,
    jobId: `${name}:${round.id}:${at.getTime()}`,
    data: { roundId: round.id, scheduledFor: at.toISOString() } satisfies RoundClockJob,
    runAt: at,
  });
  const jobs = [clockJob('round.open', round.opensAt), clockJob('round.close', round.closesAt)];
  const reminder = round.kind
    ? reminderAt({ kind: round.kind, opensAt: round.opensAt, closesAt: round.closesAt })
    : null;
  if (reminder) {
    jobs.push({
      name: 'round.remind',
      jobId: `round.remind:${round.id}:${round.closesAt.getTime()}`,
      data: {
        roundId: round.id,
        type: reminder.type,
        closesAt: round.closesAt.toISOString(),
      } satisfies RoundReminderJob,
      runAt: reminder.at,
    });
  }
  return jobs;
}
