import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS } from './test/helpers/chromium.mjs';

/** Element and snippet tests in Debian's headless Chromium; MSW answers the backend's API. */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  middleware: [
    // MSW's worker must be served from the root scope.
    function mswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    }),
  ],
};
