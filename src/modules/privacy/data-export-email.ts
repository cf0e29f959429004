import { MailMessage } from '../../infrastructure/mail/mail-message.js';
import { renderHtml, renderText } from '../../infrastructure/mail/templates/layout.js';

export function dataExportEmail(
  publicUrl: string,
  to: { email: string; displayName: string },
  token: string,
): MailMessage {
  const body = {
    greeting: `Hola, ${to.displayName}:`,
    paragraphs: [
      'Preparamos el archivo con todos los datos que Retos Públicos guarda sobre tu cuenta, como lo pediste.',
      'El enlace vale 48 horas. Es personal: no lo compartas, porque da acceso a tu correo, tu residencia y tu actividad.',
    ],
    action: { label: 'Descargar mis datos', url: `${publicUrl}/mis-datos/descarga?token=${token}` },
    closing: 'Si tú no lo pediste, cambia tu contraseña: alguien más pudo entrar a tu cuenta.',
  };
  return { to: to.email, subject: 'Tus datos de Retos Públicos', text: renderText(body), html: renderHtml(body) };
}
