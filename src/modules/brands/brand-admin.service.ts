import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { HEX_COLOUR, textColourOn } from '../../shared/contrast.ts';
import { LOCALES } from '../../shared/vocabulary.ts';
import { type Actor, isAdmin } from '../auth/index.ts';
import { type Brand, logoUrl, toBrand } from './brand.service.ts';
import { IntakeFormSchema, type IntakeForm } from './intake-form.ts';
import { formatTicketNumber, validateNumberFormat } from './ticket-number.ts';

/**
 * Brands administered in the app (issue 14, item 6): the brand's identity, addresses, languages,
 * time zone, ticket-number format, portal look (colour and logo) and intake form.
 *
 * Who: an administrator manages the brands they belong to (`user_brand`), as an agent works for
 * them; any other brand's id answers 404, like one that does not exist. The demo's administrator
 * belongs to the five brands.
 */
export function mayAdministerBrand(actor: Actor, brandId: string): boolean {
  return isAdmin(actor) && actor.brandIds.includes(brandId);
}

async function lockBrandFor(trx: Db, actor: Actor, brandId: string) {
  if (!mayAdministerBrand(actor, brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const row = await trx.selectFrom('brand').selectAll().where('id', '=', brandId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('BRAND_NOT_FOUND', 'Brand');
  return row;
}

/** The brand's id for an operation of an administrator of it (404 otherwise). */
export async function assertBrandAdmin(db: Db, actor: Actor, brandId: string): Promise<Brand> {
  if (!mayAdministerBrand(actor, brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const row = await db.selectFrom('brand').selectAll().where('id', '=', brandId).executeTakeFirst();
  if (!row) throw notFound('BRAND_NOT_FOUND', 'Brand');
  return toBrand(row);
}

export const BrandAdminResponse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  country: z.string(),
  supportEmail: z.string().nullable(),
  phone: z.string().nullable(),
  postalAddress: z.string(),
  locales: z.array(z.enum(LOCALES)),
  defaultLocale: z.enum(LOCALES),
  timeZone: z.string(),
  ticketNumberFormat: z.string(),
  ticketNumberExample: z.string(),
  primaryColour: z.string().nullable(),
  primaryTextColour: z.string().nullable(),
  logoUrl: z.string().nullable(),
  intakeForm: IntakeFormSchema,
});
export type BrandAdminResponse = z.infer<typeof BrandAdminResponse>;

function toAdminResponse(b: Brand, logoSha: string | null, now: Date): BrandAdminResponse {
  const colour = b.settings.portal.primaryColour ?? null;
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    country: b.country,
    supportEmail: b.supportEmail,
    phone: b.phone,
    postalAddress: b.settings.addresses.postal ?? '',
    locales: b.locales as BrandAdminResponse['locales'],
    defaultLocale: b.defaultLocale as BrandAdminResponse['defaultLocale'],
    timeZone: b.timeZone,
    ticketNumberFormat: b.ticketNumberFormat,
    ticketNumberExample: formatTicketNumber(b.ticketNumberFormat, 1, now.getUTCFullYear()),
    primaryColour: colour,
    primaryTextColour: colour ? textColourOn(colour) : null,
    logoUrl: logoUrl(b.id, logoSha),
    intakeForm: b.settings.intakeForm,
  };
}

async function logoSha(db: Db, brandId: string): Promise<string | null> {
  return (await db.selectFrom('brand_logo').select('sha256').where('brand_id', '=', brandId).executeTakeFirst())?.sha256 ?? null;
}

/** The brands the actor administers, by name. */
export async function listAdministeredBrands(db: Db, actor: Actor, now: Date): Promise<BrandAdminResponse[]> {
  if (!isAdmin(actor) || actor.brandIds.length === 0) return [];
  const rows = await db
    .selectFrom('brand as b')
    .leftJoin('brand_logo as l', 'l.brand_id', 'b.id')
    .selectAll('b')
    .select('l.sha256 as logo_sha256')
    .where('b.id', 'in', actor.brandIds)
    .orderBy('b.name')
    .execute();
  return rows.map((r) => toAdminResponse(toBrand(r), r.logo_sha256, now));
}

export async function getAdministeredBrand(db: Db, actor: Actor, brandId: string, now: Date): Promise<BrandAdminResponse> {
  const brand = await assertBrandAdmin(db, actor, brandId);
  return toAdminResponse(brand, await logoSha(db, brandId), now);
}

export const UpdateBrandBody = z.object({
  name: z.string().max(200),
  supportEmail: z.string().max(254).nullable(),
  phone: z.string().max(40).nullable(),
  postalAddress: z.string().max(1000),
  locales: z.array(z.string().max(10)).max(10),
  defaultLocale: z.string().max(10),
  timeZone: z.string().max(100),
  ticketNumberFormat: z.string().max(80),
  primaryColour: z.string().max(20).nullable(),
});
export type UpdateBrandBody = z.infer<typeof UpdateBrandBody>;

const PHONE = /^\+?[0-9 ().-]{6,24}$/;

/** Every field at fault, named; nothing is written unless all are right. */
function checkBrandBody(body: UpdateBrandBody): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (!body.name.trim()) fail('name', 'required', 'is required');
  if (body.supportEmail?.trim() && !z.email().safeParse(body.supportEmail.trim()).success) fail('supportEmail', 'invalid_format', 'must be an e-mail address');
  if (body.phone?.trim() && !PHONE.test(body.phone.trim())) fail('phone', 'invalid_format', 'must be a phone number');
  if (body.locales.length === 0) fail('locales', 'required', 'offer at least one language');
  body.locales.forEach((l, i) => {
    if (!(LOCALES as readonly string[]).includes(l)) fail(`locales.${i}`, 'invalid_value', `"${l}" is not one of ${LOCALES.join(', ')}`);
  });
  if (new Set(body.locales).size !== body.locales.length) fail('locales', 'duplicate', 'lists a language twice');
  if (!body.locales.includes(body.defaultLocale)) fail('defaultLocale', 'invalid_value', 'must be one of the languages offered');
  if (!IANAZone.isValidZone(body.timeZone)) fail('timeZone', 'unknown_time_zone', `"${body.timeZone}" is not an IANA time zone`);
  const format = validateNumberFormat(body.ticketNumberFormat);
  if (format) fail('ticketNumberFormat', 'invalid_format', format);
  if (body.primaryColour !== null && !HEX_COLOUR.test(body.primaryColour)) fail('primaryColour', 'invalid_format', 'must be a colour #rrggbb');
  return errors;
}

/** Saves the brand's identity, languages, zone, number format and colour, keeping the rest of its settings. */
export async function updateBrand(db: Db, actor: Actor, brandId: string, body: UpdateBrandBody, now: Date): Promise<BrandAdminResponse> {
  const errors = checkBrandBody(body);
  if (errors.length) throw validationFailed(errors);
  return db.transaction().execute(async (trx) => {
    const row = await lockBrandFor(trx, actor, brandId);
    const settings = { ...(row.settings ?? {}) } as Record<string, unknown>;
    const addresses = { ...((settings.addresses as Record<string, string> | undefined) ?? {}) };
    if (body.postalAddress.trim()) addresses.postal = body.postalAddress.trim();
    else delete addresses.postal;
    settings.addresses = addresses;
    settings.portal = { ...((settings.portal as Record<string, unknown> | undefined) ?? {}), primaryColour: body.primaryColour?.toLowerCase() ?? null };
    const updated = await trx
      .updateTable('brand')
      .set({
        name: body.name.trim(),
        support_email: body.supportEmail?.trim() || null,
        phone: body.phone?.trim() || null,
        locales: body.locales,
        default_locale: body.defaultLocale as (typeof LOCALES)[number],
        time_zone: body.timeZone,
        ticket_number_format: body.ticketNumberFormat,
        settings: JSON.stringify(settings),
      })
      .where('id', '=', brandId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAdminResponse(toBrand(updated), await logoSha(trx, brandId), now);
  });
}

/**
 * The intake form's rules beyond its shape: unique keys, a label in every language the brand
 * offers (help text optional), options for a select with unique values and labels, and a field
 * keeps its type once saved — tickets store their values by key, so a number read back as a date
 * would be misread. A form is updated in place: a removed field's values stay on the tickets that
 * have them and are shown under its key.
 */
function checkIntakeForm(form: IntakeForm, previous: IntakeForm, locales: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const seen = new Set<string>();
  const before = new Map(previous.fields.map((f) => [f.key, f.type]));
  form.fields.forEach((f, i) => {
    const at = `fields.${i}`;
    if (seen.has(f.key)) fail(`${at}.key`, 'duplicate', `"${f.key}" is used by another field`);
    seen.add(f.key);
    const was = before.get(f.key);
    if (was && was !== f.type) fail(`${at}.type`, 'not_allowed', `"${f.key}" was saved as ${was}; tickets hold its values as such (add a new field instead)`);
    for (const l of locales) if (!f.label[l]?.trim()) fail(`${at}.label.${l}`, 'required', `the label in ${l} is required`);
    for (const l of Object.keys(f.label)) if (!(LOCALES as readonly string[]).includes(l)) fail(`${at}.label.${l}`, 'invalid_value', `"${l}" is not a language`);
    for (const l of Object.keys(f.help ?? {})) if (!(LOCALES as readonly string[]).includes(l)) fail(`${at}.help.${l}`, 'invalid_value', `"${l}" is not a language`);
    if (f.type === 'select') {
      if (!f.options?.length) fail(`${at}.options`, 'required', 'a list needs at least one option');
      const values = new Set<string>();
      f.options?.forEach((o, j) => {
        if (!o.value.trim()) fail(`${at}.options.${j}.value`, 'required', 'is required');
        if (values.has(o.value)) fail(`${at}.options.${j}.value`, 'duplicate', `"${o.value}" is listed twice`);
        values.add(o.value);
        for (const l of locales) if (!o.label[l]?.trim()) fail(`${at}.options.${j}.label.${l}`, 'required', `the label in ${l} is required`);
      });
    } else if (f.options?.length) fail(`${at}.options`, 'not_allowed', 'only a list has options');
  });
  return errors;
}

/** Replaces the brand's intake form (validated in full); new tickets are checked against it at once. */
export async function updateIntakeForm(db: Db, actor: Actor, brandId: string, form: IntakeForm, now: Date): Promise<BrandAdminResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await lockBrandFor(trx, actor, brandId);
    const brand = toBrand(row);
    const cleaned: IntakeForm = {
      serialsRequired: form.serialsRequired,
      fields: form.fields.map((f) => ({
        ...f,
        label: Object.fromEntries(Object.entries(f.label).map(([l, s]) => [l, s.trim()]).filter(([, s]) => s)),
        ...(f.help ? { help: Object.fromEntries(Object.entries(f.help).map(([l, s]) => [l, s.trim()]).filter(([, s]) => s)) } : {}),
      })),
    };
    const errors = checkIntakeForm(cleaned, brand.settings.intakeForm, brand.locales);
    if (errors.length) throw validationFailed(errors);
    const settings = { ...(row.settings ?? {}), intakeForm: cleaned };
    const updated = await trx.updateTable('brand').set({ settings: JSON.stringify(settings) }).where('id', '=', brandId).returningAll().executeTakeFirstOrThrow();
    return toAdminResponse(toBrand(updated), await logoSha(trx, brandId), now);
  });
}

/** A logo is at most this big: it is shown small, and served from the database. */
export const LOGO_MAX_BYTES = 256 * 1024;
/** Raster images only. SVG is refused: it can carry script, and a logo is shown in the app's pages. */
const LOGO_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const);
type LogoType = typeof LOGO_TYPES extends Set<infer T> ? T : never;

/** Stores a brand's logo after reading its type from its bytes (the declared type is never believed). */
export async function setLogo(db: Db, actor: Actor, brandId: string, content: Buffer, now: Date): Promise<BrandAdminResponse> {
  if (!mayAdministerBrand(actor, brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  if (content.length === 0) throw validationFailed([{ field: 'file', code: 'required', message: 'is empty' }]);
  if (content.length > LOGO_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 413, `file: a logo is at most ${LOGO_MAX_BYTES / 1024} KiB`, { errors: [{ field: 'file', code: 'too_big', message: `is larger than ${LOGO_MAX_BYTES / 1024} KiB` }] });
  }
  const found = await fileTypeFromBuffer(content);
  if (!found || !LOGO_TYPES.has(found.mime as LogoType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'file: a logo is a PNG, JPEG, GIF or WebP image (SVG is not accepted)', {
      errors: [{ field: 'file', code: 'type_not_allowed', message: 'is not a PNG, JPEG, GIF or WebP image' }],
    });
  }
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  return db.transaction().execute(async (trx) => {
    const row = await lockBrandFor(trx, actor, brandId);
    const values = { content_type: found.mime as LogoType, content, size_bytes: content.length, sha256, updated_at: now, updated_by: actor.userId };
    await trx.insertInto('brand_logo').values({ brand_id: brandId, ...values }).onConflict((oc) => oc.column('brand_id').doUpdateSet(values)).execute();
    return toAdminResponse(toBrand(row), sha256, now);
  });
}

export async function removeLogo(db: Db, actor: Actor, brandId: string, now: Date): Promise<BrandAdminResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await lockBrandFor(trx, actor, brandId);
    await trx.deleteFrom('brand_logo').where('brand_id', '=', brandId).execute();
    return toAdminResponse(toBrand(row), null, now);
  });
}

/** A brand's logo, for anyone: it is shown on the brand's public pages before anyone signs in. */
export async function findLogo(db: Db, brandId: string): Promise<{ contentType: string; content: Buffer; sha256: string } | undefined> {
  const row = await db.selectFrom('brand_logo').select(['content_type', 'content', 'sha256']).where('brand_id', '=', brandId).executeTakeFirst();
  return row ? { contentType: row.content_type, content: Buffer.from(row.content), sha256: row.sha256 } : undefined;
}
