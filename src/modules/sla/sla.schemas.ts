import { z } from 'zod';
import { PAUSABLE_STATUSES, SCHEDULE_CHANGE_REASONS, TIMER_STATES } from '../../shared/vocabulary.ts';
import { SlaBadge, type SlaBadgeType, TICKET_PRIORITIES, TIMER_KINDS } from '../tickets/index.ts';
import { CalendarDefinitionSchema } from '../calendars/index.ts';

/** A day whose hours an override set, as explanations show it. */
export const AdjustedDaySchema = z.object({ date: z.string(), kind: z.enum(['opened', 'changed']), reason: z.string() });

const Minutes = z.number().int().min(1).max(60 * 24 * 366);
const ContractLevel = z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'lowercase letters, digits, - or _');

/** Statuses a policy may pause its clock in: the waiting ones (resolved and closed always stop it). */
export { PAUSABLE_STATUSES, SCHEDULE_CHANGE_REASONS };
export { SlaBadge, type SlaBadgeType, TIMER_KINDS };

export const PolicyBody = z
  .object({
    brandId: z.uuid(),
    name: z.string().trim().min(1).max(120),
    calendarId: z.uuid(),
    contractLevel: ContractLevel.nullable().default(null),
    priority: z.enum(TICKET_PRIORITIES).nullable().default(null),
    firstResponseMinutes: Minutes.nullable().default(null),
    nextUpdateMinutes: Minutes.nullable().default(null),
    resolutionMinutes: Minutes.nullable().default(null),
    callbackMinutes: Minutes.nullable().default(null),
    clockStart: z.enum(['created', 'accepted']).default('created'),
    pauseStatuses: z.array(z.enum(PAUSABLE_STATUSES)).max(6).default(['waiting_customer']),
    warningMinutes: z.number().int().min(0).max(60 * 24 * 30).default(60),
    raisePriorityOnBreach: z.boolean().default(true),
    active: z.boolean().default(true),
  })
  .strict();
export type PolicyInput = z.infer<typeof PolicyBody>;

export const PolicyResponse = PolicyBody.extend({ id: z.string(), calendarName: z.string(), version: z.number(), updatedAt: z.string() });

export const CalendarBody = z.object({ brandId: z.uuid(), name: z.string().trim().min(1).max(120), definition: CalendarDefinitionSchema }).strict();
export type CalendarInput = z.infer<typeof CalendarBody>;

export const CalendarResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  name: z.string(),
  version: z.number(),
  definition: CalendarDefinitionSchema,
  updatedAt: z.string(),
});

export const TimerResponse = z.object({
  kind: z.enum(TIMER_KINDS),
  state: z.enum(TIMER_STATES),
  /** running and within the warning window. */
  warning: z.boolean(),
  targetMinutes: z.number(),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  /** Working minutes left until the due time (negative once breached), null when not running. */
  workingMinutesLeft: z.number().nullable(),
  explanation: z.object({
    policyName: z.string(),
    calendarName: z.string(),
    timeZone: z.string(),
    clockStart: z.enum(['created', 'accepted']),
    targetMinutes: z.number(),
    startedAt: z.string().nullable(),
    skipped: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string(), name: z.string().optional(), partial: z.literal(true).optional() })),
    adjusted: z.array(AdjustedDaySchema).default([]),
    pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), status: z.string() })),
    rescheduled: z.object({ reason: z.string(), previousDueAt: z.string().nullable() }).nullable(),
  }),
});
export type TimerResponseType = z.infer<typeof TimerResponse>;

export const ScheduleChangeBody = z
  .object({
    reason: z.enum(SCHEDULE_CHANGE_REASONS),
    plannedResolutionAt: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const ScheduleChangeResponse = z.object({
  id: z.string(),
  reason: z.enum(SCHEDULE_CHANGE_REASONS),
  previousDueAt: z.string().nullable(),
  plannedResolutionAt: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  notification: z.object({ status: z.string(), to: z.string() }).nullable(),
});

export const TicketSlaResponse = z.object({
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  plannedResolutionAt: z.string().nullable(),
  timers: z.array(TimerResponse),
  scheduleChanges: z.array(ScheduleChangeResponse),
});
export type TicketSlaResponseType = z.infer<typeof TicketSlaResponse>;

/** The queue's one-line view of a ticket's nearest timer. */
