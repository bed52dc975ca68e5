import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '../../shared/schemas/webhook.ts';
import { WEBHOOK_EVENT_TYPES } from '../../shared/webhook-event-types.ts';
import type { ManagementApi } from '../core/api.ts';
import { FormErrors } from '../core/form-errors.ts';
import { formBanner, inputField } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import '../ui/copy-field.ts';

/**
 * Settings → Webhooks: the organization's endpoints, a form to add one (its
 * secret shown once), and each endpoint's deliveries with their status,
 * response code and timing, the payload sent, Redeliver and Send test event.
 */
@customElement('dash-webhooks-section')
export class WebhooksSection extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @state() private endpoints: WebhookEndpoint[] = [];
  @state() private deliveries = new Map<string, WebhookDelivery[]>();
  @state() private url = '';
  @state() private events = new Set<string>(['order.paid']);
  @state() private errors = FormErrors.none;
  @state() private created: WebhookEndpointWithSecret | null = null;
  @state() private busy = false;
  @state() private loadError = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.endpoints = await this.api.listAll<WebhookEndpoint>('/webhooks/endpoints');
      const entries = await Promise.all(
        this.endpoints.map(async (e) => {
          const page = await this.api.listPage<WebhookDelivery>('/webhooks/deliveries', 20, 1, { endpoint_id: e.id });
          return [e.id, page.items] as const;
        }),
      );
      this.deliveries = new Map(entries);
      this.loadError = '';
    } catch (err) {
      this.loadError = FormErrors.from(err).message ?? 'Could not load webhooks.';
    }
  }

  private toggle(type: string, on: boolean) {
    const next = new Set(this.events);
    if (on) next.add(type);
    else next.delete(type);
    this.events = next;
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    this.busy = true;
    try {
      this.created = await this.api.post<WebhookEndpointWithSecret>('/webhooks/endpoints', {
        url: this.url,
        events: WEBHOOK_EVENT_TYPES.filter((t) => this.events.has(t)),
      });
      this.errors = FormErrors.none;
      this.url = '';
      await this.load();
    } catch (err) {
      this.errors = FormErrors.from(err);
    } finally {
      this.busy = false;
    }
  }

  private async act(path: string) {
    try {
      await this.api.post(path, {});
    } catch (err) {
      this.loadError = FormErrors.from(err).message ?? 'That did not work.';
    }
    await this.load();
  }

  private async setEnabled(endpoint: WebhookEndpoint, enabled: boolean) {
    await this.api.patch(`/webhooks/endpoints/${endpoint.id}`, { enabled });
    await this.load();
  }

  private renderDeliveries(endpoint: WebhookEndpoint) {
    const list = this.deliveries.get(endpoint.id) ?? [];
    if (list.length === 0) return html`<p class="hint">No deliveries yet.</p>`;
    return html`<table class="table">
      <thead><tr><th>Event</th><th>Status</th><th>Response</th><th>Time</th><th>Attempts</th><th>Created</th><th></th></tr></thead>
      <tbody>
        ${list.map(
          (d) => html`<tr data-delivery=${d.id}>
            <td><code>${d.type}</code></td>
            <td><span class="badge badge-${d.status}">${d.status}</span>${d.last_error ? html`<div class="hint">${d.last_error}</div>` : nothing}</td>
            <td>${d.last_response_status ?? '—'}</td>
            <td>${d.last_duration_ms === null ? '—' : `${d.last_duration_ms} ms`}</td>
            <td>${d.attempts}</td>
            <td>${new Date(d.created_at).toLocaleString()}</td>
            <td>
              <details><summary>Payload</summary><pre class="code">${prettyJson(d.payload)}</pre></details>
              <button type="button" class="btn" @click=${() => this.act(`/webhooks/deliveries/${d.id}/redeliver`)}>Redeliver</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const e = this.errors;
    return html`<section class="card form" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p class="hint">Your server hears of every checkout, order and subscription, signed the
        <a href="https://www.standardwebhooks.com" rel="noopener" target="_blank">Standard Webhooks</a> way and retried until it answers 2xx.</p>
      ${this.loadError ? html`<div class="banner banner-error" role="alert">${this.loadError}</div>` : nothing}
      <form @submit=${this.create} novalidate>
        ${formBanner(e.message, e.unclaimed(['url', 'events']))}
        ${inputField({ id: 'webhook-url', label: 'Endpoint URL', value: this.url, required: true, errors: e.under('url'), hint: 'An https:// address of your server.', onInput: (v) => (this.url = v) })}
        <fieldset class="field"><legend>Events</legend>
          ${WEBHOOK_EVENT_TYPES.map(
            (t) =>
              html`<label class="checkbox"><input type="checkbox" .checked=${this.events.has(t)} @change=${(ev: Event) => this.toggle(t, (ev.target as HTMLInputElement).checked)} /> <code>${t}</code></label>`,
          )}
          ${e.under('events').map((m) => html`<p class="field-error">${m}</p>`)}
        </fieldset>
        <div class="form-actions"><button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Adding…' : 'Add endpoint'}</button></div>
      </form>
      ${
        this.created
          ? html`<div class="banner banner-success" role="status">Endpoint added. Copy its signing secret now: it is shown once.
              <dash-copy-field label="Signing secret" .value=${this.created.secret}></dash-copy-field></div>`
          : nothing
      }
      ${this.endpoints.map(
        (endpoint) => html`<article class="webhook-endpoint" data-endpoint=${endpoint.id}>
          <h3><code>${endpoint.url}</code></h3>
          <p>${endpoint.enabled ? html`<span class="badge badge-succeeded">Enabled</span>` : html`<span class="badge badge-failed">Disabled</span> ${endpoint.disabled_reason ?? ''}`}
            · ${endpoint.events.join(', ')}</p>
          <div class="form-actions">
            <button type="button" class="btn" @click=${() => this.act(`/webhooks/endpoints/${endpoint.id}/test`)}>Send test event</button>
            <button type="button" class="btn" @click=${() => this.load()}>Refresh</button>
            <button type="button" class="btn" @click=${() => this.setEnabled(endpoint, !endpoint.enabled)}>${endpoint.enabled ? 'Disable' : 'Enable'}</button>
          </div>
          ${this.renderDeliveries(endpoint)}
        </article>`,
      )}
    </section>`;
  }
}

const prettyJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};
