import type { IntakeField, IntakeForm } from '../../api/types';
import { type FieldErrorCode } from '../../i18n';

/** A custom-field value as held by the form controls, before it is sent. */
export type DraftValue = string | number | string[] | null;

export interface TicketDraft {
  subject: string;
  description: string;
  serialNumbers: string[];
  customFields: Record<string, DraftValue>;
}

export const EMPTY_DRAFT: TicketDraft = { subject: '', description: '', serialNumbers: [], customFields: {} };

// The same rules as the server (src/modules/brands/intake-form.ts, ticket.schemas.ts), so most
// mistakes are caught before the round trip; the server stays the judge.
const SERIAL = /^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u;
const PHONE = /^\+?[0-9 ().-]{6,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidSerial(serial: string): boolean {
  const s = serial.trim();
  return s.length > 0 && s.length <= 64 && SERIAL.test(s);
}

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email.trim());
}

function isBlank(v: DraftValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function checkField(field: IntakeField, v: DraftValue | undefined): FieldErrorCode | null {
  if (isBlank(v)) return field.required ? 'required' : null;
  switch (field.type) {
    case 'number':
      return typeof v === 'number' || (typeof v === 'string' && Number.isFinite(Number(v))) ? null : 'invalid_type';
    case 'serials':
      return Array.isArray(v) && v.every(isValidSerial) ? null : 'invalid_format';
    default: {
      if (typeof v !== 'string') return 'invalid_type';
      const s = v.trim();
      const max = field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500);
      if (s.length > max) return 'too_big';
      if (field.type === 'email' && !isValidEmail(s)) return 'invalid_format';
      if (field.type === 'phone' && !PHONE.test(s)) return 'invalid_format';
      if (field.type === 'date' && (!DATE.test(s) || Number.isNaN(Date.parse(s)))) return 'invalid_format';
      if (field.type === 'select' && !(field.options ?? []).some((o) => o.value === s)) return 'invalid_value';
      return null;
    }
  }
}

/**
 * Checks a draft against the brand's intake form. Returns error codes keyed like the server's
 * `errors[].field` (`subject`, `serialNumbers`, `customFields.<key>`); empty when the draft may be sent.
 */
export function validateDraft(draft: TicketDraft, form: IntakeForm | undefined): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  if (!draft.subject.trim()) errors.subject = 'required';
  else if (draft.subject.trim().length > 300) errors.subject = 'too_big';
  if (!draft.description.trim()) errors.description = 'required';
  if (form?.serialsRequired && draft.serialNumbers.length === 0) errors.serialNumbers = 'required';
  else if (!draft.serialNumbers.every(isValidSerial)) errors.serialNumbers = 'invalid_format';
  for (const field of form?.fields ?? []) {
    const code = checkField(field, draft.customFields[field.key]);
    if (code) errors[`customFields.${field.key}`] = code;
  }
  return errors;
}

/** The `customFields` object to send: blanks dropped, numbers as numbers, only the form's keys. */
export function customFieldsPayload(draft: TicketDraft, form: IntakeForm | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of form?.fields ?? []) {
    const v = draft.customFields[field.key];
    if (isBlank(v)) continue;
    if (field.type === 'number') out[field.key] = typeof v === 'number' ? v : Number(v);
    else if (typeof v === 'string') out[field.key] = v.trim();
    else out[field.key] = v;
  }
  return out;
}

/** Splits pasted text ("SN1, SN2 SN3") into distinct serial numbers, keeping their order. */
export function splitSerials(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const s = part.trim();
    if (s) seen.add(s);
  }
  return [...seen];
}
