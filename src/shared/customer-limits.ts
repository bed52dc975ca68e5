/**
 * The customer's details as plain numbers (no zod), so the checkout page's
 * inputs say the same `maxlength` as the schemas check without loading them.
 */
/** The longest address SMTP carries (RFC 5321's 64 + 1 + 255). */
export const CUSTOMER_EMAIL_MAX_LENGTH = 320;
export const CUSTOMER_NAME_MAX_LENGTH = 256;
