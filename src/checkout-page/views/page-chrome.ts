import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { t, tParts } from '../strings.ts';

/** A full page's header: a way back to the merchant, and whom the customer is buying from. */
export function renderTopbar(c: CheckoutPublic) {
  return html`<header class="topbar">
      ${c.return_url ? html`<a class="back" href=${c.return_url}><span class="arrow" aria-hidden="true">←</span> ${t('back')}</a>` : nothing}
      <span class="brand"><span class="avatar" aria-hidden="true">${c.organization.name.trim().charAt(0)}</span>${c.organization.name}</span>
    </header>`;
}

/** Framed, the page's own close button (the parent has none); disabled while a payment runs. */
export function renderCloseButton(disabled: boolean, onClose: () => void) {
  return html`<button type="button" class="close" ?disabled=${disabled} @click=${onClose}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
      <span class="sr-only">${t('closeCheckout')}</span>
    </button>`;
}

/** A full page's footer: whose checkout this is, and the language switcher. */
export const renderFooter = (switcher: TemplateResult) =>
  html`<footer class="footer"><span>${tParts('secureBy', { brand: html`<strong>checkout-link</strong>` })}</span>${switcher}</footer>`;

/** No session in the page (the inline JSON is missing or unreadable). */
export const renderNotLoaded = () =>
  html`<main class="page"><section class="outcome"><h1>${t('notLoadedTitle')}</h1>
        <p class="lead">${t('notLoadedBody')}</p></section></main>`;
