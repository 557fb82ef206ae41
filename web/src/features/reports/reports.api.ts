import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { api, buildQuery, ok } from '../../api/client';
import type { ResponseOf } from '../../api/types';

/** One chart of a brand's reports (issue 14), under its own key, computed by the server in SQL. */
export type ReportChartData = ResponseOf<'/api/v1/reports/brands/{brandId}/charts/{chart}', 'get'>;

/** The charts, in the page's order, each with its own request and CSV download (the server's chart names). */
export const REPORT_CHARTS = ['backlog', 'sla', 'channels', 'products', 'time-in-status', 'workload', 'handled'] as const;
export type ReportChart = (typeof REPORT_CHARTS)[number];

export interface ReportFilters { from?: string; to?: string; groupId?: string }

/**
 * Every chart of the brand's reports, one request each: a chart is drawn as soon as its own figures
 * are in, instead of the whole page waiting for the slowest (time in status over a year, at a
 * million tickets).
 */
export function useReportCharts(brandId: string | null, filters: ReportFilters): Record<ReportChart, UseQueryResult<ReportChartData>> {
  const results = useQueries({
    queries: REPORT_CHARTS.map((chart) => ({
      queryKey: ['reports', brandId, chart, filters],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        ok(api.GET('/api/v1/reports/brands/{brandId}/charts/{chart}', { params: { path: { brandId: brandId!, chart }, query: filters }, signal })),
      enabled: brandId !== null,
      placeholderData: keepPreviousData,
    })),
  });
  return Object.fromEntries(REPORT_CHARTS.map((chart, i) => [chart, results[i]!])) as Record<ReportChart, UseQueryResult<ReportChartData>>;
}

/** The server's CSV of one chart, as a download link (the session cookie goes with it). */
export function csvHref(brandId: string, chart: ReportChart, filters: ReportFilters): string {
  return `/api/v1/reports/brands/${brandId}/csv/${chart}${buildQuery({ ...filters })}`;
}
