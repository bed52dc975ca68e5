/**
 * The API's own zod schemas that the dashboard's forms check before sending,
 * and the checker. One chunk loaded on first use through `check.ts`: zod is
 * about half of the dashboard's bytes, and only a form needs it (the sign-in
 * screen and the lists do not).
 */
export { accessTokenCreate } from '../../shared/schemas/access-token.ts';
export { checkoutLinkCreate } from '../../shared/schemas/checkout-link.ts';
export { customFieldCreate, customFieldUpdate } from '../../shared/schemas/custom-field.ts';
export { discountCreate, discountUpdate } from '../../shared/schemas/discount.ts';
export { organizationUpdate } from '../../shared/schemas/organization.ts';
export { productCreate } from '../../shared/schemas/product.ts';
export { schemaDetail } from './validate.ts';
