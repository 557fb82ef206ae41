import { z } from 'zod';
import type { FieldError } from '../../platform/errors/app-error.ts';

export { LOCALES } from '../../shared/vocabulary.ts';
import type { LOCALES } from '../../shared/vocabulary.ts';
export type Locale = (typeof LOCALES)[number];

const Localised = z.record(z.string(), z.string());

export const IntakeFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  type: z.enum(['text', 'textarea', 'number', 'select', 'date', 'email', 'phone', 'serials']),
  required: z.boolean().default(false),
  label: Localised,
  help: Localised.optional(),
  options: z.array(z.object({ value: z.string(), label: Localised })).optional(),
  maxLength: z.number().int().positive().max(20_000).optional(),
});
export type IntakeField = z.infer<typeof IntakeFieldSchema>;

export const IntakeFormSchema = z.object({
  serialsRequired: z.boolean().default(false),
  fields: z.array(IntakeFieldSchema).default([]),
});
export type IntakeForm = z.infer<typeof IntakeFormSchema>;

const PHONE = /^\+?[0-9 ().-]{6,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = z.email();

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/**
 * Validates the custom fields of a ticket against its brand's intake form (seed 003's list of
 * mandatory information is one such form). Returns the cleaned values and the errors, each naming
 * the field as `customFields.<key>`; unknown keys are refused rather than silently stored.
 */
export function validateCustomFields(
  form: IntakeForm,
  input: Record<string, unknown>,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: `customFields.${key}`, code: 'unknown_field', message: 'is not a field of this form' });
  }
  for (const field of form.fields) {
    const path = `customFields.${field.key}`;
    const raw = input[field.key];
    if (isBlank(raw)) {
      if (field.required) errors.push({ field: path, code: 'required', message: 'is required' });
      continue;
    }
    const fail = (code: string, message: string) => errors.push({ field: path, code, message });
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'phone':
      case 'date':
      case 'select': {
        if (typeof raw !== 'string') {
          fail('invalid_type', 'must be text');
          break;
        }
        const v = raw.trim();
        const max = field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500);
        if (v.length > max) fail('too_big', `must be at most ${max} characters`);
        else if (field.type === 'email' && !EMAIL.safeParse(v).success) fail('invalid_format', 'must be an e-mail address');
        else if (field.type === 'phone' && !PHONE.test(v)) fail('invalid_format', 'must be a phone number');
        else if (field.type === 'date' && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) fail('invalid_format', 'must be a date YYYY-MM-DD');
        else if (field.type === 'select' && !(field.options ?? []).some((o) => o.value === v)) fail('invalid_value', 'is not one of the options');
        else values[field.key] = v;
        break;
      }
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
        if (!Number.isFinite(n)) fail('invalid_type', 'must be a number');
        else values[field.key] = n;
        break;
      }
      case 'serials': {
        const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,;]+/) : null;
        if (!list || list.some((s) => typeof s !== 'string')) fail('invalid_type', 'must be a list of serial numbers');
        else values[field.key] = list.map((s: string) => s.trim()).filter(Boolean);
        break;
      }
    }
  }
  return { values, errors };
}
