import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** p99.9: a stall of the event loop (a checkpoint) shows here first. */
  p999: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
}

/**
 * autocannon on loopback from this process (the server runs in its own).
 * `requests` lets each request differ (a confirm needs its own session).
 */
export async function load(options: {
  url: string;
  connections?: number;
  duration: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: any) => any;
}): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.duration,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.headers,
    requests: options.setupRequest ? [{ setupRequest: options.setupRequest }] : undefined,
  });
  instance.on('response', (_client: unknown, statusCode: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result: any = await instance;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    statuses,
  };
}
