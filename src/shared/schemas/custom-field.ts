import { z } from 'zod';
import { id, text, timestamp } from './common.ts';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'checkbox', 'select'] as const;
export const customFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof customFieldType>;

const isoDate = z.iso.date();
const formProperties = {
  form_label: text({ max: 200, trim: false }).optional(),
  form_help_text: text({ max: 500, multiline: true, trim: false }).optional(),
  form_placeholder: text({ max: 200, trim: false }).optional(),
};

export const selectOption = z.object({
  value: text({ min: 1, max: 100, trim: false }),
  label: text({ min: 1, max: 200, trim: false }),
});

export const customFieldProperties = {
  text: z.strictObject({
    ...formProperties,
    min_length: z.int().min(0).max(2000).optional(),
    max_length: z.int().min(1).max(2000).optional(),
    textarea: z.boolean().optional(),
  }),
  number: z.strictObject({ ...formProperties, ge: z.int().optional(), le: z.int().optional() }),
  date: z.strictObject({ ...formProperties, ge: isoDate.optional(), le: isoDate.optional() }),
  checkbox: z.strictObject({ ...formProperties }),
  select: z.strictObject({ ...formProperties, options: z.array(selectOption).min(1).max(100) }),
};

export const customFieldSlug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9_-]+$/, 'use only a-z, 0-9, _ and -');

const variant = <T extends CustomFieldType>(type: T) =>
  z.object({
    id,
    organization_id: id,
    slug: z.string(),
    name: z.string(),
    type: z.literal(type),
    properties: customFieldProperties[type],
    created_at: timestamp,
    modified_at: timestamp.nullable(),
  });

export const customField = z.discriminatedUnion('type', [
  variant('text'),
  variant('number'),
  variant('date'),
  variant('checkbox'),
  variant('select'),
]);
export type CustomField = z.infer<typeof customField>;

const createBase = {
  slug: customFieldSlug,
  name: text({ min: 1, max: 100 }),
};

export const customFieldCreate = z.discriminatedUnion('type', [
  z.strictObject({ ...createBase, type: z.literal('text'), properties: customFieldProperties.text.default({}) }),
  z.strictObject({ ...createBase, type: z.literal('number'), properties: customFieldProperties.number.default({}) }),
  z.strictObject({ ...createBase, type: z.literal('date'), properties: customFieldProperties.date.default({}) }),
  z.strictObject({
    ...createBase,
    type: z.literal('checkbox'),
    properties: customFieldProperties.checkbox.default({}),
  }),
  z.strictObject({ ...createBase, type: z.literal('select'), properties: customFieldProperties.select }),
]);
export type CustomFieldCreate = z.infer<typeof customFieldCreate>;

/** The type is fixed once created: stored answers depend on it. */
export const customFieldUpdate = z.strictObject({
  slug: customFieldSlug.optional(),
  name: text({ min: 1, max: 100 }).optional(),
  properties: z.record(text({ max: 100, trim: false }), z.unknown()).optional(),
});
export type CustomFieldUpdate = z.infer<typeof customFieldUpdate>;

/** A value a customer entered for a custom field. */
export const customFieldValue = z
  .union([text({ max: 2000, multiline: true, trim: false }), z.number(), z.boolean()])
  .nullable();
export const customFieldData = z.record(text({ max: 100, trim: false }), customFieldValue);
export type CustomFieldData = z.infer<typeof customFieldData>;
