/**
 * The script-tag / CDN entry: `<script type="module" src="…/checkout-link.js">`
 * registers `<checkout-link-provider>` and `<checkout-link>` (Lit bundled).
 * Each module guards its `customElements.define`, so loading this next to
 * the npm package, or twice, does no harm.
 *
 * The provider is defined first on purpose: defining an element upgrades
 * every instance already in the page, and a `<checkout-link>` that asks for
 * its context before any provider listens would never get it.
 */
import './provider/checkout-link-provider.ts';
import './checkout-link/checkout-link.ts';
