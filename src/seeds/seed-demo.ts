import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Locale, OrganisationKind, Role } from '../platform/db/schema.ts';
import { loadActor } from '../modules/auth/index.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { addEntry } from '../modules/tickets/index.ts';
import { createTicket } from '../modules/tickets/index.ts';
import { updateTicket } from '../modules/tickets/index.ts';
import { CreateTicketBody } from '../modules/tickets/index.ts';
import { DEMO_BRANDS } from './demo-brands.ts';
import { DEMO_TICKETS } from './demo-tickets.ts';

import { seedServiceLevels } from './demo-service-levels.ts';
import { seedCatalog } from './demo-catalog.ts';
import { seedServiceCentres } from './demo-service-centres.ts';

export const DEMO_PASSWORD = 'apres-demo';

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  brands: string[];
  groups?: string[];
  org?: string;
}

const ORGS: { name: string; kind: OrganisationKind; parent?: string }[] = [
  { name: 'Nordic EV Distribution AB', kind: 'distributor' },
  { name: 'Laddexperten AB', kind: 'reseller', parent: 'Nordic EV Distribution AB' },
  { name: 'Brf Solsidan', kind: 'customer', parent: 'Laddexperten AB' },
  { name: 'Imprimerie Martin SARL', kind: 'customer' },
];

const GROUPS: Record<string, string[]> = {
  carri: ['Hotline', 'Interventions sur site'],
  mecashop: ['SAV', 'Atelier'],
  'charge-amps': ['Support', 'RMA'],
  eiler: ['Техподдержка'],
  'smart-id': ['Service'],
};

const USERS: DemoUser[] = [
  { email: 'admin@apres.example', name: 'Alex Admin', role: 'admin', locale: 'en', brands: DEMO_BRANDS.map((b) => b.slug) },
  { email: 'agent@carri.example', name: 'Sophie Lefèvre', role: 'agent', locale: 'fr', brands: ['carri'], groups: ['carri/Hotline'] },
  { email: 'tech@carri.example', name: 'Marc Girard', role: 'technician', locale: 'fr', brands: ['carri'], groups: ['carri/Interventions sur site'] },
  { email: 'client@carri.example', name: 'Jean Dupont', role: 'customer', locale: 'fr', brands: ['carri'], org: 'Imprimerie Martin SARL' },
  { email: 'agent@mecashop.example', name: 'Julie Moreau', role: 'agent', locale: 'fr', brands: ['mecashop'], groups: ['mecashop/SAV'] },
  { email: 'client@mecashop.example', name: 'Camille Bernard', role: 'customer', locale: 'fr', brands: ['mecashop'] },
  { email: 'agent@charge-amps.example', name: 'Erik Lindqvist', role: 'agent', locale: 'sv', brands: ['charge-amps'], groups: ['charge-amps/Support', 'charge-amps/RMA'] },
  { email: 'reseller@charge-amps.example', name: 'Anna Berg (Laddexperten)', role: 'reseller', locale: 'sv', brands: ['charge-amps'], org: 'Laddexperten AB' },
  { email: 'distributor@charge-amps.example', name: 'Johan Ek (Nordic EV)', role: 'distributor', locale: 'sv', brands: ['charge-amps'], org: 'Nordic EV Distribution AB' },
  { email: 'kund@charge-amps.example', name: 'Karin Nilsson', role: 'customer', locale: 'sv', brands: ['charge-amps'], org: 'Brf Solsidan' },
  { email: 'agent@eiler.example', name: 'Ольга Смирнова', role: 'agent', locale: 'ru', brands: ['eiler'], groups: ['eiler/Техподдержка'] },
  { email: 'client@eiler.example', name: 'Иван Петров', role: 'customer', locale: 'ru', brands: ['eiler'] },
  { email: 'agent@smart-id.example', name: 'Andrei Popescu', role: 'agent', locale: 'ro', brands: ['smart-id'], groups: ['smart-id/Service'] },
  { email: 'client@smart-id.example', name: 'Maria Ionescu', role: 'customer', locale: 'ro', brands: ['smart-id'] },
];

export interface SeedReport {
  created: boolean;
  accounts: { email: string; role: Role; brands: string[] }[];
}

/**
 * Seeds the five demo brands once. Idempotent: a brand already present (by slug) is left as it
 * is, so a restart or a second process changes nothing. Runs in one transaction.
 */
export async function seedDemo(db: Db, now: Date): Promise<SeedReport> {
  const existing = await db.selectFrom('brand').select('slug').execute();
  if (DEMO_BRANDS.every((b) => existing.some((e) => e.slug === b.slug))) {
    // Databases seeded before service levels (or the catalog) existed get them too.
    await seedServiceLevels(db, now);
    await seedCatalog(db, now);
    await seedServiceCentres(db, now);
    return { created: false, accounts: [] };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db.transaction().execute(async (trx) => {
    // Several processes starting together on one PostgreSQL: one seeds, the others find it done.
    await sql`select pg_advisory_xact_lock(hashtext('apres-demo-seed'))`.execute(trx);
    const present = await trx.selectFrom('brand').select('slug').execute();
    if (DEMO_BRANDS.every((b) => present.some((e) => e.slug === b.slug))) return false;
    const brandIds = new Map<string, string>();
    for (const b of DEMO_BRANDS) {
      const row = await trx
        .insertInto('brand')
        .values({
          slug: b.slug,
          name: b.name,
          country: b.country,
          time_zone: b.timeZone,
          default_locale: b.defaultLocale,
          locales: b.locales,
          support_email: b.supportEmail,
          phone: b.phone,
          ticket_number_format: b.ticketNumberFormat,
          settings: JSON.stringify(b.settings),
        })
        .onConflict((oc) => oc.column('slug').doUpdateSet({ slug: b.slug }))
        .returning('id')
        .executeTakeFirstOrThrow();
      brandIds.set(b.slug, row.id);
    }
    for (const b of DEMO_BRANDS) {
      // Inbound through the built-in SMTP receiver; no outgoing server until an admin sets one, so
      // outgoing mail goes to the built-in outbox (Admin → Outbox) rather than being held (issue 14).
      await trx
        .insertInto('mailbox')
        .values({ brand_id: brandIds.get(b.slug)!, address: b.supportEmail, display_name: `${b.name}`, imap: null, smtp: null, outbox: true })
        .onConflict((oc) => oc.expression(sql`lower(address)`).doNothing())
        .execute();
    }
    const groupIds = new Map<string, string>();
    for (const [slug, names] of Object.entries(GROUPS)) {
      for (const name of names) {
        const g = await trx
          .insertInto('agent_group')
          .values({ brand_id: brandIds.get(slug)!, name })
          .onConflict((oc) => oc.columns(['brand_id', 'name']).doUpdateSet({ name }))
          .returning('id')
          .executeTakeFirstOrThrow();
        groupIds.set(`${slug}/${name}`, g.id);
      }
    }
    const orgIds = new Map<string, string>();
    for (const o of ORGS) {
      const found = await trx.selectFrom('organisation').select('id').where('name', '=', o.name).executeTakeFirst();
      const id =
        found?.id ??
        (await trx.insertInto('organisation').values({ name: o.name, kind: o.kind, parent_id: o.parent ? orgIds.get(o.parent)! : null }).returning('id').executeTakeFirstOrThrow()).id;
      orgIds.set(o.name, id);
    }
    const userIds = new Map<string, string>();
    for (const u of USERS) {
      const found = await trx.selectFrom('app_user').select('id').where('email', '=', u.email).executeTakeFirst();
      const id =
        found?.id ??
        (
          await trx
            .insertInto('app_user')
            .values({ email: u.email, name: u.name, role: u.role, locale: u.locale, phone: null, organisation_id: u.org ? orgIds.get(u.org)! : null, password_hash: passwordHash })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      userIds.set(u.email, id);
      for (const slug of u.brands) {
        await trx.insertInto('user_brand').values({ user_id: id, brand_id: brandIds.get(slug)! }).onConflict((oc) => oc.doNothing()).execute();
      }
      for (const g of u.groups ?? []) {
        await trx.insertInto('group_member').values({ group_id: groupIds.get(g)!, user_id: id }).onConflict((oc) => oc.doNothing()).execute();
      }
    }
    for (const t of DEMO_TICKETS) {
      const brandId = brandIds.get(t.brand)!;
      const author = (await loadActor(trx, userIds.get(t.by)!))!;
      const body = CreateTicketBody.parse({ brandId, ...t.ticket, ...(t.requester ? { requesterEmail: t.requester } : {}) });
      const ticket = await createTicket(trx, author, body, new Date(now.getTime() - t.hoursAgo * 3600_000));
      for (const e of t.entries ?? []) {
        const who = (await loadActor(trx, userIds.get(e.by)!))!;
        await addEntry(trx, who, ticket.id, { kind: e.kind, body: e.body, attachmentIds: [] }, new Date(now.getTime() - e.hoursAgo * 3600_000));
      }
      if (t.status) {
        const agent = (await loadActor(trx, userIds.get(t.statusBy ?? t.by)!))!;
        await updateTicket(trx, agent, ticket.id, { status: t.status }, now);
      }
    }
    return true;
  });
  await seedServiceLevels(db, now);
  await seedCatalog(db, now);
  await seedServiceCentres(db, now);
  if (!created) return { created: false, accounts: [] };
  return {
    created: true,
    accounts: USERS.map((u) => ({ email: u.email, role: u.role, brands: u.brands })),
  };
}
