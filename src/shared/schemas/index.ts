export * from './checkout.ts';
export * from './checkout-link.ts';
export * from './common.ts';
export * from './custom-field.ts';
export * from './discount.ts';
export * from './order.ts';
export * from './organization.ts';
export * from './product.ts';
