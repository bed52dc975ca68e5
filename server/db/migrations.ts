import type { Database } from './database.ts';

/**
 * Schema versions, applied in order at start. Append; never edit a shipped
 * one. Portable SQL: TEXT for ids, ISO timestamps and JSON; INTEGER for
 * amounts and booleans.
 */
const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE organizations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      embed_origins TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      modified_at TEXT
    )`,
    `CREATE TABLE access_tokens (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      token_hash TEXT NOT NULL UNIQUE,
      scopes TEXT NOT NULL,
      label TEXT,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE custom_fields (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      slug TEXT NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      properties TEXT NOT NULL,
      created_at TEXT NOT NULL,
      modified_at TEXT,
      UNIQUE (organization_id, slug)
    )`,
    `CREATE TABLE products (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      name TEXT NOT NULL,
      description TEXT,
      recurring_interval TEXT,
      is_archived INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      modified_at TEXT
    )`,
    `CREATE INDEX products_org ON products (organization_id, created_at)`,
    `CREATE TABLE product_prices (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL REFERENCES products(id),
      amount_type TEXT NOT NULL,
      price_amount INTEGER,
      minimum_amount INTEGER,
      maximum_amount INTEGER,
      preset_amount INTEGER,
      price_currency TEXT NOT NULL,
      is_archived INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX product_prices_product ON product_prices (product_id)`,
    `CREATE TABLE product_custom_fields (
      product_id TEXT NOT NULL REFERENCES products(id),
      custom_field_id TEXT NOT NULL REFERENCES custom_fields(id),
      position INTEGER NOT NULL,
      required INTEGER NOT NULL,
      PRIMARY KEY (product_id, custom_field_id)
    )`,
    `CREATE TABLE discounts (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      name TEXT NOT NULL,
      code TEXT,
      code_lower TEXT,
      type TEXT NOT NULL,
      basis_points INTEGER,
      amount INTEGER,
      currency TEXT,
      duration TEXT NOT NULL,
      duration_in_months INTEGER,
      max_redemptions INTEGER,
      redemptions_count INTEGER NOT NULL DEFAULT 0,
      starts_at TEXT,
      ends_at TEXT,
      metadata TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      modified_at TEXT,
      deleted_at TEXT
    )`,
    `CREATE UNIQUE INDEX discounts_code ON discounts (organization_id, code_lower) WHERE deleted_at IS NULL AND code_lower IS NOT NULL`,
    `CREATE TABLE discount_products (
      discount_id TEXT NOT NULL REFERENCES discounts(id),
      product_id TEXT NOT NULL REFERENCES products(id),
      PRIMARY KEY (discount_id, product_id)
    )`,
    `CREATE TABLE checkout_links (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      label TEXT,
      client_secret TEXT NOT NULL UNIQUE,
      allow_discount_codes INTEGER NOT NULL,
      discount_id TEXT REFERENCES discounts(id),
      metadata TEXT NOT NULL DEFAULT '{}',
      success_url TEXT,
      return_url TEXT,
      created_at TEXT NOT NULL,
      modified_at TEXT,
      deleted_at TEXT
    )`,
    `CREATE INDEX checkout_links_org ON checkout_links (organization_id, created_at)`,
    `CREATE TABLE checkout_link_products (
      checkout_link_id TEXT NOT NULL REFERENCES checkout_links(id),
      product_id TEXT NOT NULL REFERENCES products(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (checkout_link_id, product_id)
    )`,
    `CREATE TABLE checkout_sessions (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      -- Found through the id inside it (newSessionSecret): no random-key index to write per click.
      client_secret TEXT NOT NULL,
      checkout_link_id TEXT,
      status TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      product_id TEXT NOT NULL,
      product_ids TEXT NOT NULL,
      custom_amount INTEGER,
      customer_email TEXT,
      customer_name TEXT,
      custom_field_data TEXT NOT NULL DEFAULT '{}',
      metadata TEXT NOT NULL DEFAULT '{}',
      allow_discount_codes INTEGER NOT NULL,
      discount_id TEXT,
      success_url TEXT,
      return_url TEXT,
      embed_origin TEXT,
      prefill_dropped TEXT NOT NULL DEFAULT '[]',
      order_id TEXT,
      subscription_id TEXT,
      created_at TEXT NOT NULL,
      modified_at TEXT
    )`,
    `CREATE INDEX checkout_sessions_org ON checkout_sessions (organization_id, created_at)`,
    `CREATE INDEX checkout_sessions_expiry ON checkout_sessions (status, expires_at)`,
    `CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      checkout_id TEXT NOT NULL UNIQUE,
      product_id TEXT NOT NULL,
      product_price_id TEXT NOT NULL,
      product_name TEXT NOT NULL,
      customer_email TEXT NOT NULL,
      customer_name TEXT,
      amount INTEGER NOT NULL,
      discount_amount INTEGER NOT NULL,
      total_amount INTEGER NOT NULL,
      currency TEXT NOT NULL,
      discount_id TEXT,
      metadata TEXT NOT NULL,
      custom_field_data TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX orders_org ON orders (organization_id, created_at)`,
    `CREATE TABLE subscriptions (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      checkout_id TEXT NOT NULL UNIQUE,
      product_id TEXT NOT NULL,
      product_price_id TEXT NOT NULL,
      product_name TEXT NOT NULL,
      customer_email TEXT NOT NULL,
      customer_name TEXT,
      recurring_interval TEXT NOT NULL,
      amount INTEGER NOT NULL,
      discount_amount INTEGER NOT NULL,
      total_amount INTEGER NOT NULL,
      currency TEXT NOT NULL,
      discount_id TEXT,
      discount_ends_at TEXT,
      current_period_start TEXT NOT NULL,
      current_period_end TEXT NOT NULL,
      metadata TEXT NOT NULL,
      custom_field_data TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX subscriptions_org ON subscriptions (organization_id, created_at)`,
    `CREATE TABLE discount_redemptions (
      id TEXT PRIMARY KEY,
      discount_id TEXT NOT NULL REFERENCES discounts(id),
      checkout_id TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE rate_limits (
      bucket TEXT NOT NULL,
      window_start INTEGER NOT NULL,
      hits INTEGER NOT NULL,
      PRIMARY KEY (bucket, window_start)
    )`,
  ],
  [
    // A session is written on every link click, and each index is one more
    // B-tree insert (and dirty page per commit) on that path. Ids are UUIDv7,
    // in creation order, so the checkout list walks the primary key newest
    // first (listCheckouts) and needs no (organization_id, created_at) index.
    `DROP INDEX checkout_sessions_org`,
  ],
  [
    // A confirm attempt: its idempotency key at the processor, the lease after
    // which another process may settle it, and what it charges (so a crashed
    // attempt the processor did charge can still become its order).
    `ALTER TABLE checkout_sessions ADD COLUMN attempt_key TEXT`,
    `ALTER TABLE checkout_sessions ADD COLUMN attempt_lease_until TEXT`,
    `ALTER TABLE checkout_sessions ADD COLUMN attempt TEXT`,
    // Sessions confirmed by earlier versions have no key: the sweep settles them now.
    `UPDATE checkout_sessions SET attempt_lease_until = COALESCE(modified_at, created_at) WHERE status = 'confirmed'`,
    // Partial: the sweep finds leases to settle, and open sessions (the click path) pay nothing for it.
    `CREATE INDEX checkout_sessions_lease ON checkout_sessions (attempt_lease_until) WHERE status = 'confirmed'`,
    `CREATE TABLE test_processor_charges (
      idempotency_key TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      payment_id TEXT,
      amount INTEGER,
      currency TEXT,
      created_at TEXT NOT NULL
    )`,
  ],
  [
    // Token management lists when each token last authenticated (written at most once a minute).
    `ALTER TABLE access_tokens ADD COLUMN last_used_at TEXT`,
  ],
  [
    `CREATE TABLE webhook_endpoints (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id),
      url TEXT NOT NULL,
      events TEXT NOT NULL,
      secret TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      disabled_reason TEXT,
      created_at TEXT NOT NULL,
      modified_at TEXT
    )`,
    `CREATE INDEX webhook_endpoints_org ON webhook_endpoints (organization_id, created_at)`,
    // The durable outbox: an event is written in the transaction of the change
    // it reports, with one delivery per recipient (a webhook endpoint; later a
    // receipt email), which the dispatcher claims under a lease.
    `CREATE TABLE outbox_events (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE outbox_deliveries (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES outbox_events(id),
      organization_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      endpoint_id TEXT,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      lease_until TEXT,
      lease_owner TEXT,
      last_response_status INTEGER,
      last_error TEXT,
      last_duration_ms INTEGER,
      created_at TEXT NOT NULL,
      completed_at TEXT
    )`,
    // Partial: the claimer scans only what is due, however long the history.
    `CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE status = 'pending'`,
    `CREATE INDEX outbox_deliveries_endpoint ON outbox_deliveries (endpoint_id, created_at)`,
  ],
  [
    // An endpoint's deliveries go out in order: the claimer asks whether an earlier one is still pending.
    `CREATE INDEX outbox_deliveries_endpoint_pending ON outbox_deliveries (endpoint_id, created_at, id) WHERE status = 'pending'`,
  ],
  [
    // Receipts by email: where customers write for help (the receipt's reply-to) and where the merchant hears of each order.
    `ALTER TABLE organizations ADD COLUMN support_email TEXT`,
    `ALTER TABLE organizations ADD COLUMN notify_email TEXT`,
    // A mail delivery's address, and the order or subscription it is about (the Sales view's receipt status).
    `ALTER TABLE outbox_deliveries ADD COLUMN recipient TEXT`,
    `ALTER TABLE outbox_deliveries ADD COLUMN purchase_id TEXT`,
    `CREATE INDEX outbox_deliveries_purchase ON outbox_deliveries (purchase_id, created_at) WHERE purchase_id IS NOT NULL`,
  ],
  [
    // Link availability. `checkouts_claimed` counts the link's sessions that are
    // confirmed or succeeded: a confirm takes a slot with a conditional update
    // of the link's row (so a cap holds across processes), a declined or
    // interrupted attempt gives it back.
    `ALTER TABLE checkout_links ADD COLUMN active INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE checkout_links ADD COLUMN starts_at TEXT`,
    `ALTER TABLE checkout_links ADD COLUMN ends_at TEXT`,
    `ALTER TABLE checkout_links ADD COLUMN max_completed_checkouts INTEGER`,
    `ALTER TABLE checkout_links ADD COLUMN inactive_message TEXT`,
    `ALTER TABLE checkout_links ADD COLUMN checkouts_claimed INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE checkout_links ADD COLUMN checkouts_completed INTEGER NOT NULL DEFAULT 0`,
    `UPDATE checkout_links SET
       checkouts_claimed = (SELECT COUNT(*) FROM checkout_sessions s WHERE s.checkout_link_id = checkout_links.id AND s.status IN ('confirmed', 'succeeded')),
       checkouts_completed = (SELECT COUNT(*) FROM checkout_sessions s WHERE s.checkout_link_id = checkout_links.id AND s.status = 'succeeded')`,
  ],
  [
    // Link options: a trial, an adjustable quantity, a confirmation message, a billing address.
    `ALTER TABLE checkout_links ADD COLUMN trial_interval TEXT`,
    `ALTER TABLE checkout_links ADD COLUMN trial_interval_count INTEGER`,
    `ALTER TABLE checkout_links ADD COLUMN quantity_minimum INTEGER`,
    `ALTER TABLE checkout_links ADD COLUMN quantity_maximum INTEGER`,
    `ALTER TABLE checkout_links ADD COLUMN confirmation_message TEXT`,
    `ALTER TABLE checkout_links ADD COLUMN require_billing_address INTEGER NOT NULL DEFAULT 0`,
    // A session copies its link's options at the click (one JSON text: the click writes one more column, not five).
    `ALTER TABLE checkout_sessions ADD COLUMN link_options TEXT`,
    `ALTER TABLE checkout_sessions ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE checkout_sessions ADD COLUMN billing_address TEXT`,
    `ALTER TABLE orders ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE orders ADD COLUMN billing_address TEXT`,
    `ALTER TABLE subscriptions ADD COLUMN trial_end TEXT`,
    `ALTER TABLE subscriptions ADD COLUMN billing_address TEXT`,
  ],
  [
    // Link stats: what the sweep deleted, folded in the delete's own transaction (link-stats-rollups.ts),
    // per UTC day of the session's opening and per breakdown value ('' and '' for the day's total).
    `CREATE TABLE checkout_link_daily_sessions (
      checkout_link_id TEXT NOT NULL,
      day TEXT NOT NULL,
      dimension TEXT NOT NULL,
      value TEXT NOT NULL,
      sessions INTEGER NOT NULL,
      PRIMARY KEY (checkout_link_id, day, dimension, value)
    )`,
  ],
  [
    // The checkout's language when nothing about the customer names one (locale-negotiation.ts).
    `ALTER TABLE organizations ADD COLUMN default_locale TEXT`,
  ],
];

export async function migrate(db: Database): Promise<void> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = await db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  const current = row?.v ?? 0;
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    await db.transaction(async (tx) => {
      for (const statement of MIGRATIONS[version - 1] ?? []) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        version,
        new Date().toISOString(),
      ]);
    });
  }
}
