import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import { fetchCheckout, statusStreamUrl } from './checkout-api.ts';

/**
 * Follows a session mid-payment through its status stream rather than
 * polling; once it leaves `confirmed`, stops and hands over the session read
 * again (null when that read failed).
 * Returns a function that stops listening.
 */
export function followStatus(secret: string, onSettled: (c: CheckoutPublic | null) => void): () => void {
  const stream = new EventSource(statusStreamUrl(secret));
  stream.addEventListener('status', async (e) => {
    const status = (JSON.parse((e as MessageEvent<string>).data) as { status: string }).status;
    if (status === 'confirmed') return;
    stream.close();
    const now = await fetchCheckout(secret);
    onSettled(now.ok ? now.checkout : null);
  });
  return () => stream.close();
}
