import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** The mocked backend in Node (contract test, Node tests of browser code). */
export const server = setupServer(...handlers);
