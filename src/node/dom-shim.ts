/**
 * What Lit's browser build needs to load in Node: a bundler or runtime
 * resolving with the `browser` condition in a server render picks it over
 * Lit's own Node build, whose shim this is. Imported before the elements by
 * the package's `node` entries only, so browsers never download it.
 */
import * as shim from '@lit-labs/ssr-dom-shim';

// Not ShadowRoot: Lit would then take Node for a browser with constructable stylesheets.
const globals = globalThis as Record<string, unknown>;
for (const name of ['HTMLElement', 'CSSStyleSheet', 'customElements'] as const) globals[name] ??= shim[name];
