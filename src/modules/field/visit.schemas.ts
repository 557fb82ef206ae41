import { z } from 'zod';
import { VISIT_OUTCOMES, VISIT_STATES } from '../../shared/vocabulary.ts';
import { WARRANTY_OUTCOMES } from '../warranty/index.ts';
import { VISIT_RULES } from './visit-rules.ts';

export { VISIT_OUTCOMES, VISIT_STATES };

const instant = z.iso.datetime({ offset: true });

/** Scheduling a visit from a ticket: one of its units, a technician of the brand, where and when. */
export const ScheduleVisitBody = z.strictObject({
  unitId: z.uuid(),
  technicianId: z.uuid(),
  address: z.string().trim().min(1).max(500),
  windowStart: instant.describe('Start of the time window (ISO 8601 with offset); within the brand\'s working time'),
  windowEnd: instant.describe('End of the time window; the whole window must be working time'),
  customerAcceptsCharges: z.boolean().default(false).describe('The customer agreed to pay for a billable visit (out of coverage, or on-site not in their contract)'),
});
export type ScheduleVisitInput = z.infer<typeof ScheduleVisitBody>;

/** The technician's report; `complete` closes the visit (work done, outcome and time spent then required). */
export const VisitReportBody = z.strictObject({
  workDone: z.string().trim().max(5000).optional(),
  outcome: z.enum(VISIT_OUTCOMES).optional(),
  timeSpentMinutes: z.number().int().min(0).max(1440).optional(),
  customerSignatureName: z.string().trim().max(200).optional(),
  complete: z.boolean().default(false),
});
export type VisitReportInput = z.infer<typeof VisitReportBody>;

export const CancelVisitBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const VisitsQuery = z.strictObject({
  state: z.enum(VISIT_STATES).optional(),
  technicianId: z.uuid().optional().describe('Admins and agents: one technician\'s visits; technicians always get their own'),
});

export const CalendarQuery = z.strictObject({ token: z.string().max(200).optional().describe('The feed token, for calendar apps that carry no session') });

const Decision = z.object({ rule: z.enum(VISIT_RULES), billable: z.boolean(), allowed: z.boolean(), needsConsent: z.boolean() });

export const VisitResponse = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  ticketNumber: z.string(),
  brandId: z.uuid(),
  timeZone: z.string(),
  unit: z.object({ id: z.uuid(), serial: z.string(), modelName: z.record(z.string(), z.string()) }),
  technician: z.object({ id: z.uuid(), name: z.string() }),
  address: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  state: z.enum(VISIT_STATES),
  billable: z.boolean(),
  rule: z.enum(VISIT_RULES),
  customerAcceptsCharges: z.boolean(),
  report: z.object({
    workDone: z.string().nullable(),
    outcome: z.enum(VISIT_OUTCOMES).nullable(),
    timeSpentMinutes: z.number().int().nullable(),
    customerSignatureName: z.string().nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  }),
  cancelledReason: z.string().nullable(),
  createdAt: z.string(),
  /** May the reader write the report (the assigned technician, or an admin)? */
  mayReport: z.boolean(),
});
export type VisitResponseType = z.infer<typeof VisitResponse>;

export const TicketVisitsResponse = z.object({
  items: z.array(VisitResponse),
  /** Staff only: for each of the ticket's units, what scheduling a visit would decide today. */
  units: z.array(z.object({ unitId: z.uuid(), serial: z.string(), warrantyOutcome: z.enum(WARRANTY_OUTCOMES), contractLevel: z.string(), decision: Decision })),
  /** Staff only: the brand's technicians. */
  technicians: z.array(z.object({ id: z.uuid(), name: z.string() })),
  timeZone: z.string(),
});

export const VisitsPage = z.object({ items: z.array(VisitResponse) });

export const CalendarFeedResponse = z.object({ url: z.string().describe('The subscription address; shown once, a new one revokes it') });
