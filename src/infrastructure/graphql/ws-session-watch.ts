import type { Viewer } from './graphql-context.js';

/** Close code for a WebSocket whose session ended (graphql-ws leaves 4400–4499 to applications, like HTTP 401). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * A signed-in WebSocket is checked again every `intervalMs` with the token it connected with: when the token
 * expired or the session ended (logout, password reset, deleted account) the socket closes with 4401, so a
 * subscription never outlives the identity it was opened with. A check that fails (database down) keeps the
 * socket: an outage is not a sign-out.
 */
export function watchSession(socket: ClosableSocket, recheck: () => Promise<Viewer | null>, intervalMs: number): void {
  const timer = setInterval(() => {
    recheck().then(
      (viewer) => {
        if (viewer) return;
        clearInterval(timer);
        socket.close(SESSION_ENDED_CLOSE_CODE, 'La sesión terminó o venció; vuelve a iniciar sesión.');
      },
      () => undefined,
    );
  }, intervalMs);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}
