import type {
  Discount,
  Metadata,
  Organization,
  Product,
  SessionOptions,
  TrialInterval,
} from '../../src/shared/schemas/index.ts';

/** A row of `checkout_links`. */
export interface CheckoutLinkRow {
  id: string;
  organization_id: string;
  label: string | null;
  client_secret: string;
  allow_discount_codes: number;
  discount_id: string | null;
  metadata: string;
  success_url: string | null;
  return_url: string | null;
  active: number;
  starts_at: string | null;
  ends_at: string | null;
  max_completed_checkouts: number | null;
  inactive_message: string | null;
  /** Sessions of the link confirmed or succeeded: the slots the cap counts. */
  checkouts_claimed: number;
  checkouts_completed: number;
  trial_interval: TrialInterval | null;
  trial_interval_count: number | null;
  quantity_minimum: number | null;
  quantity_maximum: number | null;
  confirmation_message: string | null;
  require_billing_address: number;
  created_at: string;
  modified_at: string | null;
}

/** A checkout link as its clicks need it, with what every click would otherwise derive again. */
export interface ResolvedLink {
  link: CheckoutLinkRow;
  /** The link's products that can still be bought, in the link's order. */
  products: Product[];
  organization: Organization;
  allowDiscountCodes: boolean;
  /** The link's metadata, parsed once and frozen: every click shares it. */
  metadata: Readonly<Metadata>;
  /** `products`' ids as stored in each session's `product_ids`. */
  productIdsJson: string;
  /** The link's options as each session copies them, parsed and as JSON. */
  options: Readonly<SessionOptions>;
  optionsJson: string;
  /** Looks a discount code up in the link's organization (made once: a closure per click is not free). */
  findDiscountByCode: (code: string) => Promise<Discount | null>;
}
