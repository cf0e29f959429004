/** One e-mail, fully rendered: Spanish plain text and HTML. Job payloads carry exactly this. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}
