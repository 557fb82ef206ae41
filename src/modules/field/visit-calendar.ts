import crypto from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { formatDateTime, localised, translator } from '../../platform/i18n/i18n.ts';
import type { Actor } from '../auth/index.ts';
import { feedVisitRows, findFeed, saveFeed } from './visit.queries.ts';

const technicianNotFound = () => notFound('TECHNICIAN_NOT_FOUND', 'Technician');
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function findTechnician(db: Db, technicianId: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.name', 'u.locale'])
    .select((eb) => eb.selectFrom('user_brand as ub').innerJoin('brand as b', 'b.id', 'ub.brand_id').select('b.time_zone').whereRef('ub.user_id', '=', 'u.id').orderBy('b.slug').limit(1).as('time_zone'))
    .where('u.id', '=', technicianId)
    .where('u.role', '=', 'technician')
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/**
 * A technician's visits as an iCalendar feed (RFC 5545, built by ical-generator): times in UTC, the
 * brand's zone named (X-WR-TIMEZONE) and written in the description, the address as LOCATION, the
 * ticket number in the summary, in the technician's language. Read by the technician themselves
 * (session or API token), an admin, or a calendar app holding the feed's token — anyone else, and
 * a wrong token, find nothing.
 */
export async function technicianCalendar(db: Db, caller: { actor: Actor | null; token: string | undefined }, technicianId: string, now: Date): Promise<{ ics: string; filename: string }> {
  if (caller.token !== undefined) {
    const feed = await findFeed(db, hash(caller.token));
    if (!feed || feed.technician_id !== technicianId) throw technicianNotFound();
  } else {
    if (!caller.actor) throw new AppError('AUTH_REQUIRED', 401, 'Log in first, or use the feed address with its token');
    if (caller.actor.role !== 'admin' && caller.actor.userId !== technicianId) throw technicianNotFound();
  }
  const tech = await findTechnician(db, technicianId);
  if (!tech) throw technicianNotFound();
  const t = translator(tech.locale);
  const visits = await feedVisitRows(db, technicianId, new Date(now.getTime() - 90 * 86_400_000));
  const calendar = ical({
    name: t('field.calendarName', { name: tech.name }),
    prodId: { company: 'Apres', product: 'Apres', language: tech.locale.toUpperCase() },
    ttl: 15 * 60,
    // Events are in UTC; the zone is named for apps that show it (the brand's, seed 000: Europe/Paris).
    x: tech.time_zone ? [['X-WR-TIMEZONE', tech.time_zone]] : [],
  });
  for (const v of visits) {
    const serial = v.serial ?? v.licence_key ?? '';
    const model = localised(v.model_name, tech.locale, '');
    calendar.createEvent({
      id: `${v.id}@apres`,
      start: v.window_start,
      end: v.window_end,
      stamp: v.created_at,
      summary: t('field.eventSummary', { number: v.ticket_number, subject: v.ticket_subject }),
      location: v.address,
      description: [
        t('field.eventWindow', { start: formatDateTime(v.window_start, tech.locale, v.time_zone), end: formatDateTime(v.window_end, tech.locale, v.time_zone) }),
        t('field.eventUnit', { model, serial }),
        v.billable ? t('field.eventBillable', { rule: t(`field.rule.${v.rule}`) }) : t('field.eventCovered', { rule: t(`field.rule.${v.rule}`) }),
      ].join('\n'),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return { ics: calendar.toString(), filename: `visits-${technicianId}.ics` };
}

/**
 * A new subscription address for a technician's feed (themselves, or an admin for them): the
 * token is shown once, only its hash is kept, and issuing one revokes the previous address.
 */
export async function issueCalendarFeed(db: Db, actor: Actor, technicianId: string, baseUrl: string, now: Date) {
  if (actor.role !== 'admin' && actor.userId !== technicianId) throw technicianNotFound();
  if (!(await findTechnician(db, technicianId))) throw technicianNotFound();
  const token = crypto.randomBytes(32).toString('base64url');
  await saveFeed(db, technicianId, hash(token), now);
  return { url: `${baseUrl.replace(/\/$/, '')}/api/v1/technicians/${technicianId}/calendar.ics?token=${token}` };
}
