import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';
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
 * million tickets). While new filters load, each chart keeps showing its last figures
 * (`keepPreviousData` does not carry over between the keys of `useQueries`, TanStack/query#7051).
 */
export function useReportCharts(brandId: string | null, filters: ReportFilters): Record<ReportChart, UseQueryResult<ReportChartData>> {
  const results = useQueries({
    queries: REPORT_CHARTS.map((chart) => ({
      queryKey: ['reports', brandId, chart, filters],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        ok(api.GET('/api/v1/reports/brands/{brandId}/charts/{chart}', { params: { path: { brandId: brandId!, chart }, query: filters }, signal })),
      enabled: brandId !== null,
    })),
  });
  const last = useRef<Partial<Record<ReportChart, ReportChartData>>>({});
  return Object.fromEntries(
    REPORT_CHARTS.map((chart, i) => {
      const result = results[i]!;
      if (result.data !== undefined) last.current[chart] = result.data;
      return [chart, result.data !== undefined ? result : ({ ...result, data: last.current[chart] } as UseQueryResult<ReportChartData>)];
    }),
  ) as Record<ReportChart, UseQueryResult<ReportChartData>>;
}

/** The server's CSV of one chart, as a download link (the session cookie goes with it). */
export function csvHref(brandId: string, chart: ReportChart, filters: ReportFilters): string {
  return `/api/v1/reports/brands/${brandId}/csv/${chart}${buildQuery({ ...filters })}`;
}
