import { z } from 'zod';

/** The reports' filters: local dates of the brand (inclusive) and an optional group. */
export const ReportQuery = z.object({
  from: z.iso.date().optional().describe('First day, YYYY-MM-DD in the brand\'s time zone (default: 29 days before `to`)'),
  to: z.iso.date().optional().describe('Last day, YYYY-MM-DD in the brand\'s time zone (default: today)'),
  groupId: z.uuid().optional().describe('Only tickets of this group (its current group)'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const REPORT_CHARTS = ['backlog', 'sla', 'channels', 'products', 'time-in-status', 'workload', 'handled'] as const;
export type ReportChart = (typeof REPORT_CHARTS)[number];

export const ReportParams = z.object({ brandId: z.uuid() });
export const ReportCsvParams = ReportParams.extend({ chart: z.enum(REPORT_CHARTS) });

export const ReportResponse = z.object({
  brandId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  groupId: z.string().nullable(),
  backlog: z.array(z.object({ day: z.string(), open: z.number() })),
  sla: z.array(z.object({ week: z.string(), firstResponseMet: z.number(), firstResponseBreached: z.number(), resolutionMet: z.number(), resolutionBreached: z.number() })),
  channels: z.array(z.object({ channel: z.string(), tickets: z.number() })),
  products: z.array(z.object({ modelId: z.string().nullable(), modelCode: z.string().nullable(), modelName: z.string().nullable(), tickets: z.number() })),
  timeInStatus: z.array(z.object({ status: z.string(), tickets: z.number(), averageHours: z.number(), medianHours: z.number() })),
  workload: z.array(z.object({ agentId: z.string(), agentName: z.string(), openTickets: z.number(), handled: z.number() })),
  handled: z.array(z.object({ week: z.string(), agentId: z.string(), agentName: z.string(), handled: z.number() })),
});
export type ReportResponse = z.infer<typeof ReportResponse>;
