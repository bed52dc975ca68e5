import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { UpdateBody } from './checkout-api.ts';
import type { Draft } from './draft.ts';
import type { FieldKey } from './field-errors.ts';

/**
 * What the edits carried by the lazy views (a product, an amount, a
 * quantity, a discount) use of the session controller, which is one.
 */
export interface EditHost {
  readonly checkout: CheckoutPublic | null;
  readonly draft: Draft;
  readonly errors: ReadonlyMap<FieldKey, string>;
  readonly touched: ReadonlySet<FieldKey>;
  set(patch: { draft?: Draft; touched?: Set<FieldKey>; savingDiscount?: boolean }): void;
  save(body: UpdateBody): Promise<boolean>;
  setError(key: FieldKey, msg: string): void;
  clearError(key: FieldKey): void;
  announce(text: string): void;
  focus(selector: string): Promise<void>;
}
