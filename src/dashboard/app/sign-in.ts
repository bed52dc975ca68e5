import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Organization } from '../../shared/schemas/organization.ts';
import { ApiError, ManagementApi } from '../core/api.ts';
import { LightElement } from '../ui/light-element.ts';

/** Fired with a token the server accepted and its organization. */
export class SignedInEvent extends Event {
  constructor(
    readonly token: string,
    readonly organization: Organization,
  ) {
    super('signed-in', { bubbles: true });
  }
}

/**
 * Sign-in with an organization access token. The token is checked against
 * `GET /v1/organizations/current` before it is kept; a refused one gets the
 * server's reason and what to do about it.
 */
@customElement('dash-sign-in')
export class SignIn extends LightElement {
  /** A message to show on arrival (for instance after a token was revoked). */
  @property() notice: string | null = null;
  @state() private error: string | null = null;
  @state() private busy = false;

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const token = (new FormData(form).get('token') as string).trim();
    this.notice = null;
    if (!token) {
      this.error = 'Enter an access token.';
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      const organization = await new ManagementApi(token).get<Organization>('/organizations/current');
      this.dispatchEvent(new SignedInEvent(token, organization));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401)
        this.error = `${err.message} Check that you pasted the whole organization access token (it is shown once, when it is created).`;
      else if (err instanceof ApiError && err.status === 403)
        this.error = `${err.message} The dashboard needs a token with the read scope (and write to make changes).`;
      else this.error = err instanceof Error ? err.message : String(err);
      this.updateComplete.then(() => this.querySelector<HTMLInputElement>('#token')?.focus());
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<main class="sign-in">
      <form class="card sign-in-card" @submit=${this.submit} novalidate>
        <div class="brand brand-large"><span class="brand-mark" aria-hidden="true"></span> checkout-link</div>
        <h1>Sign in to your dashboard</h1>
        <p class="muted">Use an organization access token. It stays in this browser tab only, and is forgotten when you close it or sign out.</p>
        ${this.notice ? html`<div class="banner banner-info" role="status">${this.notice}</div>` : nothing}
        <div class="field">
          <label for="token">Access token</label>
          <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'token-error' : nothing} />
          ${this.error ? html`<p class="field-error" id="token-error" role="alert">${this.error}</p>` : nothing}
        </div>
        <button class="btn btn-primary btn-block" ?disabled=${this.busy}>${this.busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>`;
  }
}
