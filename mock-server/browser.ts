import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.ts';

/** The mocked backend in a browser (browser tests, the demo's no-backend mode). */
export const worker = setupWorker(...handlers);

/** Starts the worker quietly; unhandled requests fail only on the API paths. */
export const startWorker = () =>
  worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/v1/')) print.error();
    },
  });
