/**
 * `npm run manifest` → `custom-elements.json`: the elements' API read from
 * their class JSDoc (`@summary`, `@slot`, `@event`, `@csspart`,
 * `@cssproperty`) and their `static properties`. The README's API tables
 * are generated from it (`npm run docs:api`).
 */

/** Literal-union aliases (`CheckoutLinkMode`) by name, filled while the sources are read. */
const unions = new Map();

/**
 * Tools reading the manifest (IDEs, Storybook, framework type generators) see
 * `'overlay' | 'redirect' | 'inline'`, not an alias name they cannot resolve,
 * and module paths of the package's own files (`dist/esm/…js`), not sources it does not ship.
 */
const forPackage = {
  name: 'checkout-link-for-package',
  analyzePhase({ ts, node }) {
    if (
      ts.isTypeAliasDeclaration(node) &&
      ts.isUnionTypeNode(node.type) &&
      node.type.types.every((t) => ts.isLiteralTypeNode(t))
    )
      unions.set(node.name.text, node.type.getText());
  },
  packageLinkPhase({ customElementsManifest }) {
    const walk = (value) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof v === 'string' && /^\/?src\/.*\.ts$/.test(v))
          value[key] = v.replace(/^\/?src\//, 'dist/esm/').replace(/\.ts$/, '.js');
        else if (key === 'text' && typeof v === 'string')
          value[key] = v.replace(/\b[A-Z]\w*\b/g, (name) => (unions.has(name) ? unions.get(name) : name));
        else walk(v);
      }
    };
    walk(customElementsManifest.modules);
  },
};

export default {
  globs: ['src/element/**/*.ts'],
  exclude: [
    'src/element/**/*.styles.ts',
    'src/element/define.ts',
    'src/element/bundle.ts',
    // Types only: no module of that name in the package.
    'src/element/checkout-link/attributes.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json already names it ("customElements"); the analyzer must not rewrite that shared file.
  packagejson: false,
  plugins: [forPackage],
};
