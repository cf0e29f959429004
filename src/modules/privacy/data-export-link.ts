/** How long an export's download link works after the file is ready. */
export const EXPORT_LIFETIME_MS = 48 * 3600 * 1000;

export type DownloadState = 'READY' | 'PENDING' | 'EXPIRED';

/** Whether a stored export can be downloaded at `now`: only once ready, and strictly before it expires. */
export function downloadState(row: { readyAt: Date | null; expiresAt: Date | null }, now: Date): DownloadState {
  if (!row.readyAt || !row.expiresAt) return 'PENDING';
  return now.getTime() < new Date(row.expiresAt).getTime() ? 'READY' : 'EXPIRED';
}

export function exportExpiry(readyAt: Date): Date {
  return new Date(readyAt.getTime() + EXPORT_LIFETIME_MS);
}
