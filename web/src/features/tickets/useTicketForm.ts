import { useCallback, useMemo, useState } from 'react';
import { fieldErrorsByPath, isApiError } from '../../api/errors';
import type { Brand, CreateTicketBody, Ticket } from '../../api/types';
import { focusFirstError } from '../common';
import { useUploads } from './attachments';
import { customFieldsPayload, EMPTY_DRAFT, validateDraft, type TicketDraft } from './ticket-draft';
import { useCreateTicket } from './tickets.api';

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * State of a "new ticket" form: the draft, its uploads, client-side checks against the brand's
 * intake form, and the server's field errors mapped back onto the same fields.
 * One Idempotency-Key per form, so a double click or a retry after a timeout opens one ticket.
 */
export function useTicketForm(brand: Brand | undefined) {
  const [draft, setDraftState] = useState<TicketDraft>(EMPTY_DRAFT);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const uploads = useUploads();
  const create = useCreateTicket();

  const serverErrors = useMemo(() => {
    if (!isApiError(create.error)) return {};
    const byPath = fieldErrorsByPath(create.error.errors);
    return Object.fromEntries(Object.entries(byPath).map(([k, e]) => [k, e.code]));
  }, [create.error]);

  const setDraft = useCallback(
    (next: TicketDraft) => {
      setDraftState(next);
      if (submitted && brand) setClientErrors(validateDraft(next, brand.intakeForm));
    },
    [submitted, brand],
  );

  const reset = useCallback(() => {
    setDraftState(EMPTY_DRAFT);
    setClientErrors({});
    setSubmitted(false);
    uploads.reset();
    create.reset();
    setIdempotencyKey(newKey());
  }, [uploads, create]);

  /** Validates, then sends; `extra` carries the fields only staff fill in (requester, channel…). */
  const submit = (extra: Partial<CreateTicketBody>, extraErrors: Record<string, string>, onCreated: (t: Ticket) => void): boolean => {
    setSubmitted(true);
    if (!brand) return false;
    const errors = { ...extraErrors, ...validateDraft(draft, brand.intakeForm) };
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstError();
      return false;
    }
    if (uploads.uploading) return false;
    const body: CreateTicketBody = {
      brandId: brand.id,
      subject: draft.subject.trim(),
      description: draft.description.trim(),
      serialNumbers: draft.serialNumbers,
      customFields: customFieldsPayload(draft, brand.intakeForm),
      attachmentIds: uploads.ids,
      ...extra,
    };
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: onCreated,
        onError: (e) => {
          if (isApiError(e) && e.errors.length > 0) focusFirstError();
        },
      },
    );
    return true;
  };

  // Client errors are recomputed on every edit; a server error stays until the next submission.
  const errors = { ...serverErrors, ...clientErrors };
  const unplacedServerErrors = isApiError(create.error) ? create.error.errors.filter((e) => !e.field) : [];

  return { draft, setDraft, errors, uploads, create, submit, reset, unplacedServerErrors };
}
