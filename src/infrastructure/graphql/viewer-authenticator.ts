import type { Viewer } from './graphql-context.js';

/** Turns an `Authorization` header (or WebSocket connectionParams value) into the viewer, or null. */
export abstract class ViewerAuthenticator {
  abstract authenticate(authorization: string | undefined): Promise<Viewer | null>;
}
