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
}

/** Per-request state shared by every resolver of one GraphQL operation. */
export interface GraphqlContext {
  req: FastifyRequest;
  reply?: FastifyReply;
  viewer: Viewer | null;
  /** DataLoaders created for this request only (see RequestLoaders). */
  loaders: Map<object, unknown>;
}
