import { z } from 'zod';
import { LOCALES } from '../../shared/vocabulary.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/index.ts';

const Uuid = z.uuid();

export const MacroActions = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: Uuid.nullable().optional(),
    groupId: Uuid.nullable().optional(),
  })
  .strict();
export type MacroActionsType = z.infer<typeof MacroActions>;

/** The reply's text per language; the ticket's customer's language picks one, else the brand's default. */
export const MacroReply = z.partialRecord(z.enum(LOCALES), z.string().trim().max(20_000));

export const MacroBody = z
  .object({
    brandId: Uuid,
    name: z.string().trim().min(1).max(120),
    /** Shared with the whole brand (administrators manage those) or the author's own. */
    shared: z.boolean().default(false),
    actions: MacroActions.default({}),
    reply: MacroReply.default({}),
    replyKind: z.enum(['agent_reply', 'internal_note']).default('agent_reply'),
  })
  .strict();
export type MacroInput = z.infer<typeof MacroBody>;

export const MacroResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  name: z.string(),
  shared: z.boolean(),
  /** Whether the caller may edit or delete it. */
  editable: z.boolean(),
  actions: MacroActions,
  reply: MacroReply,
  replyKind: z.enum(['agent_reply', 'internal_note']),
  updatedAt: z.string(),
});
export type MacroResponseType = z.infer<typeof MacroResponse>;

export const MacroListQuery = z.object({ brandId: Uuid.optional() });
