import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium.mjs';

/**
 * Backend on 3410, demo site on 3411: fixed, free, and not Vite's 4173.
 * `E2E_PORT` moves both (demo = port + 1) so two runs can share a machine.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3410);
export const E2E_DEMO_PORT = E2E_PORT + 1;
export const E2E_TOKEN = 'e2e_demo_token_0123456789abcdef';

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `rm -rf .tmp/e2e-data-${E2E_PORT} && node --import tsx server/main.ts`,
    url: `http://localhost:${E2E_PORT}/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    env: {
      PORT: String(E2E_PORT),
      DEMO_PORT: String(E2E_DEMO_PORT),
      DATA_DIR: `.tmp/e2e-data-${E2E_PORT}`,
      DEMO_API_TOKEN: E2E_TOKEN,
      RATE_LIMIT_PER_MINUTE: '1000',
      // A failing receiver's retries come due at once: an endpoint can fail its 10 deliveries in a test.
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '0',
    },
  },
});
