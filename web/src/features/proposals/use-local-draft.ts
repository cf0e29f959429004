// The form's text, kept in this browser as the person types (local-draft.ts holds the rules).
import { useCallback, useState } from 'react';
import { clearDraft, dropExpiredDrafts, loadDraft, saveDraft, type DraftStorage, type DraftText } from './local-draft';

function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** `baseline`: the text the form starts from (empty, or the proposal as saved); a draft equal to it is not kept. */
export function useLocalDraft(key: string, baseline: DraftText) {
  const [storage] = useState(browserStorage);
  const [restored, setRestored] = useState(() => {
    if (!storage) return null;
    dropExpiredDrafts(storage, new Date());
    return loadDraft(storage, key, new Date(), baseline);
  });
  const [values, setValuesState] = useState<DraftText>(restored?.values ?? baseline);

  // Saved as each change happens (not in an effect), so leaving right after typing keeps the last word.
  // A draft written in another tab for the same key is not merged: the last one typed wins.
  const setValues = useCallback(
    (next: DraftText) => {
      setValuesState(next);
      if (storage) saveDraft(storage, key, next, new Date(), baseline);
    },
    [storage, key, baseline],
  );

  const discard = useCallback(() => {
    if (storage) clearDraft(storage, key);
    setRestored(null);
    setValuesState(baseline);
  }, [storage, key, baseline]);

  const forget = useCallback(() => {
    if (storage) clearDraft(storage, key);
  }, [storage, key]);

  return {
    values,
    setValues,
    /** When the form opened with a draft from an earlier visit: its save time; null once discarded. */
    restoredAt: restored?.savedAt ?? null,
    /** Throws the local copy away and goes back to the baseline text. */
    discard,
    /** After a successful send: the local copy is no longer needed. */
    forget,
  };
}
