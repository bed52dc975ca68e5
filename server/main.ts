import { loadConfig } from './config.ts';
import { flushLogs, logger } from './logger.ts';
import { startServer } from './start.ts';

const config = loadConfig();
const running = await startServer(config);
const { demo } = running;

const lines = [
  '',
  '  checkout-link is running',
  '',
  `  API and hosted checkout   ${running.url}   (storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`})`,
  `  Merchant dashboard        ${running.url}/dashboard`,
];
if (running.demoUrl) lines.push(`  Demo merchant site        ${running.demoUrl}`);
if (demo?.linkUrl) lines.push(`  "Launch offer" link       ${demo.linkUrl}`);
if (demo?.token)
  lines.push(
    `  Demo API token            ${demo.token}${demo.created && !config.demoApiToken ? '   (shown once: only its hash is stored)' : ''}`,
  );
else if (demo)
  lines.push('  Demo API token            shown on the first start only; `npm run token` issues a new one');
lines.push(
  `  Receipt emails            ${
    config.mail.smtpUrl
      ? `sent through ${new URL(config.mail.smtpUrl).host}`
      : `saved as .eml files in ${config.mail.outboxDir} (set SMTP_URL to send them)`
  }`,
);
lines.push(`  API reference             ${running.url}/v1/openapi.json`, '');
console.log(lines.join('\n'));

// SIGTERM (a deploy, `docker stop`, systemd): stop accepting, let requests in
// flight finish up to SHUTDOWN_TIMEOUT_SECONDS, close storage, then exit.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeout_ms: config.shutdownTimeoutMs }, 'shutting down');
    running
      .close()
      .then(
        () => logger.info('stopped'),
        (err) => {
          logger.error({ err }, 'shutdown failed');
          process.exitCode = 1;
        },
      )
      .finally(() => flushLogs().then(() => process.exit()));
  });
