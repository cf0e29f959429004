import { Controller, Get, NotFoundException, Param, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ExportConnections, type DownloadRefusal } from './export-connections.js';
import type { DataVersion } from './open-data.repository.js';
import { OpenDataService, type OpenDataFile } from './open-data.service.js';

/**
 * Open data without sign-in (issue #8): `GET /open-data/<dataset>.<csv|json>` and
 * `GET /open-data/challenges/:id/<dataset>.<csv|json>`, streamed from a database cursor, with ETag /
 * Last-Modified and 304 on unchanged data. The DCAT-AP catalogue is `catalog/catalog.controller.ts`.
 */
/** A download whose reader takes nothing for this long is ended, and its connection returned. */
export const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;
const RETRY_AFTER_SECONDS = '30';
const REFUSALS: Record<DownloadRefusal, { status: number; message: string }> = {
  BUSY: { status: 503, message: 'Hay muchas descargas en curso. Inténtalo de nuevo en unos segundos.' },
  CLIENT_BUSY: { status: 429, message: 'Ya tienes una descarga en curso. Espera a que termine.' },
};

@Controller('open-data')
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly connections: ExportConnections,
  ) {}

  @Get(':file')
  async all(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(await this.openData.file(file, null), request, reply);
  }

  @Get('challenges/:id/:file')
  async ofChallenge(
    @Param('id') id: string,
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(await this.openData.file(file, id), request, reply);
  }

  /**
   * Streams the file once a download place is free (see ExportConnections: a bounded wait), else refuses with
   * Retry-After. The place is given back when the response closes, finished or not; a reader that stops
   * reading leaves the socket idle, and after DOWNLOAD_IDLE_TIMEOUT_MS the socket is destroyed, which ends
   * the stream, its cursor transaction and its connection.
   */
  private async send(file: OpenDataFile | null, request: FastifyRequest, reply: FastifyReply) {
    if (!file) throw new NotFoundException('No existe ese archivo de datos abiertos.');
    reply.header('cache-control', 'public, max-age=60');
    if (notModified(request, reply, file.version)) return undefined;
    const release = await this.connections.admit(request.ip);
    if (typeof release === 'string') {
      const refusal = REFUSALS[release];
      reply.status(refusal.status).header('retry-after', RETRY_AFTER_SECONDS).header('cache-control', 'no-store');
      return { errors: [{ message: refusal.message, extensions: { code: 'RATE_LIMITED' } }] };
    }
    const socket = request.raw.socket;
    socket.setTimeout(DOWNLOAD_IDLE_TIMEOUT_MS, () => socket.destroy());
    reply.raw.once('close', () => {
      socket.setTimeout(0);
      release();
    });
    return new StreamableFile(Readable.from(file.chunks()), {
      type: file.mediaType,
      disposition: `inline; filename="${file.filename}"`,
    });
  }
}

/** Sets ETag and Last-Modified; true (and a bodiless 304 on its way) when the client's copy is current. */
export function notModified(request: FastifyRequest, reply: FastifyReply, version: DataVersion): boolean {
  const etag = `"${createHash('sha256').update(version.tag).digest('base64url').slice(0, 27)}"`;
  const lastModified = new Date(Math.floor(version.modifiedAt.getTime() / 1000) * 1000);
  reply.header('etag', etag);
  reply.header('last-modified', lastModified.toUTCString());
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
      : ifModifiedSince !== undefined &&
        !Number.isNaN(Date.parse(ifModifiedSince)) &&
        lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (fresh) reply.status(304);
  return fresh;
}
