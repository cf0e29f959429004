import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';

/** Downloads streaming at once per API process: each holds one connection of this pool while it streams. */
export const EXPORT_CONNECTIONS = 3;
/** Downloads one client address may stream at once. */
export const DOWNLOADS_PER_CLIENT = 1;
/** How long a download may wait for a place before it is refused (a script fetching files in parallel waits its turn). */
export const ADMISSION_WAIT_MS = 10_000;
/** A statement of an export (one FETCH of the cursor) that runs longer is cancelled. */
const EXPORT_STATEMENT_TIMEOUT_MS = 30_000;

export type DownloadRefusal = 'BUSY' | 'CLIENT_BUSY';

/**
 * Open-data downloads read through their own small pool, never the API's, so slow or stalled readers cannot
 * take the connections that votes, sign-ins and the round clock need (issue #15: 22 stalled readers froze the
 * API and closed a round 116 s late). Admission is counted here, per process, because the pool it guards is
 * per process: a download that finds every export connection busy, or its address already downloading, waits
 * at most ADMISSION_WAIT_MS for a place and is then refused (503 / 429 with Retry-After), never queued forever.
 */
@Injectable()
export class ExportConnections implements OnApplicationShutdown {
  private readonly pool: pg.Pool;
  private readonly perClient = new Map<string, number>();
  private streaming = 0;
  private readonly releases = new EventEmitter().setMaxListeners(0);

  constructor(config: AppConfig) {
    this.pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: EXPORT_CONNECTIONS,
      idleTimeoutMillis: 15_000,
      statement_timeout: EXPORT_STATEMENT_TIMEOUT_MS,
      application_name: 'retos-publicos-open-data',
    });
  }

  /** A place for one download by `client`: a release function (call it when the response closes), or why not. */
  async admit(client: string, waitMs = ADMISSION_WAIT_MS): Promise<(() => void) | DownloadRefusal> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const admitted = this.tryAdmit(client);
      const left = deadline - Date.now();
      if (typeof admitted !== 'string' || left <= 0) return admitted;
      await this.nextRelease(left);
    }
  }

  private tryAdmit(client: string): (() => void) | DownloadRefusal {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= DOWNLOADS_PER_CLIENT) return 'CLIENT_BUSY';
    if (this.streaming >= EXPORT_CONNECTIONS) return 'BUSY';
    this.streaming++;
    this.perClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.streaming--;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
      this.releases.emit('release');
    };
  }

  private nextRelease(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.releases.off('release', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.releases.once('release', done);
    });
  }

  /** Downloads streaming now in this process. */
  get downloading(): number {
    return this.streaming;
  }

  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
