import { BadRequestException, Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notModified } from '../open-data.controller.js';
import { negotiateCatalogFormat, type CatalogFormat } from './catalog-negotiation.js';
import { parsePage } from './catalog-paging.js';
import { CatalogService } from './catalog.service.js';

/**
 * The DCAT-AP 3.0.0 catalogue for portals' harvesters (issue #20): `GET /open-data/catalog` by content
 * negotiation (JSON-LD, or Turtle for `Accept: text/turtle`), `catalog.json` / `catalog.jsonld` and
 * `catalog.ttl` explicitly; `?page=N` pages of 100 datasets with Hydra links; ETag / Last-Modified and 304.
 */
@Controller('open-data')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('catalog')
  negotiated(@Query('page') page: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    reply.header('vary', 'Accept');
    return this.send('catalog', negotiateCatalogFormat(request.headers.accept), page, request, reply);
  }

  @Get('catalog.json')
  json(@Query('page') page: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('catalog.json', 'jsonld', page, request, reply);
  }

  @Get('catalog.jsonld')
  jsonld(@Query('page') page: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('catalog.jsonld', 'jsonld', page, request, reply);
  }

  @Get('catalog.ttl')
  turtle(@Query('page') page: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('catalog.ttl', 'turtle', page, request, reply);
  }

  private async send(
    path: string,
    format: CatalogFormat,
    rawPage: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const page = parsePage(rawPage);
    if (Number.isNaN(page)) throw new BadRequestException('page debe ser un número entero positivo.');
    const response = await this.catalog.page(page, format, path);
    if (!response) throw new NotFoundException('El catálogo no tiene esa página.');
    reply.header('cache-control', 'public, max-age=60');
    if (notModified(request, reply, response.version)) {
      await reply.send();
      return;
    }
    await reply.header('content-type', response.mediaType).send(await response.body());
  }
}
