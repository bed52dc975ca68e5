import { ContextProvider } from '@lit/context';
import { css, ReactiveElement } from '@lit/reactive-element';
import type { Prefill } from '../../shared/prefill-params.ts';
import { defineElement } from '../define.ts';
import { type CheckoutLinkMode, type CheckoutLinkTheme, checkoutLinkContext } from './context.ts';

/**
 * Shares defaults with every `<checkout-link>` inside it, however deep
 * (through shadow roots too), so a pricing table states its theme, mode,
 * backend and prefill once. A child's own attributes always win.
 *
 * @tagname checkout-link-provider
 * @summary Shares theme, mode, backend origin and prefill defaults with the `<checkout-link>`s inside it.
 *
 * @slot - Any content; `<checkout-link>`s inside it take its defaults.
 */
// Lit's ReactiveElement: it renders only a slot, so it needs no template engine.
export class CheckoutLinkProviderElement extends ReactiveElement {
  // `contents`: the provider adds no box, so grids and flex layouts of cards are untouched.
  static override styles = css`:host{display:contents}`;

  static override properties = { theme: {}, mode: {}, backend: {}, prefill: { attribute: false } };

  /** Default colour scheme of the checkout page: `light`, `dark` or `auto`. */
  declare theme?: CheckoutLinkTheme;
  /** Default mode: `overlay`, `redirect` or `inline`. */
  declare mode?: CheckoutLinkMode;
  /** Backend origin (`https://pay.example.com`), so children may write `link="<client_secret>"`. */
  declare backend?: string;
  /** Default prefill for every child (custom fields under `custom_field_data`). */
  declare prefill?: Prefill;

  /**
   * The provider shares itself: its properties are the defaults, read when a
   * child renders. After each change it tells the children again (forced: the
   * value is the same object) so they re-render.
   */
  #provider = new ContextProvider(this, { context: checkoutLinkContext, initialValue: this });

  protected override willUpdate() {
    this.#provider.setValue(this, true);
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.append(document.createElement('slot'));
    return root;
  }
}

defineElement('checkout-link-provider', CheckoutLinkProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-link-provider': CheckoutLinkProviderElement;
  }
}
