// Whether the app can reach the server: the browser's own signal (`navigator.onLine`, `online` / `offline` events)
// plus the last request we sent (a fetch that fails outright means no connection even when the browser thinks
// otherwise). Small on purpose: it is in the first load, with the notice the layout shows.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { texts } from './texts';

const listeners = new Set<() => void>();
let lastFetchFailed = false;

function setFetchFailed(failed: boolean): void {
  if (failed === lastFetchFailed) return;
  lastFetchFailed = failed;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const back = () => {
    lastFetchFailed = false;
    listener();
  };
  window.addEventListener('online', back);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', back);
    window.removeEventListener('offline', listener);
  };
}

const isOffline = (): boolean => !navigator.onLine || lastFetchFailed;

export function useOffline(): boolean {
  return useSyncExternalStore(subscribe, isOffline, () => false);
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/** `fetch` that keeps the connection state: a rejected request (no network) marks us offline, an answer online. */
export const trackedFetch: typeof fetch = (input, init) =>
  fetch(input, init).then(
    (response) => {
      setFetchFailed(false);
      return response;
    },
    (error: unknown) => {
      if (!isAbort(error)) setFetchFailed(true);
      throw error;
    },
  );

/**
 * True when a failed request failed for want of a connection (not an HTTP or GraphQL error): the browser is
 * offline, or fetch itself rejected (a `TypeError`, which is how fetch reports a network failure).
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!navigator.onLine) return true;
  const cause = (error as { networkError?: unknown } | null)?.networkError ?? error;
  return cause instanceof TypeError;
}

/** Runs `retry` when the connection comes back. */
export function useRetryWhenOnline(retry: () => void): void {
  useEffect(() => {
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [retry]);
}

/**
 * «Sin conexión…» at the top of every page while offline, in a polite live region that stays in the document
 * (so the change is read); once back, it says so to screen readers only and disappears from view.
 */
export function OfflineNotice() {
  const offline = useOffline();
  const [wasOffline, setWasOffline] = useState(false);
  if (offline && !wasOffline) setWasOffline(true);
  return (
    <div className={offline ? 'offline-notice' : 'status-region'} role="status" aria-live="polite">
      {offline ? texts.offline.notice : wasOffline ? texts.offline.back : ''}
    </div>
  );
}
