import { stringify } from 'csv-stringify/sync';
import { expressionBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { TICKET_CHANNELS, TICKET_STATUSES } from '../../shared/vocabulary.ts';
import type { Actor } from '../auth/index.ts';
import { ticketVisibleTo } from '../tickets/index.ts';
import { backlogByDay, handledByWeek, type ReportScope, slaByWeek, ticketsByChannel, ticketsByProduct, timeInStatus, workloadByAgent } from './report.queries.ts';
import { CHART_KEYS, REPORT_CHARTS, type ReportChart, type ReportChartResponse, type ReportQuery, type ReportResponse } from './report.schemas.ts';

/** A year and a day: the backlog has one point per day, and a year compares like with like. */
const MAX_DAYS = 366;

interface Scope extends ReportScope { brandSlug: string; locales: string[] }

/**
 * Who may read a brand's reports and over what: agents their own brands, admins every brand
 * (technicians and portal roles are refused); a brand out of reach is not found. The figures are
 * those of the tickets the person may see (`ticketVisibleTo`), so an agent's report never counts a
 * ticket of a group closed to them.
 */
async function loadScope(db: Db, actor: Actor, brandId: string, query: ReportQuery, now: Date): Promise<Scope> {
  if (actor.role !== 'agent' && actor.role !== 'admin') throw forbidden('Reports are for agents and administrators');
  if (actor.role === 'agent' && !actor.brandIds.includes(brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const brand = await db.selectFrom('brand').select(['id', 'slug', 'time_zone', 'default_locale']).where('id', '=', brandId).executeTakeFirst();
  if (!brand) throw notFound('BRAND_NOT_FOUND', 'Brand');
  if (query.groupId) {
    const group = await db.selectFrom('agent_group').select('id').where('id', '=', query.groupId).where('brand_id', '=', brandId).executeTakeFirst();
    if (!group) throw notFound('GROUP_NOT_FOUND', 'Group');
  }
  // An agent sees the tickets of their groups and those in none: the whole brand when they are in
  // every group of it.
  let visibleGroups: string[] | null = null;
  if (actor.role === 'agent') {
    const groups = await db.selectFrom('agent_group').select('id').where('brand_id', '=', brandId).execute();
    if (!groups.every((g) => actor.groupIds.includes(g.id))) visibleGroups = groups.map((g) => g.id).filter((id) => actor.groupIds.includes(id));
  }
  const zone = brand.time_zone;
  const to = query.to ? DateTime.fromISO(query.to, { zone }) : DateTime.fromJSDate(now, { zone }).startOf('day');
  const from = query.from ? DateTime.fromISO(query.from, { zone }) : to.minus({ days: 29 });
  if (from > to) throw validationFailed([{ field: 'from', code: 'after_to', message: `from (${from.toISODate()}) is after to (${to.toISODate()})` }]);
  if (to.diff(from, 'days').days + 1 > MAX_DAYS) throw validationFailed([{ field: 'to', code: 'too_big', message: `a report spans at most ${MAX_DAYS} days` }]);
  return {
    brandId,
    brandSlug: brand.slug,
    locales: [actor.locale, brand.default_locale, 'en'],
    timeZone: zone,
    from: from.toISODate()!,
    to: to.toISODate()!,
    startAt: from.startOf('day').toJSDate(),
    endAt: to.plus({ days: 1 }).startOf('day').toJSDate(),
    groupId: query.groupId ?? null,
    visible: ticketVisibleTo(actor)(expressionBuilder<DB & { t: DB['ticket'] }, 't'>()),
    visibleGroups,
    now,
  };
}

const localName = (name: Record<string, string> | null, locales: string[]): string | null =>
  name ? (locales.map((l) => name[l]).find((v) => v) ?? Object.values(name)[0] ?? null) : null;

type Sections = Omit<ReportResponse, 'brandId' | 'timeZone' | 'from' | 'to' | 'groupId'>;

const SECTIONS: { [K in ReportChart]: (db: Db, s: Scope) => Promise<Sections[keyof Sections]> } = {
  backlog: backlogByDay,
  sla: async (db, s) => {
    const weeks = new Map<string, Sections['sla'][number]>();
    for (const r of await slaByWeek(db, s)) {
      const w = weeks.get(r.week) ?? { week: r.week, firstResponseMet: 0, firstResponseBreached: 0, resolutionMet: 0, resolutionBreached: 0 };
      if (r.kind === 'first_response') Object.assign(w, { firstResponseMet: r.met, firstResponseBreached: r.breached });
      else Object.assign(w, { resolutionMet: r.met, resolutionBreached: r.breached });
      weeks.set(r.week, w);
    }
    return [...weeks.values()];
  },
  channels: (db, s) => ticketsByChannel(db, s, TICKET_CHANNELS),
  products: async (db, s) => (await ticketsByProduct(db, s)).map((r) => ({ ...r, modelName: localName(r.modelName, s.locales) })),
  'time-in-status': async (db, s) => (await timeInStatus(db, s)).sort((a, b) => TICKET_STATUSES.indexOf(a.status as never) - TICKET_STATUSES.indexOf(b.status as never)),
  workload: workloadByAgent,
  handled: handledByWeek,
};

/** Every chart of a brand's reports over the range, computed in SQL. */
export async function getReport(db: Db, actor: Actor, brandId: string, query: ReportQuery, now: Date): Promise<ReportResponse> {
  const s = await loadScope(db, actor, brandId, query, now);
  const out: Record<string, unknown> = { brandId, timeZone: s.timeZone, from: s.from, to: s.to, groupId: s.groupId };
  // One after the other: the embedded store has one connection, and the server's pool is shared.
  for (const chart of REPORT_CHARTS) out[CHART_KEYS[chart]] = await SECTIONS[chart](db, s);
  return out as ReportResponse;
}

/**
 * One chart of a brand's reports. The page asks for each chart apart, so a chart is drawn as soon
 * as its own query is done, and on the server store the charts are computed side by side.
 */
export async function getReportChart(db: Db, actor: Actor, brandId: string, chart: ReportChart, query: ReportQuery, now: Date): Promise<ReportChartResponse> {
  const s = await loadScope(db, actor, brandId, query, now);
  return { brandId, timeZone: s.timeZone, from: s.from, to: s.to, groupId: s.groupId, chart, [CHART_KEYS[chart]]: await SECTIONS[chart](db, s) };
}

/** Column headers of each chart's CSV, in the order of its rows' keys below. */
const CSV_COLUMNS: Record<ReportChart, string[]> = {
  backlog: ['day', 'open_tickets'],
  sla: ['week_starting', 'first_response_met', 'first_response_breached', 'resolution_met', 'resolution_breached'],
  channels: ['channel', 'tickets'],
  products: ['model_code', 'model_name', 'tickets'],
  'time-in-status': ['status', 'stays', 'average_hours', 'median_hours'],
  workload: ['agent', 'open_assigned_tickets', 'handled_in_period'],
  handled: ['week_starting', 'agent', 'handled'],
};

function csvRows(chart: ReportChart, rows: Sections[keyof Sections]): (string | number)[][] {
  switch (chart) {
    case 'backlog': return (rows as Sections['backlog']).map((r) => [r.day, r.open]);
    case 'sla': return (rows as Sections['sla']).map((r) => [r.week, r.firstResponseMet, r.firstResponseBreached, r.resolutionMet, r.resolutionBreached]);
    case 'channels': return (rows as Sections['channels']).map((r) => [r.channel, r.tickets]);
    case 'products': return (rows as Sections['products']).map((r) => [r.modelCode ?? '', r.modelName ?? '', r.tickets]);
    case 'time-in-status': return (rows as Sections['timeInStatus']).map((r) => [r.status, r.stays, r.averageHours, r.medianHours]);
    case 'workload': return (rows as Sections['workload']).map((r) => [r.agentName, r.openTickets, r.handled]);
    case 'handled': return (rows as Sections['handled']).map((r) => [r.week, r.agentName, r.handled]);
  }
}

/**
 * One chart's data as CSV (RFC 4180, comma, header row): dates are ISO `YYYY-MM-DD` local to the
 * brand, numbers have a point for decimals, whatever the reader's language, so a spreadsheet in
 * any locale reads them back alike.
 */
export async function getReportCsv(db: Db, actor: Actor, brandId: string, chart: ReportChart, query: ReportQuery, now: Date): Promise<{ csv: string; filename: string }> {
  const s = await loadScope(db, actor, brandId, query, now);
  const rows = await SECTIONS[chart](db, s);
  const csv = stringify([CSV_COLUMNS[chart], ...csvRows(chart, rows)], { record_delimiter: '\r\n' });
  return { csv, filename: `${s.brandSlug}-${chart}-${s.from}-${s.to}.csv` };
}
