import type { Database } from '../../db/database.ts';
import { crashPoint } from '../crash-points.ts';
import { type AttemptOutcome, LeaseWorker } from '../outbox/lease-worker.ts';
import { parseJson } from '../rows.ts';
import { type ReceiptPayload, renderOrderNotice, renderReceipt } from './receipt-message.ts';
import { MAIL_CHANNELS, ORDER_NOTICE_CHANNEL } from './receipt-outbox.ts';
import type { MailTransport } from './transport.ts';

export interface MailerOptions {
  /** Seconds before each retry; its length + 1 attempts in all. */
  retryScheduleSeconds: number[];
  /** How often to look for mail queued elsewhere or a retry that came due. */
  pollMs: number;
  /** The transport's timeout: a claim's lease is a few of these. */
  timeoutMs: number;
  /** Messages in flight at once, per process. */
  concurrency?: number;
  now?: () => Date;
}

interface MailRow {
  id: string;
  channel: string;
  recipient: string;
  payload: string;
  org_name: string | null;
  support_email: string | null;
  default_locale: string | null;
}

/**
 * Sends the outbox's receipts and merchant notices through one transport,
 * with the webhooks' lease worker: claimed under a lease (one process sends
 * each), retried on MAIL_RETRY_SCHEDULE_SECONDS across restarts, never on
 * the confirm's path. The message is written from the event when it is sent,
 * so the organization's current name and support address are on it.
 */
export class Mailer {
  readonly #db: Database;
  readonly #transport: MailTransport;
  readonly #worker: LeaseWorker;

  constructor(db: Database, transport: MailTransport, options: MailerOptions) {
    this.#db = db;
    this.#transport = transport;
    this.#worker = new LeaseWorker(db, {
      channels: MAIL_CHANNELS,
      name: 'mailer',
      // An SMTP exchange is bounded by its connection, greeting and idle timeouts: a few of them.
      leaseMs: 4 * options.timeoutMs,
      retryScheduleSeconds: options.retryScheduleSeconds,
      pollMs: options.pollMs,
      concurrency: options.concurrency ?? 8,
      now: options.now ?? (() => new Date()),
      attempt: (d, owner) => this.#attempt(d.id, owner),
    });
  }

  /** True when mail really leaves the machine (SMTP_URL is set): only then may a page promise an email. */
  get sendsEmail(): boolean {
    return this.#transport.kind === 'smtp';
  }

  start(): void {
    this.#worker.start();
  }

  kick(): void {
    this.#worker.kick();
  }

  /** Stops claiming and lets messages in flight finish (an SMTP exchange cut halfway might still be delivered). */
  async stop(): Promise<void> {
    await this.#worker.stop();
    this.#transport.close();
  }

  async #attempt(id: string, owner: string): Promise<AttemptOutcome | null> {
    const d = await this.#db.get<MailRow>(
      `SELECT d.id, d.channel, d.recipient, e.payload, o.name AS org_name, o.support_email, o.default_locale
       FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
       LEFT JOIN organizations o ON o.id = d.organization_id
       WHERE d.id = ? AND d.lease_owner = ?`,
      [id, owner],
    );
    if (!d) return null;
    const payload = parseJson<{ data: ReceiptPayload }>(d.payload, { data: null as never }).data;
    const org = { name: d.org_name ?? '', support_email: d.support_email, default_locale: d.default_locale };
    const content =
      d.channel === ORDER_NOTICE_CHANNEL ? await renderOrderNotice(payload, org) : await renderReceipt(payload, org);
    crashPoint('before-mail-send');
    const result = await this.#transport.send({
      ...content,
      to: d.recipient,
      replyTo: d.channel === ORDER_NOTICE_CHANNEL ? null : org.support_email,
      messageId: `<${d.id}@checkout-link>`,
    });
    return { kind: 'attempted', result };
  }
}
