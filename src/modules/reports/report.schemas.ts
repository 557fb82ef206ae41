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
export const ReportChartParams = ReportParams.extend({ chart: z.enum(REPORT_CHARTS) });

const ReportHeader = z.object({
  brandId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  groupId: z.string().nullable(),
});

const ReportCharts = z.object({
  backlog: z.array(z.object({ day: z.string(), open: z.number() })),
  sla: z.array(z.object({ week: z.string(), firstResponseMet: z.number(), firstResponseBreached: z.number(), resolutionMet: z.number(), resolutionBreached: z.number() })),
  channels: z.array(z.object({ channel: z.string(), tickets: z.number() })),
  products: z.array(z.object({ modelId: z.string().nullable(), modelCode: z.string().nullable(), modelName: z.string().nullable(), tickets: z.number() })),
  timeInStatus: z.array(z.object({ status: z.string(), stays: z.number().describe('Stays in the status that ended in the range'), averageHours: z.number(), medianHours: z.number() })),
  workload: z.array(z.object({ agentId: z.string(), agentName: z.string(), openTickets: z.number(), handled: z.number() })),
  handled: z.array(z.object({ week: z.string(), agentId: z.string(), agentName: z.string(), handled: z.number() })),
});

/** Every chart at once. */
export const ReportResponse = ReportHeader.extend(ReportCharts.shape);
export type ReportResponse = z.infer<typeof ReportResponse>;

/** One chart (`chart` names it), under its own key: the page asks each chart apart and draws each as it comes. */
export const ReportChartResponse = ReportHeader.extend({ chart: z.enum(REPORT_CHARTS) }).extend(ReportCharts.partial().shape);
export type ReportChartResponse = z.infer<typeof ReportChartResponse>;

/** The key of each chart in the answers. */
export const CHART_KEYS = {
  backlog: 'backlog',
  sla: 'sla',
  channels: 'channels',
  products: 'products',
  'time-in-status': 'timeInStatus',
  workload: 'workload',
  handled: 'handled',
} as const satisfies Record<(typeof REPORT_CHARTS)[number], keyof z.infer<typeof ReportCharts>>;
