import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LOCALE_NAMES } from '../../i18n/locales.ts';
import type { Organization } from '../../shared/schemas/organization.ts';
import { OrganizationChangedEvent } from '../app/organization-changed.ts';
import type { ManagementApi } from '../core/api.ts';
import { checkForm, preloadSchemas } from '../core/check.ts';
import { FormErrors } from '../core/form-errors.ts';
import { fieldError, formBanner, inputField } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import './access-tokens.ts';
import './webhooks-section.ts';

/**
 * Organization settings: its name, the sites allowed to frame its checkout
 * (`embed_origins`), and the addresses receipts name (`support_email`) and
 * new orders are announced to (`notify_email`), and the checkout's language
 * when the customer's is not known (`default_locale`).
 */
@customElement('dash-settings-page')
export class SettingsPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) organization!: Organization;
  @state() private name = '';
  @state() private origins = '';
  @state() private supportEmail = '';
  @state() private notifyEmail = '';
  @state() private defaultLocale = '';
  @state() private errors = FormErrors.none;
  @state() private busy = false;
  @state() private saved = false;

  override connectedCallback() {
    super.connectedCallback();
    // A failure is reported by the submit that needs the schemas.
    preloadSchemas().catch(() => {});
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('organization') && this.organization) {
      this.name = this.organization.name;
      this.origins = this.organization.embed_origins.join('\n');
      this.supportEmail = this.organization.support_email ?? '';
      this.notifyEmail = this.organization.notify_email ?? '';
      this.defaultLocale = this.organization.default_locale ?? '';
    }
  }

  private originList() {
    return this.origins
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    this.saved = false;
    const body = {
      name: this.name,
      embed_origins: this.originList(),
      support_email: this.supportEmail.trim() || null,
      notify_email: this.notifyEmail.trim() || null,
      default_locale: this.defaultLocale || null,
    };
    const errors = await checkForm((s) => s.organizationUpdate, body);
    if (errors) {
      this.errors = errors;
      return;
    }
    this.busy = true;
    try {
      const organization = await this.api.patch<Organization>('/organizations/current', body);
      this.errors = FormErrors.none;
      this.saved = true;
      this.dispatchEvent(new OrganizationChangedEvent(organization));
    } catch (err) {
      this.errors = FormErrors.from(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const e = this.errors;
    const list = this.originList();
    // `embed_origins.2` names the third line: say so, with the line's text.
    const originErrors = [
      ...e.at('embed_origins'),
      ...e.entriesUnder('embed_origins').map(([i, msg]) => `Line ${Number(i) + 1} (${list[Number(i)] ?? ''}): ${msg}`),
    ];
    return html`<div class="page-head"><h1 tabindex="-1">Settings</h1></div>
      <form class="card form" @submit=${this.submit} novalidate>
        <h2>Organization</h2>
        ${formBanner(e.message, e.unclaimed(['name', 'embed_origins', 'support_email', 'notify_email', 'default_locale']))}
        ${this.saved ? html`<div class="banner banner-success" role="status">Settings saved.</div>` : ''}
        ${inputField({ id: 'org-name', label: 'Name', value: this.name, required: true, errors: e.under('name'), hint: 'Shown to customers on the checkout page.', onInput: (v) => (this.name = v) })}
        <div class="field">
          <label for="org-origins">Embed origins <span class="optional">(one per line)</span></label>
          <textarea id="org-origins" class="code" rows="5" .value=${this.origins} spellcheck="false" aria-describedby="org-origins-hint${originErrors.length ? ' org-origins-error' : ''}"
            aria-invalid=${originErrors.length ? 'true' : 'false'} @input=${(ev: Event) => (this.origins = (ev.target as HTMLTextAreaElement).value)}></textarea>
          <p class="hint" id="org-origins-hint">Sites allowed to show your checkout in an overlay, such as <code>https://shop.example</code> (scheme and host, no path). Elsewhere the buy button opens the checkout as a page. Add <code>${location.origin}</code> to preview the overlay from this dashboard.</p>
          ${fieldError('org-origins-error', originErrors)}
        </div>
        ${inputField({ id: 'org-support-email', label: 'Support email', type: 'email', value: this.supportEmail, errors: e.under('support_email'), hint: 'Printed on every receipt, and where customers’ replies to it go.', onInput: (v) => (this.supportEmail = v) })}
        ${inputField({ id: 'org-notify-email', label: 'New order notifications', type: 'email', value: this.notifyEmail, errors: e.under('notify_email'), hint: 'Gets a short “New order” email for each sale. Leave empty for none.', onInput: (v) => (this.notifyEmail = v) })}
        <div class="field">
          <label for="org-default-locale">Checkout language</label>
          <select id="org-default-locale" aria-describedby="org-default-locale-hint" .value=${this.defaultLocale}
            @change=${(ev: Event) => (this.defaultLocale = (ev.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.defaultLocale}>None: English</option>
            ${Object.entries(LOCALE_NAMES).map(([tag, name]) => html`<option value=${tag} lang=${tag} ?selected=${this.defaultLocale === tag}>${name}</option>`)}
          </select>
          <p class="hint" id="org-default-locale-hint">Used when the link, the customer’s own choice and their browser name no language the checkout speaks.</p>
          ${fieldError('org-default-locale-error', e.under('default_locale'))}
        </div>
        <div class="form-actions"><button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Save settings'}</button></div>
      </form>
      <dash-access-tokens .api=${this.api}></dash-access-tokens>
      <dash-webhooks-section .api=${this.api}></dash-webhooks-section>`;
  }
}
