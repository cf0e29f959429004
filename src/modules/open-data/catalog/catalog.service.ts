import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock.js';
import { AppConfig } from '../../../config/app-config.js';
import { DATASET_NAMES } from '../open-data.columns.js';
import { OpenDataRepository, type DataVersion } from '../open-data.repository.js';
import { CATALOG_MEDIA_TYPES, type CatalogFormat } from './catalog-negotiation.js';
import { CATALOG_PAGE_SIZE, catalogWindow } from './catalog-paging.js';
import { jsonLdToTurtle } from './catalog-rdf.js';
import { CatalogRepository } from './catalog.repository.js';
import { dcatCatalog } from './dcat-catalog.js';

/** Until the first event, the catalogue says it was issued when the platform's exports started. */
const ISSUED = new Date('2026-11-01T00:00:00Z');

export interface CatalogResponse {
  mediaType: string;
  version: DataVersion;
  /** Built only when sent: a 304 never builds the page. */
  body: () => Promise<string>;
}

/** The DCAT-AP catalogue (issue #20): which page, its version for conditional requests, and its body. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly openData: OpenDataRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Null when the page does not exist. `pagePath` is the route asked for, which the paging links repeat. */
  async page(page: number, format: CatalogFormat, pagePath: string): Promise<CatalogResponse | null> {
    const window = catalogWindow(
      page,
      CATALOG_PAGE_SIZE,
      DATASET_NAMES.length,
      await this.catalog.countPublishedChallenges(),
    );
    if (!window) return null;
    const version = await this.openData.version('catalog', null, this.clock.now());
    const modified = version.modifiedAt.getTime() > ISSUED.getTime() ? version.modifiedAt : ISSUED;
    return {
      mediaType: CATALOG_MEDIA_TYPES[format],
      version: { tag: `${version.tag}|catalog|${pagePath}|${format}|${page}`, modifiedAt: modified },
      body: async () => {
        const doc = dcatCatalog({
          publicUrl: this.config.http.publicUrl,
          issued: ISSUED,
          modified,
          window,
          pagePath,
          platformDatasets: DATASET_NAMES.slice(window.platform.start, window.platform.end),
          challenges: await this.catalog.publishedChallenges(window.challenges.offset, window.challenges.limit),
        });
        return format === 'turtle' ? jsonLdToTurtle(doc) : JSON.stringify(doc);
      },
    };
  }
}
