import type { FastifyReply, FastifyRequest } from 'fastify';

/** Who is calling, as established from the access token. */
export interface Viewer {
  id: string;
  platformRole: 'CITIZEN' | 'MODERATOR' | 'ADMIN';
  /** Who may take part (RULES §4), read with the account on this request so a vote need not read it again. */
  participation?: {
    emailVerified: boolean;
    curpVerified: boolean;
    stateCode: string | null;
    municipalityCode: string | null;
  };
  /**
   * The account as the authenticator knew it (SQL `account_facts`): a vote or a ballot stores only if the account
   * still has exactly these facts, checked by the statement that stores it (issue #17).
   */
  account?: AccountFacts;
  /**
   * The facts come from this process's memory, not from a read on this request: only for operations whose
   * statement checks them (`checksAccountInWrite`), and any refusal is decided again on a fresh read.
   */
  accountKept?: boolean;
}

/** What `account_facts(user id)` returns, the same keys: compared as one jsonb value. */
export interface AccountFacts {
  platformRole: Viewer['platformRole'];
  sessionVersion: number;
  emailVerified: boolean;
  curpVerified: boolean;
  stateCode: string | null;
  municipalityCode: string | null;
}

/** Per-request state shared by every resolver of one GraphQL operation. */
export interface GraphqlContext {
  req: FastifyRequest;
  reply?: FastifyReply;
  viewer: Viewer | null;
  /** Over HTTP: sets `viewer` once the operation is known (graphql.module.ts), before it executes. */
  authenticate?: (options: { keptAccount: boolean }) => Promise<Viewer | null>;
  /** DataLoaders created for this request only (see RequestLoaders). */
  loaders: Map<object, unknown>;
}
