/**
 * The seam a real payment processor plugs into. The built-in test processor
 * knows two cards, as the peers' test modes do.
 */
export interface ChargeRequest {
  /**
   * One per confirm attempt: the processor charges a key at most once, and
   * `settle` answers what became of it after a crash.
   */
  idempotencyKey: string;
  checkoutId: string;
  amount: number;
  currency: string;
  cardNumber: string;
  customerEmail: string;
}

export type ChargeResult =
  | { ok: true; paymentId: string }
  | { ok: false; reason: string; code: 'card_declined' | 'invalid_card' | 'attempt_closed' };

/** What became of an attempt, as the processor knows it. */
export type AttemptOutcome = { charged: true; paymentId: string } | { charged: false };

export interface PaymentProcessor {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /**
   * Whether the attempt with this key was charged. Asking closes the key: a
   * charge with it arriving later is refused, so an attempt reopened as
   * uncharged can never be charged behind the server's back.
   */
  settle(idempotencyKey: string): Promise<AttemptOutcome>;
}

export const TEST_CARD_SUCCESS = '4242424242424242';
export const TEST_CARD_DECLINED = '4000000000000002';

/** An attempt's final word at the test processor: charged (with its payment id) or closed uncharged. */
export type LedgerEntry =
  | { status: 'charged'; paymentId: string; amount: number; currency: string }
  | { status: 'closed' };

/**
 * Where the test processor keeps its outcomes by idempotency key. `claim`
 * stores `entry` unless the key has one already, and answers the one kept:
 * the first word on a key wins, whoever says it.
 */
export interface ChargeLedger {
  claim(idempotencyKey: string, entry: LedgerEntry): Promise<LedgerEntry>;
}

/** A ledger in memory (the mocks; a server keeps its ledger in storage, to survive a crash). */
export function memoryLedger(): ChargeLedger {
  const entries = new Map<string, LedgerEntry>();
  return {
    async claim(key, entry) {
      if (!entries.has(key)) entries.set(key, entry);
      return entries.get(key)!;
    },
  };
}

export function createTestProcessor(ledger: ChargeLedger): PaymentProcessor {
  return {
    async charge({ cardNumber, checkoutId, idempotencyKey, amount, currency }) {
      if (cardNumber === TEST_CARD_DECLINED)
        return { ok: false, code: 'card_declined', reason: 'Your card was declined.' };
      if (cardNumber !== TEST_CARD_SUCCESS)
        return {
          ok: false,
          code: 'invalid_card',
          reason: `Unknown test card. Use ${TEST_CARD_SUCCESS} (succeeds) or ${TEST_CARD_DECLINED} (declined).`,
        };
      const kept = await ledger.claim(idempotencyKey, {
        status: 'charged',
        paymentId: `test_pay_${checkoutId}_${idempotencyKey}`,
        amount,
        currency,
      });
      if (kept.status === 'charged') return { ok: true, paymentId: kept.paymentId };
      return { ok: false, code: 'attempt_closed', reason: 'This payment attempt was closed. Pay again.' };
    },
    async settle(idempotencyKey) {
      const kept = await ledger.claim(idempotencyKey, { status: 'closed' });
      return kept.status === 'charged' ? { charged: true, paymentId: kept.paymentId } : { charged: false };
    },
  };
}
