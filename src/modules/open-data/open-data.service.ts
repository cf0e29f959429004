import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { formatRows, type OpenDataFormat } from './open-data-format.js';
import { DATASET_NAMES, DATASETS, type DatasetName } from './open-data.columns.js';
import { OpenDataRepository, type DataVersion } from './open-data.repository.js';
import { isUuid } from '../../common/ids.js';

export interface OpenDataFile {
  filename: string;
  mediaType: string;
  version: DataVersion;
  /** Started only when read: a 304 never touches the data. */
  chunks: () => AsyncIterable<string>;
}

/** The bulk downloads (issue #8): which file, its version for conditional requests, and its streamed body. */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly repo: OpenDataRepository,
    private readonly clock: Clock,
  ) {}

  /** `proposals.csv` → dataset and format; null for anything else. */
  parseFile(file: string): { dataset: DatasetName; format: OpenDataFormat } | null {
    const match = /^([a-z-]+)\.(csv|json)$/.exec(file);
    if (!match || !(DATASET_NAMES as readonly string[]).includes(match[1])) return null;
    return { dataset: match[1] as DatasetName, format: match[2] as OpenDataFormat };
  }

  /** Null when the file does not exist: unknown name, or a challenge that is unknown or not published. */
  async file(file: string, challengeId: string | null): Promise<OpenDataFile | null> {
    const parsed = this.parseFile(file);
    if (!parsed) return null;
    if (challengeId !== null && (!isUuid(challengeId) || !(await this.repo.challengeExists(challengeId)))) return null;
    const now = this.clock.now();
    const version = await this.repo.version(parsed.dataset, challengeId, now);
    const spec = DATASETS[parsed.dataset];
    const prefix = challengeId ? `reto-${challengeId}-` : '';
    return {
      filename: `${prefix}${parsed.dataset}.${parsed.format}`,
      mediaType:
        parsed.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
      version: { ...version, tag: `${version.tag}|${parsed.dataset}.${parsed.format}` },
      chunks: () => formatRows(spec, parsed.format, this.repo.rows(parsed.dataset, challengeId, now)),
    };
  }
}
