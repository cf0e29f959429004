import { MailMessage } from '../../infrastructure/mail/mail-message.js';
import { MailBody, renderHtml, renderText } from '../../infrastructure/mail/templates/layout.js';

interface Recipient {
  email: string;
  displayName: string;
}

function message(to: Recipient, subject: string, body: MailBody): MailMessage {
  return { to: to.email, subject, text: renderText(body), html: renderHtml(body) };
}

export function verificationEmail(publicUrl: string, to: Recipient, token: string): MailMessage {
  return message(to, 'Confirma tu correo en Retos Públicos', {
    greeting: `Hola, ${to.displayName}:`,
    paragraphs: [
      'Gracias por registrarte en Retos Públicos. Para proponer y votar necesitamos confirmar que este correo es tuyo.',
      'El enlace vale 48 horas y sirve una sola vez.',
    ],
    action: { label: 'Confirmar mi correo', url: `${publicUrl}/verificar-correo?token=${token}` },
    closing: 'Si tú no creaste esta cuenta, ignora este mensaje.',
  });
}

export function passwordResetEmail(publicUrl: string, to: Recipient, token: string): MailMessage {
  return message(to, 'Restablece tu contraseña de Retos Públicos', {
    greeting: `Hola, ${to.displayName}:`,
    paragraphs: [
      'Recibimos una solicitud para restablecer la contraseña de tu cuenta.',
      'El enlace vale 1 hora y sirve una sola vez. Al cambiar la contraseña se cerrarán todas tus sesiones.',
    ],
    action: { label: 'Elegir una contraseña nueva', url: `${publicUrl}/restablecer-contrasena?token=${token}` },
    closing: 'Si tú no lo pediste, ignora este mensaje: tu contraseña no cambiará.',
  });
}
