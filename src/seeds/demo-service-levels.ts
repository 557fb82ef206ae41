import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { type CalendarDefinition, SEED_CALENDARS } from '../modules/calendars/index.ts';
import { recomputeBrand } from '../modules/sla/index.ts';

/** Charge Amps (Sweden): office hours in Stockholm, Swedish public holidays; no policy (first come first served). */
const CHARGE_AMPS_CALENDAR: { brandSlug: string; name: string; definition: CalendarDefinition } = {
  brandSlug: 'charge-amps',
  name: 'Kontorstid',
  definition: {
    timeZone: 'Europe/Stockholm',
    week: { mon: [{ start: '08:00', end: '17:00' }], tue: [{ start: '08:00', end: '17:00' }], wed: [{ start: '08:00', end: '17:00' }], thu: [{ start: '08:00', end: '17:00' }], fri: [{ start: '08:00', end: '16:00' }], sat: [], sun: [] },
    holidays: { country: 'SE', types: ['public'] },
    holidayAdditions: [{ date: '2026-06-19', name: 'Midsommarafton' }],
    holidayRemovals: [],
    closures: [],
    dayOverrides: [],
  },
};

interface DemoPolicy {
  brandSlug: string;
  calendar: string;
  name: string;
  contractLevel?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  firstResponseMinutes?: number;
  nextUpdateMinutes?: number;
  resolutionMinutes?: number;
  callbackMinutes?: number;
  clockStart?: 'created' | 'accepted';
  warningMinutes?: number;
}

const H = 60;
/** A Carri working day: 9:00–12:15 and 13:30–18:00 make 7 h 45. */
const CARRI_DAY = 465;

const POLICIES: DemoPolicy[] = [
  // Seed 000: "un technicien vous recontactera dans les délais impartis et prévus par votre contrat".
  { brandSlug: 'carri', calendar: SEED_CALENDARS.carriHotline.name, name: 'Garantie de base', firstResponseMinutes: 4 * H, callbackMinutes: CARRI_DAY, nextUpdateMinutes: 2 * CARRI_DAY, resolutionMinutes: 5 * CARRI_DAY },
  { brandSlug: 'carri', calendar: SEED_CALENDARS.carriHotline.name, name: 'Contrat Premium', contractLevel: 'premium', firstResponseMinutes: H, callbackMinutes: 2 * H, nextUpdateMinutes: CARRI_DAY, resolutionMinutes: 2 * CARRI_DAY, warningMinutes: 30 },
  // Seed 003: "la période de traitement ne doit pas dépasser 48 heures" on working days only,
  // counted from acceptance (the confirmation e-mail); it pauses while the customer owes
  // information, and a changed plan is told to the customer (schedule changes).
  { brandSlug: 'eiler', calendar: SEED_CALENDARS.eilerProcessing.name, name: 'Обработка 48 часов', clockStart: 'accepted', resolutionMinutes: 48 * H, warningMinutes: 4 * H },
  // Seed 004: Bucharest service centre, Monday to Friday 9:00–18:00.
  { brandSlug: 'smart-id', calendar: SEED_CALENDARS.smartIdWorkshop.name, name: 'Service standard', firstResponseMinutes: 9 * H, resolutionMinutes: 5 * 9 * H },
];

/** The customer organisation holding Carri's premium contract, and the groups' leads. */
const PREMIUM_ORGS = ['Imprimerie Martin SARL'];
const GROUP_LEADS: Record<string, string> = {
  carri: 'agent@carri.example',
  eiler: 'agent@eiler.example',
  'smart-id': 'agent@smart-id.example',
  'charge-amps': 'agent@charge-amps.example',
  mecashop: 'agent@mecashop.example',
};

/**
 * The demo brands' calendars, policies, premium contract and group leads. Idempotent and also run
 * on databases seeded before service levels existed: a brand that already has a calendar is left
 * as it is. Returns the brands it set up (their open tickets are then recomputed).
 */
export async function seedServiceLevels(db: Db, now: Date): Promise<string[]> {
  const done = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('apres-demo-seed'))`.execute(trx);
    const brands = await trx.selectFrom('brand').select(['id', 'slug']).execute();
    const bySlug = new Map(brands.map((b) => [b.slug, b.id]));
    const withCalendars = new Set((await trx.selectFrom('business_calendar').select('brand_id').execute()).map((r) => r.brand_id));
    const setUp: string[] = [];
    const calendars = [...Object.values(SEED_CALENDARS), CHARGE_AMPS_CALENDAR];
    for (const slug of new Set(calendars.map((c) => c.brandSlug))) {
      const brandId = bySlug.get(slug);
      if (!brandId || withCalendars.has(brandId)) continue;
      const ids = new Map<string, string>();
      for (const c of calendars.filter((x) => x.brandSlug === slug)) {
        const row = await trx.insertInto('business_calendar').values({ brand_id: brandId, name: c.name, definition: JSON.stringify(c.definition) }).returning('id').executeTakeFirstOrThrow();
        ids.set(c.name, row.id);
      }
      for (const p of POLICIES.filter((x) => x.brandSlug === slug)) {
        await trx
          .insertInto('sla_policy')
          .values({
            brand_id: brandId,
            name: p.name,
            calendar_id: ids.get(p.calendar)!,
            contract_level: p.contractLevel ?? null,
            priority: p.priority ?? null,
            first_response_minutes: p.firstResponseMinutes ?? null,
            next_update_minutes: p.nextUpdateMinutes ?? null,
            resolution_minutes: p.resolutionMinutes ?? null,
            callback_minutes: p.callbackMinutes ?? null,
            clock_start: p.clockStart ?? 'created',
            warning_minutes: p.warningMinutes ?? 60,
          })
          .execute();
      }
      const lead = await trx.selectFrom('app_user').select('id').where('email', '=', GROUP_LEADS[slug] ?? '').executeTakeFirst();
      if (lead) await trx.updateTable('agent_group').set({ lead_id: lead.id }).where('brand_id', '=', brandId).where('lead_id', 'is', null).execute();
      setUp.push(brandId);
    }
    if (setUp.length) {
      await trx.updateTable('organisation').set({ contract_level: 'premium' }).where('name', 'in', PREMIUM_ORGS).execute();
      await trx
        .updateTable('ticket')
        .set({ contract_level: 'premium' })
        .where('organisation_id', 'in', trx.selectFrom('organisation').select('id').where('name', 'in', PREMIUM_ORGS))
        .execute();
    }
    return setUp;
  });
  for (const brandId of done) await recomputeBrand(db, brandId, { now: () => now });
  return done;
}
