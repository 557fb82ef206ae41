import { LOCALES, TICKET_SORTS } from '../../shared/vocabulary.ts';
import { DELIVERY_STATUSES } from '../../shared/vocabulary.ts';
import { z } from 'zod';
import { SlaBadge } from './ticket-listeners.ts';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from './ticket-status.ts';

const Uuid = z.uuid();
const PersonRef = z.object({ id: z.string(), name: z.string() });
/** Who wrote a text: their role and organisation say whether a partner wrote it for a customer. */
const Author = z.object({ id: z.string(), name: z.string(), role: z.string(), organisation: z.string().nullable().optional() });
const Serial = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'must be letters, digits, . / _ -');

export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export const TicketPrioritySchema = z.enum(TICKET_PRIORITIES);
export const TicketChannelSchema = z.enum(TICKET_CHANNELS);

export const CreateTicketBody = z
  .object({
    brandId: Uuid,
    subject: z.string().trim().min(1).max(300),
    description: z.string().trim().min(1).max(100_000),
    serialNumbers: z.array(Serial).max(100).default([]),
    customFields: z.record(z.string(), z.unknown()).default({}),
    priority: TicketPrioritySchema.optional(),
    channel: TicketChannelSchema.optional(),
    requesterId: Uuid.optional(),
    requesterEmail: z.email().max(254).optional(),
    requesterName: z.string().trim().min(1).max(200).optional(),
    requesterLocale: z.enum(LOCALES).optional(),
    attachmentIds: z.array(Uuid).max(20).default([]),
  })
  .strict()
  .describe('A new ticket. Portal users open it for themselves; staff log it on behalf of a requester.');
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z
  .object({
    status: TicketStatusSchema.optional(),
    priority: TicketPrioritySchema.optional(),
    groupId: Uuid.nullable().optional(),
    assigneeId: Uuid.nullable().optional(),
    subject: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

export const TicketSortSchema = z.enum(TICKET_SORTS);

export const ListTicketsQuery = z.object({
  brandId: Uuid.optional(),
  status: z.union([TicketStatusSchema, z.array(TicketStatusSchema)]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  groupId: Uuid.optional(),
  assigneeId: z.union([z.literal('me'), z.literal('none'), Uuid]).optional(),
  requesterId: Uuid.optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional().describe('Opened at or after this instant'),
  createdBefore: z.iso.datetime({ offset: true }).optional().describe('Opened before this instant'),
  sort: TicketSortSchema.optional().describe('due: the nearest service-level due time first, then first come (the desk\'s default); newest or oldest by opening (newest is the portal\'s default)'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTicketsFilter = Omit<z.infer<typeof ListTicketsQuery>, 'status'> & { status?: z.infer<typeof TicketStatusSchema>[] | undefined };

export const TicketSummaryResponse = z.object({
  id: z.string(),
  number: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  timeZone: z.string(),
  subject: z.string(),
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  channel: TicketChannelSchema,
  requester: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  assignee: PersonRef.nullable(),
  group: PersonRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The nearest service-level due time, in the desk's queue (absent elsewhere). */
  sla: SlaBadge.nullable().optional(),
});
export type TicketSummary = z.infer<typeof TicketSummaryResponse>;

export const TicketResponse = TicketSummaryResponse.extend({
  description: z.string(),
  serialNumbers: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  organisation: PersonRef.nullable(),
  /** Who opened it (a reseller, an agent on the phone), when someone other than the requester: the description is theirs. */
  openedBy: Author.nullable(),
  mergedInto: z.object({ id: z.string(), number: z.string() }).nullable(),
  allowedTransitions: z.array(TicketStatusSchema),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  confirmationRequestedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  attachments: z.array(z.lazy(() => AttachmentResponse)),
});
export type TicketResponseType = z.infer<typeof TicketResponse>;

export const TicketPage = z.object({ items: z.array(TicketSummaryResponse), nextCursor: z.string().nullable() });

export const AttachmentResponse = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  /** Inline images of a mail: the cid: its HTML refers to. */
  contentId: z.string().nullable().optional(),
  inline: z.boolean().optional(),
});

export const ENTRY_KINDS = ['customer_message', 'agent_reply', 'internal_note', 'phone_note', 'system'] as const;
export const EntryKindSchema = z.enum(ENTRY_KINDS);

export const CreateEntryBody = z
  .object({
    kind: z.enum(['customer_message', 'agent_reply', 'internal_note', 'phone_note']),
    body: z.string().trim().min(1).max(100_000),
    attachmentIds: z.array(Uuid).max(20).default([]),
    /**
     * The desk's "send and wait for the customer" / "send and resolve": the entry and the status
     * change are written in one transaction, so the service-level clock pauses with the reply.
     */
    thenStatus: TicketStatusSchema.optional().describe('Staff only: the status the ticket takes once the entry is added, in the same transaction'),
  })
  .strict();
export type CreateEntryInput = z.infer<typeof CreateEntryBody>;

export const EntryResponse = z.object({
  id: z.string(),
  kind: EntryKindSchema,
  body: z.string(),
  author: Author.nullable(),
  /** The customer a partner wrote for: set when someone outside the desk other than the requester wrote it. */
  onBehalfOf: PersonRef.nullable().optional(),
  createdAt: z.string(),
  attachments: z.array(AttachmentResponse),
  channel: z.enum(['email']).nullable(),
  fromAddress: z.string().nullable(),
  /** Mail HTML, already sanitised on the server. */
  htmlBody: z.string().nullable(),
  autoSubmitted: z.boolean(),
  delivery: z
    .object({ status: z.enum(DELIVERY_STATUSES), error: z.string().nullable(), sentAt: z.string().nullable(), to: z.string() })
    .nullable(),
});
export type EntryResponseType = z.infer<typeof EntryResponse>;

export const HistoryResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      actor: PersonRef.nullable(),
      at: z.string(),
      field: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export const MergeBody = z.object({ intoTicketId: Uuid }).strict();
export const LookupQuery = z.object({ number: z.string().trim().min(1).max(60) });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  brandId: Uuid.optional(),
  status: ListTicketsQuery.shape.status,
  groupId: Uuid.optional(),
  assigneeId: ListTicketsQuery.shape.assigneeId,
  createdFrom: ListTicketsQuery.shape.createdFrom,
  createdBefore: ListTicketsQuery.shape.createdBefore,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchParams = Omit<z.infer<typeof SearchQuery>, 'status'> & { status?: z.infer<typeof TicketStatusSchema>[] | undefined };
/** A run of text, and whether it matched the query: rendered as text, never as HTML. */
const HighlightSegment = z.object({ text: z.string(), match: z.boolean() });
export const SearchResponse = z.object({
  items: z.array(
    TicketSummaryResponse.extend({
      rank: z.number(),
      subjectHighlight: z.array(HighlightSegment).describe('The subject cut into runs, the matched words marked'),
      headline: z.array(HighlightSegment).describe('An excerpt of the description around the matched words'),
    }),
  ),
});
