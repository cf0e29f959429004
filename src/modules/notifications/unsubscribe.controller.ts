import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { escapeHtml } from '../../infrastructure/mail/templates/layout.js';
import { TYPE_LABELS } from './notification-texts.js';
import { NotificationsService } from './notifications.service.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.5;max-width:560px;margin:40px auto;padding:0 16px">
<h1 style="font-size:22px">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p style="color:#555">Puedes cambiar todos tus avisos en tu cuenta de Retos Públicos.</p>
</body></html>
`;
}

/**
 * The unsubscribe link of notification e-mails (List-Unsubscribe): no sign-in, a signed (user, type) token; turns
 * that type's e-mails off and nothing else. POST is RFC 8058's one-click variant, sent by mail clients.
 */
@Controller('notificaciones')
export class UnsubscribeController {
  private readonly tokens: UnsubscribeTokens;

  constructor(
    private readonly notifications: NotificationsService,
    config: AppConfig,
  ) {
    this.tokens = new UnsubscribeTokens(config.auth.jwtSecret);
  }

  @Get('baja')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribePage(
    @Query('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.unsubscribe(token, reply);
  }

  @Post('baja')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async oneClick(
    @Query('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.unsubscribe(token, reply);
  }

  private async unsubscribe(token: string | undefined, reply: FastifyReply): Promise<string> {
    const claim = this.tokens.verify(typeof token === 'string' ? token : undefined);
    if (!claim || !(await this.notifications.unsubscribe(claim.userId, claim.type))) {
      reply.status(400);
      return page(
        'Enlace no válido',
        'Este enlace para dejar de recibir correos no es válido. Revisa que lo hayas copiado completo.',
      );
    }
    return page(
      'Listo',
      `Ya no recibirás por correo avisos de ${TYPE_LABELS[claim.type]}. Los demás avisos siguen como estaban.`,
    );
  }
}
