import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { formatMoney, intervalSuffix } from '../money.ts';
import { lang, t, unitCount } from '../strings.ts';

/** What a period costs once the trial is over: "$9.00 / month". */
export const afterTrial = (c: CheckoutPublic, trial: NonNullable<CheckoutPublic['trial']>) =>
  formatMoney(trial.total_amount, c.currency) + intervalSuffix(c.product);

/** "14 days free, then $9.00 / month"; null without a trial. */
export function trialTerms(c: CheckoutPublic): string | null {
  const trial = c.trial;
  return trial
    ? t('trialThen', { length: unitCount(trial.interval_count, trial.interval), price: afterTrial(c, trial) })
    : null;
}

/** The trial's last day in the page's language ("16 December 2026"). */
export const trialEndDate = (trial: NonNullable<CheckoutPublic['trial']>) =>
  new Date(trial.trial_end).toLocaleDateString(lang(), { dateStyle: 'long' });
