/**
 * The installed `checkout-link-server` package's entry, compiled to
 * dist/bin.js at pack time: the browser bundles and the demo site were
 * copied beside it, so it points ASSETS_DIR and DEMO_DIR there unless set.
 */
import { fileURLToPath } from 'node:url';

process.env.ASSETS_DIR ??= fileURLToPath(new URL('./public', import.meta.url));
process.env.DEMO_DIR ??= fileURLToPath(new URL('./demo', import.meta.url));
await import('./cli/main.ts');
