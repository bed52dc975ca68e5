import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadResult, load } from './lib/load.ts';
import { fmtBytes, fmtMs, fmtRps, pct, type Row } from './lib/report.ts';
import { spawnServer } from './lib/spawn-server.ts';

interface OurInfo {
  url: string;
  linkUrl: string;
  linkSecret: string;
  dataDir: string;
}

const SECTION = 'Backend (50 connections, loopback)';
/** The demo organization's token, as bench/servers/our-server.ts seeds it. */
const BENCH_TOKEN = 'bench_token_0123456789abcdef';

/** Creates `n` sessions through the widget endpoint and answers their client secrets. */
async function createSessions(info: OurInfo, n: number): Promise<string[]> {
  const secrets: string[] = [];
  const url = info.linkUrl.replace('/redirect', '/sessions');
  for (let i = 0; i < n; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, n - i) }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customer_email: 'bench@example.com' }),
        }).then((r) => r.json() as Promise<{ client_secret: string }>),
      ),
    );
    secrets.push(...batch.map((b) => b.client_secret));
  }
  return secrets;
}

/** Deliveries of the demo organization (in `status`, if given), through the management API. */
async function deliveryCount(info: OurInfo, status?: string): Promise<number> {
  const res = await fetch(`${info.url}/v1/webhooks/deliveries?limit=1${status ? `&status=${status}` : ''}`, {
    headers: { authorization: `Bearer ${BENCH_TOKEN}` },
  });
  return ((await res.json()) as { pagination: { total_count: number } }).pagination.total_count;
}

/**
 * The link redirect on a server where an endpoint subscribes to
 * `checkout.created`: each click also writes its event to the outbox in the
 * session's transaction, and the dispatcher delivers them meanwhile to a
 * receiver in its own process. Its own server, so the backlog left behind
 * does not weigh on the rows measured after it.
 */
async function redirectWithSubscriber(duration: number, referenceRps: number, plainRps: number): Promise<Row> {
  const receiver = await spawnServer<{ url: string }>('bench/servers/webhook-receiver.ts');
  const ours = await spawnServer<OurInfo>('bench/servers/our-server.ts', {
    WEBHOOK_RECEIVER_URL: receiver.info.url,
    WEBHOOK_ALLOW_PRIVATE: '1',
  });
  try {
    await load({ url: ours.info.linkUrl, duration: 1 });
    const queuedBefore = await deliveryCount(ours.info);
    const deliveredBefore = await deliveryCount(ours.info, 'succeeded');
    const redirect = await load({ url: ours.info.linkUrl, duration });
    const queued = (await deliveryCount(ours.info)) - queuedBefore;
    const delivered = (await deliveryCount(ours.info, 'succeeded')) - deliveredBefore;
    const ratio = redirect.rps / referenceRps;
    return {
      section: SECTION,
      what:
        `link redirect with a checkout.created subscriber (${redirect.statuses['307'] ?? 0} × 307, ` +
        `${queued} events queued, ${delivered} delivered meanwhile; ${pct(redirect.rps, plainRps)} of the redirect without one)`,
      value: `${fmtRps(redirect.rps)}, p50 ${fmtMs(redirect.p50)}, p99 ${fmtMs(redirect.p99)}`,
      reference: fmtRps(referenceRps),
      ratio: pct(redirect.rps, referenceRps),
      budget: '≥ 40 %, p99 < 25 ms',
      pass:
        ratio >= 0.4 && redirect.p99 < 25 && redirect.errors === 0 && Object.keys(redirect.statuses).join() === '307',
    };
  } finally {
    await ours.stop();
    await receiver.stop();
  }
}

interface Budget {
  reference: LoadResult;
  /** The least share of the reference's rate. */
  share: number;
  /** p99 under this many ms. */
  p99: number;
  /** The only status every answer must have. */
  status: string;
}

/** A measured endpoint beside bare node:http in the same run, with its budget. */
function budgetRow(what: string, r: LoadResult, b: Budget): Row {
  return {
    section: SECTION,
    what,
    value: `${fmtRps(r.rps)}, p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)}, p99.9 ${fmtMs(r.p999)}`,
    reference: `bare node:http ${fmtRps(b.reference.rps)}`,
    ratio: pct(r.rps, b.reference.rps),
    budget: `≥ ${b.share * 100} %, p99 < ${b.p99} ms`,
    pass:
      r.rps / b.reference.rps >= b.share &&
      r.p99 < b.p99 &&
      r.errors === 0 &&
      Object.keys(r.statuses).join() === b.status,
  };
}

/** The widget endpoint under load: one address, under a limit set high (RATE_LIMIT_PER_MINUTE), not off. */
const loadSessions = (info: OurInfo, duration: number) =>
  load({
    url: info.linkUrl.replace('/redirect', '/sessions'),
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_email: 'bench@example.com', utm_source: 'bench' }),
  });

/** Confirms, each paying a session of its own created beforehand: the order path, not the idempotent replay. */
async function loadConfirms(info: OurInfo, duration: number, expectedRps: number) {
  const secrets = await createSessions(info, Math.max(2000, Math.round(expectedRps * duration * 0.6)));
  let next = 0;
  const result = await load({
    url: info.url,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: any) => ({
      ...req,
      path: `/v1/checkouts/client/${secrets[next++ % secrets.length]}/confirm`,
      body: JSON.stringify({ card_number: '4242424242424242' }),
    }),
  });
  return { ...result, replayed: Math.max(0, next - secrets.length) };
}

/**
 * The redirect, the widget endpoint and confirm under 30 s of sustained load
 * each, on a server of their own: long enough for the WAL to need several
 * checkpoints, which must not stall the event loop (p99.9).
 */
export async function sustainedRows(duration: number): Promise<Row[]> {
  const bare = await spawnServer<{ url: string }>('bench/servers/bare-redirect.ts');
  const ours = await spawnServer<OurInfo>('bench/servers/our-server.ts');
  const section = `Sustained load (${duration} s each, 50 connections, loopback)`;
  try {
    await load({ url: bare.info.url, duration: 1 });
    await load({ url: ours.info.linkUrl, duration: 1 });
    const reference = await load({ url: bare.info.url, duration: Math.min(duration, 10) });
    const redirect = await load({ url: ours.info.linkUrl, duration });
    const sessions = await loadSessions(ours.info, duration);
    const confirm = await loadConfirms(ours.info, duration, sessions.rps / 3);
    const row = (what: string, r: LoadResult, extra = ''): Row => ({
      section,
      what: `${what}: p99.9 (${r.requests.toLocaleString('en-US')} requests${extra})`,
      value: `p99.9 ${fmtMs(r.p999)} (p99 ${fmtMs(r.p99)}, ${fmtRps(r.rps)})`,
      reference: `bare node:http p99.9 ${fmtMs(reference.p999)}`,
      budget: 'p99.9 < 25 ms',
      pass: r.p999 < 25 && r.errors === 0,
    });
    return [
      row('link redirect', redirect),
      row('POST …/sessions', sessions),
      row('POST …/confirm', confirm, confirm.replayed ? `, ${confirm.replayed} replays of a paid session` : ''),
    ];
  } finally {
    await bare.stop();
    await ours.stop();
  }
}

export async function benchBackend(duration: number): Promise<Row[]> {
  const rows: Row[] = [];
  const bare = await spawnServer<{ url: string }>('bench/servers/bare-redirect.ts');
  const ours = await spawnServer<OurInfo>('bench/servers/our-server.ts');
  try {
    // Warm both (JIT, statement cache) before measuring.
    await load({ url: bare.info.url, duration: 1 });
    await load({ url: ours.info.linkUrl, duration: 1 });
    const reference = await load({ url: bare.info.url, duration });
    const redirect = await load({ url: ours.info.linkUrl, duration });
    const ratio = redirect.rps / reference.rps;
    rows.push({
      section: SECTION,
      what: 'bare node:http answering a 307 (reference)',
      value: `${fmtRps(reference.rps)}, p99 ${fmtMs(reference.p99)}`,
    });
    rows.push({
      section: SECTION,
      what: `link redirect, a durable session per request, no webhook subscriber (${redirect.statuses['307'] ?? 0} × 307)`,
      value: `${fmtRps(redirect.rps)}, p50 ${fmtMs(redirect.p50)}, p99 ${fmtMs(redirect.p99)}`,
      reference: fmtRps(reference.rps),
      ratio: pct(redirect.rps, reference.rps),
      budget: '≥ 40 %, p99 < 25 ms',
      pass:
        ratio >= 0.4 && redirect.p99 < 25 && redirect.errors === 0 && Object.keys(redirect.statuses).join() === '307',
    });
    rows.push(await redirectWithSubscriber(duration, reference.rps, redirect.rps));

    const sessions = await loadSessions(ours.info, duration);
    rows.push(
      budgetRow(
        `POST …/sessions (widget endpoint, rate limit in force, ${sessions.statuses['201'] ?? 0} × 201)`,
        sessions,
        {
          reference,
          share: 0.4,
          p99: 25,
          status: '201',
        },
      ),
    );
    const confirm = await loadConfirms(ours.info, duration, sessions.rps);
    rows.push(
      budgetRow(
        `POST …/confirm (order + payment, a fresh session each, ${confirm.statuses['200'] ?? 0} × 200)`,
        confirm,
        {
          reference,
          share: 0.1,
          p99: 50,
          status: '200',
        },
      ),
    );
    rows.push({
      section: SECTION,
      what: 'peak memory of the server process (RSS high-water mark)',
      value: fmtBytes(ours.peakMemory()),
    });
    const db = join(ours.info.dataDir, 'checkout-link.sqlite');
    rows.push({ section: SECTION, what: 'database file after the run', value: fmtBytes(statSync(db).size) });
  } finally {
    await bare.stop();
    await ours.stop();
  }
  return rows;
}
