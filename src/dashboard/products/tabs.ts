import { html } from 'lit';
import { href } from '../app/route.ts';

/** The Products section's two tabs: its products and their Checkout Links. */
export function productsTabs(active: 'products' | 'links') {
  return html`<nav class="tabs" aria-label="Products section">
    <a href=${href('products')} aria-current=${active === 'products' ? 'page' : 'false'}>Products</a>
    <a href=${href('links')} aria-current=${active === 'links' ? 'page' : 'false'}>Checkout Links</a>
  </nav>`;
}
