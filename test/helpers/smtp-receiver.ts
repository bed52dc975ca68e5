import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

const USER = 'mailer';
const PASS = 's3cret pass';

/**
 * A real mail server on loopback (Nodemailer's smtp-server): it asks for
 * the login the SMTP_URL carries, keeps every message it accepted, and
 * refuses the n-th DATA (0-based) with a temporary 451 where `refuse(n)` says so.
 * With `gate`, it answers no DATA before the gate opens: a slow mail server.
 */
export async function startSmtpReceiver(refuse: (n: number) => boolean = () => false, gate?: Promise<void>) {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const n = attempts++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        await gate;
        if (refuse(n)) {
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
        callback();
        for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    /** SMTP_URL for a server that sends here. */
    url: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`,
    received,
    /** The `n`-th accepted message (0-based); throws when it has not arrived. */
    at(n: number): ReceivedMail {
      const mail = received[n];
      if (!mail) throw new Error(`mail #${n} has not arrived (${received.length} so far)`);
      return mail;
    },
    /** DATA commands seen, refused ones included. */
    attempts: () => attempts,
    /** Resolves once at least `count` messages were accepted. */
    waitFor(count: number): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
