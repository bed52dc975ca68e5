/**
 * Entry of the hosted checkout page (`dist/pages/checkout.js` and
 * `checkout.css`): the stylesheet, and the `<checkout-page>` element the
 * server's HTML shell already holds.
 */
import './checkout-page.css';
import './checkout-page.ts';
