import type { DiscountCreate } from '../../src/shared/schemas/index.ts';

/**
 * The demo organization's discount code, LAUNCH20 (20 % off any product,
 * once): seeded by `seed.ts`, and answered by the no-backend demo's mocks
 * (mock-server/data.ts), so the two cannot tell different prices.
 */
export const LAUNCH_DISCOUNT = {
  name: 'Launch 20 %',
  code: 'LAUNCH20',
  type: 'percentage',
  basis_points: 2000,
  duration: 'once',
  duration_in_months: null,
  max_redemptions: null,
  starts_at: null,
  ends_at: null,
  products: [],
  metadata: {},
} satisfies DiscountCreate;
