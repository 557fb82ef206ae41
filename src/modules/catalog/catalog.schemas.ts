import { isIsoDate } from '../warranty/index.ts';
import { z } from 'zod';

const Localised = z.record(z.string().regex(/^(fr|en|ro|ru|sv)$/), z.string().trim().min(1).max(200));
const IsoDate = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD', params: { code: 'invalid_format' } });

export const ModelBody = z
  .object({
    brandId: z.uuid(),
    familyCode: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/).nullable().default(null),
    code: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'letters, digits, ".", "_" or "-"'),
    name: Localised.refine((n) => Object.keys(n).length > 0, 'at least one language'),
    identifiedBy: z.enum(['serial', 'licence_key']).default('serial'),
    serialPatterns: z.array(z.string().min(1).max(200)).max(10).default([]),
    lifecycle: z.enum(['active', 'end_of_life']).default('active'),
    endOfLifeOn: IsoDate.nullable().default(null),
    commercialWarrantyMonths: z.number().int().min(1).max(240).nullable().default(null),
    onsiteContractLevels: z.array(z.string().regex(/^[a-z0-9_-]{1,40}$/)).max(20).default([]),
    accessories: z.array(z.object({ key: z.string().regex(/^[a-z0-9_-]{1,40}$/), name: Localised })).max(20).default([]),
  })
  .strict();
export type ModelInput = z.infer<typeof ModelBody>;

export const ModelResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  family: z.object({ code: z.string(), name: z.record(z.string(), z.string()) }).nullable(),
  code: z.string(),
  name: z.record(z.string(), z.string()),
  identifiedBy: z.enum(['serial', 'licence_key']),
  serialPatterns: z.array(z.string()),
  lifecycle: z.enum(['active', 'end_of_life']),
  endOfLifeOn: IsoDate.nullable(),
  commercialWarrantyMonths: z.number().nullable(),
  onsiteContractLevels: z.array(z.string()),
  accessories: z.array(z.object({ key: z.string(), name: z.record(z.string(), z.string()) })),
  units: z.number(),
});

export const PartResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  reference: z.string(),
  name: z.record(z.string(), z.string()),
  priceCents: z.number(),
  currency: z.string(),
  stockOnHand: z.number(),
  reorderLeadDays: z.number(),
  models: z.array(z.string()),
});

export const PartBody = z
  .object({
    brandId: z.uuid(),
    reference: z.string().regex(/^[A-Za-z0-9._/-]{1,60}$/, 'letters, digits, ".", "_", "/" or "-"'),
    name: Localised.refine((n) => Object.keys(n).length > 0, 'at least one language'),
    priceCents: z.number().int().min(0).max(100_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/),
    stockOnHand: z.number().int().min(0).max(10_000_000),
    reorderLeadDays: z.number().int().min(0).max(3650),
    /** Codes of the brand's models that use the part. */
    models: z.array(z.string()).max(500).default([]),
  })
  .strict();
export type PartInput = z.infer<typeof PartBody>;
