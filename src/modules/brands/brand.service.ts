import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { BrandRow } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { dateTimeFormat } from '../../platform/i18n/i18n.ts';
import { type Actor, isAdmin } from '../auth/index.ts';
import { IntakeFormSchema, type IntakeForm } from './intake-form.ts';
import { formatTicketNumber } from './ticket-number.ts';
import { textColourOn } from '../../shared/contrast.ts';

const WorkshopSettingsSchema = z.object({
  /** The currency of quotes and invoices; parts priced in another are refused on a quote. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** The tax rate in basis points (2100 = 21 %); null: the standard rate of the brand's country. */
  taxRateBp: z.number().int().min(0).max(10000).nullable().default(null),
  labourCentsPerHour: z.number().int().min(0).default(0),
  returnShippingCents: z.number().int().min(0).default(0),
  quoteValidityDays: z.number().int().min(1).max(365).default(30),
  supplier: z.string().min(1).max(200).default('Manufacturer'),
  /** What the brand tells customers a repair takes (seed 004: "3 to 30 days"). */
  repairDays: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).default({ min: 3, max: 30 }),
  /** An unused unit found defective within this many days of delivery is exchanged (seed 001). */
  defectiveOnArrivalDays: z.number().int().min(0).max(365).default(30),
  /** A remedy costing more than this many times the other is disproportionate (Dir. 2019/771 art. 13(2)). */
  disproportionateRatio: z.number().min(1).max(10).default(1.5),
});

/** The typed view of `brand.settings`; unknown keys are kept for later modules. */
export const BrandSettingsSchema = z
  .object({
    intakeForm: IntakeFormSchema.default({ serialsRequired: false, fields: [] }),
    portal: z
      .object({
        organisationTickets: z.boolean().default(false),
        /** The portal's and public pages' primary colour (#rrggbb); null: the app's own. */
        primaryColour: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable().default(null),
      })
      .default({ organisationTickets: false, primaryColour: null }),
    /** A customer writing on a resolved or closed ticket reopens it within this many days. */
    reopenDays: z.number().int().min(0).max(365).default(14),
    addresses: z.record(z.string(), z.string()).default({}),
    /** The brand's own after-sales rules, as its terms state them; the law check compares them with the law. */
    afterSales: z
      .object({
        remedyChosenBy: z.enum(['consumer', 'seller']).default('consumer'),
        refurbishedReplacement: z.enum(['never', 'with_consent', 'always']).default('with_consent'),
        returnShippingPaidBy: z.enum(['seller', 'customer']).default('seller'),
        diagnosticFeeCents: z.number().int().min(0).nullable().default(null),
        diagnosticFeeWithinLegalGuarantee: z.boolean().default(false),
        paymentDisputeBlocksAfterSales: z.boolean().default(false),
        paymentDisputeDeniesLegalGuarantee: z.boolean().default(false),
        /** Countries it sells to (ISO alpha-2); empty: the brand's own country. */
        countriesOfSale: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
      })
      .default({
        remedyChosenBy: 'consumer',
        refurbishedReplacement: 'with_consent',
        returnShippingPaidBy: 'seller',
        diagnosticFeeCents: null,
        diagnosticFeeWithinLegalGuarantee: false,
        paymentDisputeBlocksAfterSales: false,
        paymentDisputeDeniesLegalGuarantee: false,
        countriesOfSale: [],
      }),
    /** Returns (issue 12): the brand's channel rule, its counter's rules, and what its documents show. */
    returns: z
      .object({
        /** Returns of units sold by a reseller go through the reseller, then its distributor (seed 002). */
        throughChannel: z.boolean().default(false),
        /** Parcels sent cash on delivery are refused at the counter (seed 004). */
        refusesCashOnDelivery: z.boolean().default(false),
        /** The colour of the brand's band on labels and documents. */
        accentColour: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#1f4e79'),
        /** Where parcels go: the return address's lines (empty: the postal address). */
        address: z.array(z.string().min(1).max(200)).max(6).default([]),
      })
      .default({ throughChannel: false, refusesCashOnDelivery: false, accentColour: '#1f4e79', address: [] }),
    /** The workshop (issue 13): what its quotes charge, how long repairs take, and the law's thresholds it applies. */
    workshop: WorkshopSettingsSchema.default(WorkshopSettingsSchema.parse({})),
  })
  .passthrough();
export type BrandSettings = z.infer<typeof BrandSettingsSchema>;

export interface Brand {
  id: string;
  slug: string;
  name: string;
  country: string;
  timeZone: string;
  defaultLocale: string;
  locales: string[];
  supportEmail: string | null;
  phone: string | null;
  ticketNumberFormat: string;
  settings: BrandSettings;
  /** The logo's content hash when the brand has one and the query read it (its URL changes with it). */
  logoSha256?: string | null;
}

export function toBrand(row: BrandRow & { logo_sha256?: string | null }): Brand {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    locales: row.locales,
    supportEmail: row.support_email,
    phone: row.phone,
    ticketNumberFormat: row.ticket_number_format,
    settings: BrandSettingsSchema.parse(row.settings ?? {}),
    logoSha256: row.logo_sha256 ?? null,
  };
}

export function intakeFormOf(brand: Brand): IntakeForm {
  return brand.settings.intakeForm;
}

export function mayUseBrand(actor: Actor, brandId: string): boolean {
  return isAdmin(actor) || actor.brandIds.includes(brandId);
}

export async function listBrands(db: Db, actor: Actor): Promise<Brand[]> {
  let q = db.selectFrom('brand').leftJoin('brand_logo as l', 'l.brand_id', 'brand.id').selectAll('brand').select('l.sha256 as logo_sha256').orderBy('brand.name');
  if (!isAdmin(actor)) {
    if (actor.brandIds.length === 0) return [];
    q = q.where('brand.id', 'in', actor.brandIds);
  }
  return (await q.execute()).map(toBrand);
}

export async function listAllBrands(db: Db): Promise<Brand[]> {
  return (await db.selectFrom('brand').selectAll().orderBy('name').execute()).map(toBrand);
}

/** A brand the actor may use; any other id answers 404, like one that does not exist. */
export async function getBrandFor(db: Db, actor: Actor, brandId: string): Promise<Brand> {
  if (!mayUseBrand(actor, brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const row = await db.selectFrom('brand').leftJoin('brand_logo as l', 'l.brand_id', 'brand.id').selectAll('brand').select('l.sha256 as logo_sha256').where('brand.id', '=', brandId).executeTakeFirst();
  if (!row) throw notFound('BRAND_NOT_FOUND', 'Brand');
  return toBrand(row);
}

export async function getBrandById(db: Db, brandId: string): Promise<Brand> {
  const row = await db.selectFrom('brand').selectAll().where('id', '=', brandId).executeTakeFirst();
  if (!row) throw new AppError('BRAND_NOT_FOUND', 404, 'Brand not found');
  return toBrand(row);
}

export const BrandResponse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  phone: z.string().nullable(),
  supportEmail: z.string().nullable(),
  ticketNumberExample: z.string(),
  intakeForm: IntakeFormSchema,
  /** The portal look: the brand's colour, the text colour that reads on it (≥ 4.5:1), its logo. */
  primaryColour: z.string().nullable(),
  primaryTextColour: z.string().nullable(),
  logoUrl: z.string().nullable(),
});

/** Where a brand's logo is served; the content hash in the query makes a new logo a new URL. */
export function logoUrl(brandId: string, sha256: string | null | undefined): string | null {
  return sha256 ? `/api/v1/brands/${brandId}/logo?v=${sha256.slice(0, 12)}` : null;
}

/** `now` gives the year of the example ticket number. */
export function toBrandResponse(b: Brand, now: Date): z.infer<typeof BrandResponse> {
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    country: b.country,
    timeZone: b.timeZone,
    defaultLocale: b.defaultLocale,
    locales: b.locales,
    phone: b.phone,
    supportEmail: b.supportEmail,
    ticketNumberExample: formatTicketNumber(b.ticketNumberFormat, 1, now.getUTCFullYear()),
    intakeForm: b.settings.intakeForm,
    primaryColour: b.settings.portal.primaryColour,
    primaryTextColour: b.settings.portal.primaryColour ? textColourOn(b.settings.portal.primaryColour) : null,
    logoUrl: logoUrl(b.id, b.logoSha256),
  };
}

/** The calendar year of an instant in the brand's time zone (numbers restart on local New Year). */
export function yearIn(timeZone: string, at: Date): number {
  return Number(dateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at));
}
