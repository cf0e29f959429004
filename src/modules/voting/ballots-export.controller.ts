import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { BallotsExportService } from './ballots-export.service.js';

/** Open data: `GET /open-data/challenges/:id/ballots.pb`, streamed; 404 unless the challenge is a FINISHED BUDGET one. */
@Controller('open-data')
export class BallotsExportController {
  constructor(private readonly exports: BallotsExportService) {}

  @Get('challenges/:id/ballots.pb')
  async ballots(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.exports.export(id);
    if (!file) throw new NotFoundException('No hay boletas publicadas para este reto.');
    reply.header('cache-control', 'public, max-age=300');
    return new StreamableFile(Readable.from(file.chunks), {
      type: 'text/plain; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
