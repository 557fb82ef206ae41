export { reportRoutes, type ReportRoutesOptions } from './report.routes.ts';
export { getReport, getReportChart, getReportCsv } from './report.service.ts';
export { REPORT_CHARTS, type ReportChart } from './report.schemas.ts';
