/**
 * Every word of a receipt and a merchant notice, per locale. English only
 * until the checkout's catalogs land (issue 17); a locale without a catalog
 * reads English while its money and dates still follow the locale.
 */
export interface ReceiptStrings {
  orderSubject(org: string): string;
  subscriptionSubject(org: string): string;
  orderHeading: string;
  subscriptionHeading: string;
  greeting(name: string | null): string;
  orderIntro(org: string): string;
  subscriptionIntro(org: string): string;
  item: string;
  quantity: string;
  amount: string;
  discount: string;
  total: string;
  perInterval(interval: 'month' | 'year'): string;
  orderId: string;
  subscriptionId: string;
  date: string;
  nextBilling: string;
  trialEnds: string;
  support(address: string): string;
  noSupport(org: string): string;
  noticeSubject(product: string, total: string): string;
  noticeIntro(org: string): string;
  customer: string;
}

const en: ReceiptStrings = {
  orderSubject: (org) => `Your receipt from ${org}`,
  subscriptionSubject: (org) => `Your ${org} subscription receipt`,
  orderHeading: 'Thank you for your purchase',
  subscriptionHeading: 'Your subscription is active',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  orderIntro: (org) => `This is your receipt for your order from ${org}.`,
  subscriptionIntro: (org) => `This is your receipt for your subscription with ${org}.`,
  item: 'Item',
  quantity: 'Quantity',
  amount: 'Amount',
  discount: 'Discount',
  total: 'Total paid',
  perInterval: (interval) => ` / ${interval}`,
  orderId: 'Order',
  subscriptionId: 'Subscription',
  date: 'Date',
  nextBilling: 'Next billing date',
  trialEnds: 'Trial ends',
  support: (address) => `Questions about this purchase? Write to ${address}.`,
  noSupport: (org) => `Questions about this purchase? Contact ${org} through their website.`,
  noticeSubject: (product, total) => `New order: ${product} (${total})`,
  noticeIntro: (org) => `${org} has a new sale.`,
  customer: 'Customer',
};

const CATALOGS: Record<string, ReceiptStrings> = { en };

/** The catalog of `locale` (`de-AT` falls back to `de`), else English. */
export function receiptStrings(locale: string): ReceiptStrings {
  return CATALOGS[locale] ?? CATALOGS[locale.split('-')[0] ?? ''] ?? en;
}
