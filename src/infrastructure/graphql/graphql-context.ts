import type { FastifyReply, FastifyRequest } from 'fastify';

/** Who is calling, as established from the access token. */
export interface Viewer {
  id: string;
  platformRole: 'CITIZEN' | 'MODERATOR' | 'ADMIN';
}

/** Per-request state shared by every resolver of one GraphQL operation. */
export interface GraphqlContext {
  req: FastifyRequest;
  reply?: FastifyReply;
  viewer: Viewer | null;
  /** DataLoaders created for this request only (see RequestLoaders). */
  loaders: Map<object, unknown>;
}
