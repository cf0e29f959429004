import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReadMail {
  file: string;
  raw: string;
  /** The whole message with quoted-printable undone, for searching text and links. */
  decoded: string;
}

const alreadyRead = new Set<string>();

function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
  // Percent-decode byte sequences while leaving any literal % that was not ours untouched.
  return bytes.replace(/(%[0-9A-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

async function findNew(dir: string, to: string, match: (mail: ReadMail) => boolean): Promise<ReadMail | null> {
  for (const name of (await readdir(dir)).sort()) {
    const file = join(dir, name);
    if (!name.endsWith('.eml') || alreadyRead.has(file)) continue;
    const raw = await readFile(file, 'utf8');
    if (!new RegExp(`^To: .*${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'mi').test(raw)) continue;
    const mail = { file, raw, decoded: decodeQuotedPrintable(raw) };
    if (!match(mail)) continue;
    alreadyRead.add(file);
    return mail;
  }
  return null;
}

/**
 * Waits for the next unread `.eml` addressed to `to` in MAIL_DIR (written by the MailProcessor) and returns it.
 * Watches the folder instead of polling; each message is returned once.
 */
export async function readMail(
  dir: string,
  to: string,
  match: (mail: ReadMail) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<ReadMail> {
  const watcher = watch(dir);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const changed = new Promise<void>((resolve) => watcher.once('change', () => resolve()));
      const mail = await findNew(dir, to, match);
      if (mail) return mail;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No llegó ningún correo para ${to} en ${timeoutMs} ms`);
      await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, left).unref())]);
    }
  } finally {
    watcher.close();
  }
}

/** The token of the first link to `path` (e.g. "verificar-correo") in a message. */
export function linkToken(mail: ReadMail, path: string): string {
  const found = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.decoded);
  if (!found) throw new Error(`El correo no tiene un enlace a /${path}`);
  return found[1];
}
