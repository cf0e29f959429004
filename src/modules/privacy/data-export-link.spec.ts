import { downloadState, exportExpiry, EXPORT_LIFETIME_MS } from './data-export-link.js';

describe('data export links', () => {
  const readyAt = new Date('2026-12-05T10:00:00Z');
  const expiresAt = exportExpiry(readyAt);

  it('expire 48 hours after the file is ready', () => {
    expect(expiresAt.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(EXPORT_LIFETIME_MS).toBe(48 * 3600 * 1000);
  });

  it('are pending until the worker stores the file', () => {
    expect(downloadState({ readyAt: null, expiresAt: null }, readyAt)).toBe('PENDING');
  });

  it('work until the last millisecond before expiry, and never at or after it', () => {
    expect(downloadState({ readyAt, expiresAt }, readyAt)).toBe('READY');
    expect(downloadState({ readyAt, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('READY');
    expect(downloadState({ readyAt, expiresAt }, expiresAt)).toBe('EXPIRED');
    expect(downloadState({ readyAt, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe('EXPIRED');
  });
});
