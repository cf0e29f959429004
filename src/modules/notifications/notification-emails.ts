import type { MailMessage } from '../../infrastructure/mail/mail-message.js';
import { renderHtml, renderText } from '../../infrastructure/mail/templates/layout.js';
import { TYPE_LABELS, type NotificationText } from './notification-texts.js';
import type { NotificationType } from './notification-types.js';

/** The e-mail of one notification: the same Spanish text, a link to the platform and a one-type unsubscribe link. */
export function notificationEmail(input: {
  to: string;
  displayName: string;
  type: NotificationType;
  text: NotificationText;
  publicUrl: string;
  unsubscribeToken: string;
}): MailMessage {
  const unsubscribeUrl = `${input.publicUrl}/notificaciones/baja?token=${input.unsubscribeToken}`;
  const body = {
    greeting: `Hola, ${input.displayName}:`,
    paragraphs: [input.text.body],
    action: { label: 'Ver en Retos Públicos', url: `${input.publicUrl}${input.text.path}` },
    closing: `Para dejar de recibir por correo avisos de ${TYPE_LABELS[input.type]}, abre este enlace (no necesitas iniciar sesión): ${unsubscribeUrl}`,
  };
  return {
    to: input.to,
    subject: input.text.title,
    text: renderText(body),
    html: renderHtml(body),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
