/** A receipt's and a merchant notice's words in English: its keys are every catalog's keys. */
export const en = {
  orderSubject: 'Your receipt from {org}',
  subscriptionSubject: 'Your {org} subscription receipt',
  orderHeading: 'Thank you for your purchase',
  subscriptionHeading: 'Your subscription is active',
  greeting: 'Hello,',
  greetingNamed: 'Hello {name},',
  orderIntro: 'This is your receipt for your order from {org}.',
  subscriptionIntro: 'This is your receipt for your subscription with {org}.',
  item: 'Item',
  quantity: 'Quantity',
  amount: 'Amount',
  discount: 'Discount',
  total: 'Total paid',
  perMonth: ' / month',
  perYear: ' / year',
  orderId: 'Order',
  subscriptionId: 'Subscription',
  date: 'Date',
  nextBilling: 'Next billing date',
  trialEnds: 'Trial ends',
  support: 'Questions about this purchase? Write to {address}.',
  noSupport: 'Questions about this purchase? Contact {org} through their website.',
  noticeSubject: 'New order: {product} ({total})',
  noticeIntro: '{org} has a new sale.',
  customer: 'Customer',
} as const;

export type ReceiptKey = keyof typeof en;
export type ReceiptCatalog = { readonly [K in ReceiptKey]: string };
