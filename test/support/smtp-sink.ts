import { createServer, type Server, type Socket } from 'node:net';

/**
 * A tiny SMTP server speaking just enough for nodemailer (EHLO, MAIL, RCPT, DATA, QUIT). It answers
 * `451` to the first `refuse` transactions (a temporary failure: the sender must retry) and stores the rest.
 */
export class SmtpSink {
  readonly messages: string[] = [];
  refusals = 0;
  private server: Server | null = null;
  port = 0;

  constructor(private refuse: number) {}

  async start(): Promise<number> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private session(socket: Socket): void {
    let buffer = '';
    let inData = false;
    let data = '';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sumidero ESMTP');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          this.messages.push(data);
          data = '';
          reply('250 2.0.0 guardado');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sumidero');
        else if (verb === 'MAIL') {
          if (this.refusals < this.refuse) {
            this.refusals++;
            reply('451 4.3.0 intenta mas tarde');
          } else reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') reply('250 2.1.5 ok');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 adelante');
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 adios');
          socket.end();
          return;
        } else reply('502 no implementado');
      }
    });
  }
}
