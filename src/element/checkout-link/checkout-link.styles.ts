import { css } from 'lit';

/**
 * A handsome default button that merchants restyle through custom properties
 * or `::part(button)`. `::slotted(a)` gives the no-JavaScript anchor of the
 * progressive-enhancement pattern the same look once the element upgrades;
 * page styles on that anchor still win (slotted rules are the weakest).
 * Written one rule per line: nothing minifies CSS inside `css```, and this
 * ships in a bundle with a byte budget.
 */
export const checkoutLinkStyles = css`
:host{display:inline-block}
:host([hidden]){display:none}
:host([mode=inline]){display:block}
a,::slotted(a){display:inline-flex;align-items:center;justify-content:center;gap:.5em;box-sizing:border-box;width:100%;padding:var(--checkout-link-padding,.75em 1.5em);border:var(--checkout-link-border,0);border-radius:var(--checkout-link-radius,.5em);background:var(--checkout-link-bg,#4f46e5);color:var(--checkout-link-color,#fff);font:var(--checkout-link-font,600 1rem/1.25 system-ui,sans-serif);text-decoration:none;cursor:pointer;box-shadow:var(--checkout-link-shadow,0 1px 2px rgb(0 0 0/.15));transition:filter .15s}
a:hover,::slotted(a:hover){filter:brightness(1.1)}
a:focus-visible,::slotted(a:focus-visible){outline:var(--checkout-link-focus-ring,3px solid #a5b4fc);outline-offset:2px}
:host([loading]) a{cursor:progress;opacity:.8}
`;
