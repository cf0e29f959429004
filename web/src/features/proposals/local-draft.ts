// Drafts kept in this browser: what a person writes in the proposal form is saved per person and challenge (and per
// proposal when editing), restored when they come back, cleared after a successful send and dropped after 30 days.
// Pure: the storage is passed in (window.localStorage in the app, a Map in the tests).

export interface DraftText {
  title: string;
  summary: string;
  body: string;
  estimatedCost: string;
}

export interface StoredDraft {
  values: DraftText;
  /** ISO instant of the last save. */
  savedAt: string;
}

/** The part of the Web Storage API the drafts use. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export const DRAFT_DAYS = 30;
const DRAFT_MS = DRAFT_DAYS * 24 * 3600_000;
const PREFIX = 'retos-publicos:borrador:';

export const EMPTY_DRAFT: DraftText = { title: '', summary: '', body: '', estimatedCost: '' };

/** One key per person and challenge; editing a proposal keeps its own key, apart from a new proposal's. */
export function draftKey(where: { personId: string; challengeId: string; proposalId?: string }): string {
  return `${PREFIX}${where.personId}:${where.challengeId}${where.proposalId ? `:${where.proposalId}` : ''}`;
}

export function sameText(a: DraftText, b: DraftText): boolean {
  return a.title === b.title && a.summary === b.summary && a.body === b.body && a.estimatedCost === b.estimatedCost;
}

function isDraftText(value: unknown): value is DraftText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['title', 'summary', 'body', 'estimatedCost'].every((name) => typeof v[name] === 'string');
}

function expired(savedAt: string, now: Date): boolean {
  const at = Date.parse(savedAt);
  return Number.isNaN(at) || now.getTime() - at > DRAFT_MS;
}

/**
 * Saves `values` under `key`; text equal to `baseline` (empty for a new proposal, the saved proposal when
 * editing) is nothing to keep, so the key is removed. A full or blocked storage only loses the draft.
 */
export function saveDraft(
  storage: DraftStorage,
  key: string,
  values: DraftText,
  now: Date,
  baseline: DraftText = EMPTY_DRAFT,
): void {
  try {
    if (sameText(values, baseline)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ values, savedAt: now.toISOString() } satisfies StoredDraft));
  } catch {
    // Quota exceeded or storage disabled: the form keeps working without a local copy.
  }
}

/** The draft under `key`, or null when there is none, it is unreadable, older than 30 days, or equal to `baseline`. */
export function loadDraft(
  storage: DraftStorage,
  key: string,
  now: Date,
  baseline: DraftText = EMPTY_DRAFT,
): StoredDraft | null {
  let stored: unknown;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    stored = JSON.parse(raw);
  } catch {
    stored = null;
  }
  const draft = stored as Partial<StoredDraft> | null;
  if (!draft || !isDraftText(draft.values) || typeof draft.savedAt !== 'string' || expired(draft.savedAt, now)) {
    clearDraft(storage, key);
    return null;
  }
  if (sameText(draft.values, baseline)) {
    clearDraft(storage, key);
    return null;
  }
  return { values: draft.values, savedAt: draft.savedAt };
}

export function clearDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

/** Removes every draft of this app older than 30 days (or unreadable), whoever wrote it; returns how many. */
export function dropExpiredDrafts(storage: DraftStorage, now: Date): number {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    return 0;
  }
  let dropped = 0;
  for (const key of keys) {
    const before = storage.getItem(key);
    // An unreadable or expired draft is removed by loadDraft; an empty baseline never matches a stored draft.
    if (loadDraft(storage, key, now) === null && before !== null) dropped++;
  }
  return dropped;
}
