import { load } from './lib/load.ts';
import { fmtBytes, fmtMs, fmtRps, pct, type Row } from './lib/report.ts';
import { spawnServer } from './lib/spawn-server.ts';

const SECTION = 'Growth';

interface Info {
  url: string;
  linkUrl: string;
  dataDir: string;
}

/** Redirect throughput must not fall as storage grows; the sweep must shrink it back. */
export async function benchGrowth(duration: number, sessions: number): Promise<Row[]> {
  const rows: Row[] = [];
  const measure = async (env: Record<string, string>) => {
    const server = await spawnServer<Info>('bench/servers/our-server.ts', env);
    try {
      await load({ url: server.info.linkUrl, duration: 1 });
      return await load({ url: server.info.linkUrl, duration });
    } finally {
      await server.stop();
    }
  };
  const small = await measure({ FILL_SESSIONS: '10' });
  const large = await measure({ FILL_SESSIONS: String(sessions), FILL_LINKS: '1000' });
  rows.push({
    section: SECTION,
    what: 'link redirect with 10 sessions stored',
    value: `${fmtRps(small.rps)}, p99 ${fmtMs(small.p99)}`,
  });
  rows.push({
    section: SECTION,
    what: `link redirect with ${sessions.toLocaleString('en-US')} sessions and 1,000 links stored`,
    value: `${fmtRps(large.rps)}, p99 ${fmtMs(large.p99)}`,
    reference: fmtRps(small.rps),
    ratio: pct(large.rps, small.rps),
    budget: 'does not fall (≥ 80 %, noise allowed)',
    pass: large.rps >= small.rps * 0.8,
  });

  // The sweep, in the server's own process, over abandoned sessions expired long ago.
  const server = await spawnServer<
    Info & { sweep: { ms: number; expired: number; deleted: number; before: number; after: number } }
  >('bench/servers/our-server.ts', { FILL_SESSIONS: String(sessions), FILL_EXPIRED: '1', RUN_SWEEP: '1' });
  await server.stop();
  const { ms, expired, deleted, before, after } = server.info.sweep;
  rows.push({
    section: SECTION,
    what: `sweep of ${sessions.toLocaleString('en-US')} abandoned sessions (${expired.toLocaleString('en-US')} marked expired, ${deleted.toLocaleString('en-US')} deleted)`,
    value: `${fmtMs(ms)}; file ${fmtBytes(before)} → ${fmtBytes(after)}`,
    budget: 'storage shrinks',
    pass: after < before && deleted === sessions,
  });
  return rows;
}
