import type { Queryable } from '../db/database.ts';
import type { ChargeLedger, LedgerEntry } from './payments.ts';

interface Row {
  status: 'charged' | 'closed';
  payment_id: string | null;
  amount: number | null;
  currency: string | null;
}

/**
 * The test processor's ledger in the server's own storage: a charge outlives
 * a crash of the process that made it, as it would at a real processor.
 */
export function storedChargeLedger(db: Queryable, now: () => Date): ChargeLedger {
  return {
    async claim(key, entry) {
      await db.run(
        `INSERT INTO test_processor_charges (idempotency_key, status, payment_id, amount, currency, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
        entry.status === 'charged'
          ? [key, 'charged', entry.paymentId, entry.amount, entry.currency, now().toISOString()]
          : [key, 'closed', null, null, null, now().toISOString()],
      );
      const row = await db.get<Row>('SELECT * FROM test_processor_charges WHERE idempotency_key = ?', [key]);
      if (!row) throw new Error(`test processor: no ledger entry for ${key}`);
      return row.status === 'charged'
        ? { status: 'charged', paymentId: row.payment_id!, amount: Number(row.amount), currency: row.currency! }
        : ({ status: 'closed' } satisfies LedgerEntry);
    },
  };
}
