import { z } from 'zod';
import { QUEUE_COLUMNS, TICKET_SORTS } from '../../shared/vocabulary.ts';
import { TICKET_STATUSES } from '../tickets/index.ts';

const Uuid = z.uuid();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The queue's filters as its URL holds them (web/src/features/agent/filters.ts). */
export const SavedViewFilters = z
  .object({
    q: z.string().trim().max(200).optional(),
    brandId: Uuid.optional(),
    status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
    groupId: Uuid.optional(),
    assigneeId: z.union([z.literal('me'), z.literal('none'), Uuid]).optional(),
    from: Day.optional(),
    until: Day.optional(),
  })
  .strict();
export type SavedViewFiltersType = z.infer<typeof SavedViewFilters>;

export const SavedViewBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    /** Shared with this group's members, or null for the author's own view. */
    groupId: Uuid.nullable().default(null),
    filters: SavedViewFilters.default({}),
    columns: z.array(z.enum(QUEUE_COLUMNS)).min(1).max(QUEUE_COLUMNS.length),
    sort: z.enum(TICKET_SORTS).default('due'),
  })
  .strict();
export type SavedViewInput = z.infer<typeof SavedViewBody>;

export const SavedViewResponse = z.object({
  id: z.string(),
  name: z.string(),
  /** The group it is shared with, or null when it is the caller's own. */
  group: z.object({ id: z.string(), name: z.string(), brandId: z.string() }).nullable(),
  /** Whether the caller may change or delete it (its author, or an administrator). */
  editable: z.boolean(),
  filters: SavedViewFilters,
  columns: z.array(z.enum(QUEUE_COLUMNS)),
  sort: z.enum(TICKET_SORTS),
});
export type SavedViewResponseType = z.infer<typeof SavedViewResponse>;
