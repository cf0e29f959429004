import { DATASET_NAMES } from '../../src/modules/open-data/open-data.columns.js';
import { catalogWindow } from '../../src/modules/open-data/catalog/catalog-paging.js';
import type { CatalogChallenge, CatalogPageInput } from '../../src/modules/open-data/catalog/dcat-catalog.js';

/** A published challenge as the catalogue reads it: municipal, with tags and rounds. */
export const buildCatalogChallenge = (over: Partial<CatalogChallenge> = {}): CatalogChallenge => ({
  id: '0b6a1c52-8f1e-4d7a-9a43-5d1c2b3e4f50',
  title: 'Parques de bolsillo',
  summary: 'Propuestas para parques pequeños.',
  tags: ['parques', 'espacio público'],
  status: 'PUBLISHED',
  level: 'MUNICIPAL',
  unit: { id: '7f1d2e3c-0000-4000-8000-000000000001', name: 'Ayuntamiento de Puebla' },
  state: { code: '21', name: 'Puebla' },
  municipality: { code: '21114', name: 'Puebla' },
  publishedAt: new Date('2026-11-10T12:00:00Z'),
  modifiedAt: new Date('2026-11-20T08:30:00Z'),
  startsAt: new Date('2026-11-11T00:00:00Z'),
  endsAt: new Date('2026-12-31T23:59:00Z'),
  ...over,
});

/** Page `n` of a catalogue of `total` challenges (100 datasets a page) holding `challenges`. */
export function buildCatalogPage(n: number, challenges: CatalogChallenge[], total: number): CatalogPageInput {
  const window = catalogWindow(n, 100, DATASET_NAMES.length, total);
  if (!window) throw new Error(`no page ${n} of ${total}`);
  return {
    publicUrl: 'https://retos.example.mx',
    issued: new Date('2026-11-01T00:00:00Z'),
    modified: new Date('2026-11-20T08:30:00Z'),
    window,
    pagePath: 'catalog.json',
    platformDatasets: DATASET_NAMES.slice(window.platform.start, window.platform.end),
    challenges,
  };
}
