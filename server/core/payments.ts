/**
 * The seam a real payment processor plugs into. The built-in test processor
 * knows two cards, as the peers' test modes do.
 */
export interface ChargeRequest {
  checkoutId: string;
  amount: number;
  currency: string;
  cardNumber: string;
  customerEmail: string;
}

export type ChargeResult =
  | { ok: true; paymentId: string }
  | { ok: false; reason: string; code: 'card_declined' | 'invalid_card' };

export interface PaymentProcessor {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export const TEST_CARD_SUCCESS = '4242424242424242';
export const TEST_CARD_DECLINED = '4000000000000002';

export const testProcessor: PaymentProcessor = {
  async charge({ cardNumber, checkoutId }) {
    if (cardNumber === TEST_CARD_SUCCESS) return { ok: true, paymentId: `test_pay_${checkoutId}` };
    if (cardNumber === TEST_CARD_DECLINED)
      return { ok: false, code: 'card_declined', reason: 'Your card was declined.' };
    return {
      ok: false,
      code: 'invalid_card',
      reason: `Unknown test card. Use ${TEST_CARD_SUCCESS} (succeeds) or ${TEST_CARD_DECLINED} (declined).`,
    };
  },
};
