import { Controller, Get, NotFoundException, Param, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataVersion } from './open-data.repository.js';
import { OpenDataService, type OpenDataFile } from './open-data.service.js';

/**
 * Open data without sign-in (issue #8): `GET /open-data/<dataset>.<csv|json>` and
 * `GET /open-data/challenges/:id/<dataset>.<csv|json>`, streamed from a database cursor, with ETag /
 * Last-Modified and 304 on unchanged data. The DCAT-AP catalogue is `catalog/catalog.controller.ts`.
 */
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get(':file')
  async all(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return send(await this.openData.file(file, null), request, reply);
  }

  @Get('challenges/:id/:file')
  async ofChallenge(
    @Param('id') id: string,
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return send(await this.openData.file(file, id), request, reply);
  }
}

function send(file: OpenDataFile | null, request: FastifyRequest, reply: FastifyReply): StreamableFile | undefined {
  if (!file) throw new NotFoundException('No existe ese archivo de datos abiertos.');
  reply.header('cache-control', 'public, max-age=60');
  if (notModified(request, reply, file.version)) return undefined;
  return new StreamableFile(Readable.from(file.chunks()), {
    type: file.mediaType,
    disposition: `inline; filename="${file.filename}"`,
  });
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
