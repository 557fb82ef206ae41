/**
 * Who a ticket is for — one requester resolution for every channel (issue 10). Two policies over the
 * same primitives: the desk and partners may only pick a customer within their reach (anyone else
 * is answered like an address nobody has); a mail's sender is the brand's customer from then on.
 */
import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DB, Locale, Role } from '../../platform/db/schema.ts';
import { AppError, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, PORTAL_ROLES } from '../auth/index.ts';
import type { CreateTicketInput } from './ticket.schemas.ts';

const accountByAddress = (db: QueryCreator<DB>, address: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'locale', 'organisation_id', 'role'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address.trim().toLowerCase()));

const toAccount = (row: { id: string; locale: Locale; organisation_id: string | null; role: Role } | undefined) =>
  row ? { id: row.id, locale: row.locale, organisationId: row.organisation_id, role: row.role } : undefined;

/** The account with this address (case-insensitive), whatever its role. */
export async function findAccountByAddress(trx: Db, address: string) {
  return toAccount(await accountByAddress(trx, address).executeTakeFirst());
}

/**
 * A new customer of the brand, without a password (they may set one by the reset link); `null` when
 * another request created an account with this address meanwhile (two first messages of one new
 * customer at once): the insert waits for that request's commit and leaves its account alone, and
 * the caller takes that account as it takes any existing one.
 */
export async function createCustomer(trx: Db, brandId: string, who: { address: string; name: string; locale: Locale }) {
  // The account and its brand link in one statement.
  const created = await trx
    .with('u', (db) => db
      .insertInto('app_user')
      .values({ email: who.address, name: who.name || who.address.split('@')[0]!, role: 'customer', locale: who.locale, phone: null, organisation_id: null, password_hash: null })
      .onConflict((oc) => oc.doNothing())
      .returning('id'))
    .with('b', (db) => db.insertInto('user_brand').columns(['user_id', 'brand_id']).expression(sql`select u.id, ${brandId}::uuid from u`))
    .selectFrom('u')
    .select('u.id')
    .executeTakeFirst();
  if (!created) return null;
  return { id: created.id, locale: who.locale, organisationId: null, role: 'customer' as const };
}

/**
 * The customer behind an address writing to a brand (e-mail today; the phone and the post tomorrow):
 * the account with that address, linked to the brand, or a new customer account without password.
 */
export async function findOrCreateCustomerByAddress(trx: Db, brandId: string, who: { address: string; name: string; locale: Locale }) {
  const found = await findLinkingCustomer(trx, brandId, who.address);
  if (found) return found;
  const created = await createCustomer(trx, brandId, who);
  if (created) return created;
  // Another request created the account meanwhile (its commit waited for): take it.
  const existing = await findLinkingCustomer(trx, brandId, who.address);
  if (!existing) throw new Error(`the account of ${who.address} was neither found nor created`);
  return existing;
}

/**
 * The account with this address, linked to the brand in the same statement if it is a customer's:
 * only a customer becomes the brand's by writing to it; for staff and partners a brand link is
 * access to the brand's data, never granted by a mail.
 */
async function findLinkingCustomer(trx: Db, brandId: string, address: string) {
  const row = await trx
    .with('f', (db) => accountByAddress(db, address))
    .with('l', (db) => db
      .insertInto('user_brand')
      .columns(['user_id', 'brand_id'])
      .expression(sql`select f.id, ${brandId}::uuid from f where f.role = 'customer'`)
      .onConflict((oc) => oc.doNothing()))
    .selectFrom('f')
    .selectAll('f')
    .executeTakeFirst();
  return toAccount(row);
}

/**
 * The customers behind many addresses at once (an orders import): the customer accounts that exist
 * are linked to the brand, the missing ones are created without a password, in two statements. A
 * staff or partner account is never linked (its brands are its access): the caller refuses such
 * an address first. The addresses are lower-cased by the caller; a name may be empty.
 */
export async function ensureCustomers(trx: Db, brandId: string, locale: Locale, who: readonly { address: string; name: string }[]): Promise<void> {
  if (!who.length) return;
  const addresses = who.map((w) => w.address);
  const names = who.map((w) => w.name);
  await ensureCustomersFrom(trx, brandId, locale, sql`select * from unnest(${addresses}::text[], ${names}::text[]) as a(address, name)`);
}

/**
 * ensureCustomers for the rows of a query (`address`, `name`, one row per address, addresses
 * lower-cased): a bulk import's staged table, however many addresses it holds, in two statements.
 */
export async function ensureCustomersFrom(trx: Db, brandId: string, locale: Locale, source: RawBuilder<{ address: string; name: string }>): Promise<void> {
  await sql`insert into app_user (email, name, role, locale)
    select a.address, coalesce(nullif(a.name, ''), split_part(a.address, '@', 1)), 'customer', ${locale}
    from (${source}) as a
    order by a.address
    on conflict (lower(email)) do nothing`.execute(trx);
  await sql`insert into user_brand (user_id, brand_id)
    select u.id, ${brandId} from (${source}) as a join app_user u on lower(u.email) = a.address
    where u.role = 'customer'
    on conflict do nothing`.execute(trx);
}

/**
 * Whether a customer is within the caller's reach, so that a ticket may be opened for them: for
 * the desk, a customer of the brand; for a reseller, a customer of the brand in an organisation
 * below it or whose cases already flow through it; for a distributor, the same one level further
 * down its chain. Anyone else — another brand's customer, another chain's, a staff or partner
 * account — is answered exactly like an address nobody has (issue 9, finding 2).
 */
async function customerInReach(trx: Db, actor: Actor, brandId: string, userId: string): Promise<boolean> {
  if (actor.role === 'admin') {
    // An admin acts for every brand: any customer, linked to this brand from now on.
    const customer = await trx.selectFrom('app_user').select('id').where('id', '=', userId).where('role', '=', 'customer').executeTakeFirst();
    if (customer) await trx.insertInto('user_brand').values({ user_id: userId, brand_id: brandId }).onConflict((oc) => oc.doNothing()).execute();
    return customer !== undefined;
  }
  let q = trx
    .selectFrom('app_user as u')
    .innerJoin('user_brand as ub', (j) => j.onRef('ub.user_id', '=', 'u.id').on('ub.brand_id', '=', brandId))
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('u.role', '=', 'customer');
  if (actor.role === 'reseller' || actor.role === 'distributor') {
    const org = actor.organisationId;
    if (!org) return false;
    const chain = actor.role === 'reseller' ? [org] : [org, ...(await trx.selectFrom('organisation').select('id').where('parent_id', '=', org).execute()).map((r) => r.id)];
    q = q.where((eb) =>
      eb.or([
        eb('o.parent_id', 'in', chain),
        eb.exists(eb.selectFrom('ticket as rt').select('rt.id').whereRef('rt.requester_id', '=', 'u.id').where('rt.reseller_id', 'in', chain)),
      ]),
    );
  }
  return (await q.executeTakeFirst()) !== undefined;
}

const requesterNotFound = (field: 'requesterId' | 'requesterEmail') =>
  new AppError('REQUESTER_NOT_FOUND', 404, 'No such customer within your reach', { errors: [{ field, code: 'not_found', message: 'no such customer within your reach' }] });

export async function resolveRequester(
  trx: Db,
  actor: Actor,
  brandId: string,
  input: CreateTicketInput,
  fallbackLocale: Locale,
): Promise<{ id: string; locale: Locale; organisationId: string | null }> {
  if (actor.role === 'customer') {
    if (input.requesterId || input.requesterEmail) {
      throw validationFailed([{ field: 'requesterEmail', code: 'not_allowed', message: 'customers open tickets for themselves' }]);
    }
    return { id: actor.userId, locale: actor.locale, organisationId: actor.organisationId };
  }
  if (input.requesterId) {
    const unsafeUser = await trx
      .selectFrom('app_user')
      .select(['id', 'locale', 'organisation_id', 'role'])
      .where('id', '=', input.requesterId)
      .executeTakeFirst();
    if (!unsafeUser || !(await customerInReach(trx, actor, brandId, unsafeUser.id))) throw requesterNotFound('requesterId');
    return { id: unsafeUser.id, locale: unsafeUser.locale, organisationId: unsafeUser.organisation_id };
  }
  if (!input.requesterEmail) {
    if (PORTAL_ROLES.includes(actor.role)) {
      throw validationFailed([{ field: 'requesterEmail', code: 'required', message: 'the end customer is required' }]);
    }
    throw validationFailed([{ field: 'requesterEmail', code: 'required', message: 'the requester is required' }]);
  }
  const email = input.requesterEmail.trim();
  let existing = await findAccountByAddress(trx, email);
  if (!existing) {
    const created = await createCustomer(trx, brandId, { address: email, name: input.requesterName ?? '', locale: input.requesterLocale ?? fallbackLocale });
    if (created) return { id: created.id, locale: created.locale, organisationId: null };
    existing = await findAccountByAddress(trx, email);
    if (!existing) throw new Error(`the account of ${email} was neither found nor created`);
  }
  // Never linked across brands or chains, and never told apart from any other account out of reach.
  if (!(await customerInReach(trx, actor, brandId, existing.id))) throw requesterNotFound('requesterEmail');
  return { id: existing.id, locale: existing.locale, organisationId: existing.organisationId };
}

