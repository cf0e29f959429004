import type { Viewer } from './graphql-context.js';

/** Turns an `Authorization` header (or WebSocket connectionParams value) into the viewer, or null. */
export abstract class ViewerAuthenticator {
  /**
   * `keptAccount`: the operation's writes check the account's facts themselves (`checksAccountInWrite`), so the
   * facts this process last read may be used instead of a read on this request.
   */
  abstract authenticate(authorization: string | undefined, options?: { keptAccount?: boolean }): Promise<Viewer | null>;
}
