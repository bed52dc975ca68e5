import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, one mode per output (`vite build --mode <target>`);
 * `scripts/build.mjs` builds them all into `dist/`.
 *
 * - `embed`: the script-tag snippet, an IIFE with everything inlined but the frame runtime.
 * - `embed-frame`: that runtime (`src/widget/frame.ts`), the module the snippet imports on intent.
 * - `element`: `<checkout-link>` with Lit bundled, for script tags and CDNs.
 * - `esm`: the element for bundler users, Lit left as a dependency.
 * - `checkout-page`, `dashboard`: the pages the backend serves.
 */
/** The frame runtime's module, imported dynamically by `src/widget/session.ts`. */
const FRAME = /\/widget\/frame\.ts$|^\.\/frame\.ts$/;

const targets: Record<string, UserConfig['build']> = {
  embed: {
    lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'CheckoutLinkEmbed', fileName: () => 'embed.js' },
    emptyOutDir: false,
    target: 'es2022',
    // Terser after Rolldown's minifier, as for the element: bytes off the snippet's 2,500 B gzip budget.
    // The frame runtime stays out (the snippet imports it by its full URL, see `setFrameLoader` in
    // src/embed/embed.ts), so the snippet carries only what works with the backend down or slow.
    rolldownOptions: {
      external: FRAME,
      output: { minify: true, comments: false, paths: (id) => (FRAME.test(id) ? './embed-frame.js' : id) },
    },
    minify: 'terser',
    // hoist_funs: the snippet's function declarations lifted to their scope's top compress 13 B better.
    terserOptions: { compress: { passes: 3, unsafe_arrows: true, hoist_funs: true }, format: { comments: false } },
  },
  'embed-frame': {
    lib: { entry: 'src/widget/frame.ts', formats: ['es'], fileName: () => 'embed-frame.js' },
    emptyOutDir: false,
    target: 'es2022',
    rolldownOptions: { output: { minify: true, comments: false } },
    minify: 'terser',
    // hoist_funs as for the snippet: 12 B gzip less here.
    terserOptions: {
      module: true,
      compress: { passes: 3, unsafe_arrows: true, hoist_funs: true },
      format: { comments: false },
    },
  },
  element: {
    lib: { entry: 'src/element/bundle.ts', formats: ['es'], fileName: () => 'checkout-link.js' },
    emptyOutDir: false,
    target: 'es2022',
    // Both minifiers run: Rolldown's (Vite keeps whitespace in ES library builds otherwise) and Terser;
    // together ~100 B gzip smaller than either alone here, and the budget (9,000 B with Lit) is tight.
    // No comments: the `@__PURE__` annotations are spent once minified.
    // One file: the frame runtime is inlined, not a chunk.
    rolldownOptions: { output: { minify: true, comments: false, codeSplitting: false } },
    minify: 'terser',
    terserOptions: {
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
      // @lit/context's own members. None is part of the context protocol between bundles (that is
      // the request event's `context`, `contextTarget`, `callback`, `subscribe`), and this bundle exports nothing.
      mangle: {
        properties: {
          regex:
            /^(subscriptions|updateObservers|onContextRequest|onProviderRequest|attachListeners|consumerHost|disposer|provided|unsubscribe|dispatchRequest|clearCallbacks|addCallback)$/,
        },
      },
    },
  },
  // One file per source module beside tsc's `.d.ts` (the manifest's module paths exist), Lit and
  // React left to the app; @lit/react (1 kB) is bundled, or its @types/react peer would land in every app.
  esm: {
    lib: {
      entry: {
        index: 'src/index.ts',
        react: 'src/react.ts',
        vue: 'src/vue.ts',
        svelte: 'src/svelte.ts',
        // The `node` entries themselves (`import './dom-shim.js'` first) are written by scripts/package-esm.mjs:
        // Rolldown drops a side-effect import ahead of `export *` here.
        'node/dom-shim': 'src/node/dom-shim.ts',
      },
      formats: ['es'],
    },
    outDir: 'dist/esm',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    rolldownOptions: {
      external: [/^lit(\/.*)?$/, /^@lit(-labs)?\/(context|reactive-element|ssr-dom-shim)(\/.*)?$/, /^react(\/.*)?$/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: (chunk) =>
          chunk.name.includes('node_modules') ? `vendor/${chunk.name.replace(/.*node_modules\//, '')}.js` : '[name].js',
      },
    },
  },
  'checkout-page': {
    lib: {
      entry: 'src/checkout-page/main.ts',
      formats: ['es'],
      fileName: () => 'checkout.js',
      cssFileName: 'checkout',
    },
    outDir: 'dist/pages',
    emptyOutDir: false,
    target: 'es2021',
    // Browsers with logical properties (margin-inline-start…, which mirror the page for Arabic): no
    // per-language `:lang()` fallbacks, which made the stylesheet 3 kB longer.
    cssTarget: ['chrome89', 'edge89', 'firefox89', 'safari15'],
    // Vite keeps whitespace in ES library output; this page is served as is, on a 21 kB budget.
    minify: true,
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'checkout-[name]-[hash].js',
        // As the dashboard: whatever the first render runs in one content-hashed chunk, which the
        // lazy views (lazy-views.ts) import from and the page and the warm-up preload beside checkout.js.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  // The demo's no-backend mode: the MSW worker and the same handlers the browser tests use,
  // and the mock checkout page it frames (npm run demo:mock).
  'demo-mock': {
    lib: {
      entry: { start: 'mock-server/start-demo.ts', checkout: 'demo/mock/checkout.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist/mock',
    emptyOutDir: false,
    target: 'es2022',
  },
  dashboard: {
    lib: { entry: 'src/dashboard/main.ts', formats: ['es'], fileName: () => 'dashboard.js', cssFileName: 'dashboard' },
    outDir: 'dist/pages',
    emptyOutDir: false,
    target: 'es2021',
    // As for the checkout page: ES library output keeps its whitespace unless minified here too.
    minify: true,
    rolldownOptions: {
      output: {
        minify: true,
        // Everything the first load runs in one chunk (a content-hashed name the lazy chunks import
        // from), instead of Rolldown's split of what they share with it into more chunks to fetch.
        codeSplitting: { groups: [{ name: 'dashboard-app', tags: ['$initial'] }] },
      },
    },
  },
};

export const BUILD_TARGETS = Object.keys(targets);

export default defineConfig(({ mode }) => {
  const build = targets[mode];
  if (!build) throw new Error(`Unknown build target "${mode}". Use one of: ${BUILD_TARGETS.join(', ')}`);
  return {
    publicDir: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir: 'dist', copyPublicDir: false, reportCompressedSize: false, sourcemap: false, ...build },
  };
});
