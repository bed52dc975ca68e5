/**
 * Metadata limits as plain numbers (no zod), so a browser bundle can say
 * them without loading the schemas; `schemas/common.ts` builds its checks from them.
 */
export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_KEY_LENGTH = 40;
export const METADATA_MAX_VALUE_LENGTH = 500;
