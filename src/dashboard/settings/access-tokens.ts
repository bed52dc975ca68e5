import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccessTokenCreated, AccessTokenInfo } from '../../shared/schemas/access-token.ts';
import type { ListResource } from '../../shared/schemas/common.ts';
import type { TokenScope } from '../../shared/schemas/organization.ts';
import type { ManagementApi } from '../core/api.ts';
import { checkForm } from '../core/check.ts';
import { FormErrors } from '../core/form-errors.ts';
import { formatDateTime } from '../core/format.ts';
import { recordTable } from '../crud/record-table.ts';
import '../ui/copy-field.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, fieldError, formBanner, inputField, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';

const describeScopes = (scopes: TokenScope[]) => (scopes.includes('write') ? 'Read and write' : 'Read only');

/**
 * Settings → Access tokens: the organization's tokens (never their values),
 * a form that issues one and shows it once with a Copy button, and revoke
 * behind a confirmation.
 */
@customElement('dash-access-tokens')
export class AccessTokens extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @state() private tokens: AccessTokenInfo[] | null = null;
  @state() private loadError: string | null = null;
  @state() private label = '';
  @state() private writeScope = false;
  @state() private errors = FormErrors.none;
  @state() private busy = false;
  /** The token just issued: shown until the merchant dismisses it, then never again. */
  @state() private issued: AccessTokenCreated | null = null;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.loadError = null;
    try {
      this.tokens = (await this.api.get<ListResource<AccessTokenInfo>>('/tokens')).items;
    } catch (err) {
      this.loadError = (err as Error).message;
    }
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const body = { label: this.label, scopes: (this.writeScope ? ['read', 'write'] : ['read']) as TokenScope[] };
    const errors = await checkForm((s) => s.accessTokenCreate, body);
    if (errors) {
      this.errors = errors;
      return;
    }
    this.busy = true;
    try {
      this.issued = await this.api.post<AccessTokenCreated>('/tokens', body);
      this.errors = FormErrors.none;
      this.label = '';
      this.writeScope = false;
      await this.load();
    } catch (err) {
      this.errors = FormErrors.from(err);
    } finally {
      this.busy = false;
    }
  }

  private async revoke(token: AccessTokenInfo) {
    const ok = await confirmAction({
      title: `Revoke “${token.label ?? 'unnamed token'}”?`,
      body: 'Anything that uses this token stops working at once. This cannot be undone.',
      confirmLabel: 'Revoke token',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/tokens/${token.id}`);
      if (this.issued?.id === token.id) this.issued = null;
      await this.load();
    } catch (err) {
      this.loadError = (err as Error).message;
    }
  }

  private renderList() {
    if (this.loadError) return errorState(this.loadError, () => void this.load());
    if (!this.tokens) return loadingState('access tokens');
    if (!this.tokens.length) return emptyState('No access tokens', html`<p>Create one below.</p>`);
    return recordTable(
      this.tokens,
      [
        { header: 'Label', strong: true, cell: (t) => t.label ?? '(no label)' },
        { header: 'Access', cell: (t) => describeScopes(t.scopes) },
        { header: 'Created', cell: (t) => formatDateTime(t.created_at) },
        { header: 'Last used', cell: (t) => (t.last_used_at ? formatDateTime(t.last_used_at) : 'Never') },
      ],
      {
        actions: (t) =>
          html`<button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.revoke(t)}>Revoke<span class="visually-hidden"> ${t.label ?? 'token'}</span></button>`,
      },
    );
  }

  override render() {
    const e = this.errors;
    return html`<section class="access-tokens" aria-labelledby="access-tokens-title">
      <h2 id="access-tokens-title">Access tokens</h2>
      <p class="hint">Tokens sign in to this dashboard and to the API (<code>Authorization: Bearer …</code>). Only a hash of each is kept.</p>
      ${this.renderList()}
      ${
        this.issued
          ? html`<div class="card token-issued" role="status">
              <p><strong>Copy the token “${this.issued.label}” now.</strong> It is shown only this once.</p>
              <dash-copy-field label="New access token" .value=${this.issued.token}></dash-copy-field>
              <button type="button" class="btn btn-small" @click=${() => (this.issued = null)}>Done</button>
            </div>`
          : nothing
      }
      <form class="card form" @submit=${this.create} novalidate>
        <h3>New token</h3>
        ${formBanner(e.message, e.unclaimed(['label', 'scopes']))}
        ${inputField({ id: 'token-label', label: 'Label', value: this.label, required: true, errors: e.under('label'), hint: 'What uses it, such as “Zapier” or “Shop backend”.', onInput: (v) => (this.label = v) })}
        <label class="check">
          <input type="checkbox" id="token-write" .checked=${this.writeScope} @change=${(ev: Event) => (this.writeScope = (ev.target as HTMLInputElement).checked)} />
          Allow changes (write access)
        </label>
        <p class="hint">Without it the token can read but change nothing.</p>
        ${fieldError('token-write-error', e.under('scopes'))}
        <div class="form-actions"><button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Creating…' : 'Create token'}</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-access-tokens': AccessTokens;
  }
}
