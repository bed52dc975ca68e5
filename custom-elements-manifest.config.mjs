/**
 * `npm run manifest` → `custom-elements.json`: the elements' API read from
 * their class JSDoc (`@summary`, `@slot`, `@event`, `@csspart`,
 * `@cssproperty`) and their `static properties`. The README's API tables
 * are generated from it (`npm run docs:api`).
 */
export default {
  globs: ['src/element/**/*.ts'],
  exclude: ['src/element/**/*.styles.ts', 'src/element/define.ts', 'src/element/bundle.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names it ("customElements"); the analyzer must not rewrite that shared file.
  packagejson: false,
};
