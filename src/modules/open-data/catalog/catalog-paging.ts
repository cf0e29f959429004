/** Datasets per catalogue page, as ckanext-dcat pages its own catalogue. */
export const CATALOG_PAGE_SIZE = 100;

export interface CatalogWindow {
  page: number;
  pageSize: number;
  totalItems: number;
  lastPage: number;
  /** Slice of the platform-wide datasets on this page: `[start, end)`. */
  platform: { start: number; end: number };
  /** Challenges on this page, in catalogue order. */
  challenges: { offset: number; limit: number };
}

/**
 * The datasets of one page: the platform-wide ones first, then one per published challenge. Null when the page
 * does not exist (page 1 always exists, even on an empty platform).
 */
export function catalogWindow(
  page: number,
  pageSize: number,
  platformCount: number,
  challengeCount: number,
): CatalogWindow | null {
  const totalItems = platformCount + challengeCount;
  const lastPage = Math.max(1, Math.ceil(totalItems / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > lastPage) return null;
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const challengeStart = Math.max(start, platformCount);
  return {
    page,
    pageSize,
    totalItems,
    lastPage,
    platform: { start: Math.min(start, platformCount), end: Math.min(end, platformCount) },
    challenges: { offset: challengeStart - platformCount, limit: Math.max(0, end - challengeStart) },
  };
}

/** `?page=` as a harvester sends it: absent means 1; anything but a positive integer is NaN. */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  return /^[1-9]\d{0,6}$/.test(raw) ? Number(raw) : Number.NaN;
}
