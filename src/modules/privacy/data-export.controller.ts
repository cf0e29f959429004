import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PrivacyService } from './privacy.service.js';

const REFUSALS = {
  NOT_FOUND: { status: 404, message: 'El enlace de descarga no es válido. Revisa que lo hayas copiado completo.' },
  PENDING: {
    status: 409,
    message: 'Tu archivo todavía se está preparando. Te avisaremos por correo cuando esté listo.',
  },
  EXPIRED: {
    status: 410,
    message: 'El enlace de descarga venció (vale 48 horas). Pide uno nuevo desde tu cuenta.',
  },
} as const;

/** The e-mailed link of `exportMyData`: the token is the only credential; nothing here may be cached. */
@Controller('mis-datos')
export class DataExportController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('descarga')
  @Header('cache-control', 'no-store')
  @Header('pragma', 'no-cache')
  @Header('referrer-policy', 'no-referrer')
  @Header('x-robots-tag', 'noindex')
  async download(
    @Query('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const result = await this.privacy.download(token);
    void reply.header('content-type', 'application/json; charset=utf-8');
    if (result.state !== 'READY') {
      const refusal = REFUSALS[result.state];
      reply.status(refusal.status);
      return JSON.stringify({ statusCode: refusal.status, message: refusal.message });
    }
    void reply.header('content-disposition', 'attachment; filename="mis-datos-retos-publicos.json"');
    return JSON.stringify(result.content, null, 2);
  }
}
