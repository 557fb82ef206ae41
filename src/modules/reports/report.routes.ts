import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ReportChartResponse, ReportChartParams, ReportParams, ReportQuery, ReportResponse } from './report.schemas.ts';
import { getReport, getReportChart, getReportCsv } from './report.service.ts';

/** What the composition root hands these routes. */
export interface ReportRoutesOptions { db: Db }

export const reportRoutes: FastifyPluginAsyncZod<ReportRoutesOptions> = async (app, { db }) => {
  app.get(
    '/reports/brands/:brandId',
    {
      config: { access: 'staff' },
      schema: { tags: ['reports'], summary: "A brand's reports over a range of days: backlog, service levels, channels, products, time in status, workload", params: ReportParams, querystring: ReportQuery, response: { 200: ReportResponse } },
    },
    async (request) => getReport(db, request.actor, request.params.brandId, request.query, request.now),
  );
  app.get(
    '/reports/brands/:brandId/charts/:chart',
    {
      config: { access: 'staff' },
      schema: { tags: ['reports'], summary: "One chart of a brand's reports, under its own key (the page asks each chart apart)", params: ReportChartParams, querystring: ReportQuery, response: { 200: ReportChartResponse } },
    },
    async (request) => getReportChart(db, request.actor, request.params.brandId, request.params.chart, request.query, request.now),
  );
  app.get(
    '/reports/brands/:brandId/csv/:chart',
    {
      config: { access: 'staff' },
      schema: { tags: ['reports'], summary: "One chart's data as CSV (ISO dates in the brand's time zone)", params: ReportChartParams, querystring: ReportQuery, response: { 200: z.string() } },
    },
    async (request, reply) => {
      const { csv, filename } = await getReportCsv(db, request.actor, request.params.brandId, request.params.chart, request.query, request.now);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').send(csv);
    },
  );
};
