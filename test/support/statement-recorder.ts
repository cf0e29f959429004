import { expect } from '@jest/globals';
import pg from 'pg';

export interface StatementRecorder {
  /** Runs `work` and returns, with its result, the text of every query the app sent meanwhile. */
  during<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }>;
  /** Puts the pg driver back (afterAll). */
  restore(): void;
}

/**
 * Counts SQL statements at the pg driver, for the tests that hold the app to a number of round trips (issue #17):
 * every query of any client but the test's own (`isOwn`), while `during` runs.
 */
export function statementRecorder(isOwn: (client: pg.Client) => boolean): StatementRecorder {
  const query = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')!.value as (...args: unknown[]) => unknown;
  let sent: string[] | null = null;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (sent && !isOwn(this))
      sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  return {
    async during(work) {
      const recorded: string[] = (sent = []);
      try {
        return { result: await work(), sent: recorded };
      } finally {
        sent = null;
      }
    },
    restore() {
      pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
    },
  };
}

/** Fails when more than `max` statements were sent, printing them so the new one is easy to find. */
export function expectAtMostStatements(sent: string[], max: number): void {
  if (sent.length > max) process.stdout.write(sent.join('\n---\n') + '\n');
  expect(sent.length).toBeLessThanOrEqual(max);
}
