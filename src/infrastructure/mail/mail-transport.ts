import { Injectable } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';
import { MailMessage } from './mail-message.js';

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes each message as an `.eml` file under MAIL_DIR
 * (development, demos and tests), so nothing needs a mail server to run.
 */
@Injectable()
export class MailTransport {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(private readonly config: AppConfig) {
    this.transporter = config.mail.smtpUrl
      ? nodemailer.createTransport(config.mail.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.from = `"Retos Públicos" <no-responder@${new URL(config.http.publicUrl).hostname}>`;
  }

  /** `id` names the file, so a retried job overwrites its own earlier attempt instead of adding a copy. */
  async deliver(message: MailMessage, id: string): Promise<void> {
    const info = (await this.transporter.sendMail({
      ...message,
      from: this.from,
      textEncoding: 'quoted-printable',
    })) as {
      message: Buffer;
    };
    if (this.config.mail.smtpUrl) return;
    const dir = this.config.mail.dir;
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`);
    // Written under another name first, so whoever watches the folder never reads half a message.
    await writeFile(`${file}.part`, info.message);
    await rename(`${file}.part`, file);
  }
}
