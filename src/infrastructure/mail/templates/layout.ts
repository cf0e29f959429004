/** The shared frame of every e-mail: plain text and a minimal, inline-styled HTML version. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export interface MailBody {
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  closing: string;
}

export function renderText(body: MailBody): string {
  return [
    body.greeting,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    `${body.action.label}:`,
    body.action.url,
    '',
    body.closing,
    '',
    '— Retos Públicos',
    '',
  ].join('\n');
}

export function renderHtml(body: MailBody): string {
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const url = escapeHtml(body.action.url);
  return `<!doctype html>
<html lang="es"><body style="font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.5;max-width:560px">
${p(body.greeting)}
${body.paragraphs.map(p).join('\n')}
<p style="margin:24px 0"><a href="${url}" style="background:#0b6b3a;color:#fff;padding:12px 20px;text-decoration:none;border-radius:4px">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">Si el botón no funciona, copia este enlace en tu navegador:<br>${url}</p>
${p(body.closing)}
<p style="margin:0;color:#555">— Retos Públicos</p>
</body></html>
`;
}
