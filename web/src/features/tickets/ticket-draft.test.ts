import { describe, expect, it } from 'vitest';
import type { IntakeForm } from '../../api/types';
import { customFieldsPayload, EMPTY_DRAFT, splitSerials, validateDraft } from './ticket-draft';

// Seed 003 (Eiler): product version, frequency and criticality are mandatory.
const eiler: IntakeForm = {
  serialsRequired: false,
  fields: [
    { key: 'productVersion', type: 'text', required: true, label: { en: 'Product version' } },
    {
      key: 'frequency',
      type: 'select',
      required: true,
      label: { en: 'Frequency' },
      options: [
        { value: 'always', label: { en: 'Always' } },
        { value: 'sometimes', label: { en: 'Sometimes' } },
      ],
    },
    { key: 'contactPhone', type: 'phone', required: false, label: { en: 'Phone' } },
    { key: 'users', type: 'number', required: false, label: { en: 'Users' } },
  ],
};

describe('validateDraft', () => {
  it('names the missing product version the way the server does', () => {
    const errors = validateDraft({ ...EMPTY_DRAFT, subject: 'Crash', description: 'It crashes', customFields: { frequency: 'always' } }, eiler);
    expect(errors).toEqual({ 'customFields.productVersion': 'required' });
  });

  it('requires subject and description on every brand', () => {
    expect(validateDraft(EMPTY_DRAFT, undefined)).toEqual({ subject: 'required', description: 'required' });
  });

  it('refuses an option that is not offered and a malformed phone', () => {
    const errors = validateDraft(
      { subject: 's', description: 'd', serialNumbers: [], customFields: { productVersion: '5.1', frequency: 'never', contactPhone: 'call me' } },
      eiler,
    );
    expect(errors).toEqual({ 'customFields.frequency': 'invalid_value', 'customFields.contactPhone': 'invalid_format' });
  });

  it('enforces serials when the brand requires them and checks their shape', () => {
    const form: IntakeForm = { serialsRequired: true, fields: [] };
    expect(validateDraft({ ...EMPTY_DRAFT, subject: 's', description: 'd' }, form)).toEqual({ serialNumbers: 'required' });
    expect(validateDraft({ ...EMPTY_DRAFT, subject: 's', description: 'd', serialNumbers: ['-bad'] }, form)).toEqual({
      serialNumbers: 'invalid_format',
    });
  });
});

describe('customFieldsPayload', () => {
  it('drops blanks and sends numbers as numbers', () => {
    const draft = { ...EMPTY_DRAFT, customFields: { productVersion: ' 5.1 ', frequency: '', users: '12', contactPhone: null } };
    expect(customFieldsPayload(draft, eiler)).toEqual({ productVersion: '5.1', users: 12 });
  });
});

describe('splitSerials', () => {
  it('splits on commas, spaces and semicolons and removes duplicates', () => {
    expect(splitSerials('CA-1, CA-2;CA-1  CA-3')).toEqual(['CA-1', 'CA-2', 'CA-3']);
  });
});
