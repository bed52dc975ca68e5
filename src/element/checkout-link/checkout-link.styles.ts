import { css } from '@lit/reactive-element';

/**
 * A plain default button that merchants restyle through custom properties
 * or `::part(button)`. The merchant's own anchor (the no-JavaScript pattern)
 * is left as the merchant styled it, so the page looks the same with or
 * without JavaScript. Written compactly: nothing minifies CSS inside `css```
 * and this ships in a bundle with a byte budget.
 */
export const checkoutLinkStyles = css`:host{display:inline-block}:host([hidden]){display:none}:host([mode=inline]){display:block}a{display:block;padding:var(--checkout-link-padding,.75em 1.5em);border-radius:var(--checkout-link-radius,.5em);background:var(--checkout-link-bg,#4f46e5);color:var(--checkout-link-color,#fff);font:var(--checkout-link-font,600 1rem/1.25 system-ui,sans-serif);text-align:center;text-decoration:none}a:focus-visible{outline:var(--checkout-link-focus-ring,3px solid #a5b4fc);outline-offset:2px}:host([loading]) a{cursor:progress;opacity:.8}`;
