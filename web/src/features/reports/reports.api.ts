import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildQuery, ok } from '../../api/client';
import type { ResponseOf } from '../../api/types';

/** A brand's reports (issue 14): every chart's data in one answer, computed by the server in SQL. */
export type Report = ResponseOf<'/api/v1/reports/brands/{brandId}', 'get'>;

/** The charts, each with its own CSV download (the server's chart names). */
export type ReportChart = 'backlog' | 'sla' | 'channels' | 'products' | 'time-in-status' | 'workload' | 'handled';

export interface ReportFilters { from?: string; to?: string; groupId?: string }

export function useReport(brandId: string | null, filters: ReportFilters) {
  return useQuery({
    queryKey: ['reports', brandId, filters],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/reports/brands/{brandId}', { params: { path: { brandId: brandId! }, query: filters }, signal })),
    enabled: brandId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The server's CSV of one chart, as a download link (the session cookie goes with it). */
export function csvHref(brandId: string, chart: ReportChart, filters: ReportFilters): string {
  return `/api/v1/reports/brands/${brandId}/csv/${chart}${buildQuery({ ...filters })}`;
}
