import { html, nothing } from 'lit';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { formatMoney, intervalSuffix } from '../money.ts';
import { times } from '../option-strings.ts';
import { t, tParts } from '../strings.ts';
import { afterTrial, trialEndDate } from './trial-terms.ts';

// Only the end states start again: the restart travels in their chunk.
export { restartUrl, startAgainEmbedded } from '../restart.ts';
// Only the processing state follows a payment's stream.
export { followStatus } from '../status-stream.ts';

const checkIcon = html`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
  <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const clockIcon = html`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/>
  <path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
const alertIcon = html`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
  <path d="M12 4l9 16H3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
  <path d="M12 10v4M12 17v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/** A back link to the merchant's site, when the link names one. */
const backLink = (c: CheckoutPublic) =>
  c.return_url
    ? html`<a class="button secondary" href=${c.return_url}>${t('backTo', { name: c.organization.name })}</a>`
    : nothing;

/**
 * The confirmation: what was bought, what was paid, and the order or
 * subscription reference; where the receipt is emailed only when one really
 * is (the server has a mail server to send through). With a success URL the page is about to leave;
 * the link is there in case the redirect is blocked (or the parent frame
 * handles it). The link's confirmation message, where it has no success
 * URL, is shown as the merchant wrote it, as text (line breaks kept).
 */
export function renderSuccess(c: CheckoutPublic, redirectTo: string | null) {
  const subscription = Boolean(c.subscription_id);
  const reference = c.subscription_id ?? c.order_id;
  const trial = c.trial;
  return html`<section class="outcome success" aria-labelledby="outcome-title">
    <div class="outcome-icon">${checkIcon}</div>
    <h1 id="outcome-title" tabindex="-1">${t(subscription ? 'subscribed' : 'thanks')}</h1>
    <p class="lead">
      ${
        trial
          ? t('trialStarted', { date: trialEndDate(trial), price: afterTrial(c, trial) })
          : t(c.total_amount > 0 ? (subscription ? 'subscriptionActive' : 'paymentDone') : 'orderComplete')
      }
    </p>
    ${
      c.confirmation_message && !c.success_url
        ? html`<p class="lead confirmation-message" data-confirmation-message>${c.confirmation_message}</p>`
        : nothing
    }
    ${
      c.receipt_email
        ? html`<p class="lead" data-receipt-email>${tParts('receiptOnWay', { email: html`<strong>${c.receipt_email}</strong>` })}</p>`
        : nothing
    }
    <dl class="receipt">
      <div class="line"><dt>${times(c.product.name, c.quantity)}</dt><dd>${
        trial ? afterTrial(c, trial) : html`${formatMoney(c.amount, c.currency)}${intervalSuffix(c.product)}`
      }</dd></div>
      ${
        c.discount_amount > 0
          ? html`<div class="line"><dt>${t('discount')}</dt><dd>−${formatMoney(c.discount_amount, c.currency)}</dd></div>`
          : nothing
      }
      <div class="line total-line"><dt>${t('paid')}</dt><dd data-amount="paid">${formatMoney(c.total_amount, c.currency)}</dd></div>
      <div class="line reference">
        <dt>${t(subscription ? 'subscription' : 'order')}</dt>
        <dd><code data-reference=${subscription ? 'subscription' : 'order'}>${reference}</code></dd>
      </div>
      <div class="line"><dt>${t('soldBy')}</dt><dd>${c.organization.name}</dd></div>
    </dl>
    ${
      redirectTo
        ? html`<p class="redirecting" role="status">${t('takingBack', { name: c.organization.name })}</p>
          <a class="button primary" href=${redirectTo}>${t('continue')}</a>`
        : backLink(c)
    }
  </section>`;
}

/**
 * The expired (or failed) state: never a dead end. The link's URL makes a
 * fresh session; without a link, the customer is told where to go instead.
 */
export function renderRestart(
  c: CheckoutPublic,
  kind: 'expired' | 'failed',
  onRestart: ((e: Event) => void) | null,
  restartHref: string | null,
  restartError: string | null,
) {
  const title = t(kind === 'expired' ? 'expiredTitle' : 'failedTitle');
  const body = t(kind === 'expired' ? 'expiredBody' : 'failedBody');
  return html`<section class="outcome ${kind}" aria-labelledby="outcome-title">
    <div class="outcome-icon">${kind === 'expired' ? clockIcon : alertIcon}</div>
    <h1 id="outcome-title" tabindex="-1">${title}</h1>
    <p class="lead">${body}
      ${
        restartHref
          ? tParts('startAgainOf', { product: html`<strong>${c.product.name}</strong>` })
          : t('goBackTo', { name: c.organization.name })
      }
    </p>
    ${restartError ? html`<p class="error" role="alert">${restartError}</p>` : nothing}
    <div class="actions">
      ${
        restartHref
          ? html`<a class="button primary" href=${restartHref} @click=${onRestart ?? nothing}>${t('startAgain')}</a>`
          : nothing
      }
      ${backLink(c)}
    </div>
  </section>`;
}

/** A payment already under way (opened in a second tab, or reloaded mid-payment). */
export function renderProcessing() {
  return html`<section class="outcome processing" aria-labelledby="outcome-title" aria-busy="true">
    <div class="outcome-icon"><span class="spinner large" aria-hidden="true"></span></div>
    <h1 id="outcome-title" tabindex="-1">${t('processingTitle')}</h1>
    <p class="lead" role="status">${t('processingBody')}</p>
  </section>`;
}
