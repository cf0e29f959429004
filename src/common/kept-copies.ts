/**
 * A per-process copy of values read from the database, for decisions that the write which follows checks again in
 * its own statement (issue #17: one read less per vote at the deadline rush). A stale copy can only lead to a
 * refusal, which the caller decides again on a fresh read. Entries older than `ttlMs` are read again: the bounds
 * limit memory and the refusals a stale copy can cause, never correctness.
 */
export class KeptCopies<T> {
  private readonly entries = new Map<string, { value: T; keptAt: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): T | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (Date.now() - entry.keptAt <= this.ttlMs) return entry.value;
    this.entries.delete(key);
    return null;
  }

  keep(key: string, value: T): void {
    this.entries.delete(key); // re-inserted last, so the oldest entry is the first to go
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, keptAt: Date.now() });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
