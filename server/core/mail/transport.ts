import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { logger } from '../../logger.ts';
import type { AttemptResult } from '../outbox/lease-worker.ts';
import type { MailContent } from './receipt-message.ts';

export interface MailMessage extends MailContent {
  to: string;
  replyTo?: string | null;
  /** Stable per delivery, so a receiving system can tell a retried message from a new one. */
  messageId: string;
}

export interface MailTransport {
  /** `smtp` hands mail to a mail server; `file` writes .eml files (no SMTP_URL: development). */
  readonly kind: 'smtp' | 'file';
  send(message: MailMessage): Promise<AttemptResult>;
  close(): void;
}

export interface MailTransportOptions {
  smtpUrl: string | null;
  from: string;
  /** Where the `file` transport writes. */
  outboxDir: string;
  /** Connection, greeting and idle timeout of an SMTP exchange. */
  timeoutMs: number;
}

const fields = (from: string, m: MailMessage) => ({
  from,
  to: m.to,
  replyTo: m.replyTo ?? undefined,
  subject: m.subject,
  text: m.text,
  html: m.html,
  messageId: m.messageId,
});

/** Runs one send as an attempt: its reply code, or the error and the mail server's code, and how long it took. */
async function timed(send: () => Promise<number | null>): Promise<AttemptResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    return { ok: true, status: await send(), error: null, durationMs: durationMs() };
  } catch (err) {
    const e = err as { responseCode?: number; message?: string };
    return { ok: false, status: e.responseCode ?? null, error: e.message ?? String(err), durationMs: durationMs() };
  }
}

/** SMTP through Nodemailer: one connection per message (a receipt per sale is no bulk traffic). */
function smtpTransport(o: MailTransportOptions & { smtpUrl: string }): MailTransport {
  const transporter = createTransport({
    url: o.smtpUrl,
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
  });
  return {
    kind: 'smtp',
    send: (message) =>
      timed(async () => {
        const info = await transporter.sendMail(fields(o.from, message));
        return Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 250);
      }),
    close: () => transporter.close(),
  };
}

/**
 * Each message as an RFC 822 `.eml` file (open it in any mail program), its
 * path logged: what a customer would receive, on a machine with no mail server.
 */
function fileTransport(o: MailTransportOptions): MailTransport {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    send: (message) =>
      timed(async () => {
        const info = await composer.sendMail(fields(o.from, message));
        await mkdir(o.outboxDir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        // The Message-ID's local part is the delivery's id: the file is found by it.
        const id = message.messageId.replace(/@.*$/, '').replace(/[^A-Za-z0-9-]/g, '');
        const path = join(o.outboxDir, `${stamp}-${id}.eml`);
        await writeFile(path, info.message as Buffer);
        logger.info(
          { path, to: message.to, subject: message.subject },
          'email written to a file (set SMTP_URL to send it)',
        );
        // No reply code: nothing was sent (the receipt reads "written", not "sent").
        return null;
      }),
    close: () => composer.close(),
  };
}

export function createMailTransport(o: MailTransportOptions): MailTransport {
  return o.smtpUrl ? smtpTransport({ ...o, smtpUrl: o.smtpUrl }) : fileTransport(o);
}
