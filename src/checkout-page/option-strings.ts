import type { CheckoutTrial } from '../shared/schemas/link-options.ts';

/**
 * What the page says about a link's options (quantity, trial, billing
 * address, confirmation message), in one place for translation.
 */

const TRIAL_UNITS: Record<CheckoutTrial['interval'], [one: string, many: string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};

export const OPTION_STRINGS = {
  quantity: 'Quantity',
  fewer: 'Fewer',
  more: 'More',
  quantityRange: (min: number, max: number) => `From ${min} to ${max}.`,
  wholeQuantity: 'Enter a whole number, such as 2.',
  /** Announced after a quantity change. */
  quantityTotal: (quantity: number, total: string) => `Quantity ${quantity}. Total ${total}.`,
  /** "Guide × 3" in the summary. */
  times: (name: string, quantity: number) => (quantity > 1 ? `${name} × ${quantity}` : name),
  /** "14 days", "1 month". */
  trialLength: (t: Pick<CheckoutTrial, 'interval' | 'interval_count'>) =>
    `${t.interval_count} ${TRIAL_UNITS[t.interval][t.interval_count === 1 ? 0 : 1]}`,
  /** "14 days free, then $9.00 / month". */
  trialThen: (length: string, then: string) => `${length} free, then ${then}`,
  trialFree: (length: string) => `${length} free`,
  dueToday: 'Due today',
  afterTrial: 'After the trial',
  startTrial: 'Start free trial',
  trialCard: 'Your card is not charged today.',
  trialStarted: (end: string, then: string) => `Your free trial has started. It ends on ${end}, then ${then}.`,
  trialEnds: 'Trial ends',
  billingAddress: 'Billing address',
  country: 'Country',
  chooseCountry: 'Choose a country',
  line1: 'Address',
  line2: 'Apartment, suite, etc.',
  postalCode: 'Postal code',
  city: 'City',
  state: 'State, province or region',
} as const;
