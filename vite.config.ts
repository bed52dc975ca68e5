import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, one mode per output (`vite build --mode <target>`);
 * `scripts/build.mjs` builds them all into `dist/`.
 *
 * - `embed`: the script-tag snippet, an IIFE with everything inlined.
 * - `element`: `<checkout-link>` with Lit bundled, for script tags and CDNs.
 * - `esm`: the element for bundler users, Lit left as a dependency.
 * - `checkout-page`, `dashboard`: the pages the backend serves.
 */
const targets: Record<string, UserConfig['build']> = {
  embed: {
    lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'CheckoutLinkEmbed', fileName: () => 'embed.js' },
    emptyOutDir: false,
    target: 'es2022',
  },
  element: {
    lib: { entry: 'src/element/bundle.ts', formats: ['es'], fileName: () => 'checkout-link.js' },
    emptyOutDir: false,
    target: 'es2022',
    // Vite keeps whitespace in ES library builds (for bundlers downstream); this bundle ships to browsers as is.
    rolldownOptions: { output: { minify: true } },
  },
  esm: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    outDir: 'dist/esm',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    rolldownOptions: { external: [/^lit(\/.*)?$/, /^@lit\/context(\/.*)?$/] },
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
    // Vite keeps whitespace in ES library output; this page is served as is, on a 40 kB budget.
    minify: true,
    rolldownOptions: { output: { minify: true } },
  },
  dashboard: {
    lib: { entry: 'src/dashboard/main.ts', formats: ['es'], fileName: () => 'dashboard.js', cssFileName: 'dashboard' },
    outDir: 'dist/pages',
    emptyOutDir: false,
    target: 'es2021',
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
