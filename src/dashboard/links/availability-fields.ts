import { html, nothing } from 'lit';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { FormErrors } from '../core/form-errors.ts';
import { fieldError, inputField } from '../ui/fields.ts';

/** The availability options as the form edits them: dates in the browser's local time, the cap as typed. */
export interface AvailabilityDraft {
  active: boolean;
  startsAt: string;
  endsAt: string;
  limit: string;
  message: string;
}

export const AVAILABILITY_KEYS = ['active', 'starts_at', 'ends_at', 'max_completed_checkouts', 'inactive_message'];

/** An ISO timestamp as a `datetime-local` value in the browser's time zone. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A `datetime-local` value (local time) as an ISO timestamp; what is not a date is sent as typed for the schema to name. */
const fromLocalInput = (value: string) => {
  if (!value.trim()) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
};

export const availabilityDraft = (link: CheckoutLink | null): AvailabilityDraft => ({
  active: link?.active ?? true,
  startsAt: toLocalInput(link?.starts_at ?? null),
  endsAt: toLocalInput(link?.ends_at ?? null),
  limit: link?.max_completed_checkouts == null ? '' : String(link.max_completed_checkouts),
  message: link?.inactive_message ?? '',
});

export const availabilityBody = (d: AvailabilityDraft) => ({
  active: d.active,
  starts_at: fromLocalInput(d.startsAt),
  ends_at: fromLocalInput(d.endsAt),
  // A number the schema can judge (a decimal or 0 is refused there, next to the field).
  max_completed_checkouts: d.limit.trim() ? Number(d.limit) : null,
  inactive_message: d.message.trim() || null,
});

/** The Availability fieldset of the link form: on/off, a window, a cap and the message shown when it does not serve. */
export function availabilityFields(d: AvailabilityDraft, e: FormErrors, change: (d: AvailabilityDraft) => void) {
  const set = (patch: Partial<AvailabilityDraft>) => change({ ...d, ...patch });
  const messageErrors = e.under('inactive_message');
  return html`<fieldset class="fieldset">
    <legend>Availability</legend>
    <label class="check">
      <input type="checkbox" id="link-active" .checked=${d.active} aria-describedby="link-active-hint"
        @change=${(ev: Event) => set({ active: (ev.target as HTMLInputElement).checked })} />
      Active
    </label>
    <p class="hint" id="link-active-hint">Turn this off to stop the link at once: its URL then shows your message below.</p>
    ${fieldError('link-active-error', e.under('active'))}
    ${inputField({
      id: 'link-starts-at',
      label: 'Opens at',
      type: 'datetime-local',
      value: d.startsAt,
      errors: e.under('starts_at'),
      hint: 'Before this time (your time zone) the link shows that it is not open yet. Leave empty to open at once.',
      onInput: (v) => set({ startsAt: v }),
    })}
    ${inputField({
      id: 'link-ends-at',
      label: 'Closes at',
      type: 'datetime-local',
      value: d.endsAt,
      errors: e.under('ends_at'),
      hint: 'From this time on the link shows that the offer has ended. Leave empty to keep it open.',
      onInput: (v) => set({ endsAt: v }),
    })}
    ${inputField({
      id: 'link-limit',
      label: 'Limit of completed checkouts',
      type: 'number',
      inputmode: 'numeric',
      value: d.limit,
      errors: e.under('max_completed_checkouts'),
      hint: 'The link sells out after this many successful checkouts, exactly, however many customers pay at once.',
      placeholder: 'No limit',
      className: 'field-narrow',
      onInput: (v) => set({ limit: v }),
    })}
    <div class="field">
      <label for="link-inactive-message">Message when the link is not available <span class="optional">(optional)</span></label>
      <textarea id="link-inactive-message" rows="3" maxlength="500" .value=${d.message}
        aria-invalid=${messageErrors.length ? 'true' : 'false'}
        aria-describedby="link-inactive-message-hint${messageErrors.length ? ' link-inactive-message-error' : ''}"
        @input=${(ev: Event) => set({ message: (ev.target as HTMLTextAreaElement).value })}></textarea>
      <p class="hint" id="link-inactive-message-hint">Plain text, up to 500 characters, shown when the link is off, not open yet, ended or sold out.</p>
      ${fieldError('link-inactive-message-error', messageErrors)}
    </div>
  </fieldset>`;
}

const STATE_BADGES: Record<CheckoutLink['state'], [string, string]> = {
  active: ['badge-success', 'Active'],
  inactive: ['badge-muted', 'Off'],
  scheduled: ['badge-info', 'Scheduled'],
  ended: ['badge-muted', 'Ended'],
  sold_out: ['badge-danger', 'Sold out'],
};

/** A link's state for the list, with its sales against its cap ("3 of 3 sold"). */
export function linkStateBadge(link: CheckoutLink) {
  const [tone, words] = STATE_BADGES[link.state];
  const sold =
    link.max_completed_checkouts === null
      ? null
      : `${link.completed_checkouts} of ${link.max_completed_checkouts} sold`;
  return html`<span class="badge ${tone}">${words}</span>${sold ? html` <span class="muted small">${sold}</span>` : nothing}`;
}
