import { ViewerAuthenticator } from './viewer-authenticator.js';

/** Used until identity provides real sessions: everyone is anonymous. */
export class AnonymousAuthenticator extends ViewerAuthenticator {
  async authenticate() {
    return null;
  }
}
