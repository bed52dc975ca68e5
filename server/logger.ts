import pino from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON line per event on stdout (pino), for a log collector to read.
 * Writes are asynchronous: a line per request must not hold up the request
 * (the link redirect's budget); `flushLogs` runs before the process exits.
 */
export const logger = pino(
  {
    level: 'info',
    base: { service: 'checkout-link' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ dest: 1, sync: false }),
);

/** LOG_LEVEL, applied by each start (tests run silent). */
export function setLogLevel(level: LogLevel) {
  logger.level = level;
}

export function flushLogs(): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
