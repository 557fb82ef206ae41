import { describe, expect, it } from 'vitest';
import { IntakeFormSchema, validateCustomFields } from './intake-form.ts';

// Seed 003's mandatory information, expressed as a form.
const form = IntakeFormSchema.parse({
  fields: [
    { key: 'reproductionSteps', type: 'textarea', required: true, label: { en: 'Steps' } },
    { key: 'frequency', type: 'select', required: true, label: { en: 'Frequency' },
      options: [{ value: 'always', label: { en: 'Always' } }, { value: 'once', label: { en: 'Once' } }] },
    { key: 'productVersion', type: 'text', required: true, label: { en: 'Version' } },
    { key: 'contactPhone', type: 'phone', required: true, label: { en: 'Phone' } },
    { key: 'contactEmail', type: 'email', required: true, label: { en: 'E-mail' } },
    { key: 'users', type: 'number', label: { en: 'Users' } },
  ],
});
const complete = {
  reproductionSteps: 'Open the report, click export',
  frequency: 'always',
  productVersion: '4.2.1',
  contactPhone: '+7 499 677-44-25',
  contactEmail: 'ivan@example.ru',
};

describe('intake form validation', () => {
  it('accepts a complete request', () => {
    const r = validateCustomFields(form, { ...complete, users: '12' });
    expect(r.errors).toEqual([]);
    expect(r.values.users).toBe(12);
  });

  it('names the missing product version', () => {
    const { productVersion: _omit, ...rest } = complete;
    const r = validateCustomFields(form, { ...rest, reproductionSteps: '  ' });
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ['customFields.reproductionSteps', 'required'],
      ['customFields.productVersion', 'required'],
    ]);
  });

  it('refuses wrong types, formats, options and unknown fields', () => {
    const r = validateCustomFields(form, { ...complete, frequency: 'daily', contactEmail: 'nope', contactPhone: 42, users: 'many', extra: 1 });
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ['customFields.extra', 'unknown_field'],
      ['customFields.frequency', 'invalid_value'],
      ['customFields.contactPhone', 'invalid_type'],
      ['customFields.contactEmail', 'invalid_format'],
      ['customFields.users', 'invalid_type'],
    ]);
  });
});
