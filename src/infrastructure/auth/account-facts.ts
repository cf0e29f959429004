import type { DataSource } from 'typeorm';
import { runPrepared } from '../database/prepared-statement.js';
import type { AccountFacts, Viewer } from '../graphql/graphql-context.js';

/**
 * What a request may do, as one value (SQL `account_facts`, migration WritesCheckAccountFacts): the authenticator
 * reads it on every request, and the vote and ballot statements compare it with the facts their decision was made on.
 */
export async function readAccountFacts(dataSource: DataSource, userId: string): Promise<AccountFacts | null> {
  const [row] = await runPrepared<{ facts: AccountFacts | null }>(
    dataSource,
    { name: 'account_facts', text: 'SELECT account_facts($1) AS facts' },
    [userId],
  );
  return row.facts;
}

/** The viewer of an account with these facts; `accountKept` when they come from memory rather than a read now. */
export function viewerOf(id: string, account: AccountFacts, accountKept: boolean): Viewer {
  const { platformRole, emailVerified, curpVerified, stateCode, municipalityCode } = account;
  return {
    id,
    platformRole,
    participation: { emailVerified, curpVerified, stateCode, municipalityCode },
    account,
    accountKept,
  };
}
