import { z } from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/index.ts';

const Uuid = z.uuid();

/** What one bulk operation does to every selected ticket (the single-ticket operations' rules apply to each). */
export const BulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), assigneeId: Uuid.nullable(), groupId: Uuid.nullable().optional() }).strict(),
  z.object({ type: z.literal('status'), status: z.enum(TICKET_STATUSES) }).strict(),
  z.object({ type: z.literal('priority'), priority: z.enum(TICKET_PRIORITIES) }).strict(),
  z.object({ type: z.literal('close') }).strict(),
  z.object({ type: z.literal('merge'), intoTicketId: Uuid }).strict(),
  z.object({ type: z.literal('macro'), macroId: Uuid }).strict(),
]);
export type BulkActionType = z.infer<typeof BulkAction>;

export const BulkBody = z
  .object({
    ticketIds: z.array(Uuid).min(1).max(100).describe('The selected tickets (at most 100: a page of the queue)'),
    action: BulkAction,
  })
  .strict();
export type BulkInput = z.infer<typeof BulkBody>;

/** One ticket's outcome. A ticket out of the caller's reach is reported exactly like a missing one. */
export const BulkTicketResult = z.object({
  ticketId: z.string(),
  number: z.string().nullable(),
  ok: z.boolean(),
  /** An error code (errors.codes in the web's catalogues) when not ok. */
  code: z.string().nullable(),
});
export type BulkTicketResultType = z.infer<typeof BulkTicketResult>;

export const BulkResponse = z.object({
  /** The recorded operation, for the undo; null when no ticket changed. */
  id: z.string().nullable(),
  undoable: z.boolean(),
  undoableUntil: z.string().nullable(),
  results: z.array(BulkTicketResult),
});
export type BulkResponseType = z.infer<typeof BulkResponse>;

export const UndoResponse = z.object({ results: z.array(BulkTicketResult) });
