import {
  clearDraft,
  draftKey,
  dropExpiredDrafts,
  EMPTY_DRAFT,
  loadDraft,
  saveDraft,
  type DraftStorage,
  type DraftText,
} from './local-draft';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const DAY = 24 * 3600_000;
const T0 = new Date('2026-12-01T18:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const text: DraftText = { title: 'Bebederos', summary: 'Agua en escuelas', body: '', estimatedCost: '' };

describe('draftKey', () => {
  it('keeps one draft per person and challenge, and a separate one per proposal being edited', () => {
    const rosa = draftKey({ personId: 'u1', challengeId: 'c1' });
    expect(rosa).not.toBe(draftKey({ personId: 'u2', challengeId: 'c1' }));
    expect(rosa).not.toBe(draftKey({ personId: 'u1', challengeId: 'c2' }));
    expect(rosa).not.toBe(draftKey({ personId: 'u1', challengeId: 'c1', proposalId: 'p1' }));
    expect(draftKey({ personId: 'u1', challengeId: 'c1', proposalId: 'p1' })).toBe(
      draftKey({ personId: 'u1', challengeId: 'c1', proposalId: 'p1' }),
    );
  });
});

describe('saveDraft and loadDraft', () => {
  it('restores what was written, with when it was saved', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'k', text, T0);
    expect(loadDraft(storage, 'k', later(DAY))).toEqual({ values: text, savedAt: T0.toISOString() });
  });

  it('keeps nothing for an empty form, or for text equal to the saved proposal', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'k', text, T0);
    saveDraft(storage, 'k', EMPTY_DRAFT, T0);
    expect(storage.length).toBe(0);
    saveDraft(storage, 'e', text, T0, text);
    expect(storage.length).toBe(0);
    saveDraft(storage, 'e', { ...text, title: 'Bebederos solares' }, T0, text);
    expect(loadDraft(storage, 'e', T0, text)?.values.title).toBe('Bebederos solares');
    // The proposal changed elsewhere to the same text: nothing left to restore.
    expect(loadDraft(storage, 'e', T0, { ...text, title: 'Bebederos solares' })).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('expires a draft 30 days after its last save, and removes it', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'k', text, T0);
    expect(loadDraft(storage, 'k', later(30 * DAY))).not.toBeNull();
    saveDraft(storage, 'k', text, T0);
    expect(loadDraft(storage, 'k', later(30 * DAY + 1))).toBeNull();
    expect(storage.getItem('k')).toBeNull();
  });

  it('drops unreadable or foreign content instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('a', '{no es json');
    storage.setItem('b', JSON.stringify({ values: { title: 1 }, savedAt: T0.toISOString() }));
    storage.setItem('c', JSON.stringify({ values: text, savedAt: 'ayer' }));
    for (const key of ['a', 'b', 'c']) expect(loadDraft(storage, key, T0)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('survives a storage that refuses to write or read', () => {
    const broken: DraftStorage = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => saveDraft(broken, 'k', text, T0)).not.toThrow();
    expect(loadDraft(broken, 'k', T0)).toBeNull();
    expect(() => clearDraft(broken, 'k')).not.toThrow();
  });
});

describe('clearDraft and dropExpiredDrafts', () => {
  it('clears one draft after a successful send', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'k', text, T0);
    clearDraft(storage, 'k');
    expect(loadDraft(storage, 'k', T0)).toBeNull();
  });

  it('removes only this app’s drafts older than 30 days', () => {
    const storage = new MemoryStorage();
    const old = draftKey({ personId: 'u1', challengeId: 'c1' });
    const recent = draftKey({ personId: 'u1', challengeId: 'c2' });
    saveDraft(storage, old, text, T0);
    saveDraft(storage, recent, text, later(20 * DAY));
    storage.setItem('otra-app', 'x');
    expect(dropExpiredDrafts(storage, later(31 * DAY))).toBe(1);
    expect([...storage.items.keys()].sort()).toEqual(['otra-app', recent].sort());
  });
});
