import type { CheckoutLink, LinkUnavailableReason } from '../../src/shared/schemas/index.ts';
import type { CheckoutLinkRow } from './link-rows.ts';

type AvailabilityFields = Pick<
  CheckoutLinkRow,
  'active' | 'starts_at' | 'ends_at' | 'max_completed_checkouts' | 'checkouts_claimed'
>;

/**
 * Why a link opens no checkout at `now`, or null when it serves. The cap
 * counts sessions confirmed or succeeded, so a link with its last slots
 * being paid for opens no new checkout meanwhile.
 */
export function unavailableReason(link: AvailabilityFields, now: Date): LinkUnavailableReason | null {
  if (!Number(link.active)) return 'inactive';
  if (link.starts_at && Date.parse(link.starts_at) > now.getTime()) return 'not_started';
  if (link.ends_at && Date.parse(link.ends_at) <= now.getTime()) return 'ended';
  if (link.max_completed_checkouts !== null && Number(link.checkouts_claimed) >= link.max_completed_checkouts)
    return 'limit_reached';
  return null;
}

const STATES: Record<LinkUnavailableReason, CheckoutLink['state']> = {
  inactive: 'inactive',
  not_started: 'scheduled',
  ended: 'ended',
  limit_reached: 'sold_out',
};

/** The link's state as the dashboard lists it. */
export const linkState = (link: AvailabilityFields, now: Date): CheckoutLink['state'] => {
  const reason = unavailableReason(link, now);
  return reason ? STATES[reason] : 'active';
};

/** What a link's page and the sessions endpoint say for each reason, unless the merchant wrote their own message. */
export const UNAVAILABLE_SENTENCES: Record<LinkUnavailableReason, { title: string; body: string }> = {
  inactive: { title: 'This checkout link is not active', body: 'The seller has switched this checkout link off.' },
  not_started: {
    title: 'This checkout link is not open yet',
    body: 'The seller has scheduled this checkout link to open later.',
  },
  ended: { title: 'This checkout link has ended', body: 'The seller’s offer through this checkout link is over.' },
  limit_reached: {
    title: 'This checkout link is sold out',
    body: 'The seller’s checkouts through this link are all taken.',
  },
};
